// What `send` and `reproduce --send` share: sending one request and waiting, and the exit code it earns.
#pragma once

#include "core/diagnosis/response.h"
#include "core/transport/transport.h"

namespace kommo::cli {

struct SendOutcome
{
    Exchange exchange;
    QList<diagnosis::Line> lines; // what the answer means, judged against the local clock
    int exitCode = 0;             // as exitCodeFor
};

// Sends request through transport, spins an event loop until the exchange ends (Ctrl-C cancels it), and
// explains the answer.
SendOutcome sendAndExplain(Transport &transport, const SignedRequest &request);

// When request must not go out, prints "kommo-status VERB: not sent:" and each blocking finding to standard
// error and returns true (the caller exits with the usage code).
bool refuseUnsendable(const QString &verb, const SignedRequest &request);

// 0 for a 2xx response, 3 for any other HTTP status, 4 for a transport failure.
int exitCodeFor(const Exchange &exchange);

} // namespace kommo::cli

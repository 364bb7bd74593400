// What `send` and `reproduce --send` share: sending one request and waiting, and the exit code it earns.
#pragma once

#include "core/transport/transport.h"

#include <optional>

namespace kommo::cli {

// Sends request through transport and spins an event loop until the exchange ends. Nothing when the
// transport refused to start (it has said why through the exchange it reports, or its own result).
std::optional<Exchange> sendAndWait(Transport &transport, const SignedRequest &request);

// 0 for a 2xx response, 3 for any other HTTP status, 4 for a transport failure.
int exitCodeFor(const Exchange &exchange);

} // namespace kommo::cli

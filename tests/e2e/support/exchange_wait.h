// For e2e tests: send one request with a Transport and wait for its exchange while the event loop runs.
#pragma once

#include "core/diagnosis/response.h"
#include "core/transport/transport.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace kommo::test {

// Sends request and spins the event loop (an in-process server keeps serving) until finished or waitMs pass.
inline Exchange sendAndWait(Transport &transport, const SignedRequest &request, int waitMs = 15000)
{
    QSignalSpy spy(&transport, &Transport::finished);
    if (!transport.send(request))
        qFatal("the transport was busy");
    if (!spy.wait(waitMs))
        qFatal("the transport did not finish in time");
    return spy.takeFirst().at(0).value<Exchange>();
}

// Whether the diagnosis has a line with this id.
inline bool hasLine(const QList<diagnosis::Line> &lines, const QString &id)
{
    return std::any_of(lines.cbegin(), lines.cend(), [&id](const diagnosis::Line &l) { return l.id == id; });
}

// A transport for loopback tests: no proxy, a short timeout.
inline TransportOptions loopbackOptions(int timeoutMs = 5000)
{
    TransportOptions options;
    options.proxyMode = ProxyMode::None;
    options.timeoutMs = timeoutMs;
    return options;
}

} // namespace kommo::test

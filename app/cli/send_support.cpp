#include "app/cli/send_support.h"

#include "app/cli/stop_signals.h"
#include "app/cli/verb.h"

#include <QEventLoop>

namespace kommo::cli {

std::optional<Exchange> sendAndWait(Transport &transport, const SignedRequest &request)
{
    Exchange exchange;
    QEventLoop loop;
    // Ctrl-C cancels: the exchange then ends as canceled and what was sent is still shown.
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &transport, [&transport] { transport.cancel(); });
    QObject::connect(&transport, &Transport::finished, &loop, [&](const Exchange &e) {
        exchange = e;
        loop.quit();
    });
    if (!transport.send(request))
        return std::nullopt;
    loop.exec();
    return exchange;
}

int exitCodeFor(const Exchange &exchange)
{
    if (exchange.fault.kind != FaultKind::None || !exchange.hasResponse())
        return ExitTransport;
    return exchange.status >= 200 && exchange.status < 300 ? ExitOk : ExitHttpStatus;
}

} // namespace kommo::cli

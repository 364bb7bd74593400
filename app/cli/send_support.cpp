#include "app/cli/send_support.h"

#include "app/cli/console_io.h"
#include "app/cli/stop_signals.h"
#include "app/cli/verb.h"

#include "core/clock.h"
#include "core/signing/report.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace kommo::cli {

SendOutcome sendAndExplain(Transport &transport, const SignedRequest &request)
{
    SendOutcome outcome;
    QEventLoop loop;
    // Ctrl-C cancels: the exchange then ends as canceled and what was sent is still shown.
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &transport, [&transport] { transport.cancel(); });
    QObject::connect(&transport, &Transport::finished, &loop, [&](const Exchange &e) {
        outcome.exchange = e;
        loop.quit();
    });
    if (transport.send(request)) {
        loop.exec();
    } else {
        outcome.exchange.fault = {
            FaultKind::Other, QCoreApplication::translate("kommo::cli", "The transport is busy."), {}};
    }
    outcome.lines = diagnosis::explainExchange(outcome.exchange, systemClock().now());
    outcome.exitCode = exitCodeFor(outcome.exchange);
    return outcome;
}

bool refuseUnsendable(const QString &verb, const SignedRequest &request)
{
    if (request.canSend())
        return false;
    printErr(QCoreApplication::translate("kommo::cli", "kommo-status %1: not sent:\n").arg(verb));
    for (const Finding &f : request.findings) {
        if (f.blocksSending)
            printErr(QStringLiteral("  ") + report::findingLine(f) + u'\n');
    }
    return true;
}

int exitCodeFor(const Exchange &exchange)
{
    if (exchange.fault.kind != FaultKind::None || !exchange.hasResponse())
        return ExitTransport;
    return exchange.status >= 200 && exchange.status < 300 ? ExitOk : ExitHttpStatus;
}

} // namespace kommo::cli

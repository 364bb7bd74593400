#include "ui/send_controller.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSend, "kommo.ui.send")

namespace kommo::ui {

SendController::SendController(RequestDraft *draft, QObject *parent)
    : QObject(parent)
    , m_draft(draft)
{
    m_transport.setClock(&m_draft->clock());
    connect(&m_transport, &Transport::finished, this, [this](const Exchange &exchange) {
        qCInfo(lcSend) << "finished" << exchange.url.toString() << exchange.status
                       << faultKindName(exchange.fault.kind);
        m_busy = false;
        Q_EMIT busyChanged(false);
        Q_EMIT exchangeFinished(exchange, diagnosis::explainExchange(exchange, m_draft->clock().now()));
    });
}

void SendController::send()
{
    if (m_busy)
        return;
    sendRequest(m_draft->snapshotForSend());
}

void SendController::sendRequest(const SignedRequest &request)
{
    if (m_busy)
        return;
    if (!request.canSend()) {
        Q_EMIT blocked(blockingMessages(request.findings).join(u' '));
        return;
    }
    Q_EMIT sending(request);
    m_busy = true;
    Q_EMIT busyChanged(true);
    if (!m_transport.send(request)) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
}

void SendController::cancel()
{
    if (m_transport.isBusy())
        m_transport.cancel();
}

} // namespace kommo::ui

// Sending the draft: a snapshot re-stamped where the Date follows the clock, the transport, and the
// diagnosis.
#pragma once

#include "core/diagnosis/response.h"
#include "core/draft/requestdraft.h"
#include "core/transport/transport.h"

#include <QObject>

namespace kommo::ui {

class SendController : public QObject
{
    Q_OBJECT

public:
    SendController(RequestDraft *draft, QObject *parent = nullptr);

    Transport &transport() { return m_transport; }
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    // Sends unless the findings make sending impossible or unsafe; other findings only warn.
    void send();
    // Sends a request signed elsewhere (a reproduced capture) through the same path, signals included.
    void sendRequest(const kommo::SignedRequest &request);
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void sending(const kommo::SignedRequest &request);
    // Why the request was not sent (the blocking findings, in words).
    void blocked(const QString &why);
    void exchangeFinished(const kommo::Exchange &exchange, const QList<kommo::diagnosis::Line> &diagnosis);

private:
    RequestDraft *m_draft;
    Transport m_transport;
    bool m_busy = false; // from send() until finished, signals included
};

} // namespace kommo::ui

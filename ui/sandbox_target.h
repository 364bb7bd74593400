// The built-in sandbox as a target: started in-process on loopback on first use, holding the current
// scope_id and secret as its channel.
#pragma once

#include "core/draft/requestdraft.h"
#include "core/result.h"
#include "core/sandbox/sandbox.h"

#include <QObject>
#include <QUrl>

namespace kommo::ui {

class SandboxTarget : public QObject
{
    Q_OBJECT

public:
    SandboxTarget(RequestDraft *draft, QObject *parent = nullptr);

    // Starts the sandbox once (127.0.0.1, a free port) and returns its base URL.
    Result<QUrl> ensureStarted();
    bool isRunning() const { return m_sandbox.isRunning(); }
    sandbox::Sandbox &sandbox() { return m_sandbox; }

    // On (the default): the sandbox's channel follows the form's scope_id and secret. Off: it keeps the
    // channel it holds, so that a changed secret in the form earns the 403 a wrong secret gets.
    void setFollowDraft(bool follow);
    bool followsDraft() const { return m_follow; }

Q_SIGNALS:
    void started(const QUrl &url);
    void requestReceived(const kommo::sandbox::ReceivedRequest &request);

private:
    void syncChannel();

    RequestDraft *m_draft;
    sandbox::Sandbox m_sandbox;
    QString m_scopeId; // the channel the sandbox holds for the draft
    QByteArray m_secret;
    bool m_follow = true;
};

} // namespace kommo::ui

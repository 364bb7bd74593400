#include "ui/sandbox_target.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSandboxTarget, "kommo.ui.sandbox")

namespace kommo::ui {

SandboxTarget::SandboxTarget(RequestDraft *draft, QObject *parent)
    : QObject(parent)
    , m_draft(draft)
{
    connect(&m_sandbox, &sandbox::Sandbox::requestReceived, this, &SandboxTarget::requestReceived);
    connect(m_draft, &RequestDraft::changed, this, &SandboxTarget::syncChannel);
}

Result<QUrl> SandboxTarget::ensureStarted()
{
    if (m_sandbox.isRunning())
        return m_sandbox.url();
    const Result<quint16> port = m_sandbox.start(0);
    if (!port)
        return Result<QUrl>::failure(port.error());
    qCInfo(lcSandboxTarget) << "sandbox listening on" << m_sandbox.url().toString();
    syncChannel();
    Q_EMIT started(m_sandbox.url());
    return m_sandbox.url();
}

void SandboxTarget::setFollowDraft(bool follow)
{
    m_follow = follow;
    syncChannel();
}

void SandboxTarget::syncChannel()
{
    if (!m_sandbox.isRunning() || !m_follow)
        return;
    // The channel is the one the request names: the path's scope_id when the path is typed by hand.
    const std::optional<delivery::PathParts> parts = delivery::parsePath(m_draft->current().spec.path);
    const QString scopeId = parts ? parts->scopeId : m_draft->scopeId();
    const QByteArray secret = m_draft->secret();
    if (scopeId == m_scopeId && secret == m_secret)
        return;
    if (!m_scopeId.isEmpty() && m_scopeId != scopeId)
        m_sandbox.removeChannel(m_scopeId);
    m_scopeId = scopeId;
    m_secret = secret;
    if (!scopeId.isEmpty() && !secret.isEmpty())
        m_sandbox.addChannel(scopeId, secret);
}

} // namespace kommo::ui

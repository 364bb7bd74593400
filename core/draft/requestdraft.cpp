#include "core/draft/requestdraft.h"

#include "core/signing/httpdate.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDraft, "kommo.core.draft")

namespace kommo {

RequestDraft::RequestDraft(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    recompute();
}

delivery::Form RequestDraft::form() const
{
    delivery::Form f;
    f.scopeId = m_scopeId;
    f.msgid = m_msgid;
    f.deliveryStatus = m_deliveryStatus;
    if (m_deliveryStatus == delivery::errorStatusValue) {
        f.errorCode = m_errorCode;
        if (!m_errorText.isEmpty())
            f.errorText = m_errorText;
    }
    return f;
}

QByteArray RequestDraft::generatedBody() const
{
    return delivery::canonicalBody(form());
}

SignedRequest RequestDraft::snapshotForSend()
{
    if (m_dateMode == DateMode::FollowClock)
        refresh();
    return m_current;
}

void RequestDraft::batch(const std::function<void()> &changes)
{
    ++m_batchDepth;
    changes();
    --m_batchDepth;
    if (m_batchDepth == 0 && m_dirty)
        recompute();
}

template<typename T> void RequestDraft::assign(T &member, const T &value)
{
    if (member == value)
        return;
    member = value;
    if (m_batchDepth > 0)
        m_dirty = true;
    else
        recompute();
}

void RequestDraft::setBaseUrl(const QString &baseUrl)
{
    assign(m_baseUrl, baseUrl);
}

void RequestDraft::setSecret(const QByteArray &secret)
{
    assign(m_secret, secret);
}

void RequestDraft::setScopeId(const QString &scopeId)
{
    assign(m_scopeId, scopeId);
}

void RequestDraft::setMsgid(const QString &msgid)
{
    assign(m_msgid, msgid);
}

void RequestDraft::setDeliveryStatus(int value)
{
    assign(m_deliveryStatus, value);
}

void RequestDraft::setErrorCode(std::optional<int> code)
{
    assign(m_errorCode, code);
}

void RequestDraft::setErrorText(const QString &text)
{
    assign(m_errorText, text);
}

void RequestDraft::setDateMode(DateMode mode)
{
    batch([&] {
        // A fixed Date starts from the one shown, so that switching modes changes no byte by itself.
        if (mode == DateMode::Fixed && m_fixedDate.isEmpty())
            assign(m_fixedDate, m_current.spec.date);
        assign(m_dateMode, mode);
    });
}

void RequestDraft::setFixedDate(const QByteArray &date)
{
    batch([&] {
        assign(m_fixedDate, date);
        assign(m_dateMode, DateMode::Fixed);
    });
}

void RequestDraft::stampNow()
{
    setFixedDate(httpdate::format(m_clock.now()));
}

void RequestDraft::setBodyMode(BodyMode mode)
{
    batch([&] {
        if (mode == BodyMode::Raw && m_bodyMode == BodyMode::Form && m_rawBody.isEmpty())
            assign(m_rawBody, generatedBody());
        assign(m_bodyMode, mode);
    });
}

void RequestDraft::setRawBody(const QByteArray &body)
{
    assign(m_rawBody, body);
}

void RequestDraft::setMethod(const QByteArray &method)
{
    assign(m_method, method);
}

void RequestDraft::setPathOverride(const QByteArray &path)
{
    assign(m_pathOverride, path);
}

void RequestDraft::setContentType(const QByteArray &contentType)
{
    assign(m_contentType, contentType);
}

void RequestDraft::setExtraHeaders(const QList<Header> &headers)
{
    assign(m_extraHeaders, headers);
}

void RequestDraft::refresh()
{
    if (m_batchDepth > 0)
        m_dirty = true;
    else
        recompute();
}

void RequestDraft::recompute()
{
    m_dirty = false;
    const QDateTime now = m_clock.now();

    RequestSpec spec = formRequest(form());
    spec.baseUrl = m_baseUrl;
    spec.method = m_method;
    spec.contentType = m_contentType;
    spec.extraHeaders = m_extraHeaders;
    if (!m_pathOverride.isEmpty())
        spec.path = m_pathOverride;
    if (m_bodyMode == BodyMode::Raw)
        spec.body = m_rawBody;
    spec.date = m_dateMode == DateMode::FollowClock ? httpdate::format(now) : m_fixedDate;

    m_current = sign(spec, m_secret, now);
    qCDebug(lcDraft) << "recomputed" << m_current.target << "findings:" << m_current.findings.size();
    Q_EMIT changed();
}

} // namespace kommo

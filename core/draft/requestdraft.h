// RequestDraft: the editable state of one request; every change recomputes one SignedRequest.
#pragma once

#include "core/clock.h"
#include "core/delivery/delivery.h"
#include "core/signing/signing.h"

#include <QObject>

#include <functional>
#include <optional>

namespace kommo {

class RequestDraft : public QObject
{
    Q_OBJECT

public:
    // Where the Date comes from: the clock at each change and at send time, or a value kept as typed.
    enum class DateMode
    {
        FollowClock,
        Fixed
    };
    // Where the body comes from: the form's canonical body, or raw text edited by hand.
    enum class BodyMode
    {
        Form,
        Raw
    };

    // The clock must outlive the draft.
    explicit RequestDraft(const Clock &clock = systemClock(), QObject *parent = nullptr);

    QString baseUrl() const { return m_baseUrl; }
    // Kept in memory only; never written anywhere by the draft.
    QByteArray secret() const { return m_secret; }
    QString scopeId() const { return m_scopeId; }
    QString msgid() const { return m_msgid; }
    int deliveryStatus() const { return m_deliveryStatus; }
    std::optional<int> errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }
    DateMode dateMode() const { return m_dateMode; }
    QByteArray fixedDate() const { return m_fixedDate; }
    BodyMode bodyMode() const { return m_bodyMode; }
    QByteArray rawBody() const { return m_rawBody; }
    QByteArray method() const { return m_method; }
    // Empty: the path follows scope_id and msgid.
    QByteArray pathOverride() const { return m_pathOverride; }
    QByteArray contentType() const { return m_contentType; }
    QList<Header> extraHeaders() const { return m_extraHeaders; }

    // The form as it goes into the body: error_code and error only with the Error status, error only when
    // it is not empty.
    delivery::Form form() const;
    // What the form mode would send, whatever the current mode.
    QByteArray generatedBody() const;
    // The current request, recomputed after every change.
    const SignedRequest &current() const { return m_current; }
    const Clock &clock() const { return m_clock; }

    // The request to send now: where the Date follows the clock it is re-stamped and re-signed in this very
    // step (and changed is emitted), so that it never leaves with a stale signature.
    SignedRequest snapshotForSend();

    // Applies several changes and recomputes once, with one changed signal.
    void batch(const std::function<void()> &changes);

public Q_SLOTS:
    void setBaseUrl(const QString &baseUrl);
    void setSecret(const QByteArray &secret);
    void setScopeId(const QString &scopeId);
    void setMsgid(const QString &msgid);
    void setDeliveryStatus(int value);
    void setErrorCode(std::optional<int> code);
    void setErrorText(const QString &text);
    void setDateMode(kommo::RequestDraft::DateMode mode);
    // Also switches to the fixed mode.
    void setFixedDate(const QByteArray &date);
    // Fixes the Date at the clock's current reading ("Re-sign now").
    void stampNow();
    // Switching to Raw starts the raw text from the generated body when no raw text was typed yet.
    void setBodyMode(kommo::RequestDraft::BodyMode mode);
    void setRawBody(const QByteArray &body);
    void setMethod(const QByteArray &method);
    void setPathOverride(const QByteArray &path);
    void setContentType(const QByteArray &contentType);
    void setExtraHeaders(const QList<kommo::Header> &headers);
    // Recomputes with a fresh reading of the clock (the Date, when it follows the clock, and freshness).
    void refresh();

Q_SIGNALS:
    // Emitted once after each change, when current() holds the new request.
    void changed();

private:
    template<typename T> void assign(T &member, const T &value);
    void recompute();

    const Clock &m_clock;
    QString m_baseUrl = defaultBaseUrl;
    QByteArray m_secret;
    QString m_scopeId;
    QString m_msgid;
    int m_deliveryStatus = 2;
    std::optional<int> m_errorCode;
    QString m_errorText;
    DateMode m_dateMode = DateMode::FollowClock;
    QByteArray m_fixedDate;
    BodyMode m_bodyMode = BodyMode::Form;
    QByteArray m_rawBody;
    QByteArray m_method = "POST";
    QByteArray m_pathOverride;
    QByteArray m_contentType = "application/json";
    QList<Header> m_extraHeaders;

    SignedRequest m_current;
    int m_batchDepth = 0;
    bool m_dirty = false;
};

} // namespace kommo

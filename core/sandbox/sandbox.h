// The built-in sandbox: a loopback HTTP server that judges delivery-status requests the way the API does.
#pragma once

#include "core/result.h"
#include "core/signing/signing.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace kommo::sandbox {

class HttpListener;

// One status change the sandbox accepted.
struct StatusChange
{
    QDateTime at; // by the sandbox's clock
    QString scopeId;
    QString msgid;
    int deliveryStatus = 0;
    std::optional<int> errorCode;
    std::optional<QString> errorText;
};

// One request as the sandbox received it, and what it answered.
struct ReceivedRequest
{
    QDateTime at; // by the sandbox's clock
    QByteArray method;
    QByteArray target;     // path and query
    QList<Header> headers; // in wire order, as received (values trimmed by the server)
    QByteArray body;       // byte-exact
    int status = 0;        // what the sandbox answered
    QByteArray errorType;  // e.g. "ORIGIN_INVALID_SIGNATURE"; empty on success
    QString verdict;       // in words: why it answered so
    QByteArray responseBody;

    QByteArray header(QByteArrayView name) const; // the first value, any case
};

class Sandbox : public QObject
{
    Q_OBJECT

public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    // Listens on 127.0.0.1 (never another address); port 0 picks a free one. Returns the bound port.
    Result<quint16> start(quint16 port = 0);
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:PORT"; empty while stopped.
    QUrl url() const;

    // A channel: its scope_id and secret. A second call with the same scope_id replaces the secret.
    void addChannel(const QString &scopeId, const QByteArray &secret);
    void removeChannel(const QString &scopeId);
    QStringList channels() const;

    // Registers a msgid; in strict mode only registered msgids are accepted.
    void addMessage(const QString &msgid);
    void setStrict(bool strict) { m_strict = strict; }
    bool isStrict() const { return m_strict; }

    // The sandbox's clock: the system clock, or a fixed instant, moved by an offset in seconds.
    void setFixedNow(const std::optional<QDateTime> &instant) { m_fixedNow = instant; }
    void setClockOffset(qint64 seconds) { m_offsetSeconds = seconds; }
    QDateTime now() const;

    // Every accepted status change of msgid, oldest first; all of them with an empty msgid.
    QList<StatusChange> statusChanges(const QString &msgid = {}) const;
    QList<ReceivedRequest> receivedRequests() const { return m_received; }
    void clearHistory();

    // Judges one request and returns the answer: no network involved (the server calls this too).
    ReceivedRequest judge(QByteArrayView method, QByteArrayView target, const QList<Header> &headers,
                          const QByteArray &body);

Q_SIGNALS:
    // Emitted for every request received over HTTP, after it was answered.
    void requestReceived(const kommo::sandbox::ReceivedRequest &request);

private:
    friend class HttpListener;
    ReceivedRequest handleSandboxEndpoint(ReceivedRequest request);
    void record(const ReceivedRequest &request);

    std::unique_ptr<HttpListener> m_listener;
    quint16 m_port = 0;
    QHash<QString, QByteArray> m_channels; // scope_id -> secret; never logged
    QSet<QString> m_messages;
    QList<StatusChange> m_changes;
    QList<ReceivedRequest> m_received;
    bool m_strict = false;
    std::optional<QDateTime> m_fixedNow;
    qint64 m_offsetSeconds = 0;
};

// The JSON body the sandbox answers with, in the real API's error shape.
QByteArray errorBody(int code, QByteArrayView errorType, const QString &description);

} // namespace kommo::sandbox

Q_DECLARE_METATYPE(kommo::sandbox::ReceivedRequest)

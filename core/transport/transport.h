// Sending one SignedRequest with QNetworkAccessManager: the bytes that were hashed, every header ours,
// timings.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "core/signing/signing.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QTimer;
QT_END_NAMESPACE

namespace kommo {

// Why an exchange ended without a complete response.
enum class FaultKind
{
    None,
    HostNotFound,      // DNS failure
    ConnectionRefused, // nothing listens there
    Timeout,           // no complete answer within the timeout
    Tls,               // the certificate or the handshake was refused (never ignored)
    Canceled,          // the user canceled
    RemoteClosed,      // the server closed the connection before the response was complete
    Proxy,             // the proxy refused or failed
    Other,
};

// A machine-readable name: "host_not_found", "connection_refused", "timeout", "tls", "canceled", ...
QString faultKindName(FaultKind kind);

// One certificate problem, in words: who the certificate names, who signed it, and why it was refused.
struct TlsProblem
{
    QString subject;
    QString issuer;
    QString reason;
};

struct Fault
{
    FaultKind kind = FaultKind::None;
    QString message; // a sentence for a person
    QList<TlsProblem> tlsProblems;
};

// Milliseconds since the send started; -1 where Qt reported nothing.
struct Timings
{
    qint64 connectStartMs = -1; // the socket started connecting (no new connection: -1)
    qint64 encryptedMs = -1;    // the TLS handshake finished
    qint64 requestSentMs = -1;  // the request was written
    qint64 firstByteMs = -1;    // the response's status line and headers arrived
    qint64 totalMs = -1;        // the exchange ended (response complete, fault or cancel)
};

// One request as it went out and what came back.
struct Exchange
{
    // What went out: exactly these headers, in this order, and rawRequest (request line, headers, body).
    QByteArray method;
    QUrl url;
    QList<Header> sentHeaders;
    QByteArray sentRaw;
    QByteArray sentBody;

    // What came back; status 0 when no response arrived.
    int status = 0;
    QByteArray reason;      // the status line's reason phrase
    QByteArray httpVersion; // "1.1"
    QList<Header> responseHeaders;
    QByteArray responseBody; // the raw bytes, never decoded
    bool truncated = false;  // the body passed the size limit: the reply was aborted, what arrived is kept
    qint64 peakBufferedBytes = 0; // the most response bytes held at once (ours plus Qt's read buffer)

    Timings timings;
    QDateTime sentAt; // by the transport's clock
    Fault fault;

    bool hasResponse() const { return status > 0; }
    bool ok() const { return fault.kind == FaultKind::None && status >= 200 && status < 300; }
    QByteArray responseHeader(QByteArrayView name) const; // the first value, any case
    QByteArray statusLine() const;                        // "HTTP/1.1 200 OK"
};

enum class ProxyMode
{
    System,
    None,
    Explicit
};

struct TransportOptions
{
    int timeoutMs = 30000; // the whole exchange, connect to last byte
    qint64 maxResponseBytes = 5 * 1024 * 1024;
    qint64 readBufferBytes = 64 * 1024; // what Qt may hold before we read it
    QString caFile;                     // PEM certificates trusted on top of the system's (a staging host)
    ProxyMode proxyMode = ProxyMode::System;
    QNetworkProxy proxy; // with ProxyMode::Explicit
};

// Re-stamps the Date from clock and signs, in one step: the request never leaves with a stale signature.
SignedRequest stampAndSign(RequestSpec spec, QByteArrayView secret, const Clock &clock);

// Sends one request at a time. Emits finished exactly once per send(), also after cancel() or a fault.
class Transport : public QObject
{
    Q_OBJECT

public:
    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    // Applies to the next send(). Fails when the CA file cannot be read or holds no certificate.
    Result<bool> setOptions(const TransportOptions &options);
    const TransportOptions &options() const { return m_options; }

    void setClock(const Clock *clock) { m_clock = clock; }

    // Sends request as signed. A request whose findings block sending is not sent: finished carries a fault.
    // Returns false when another send is still running.
    bool send(const SignedRequest &request);
    bool isBusy() const { return m_reply != nullptr; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void started(const kommo::Exchange &exchange);
    void finished(const kommo::Exchange &exchange);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onSslErrors(const QList<QSslError> &errors);
    qint64 elapsed() const { return m_elapsed.elapsed(); }

    TransportOptions m_options;
    QList<QSslCertificate> m_extraCas;
    const Clock *m_clock = nullptr;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_elapsed;
    Exchange m_exchange;
    std::optional<Fault>
        m_pendingFault; // decided before Qt reports the reply finished (timeout, cancel, TLS)
};

} // namespace kommo

Q_DECLARE_METATYPE(kommo::Exchange)

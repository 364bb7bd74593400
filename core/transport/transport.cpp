#include "core/transport/transport.h"

#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

Q_LOGGING_CATEGORY(lcTransport, "kommo.core.transport", QtWarningMsg)

namespace kommo {
namespace {

KOMMO_DECLARE_TR("kommo::transport")

// The system's proxy settings, except for loopback: a proxy never reaches the sandbox on this machine.
class SystemProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        const QString host = query.peerHostName();
        const QHostAddress address(host);
        if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 ||
            (!address.isNull() && address.isLoopback()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};

QString certificateName(const QStringList &parts)
{
    return parts.isEmpty() ? QString() : parts.join(u", ");
}

} // namespace

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::None:
        return QStringLiteral("none");
    case FaultKind::HostNotFound:
        return QStringLiteral("host_not_found");
    case FaultKind::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case FaultKind::Timeout:
        return QStringLiteral("timeout");
    case FaultKind::Tls:
        return QStringLiteral("tls");
    case FaultKind::Canceled:
        return QStringLiteral("canceled");
    case FaultKind::RemoteClosed:
        return QStringLiteral("remote_closed");
    case FaultKind::Proxy:
        return QStringLiteral("proxy");
    case FaultKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QByteArray Exchange::responseHeader(QByteArrayView name) const
{
    for (const Header &h : responseHeaders) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QByteArray Exchange::statusLine() const
{
    if (!hasResponse())
        return {};
    QByteArray line = "HTTP/" + (httpVersion.isEmpty() ? QByteArray("1.1") : httpVersion) + ' ' +
                      QByteArray::number(status);
    if (!reason.isEmpty())
        line += ' ' + reason;
    return line;
}

SignedRequest stampAndSign(RequestSpec spec, QByteArrayView secret, const Clock &clock)
{
    const QDateTime now = clock.now();
    spec.date = httpdate::format(now);
    return sign(spec, secret, now);
}

Transport::Transport(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<kommo::Exchange>();
    // No cookie jar: a cookie header we did not show would make "what went out" false.
    m_manager->setCookieJar(nullptr);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setAutoDeleteReplies(false);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        m_pendingFault =
            Fault{FaultKind::Timeout,
                  tr("No complete response within %1 s, so the request was aborted. The server may be "
                     "slow or unreachable (the CLI's send --timeout allows longer).")
                      .arg(m_options.timeoutMs / 1000.0),
                  {}};
        m_reply->abort();
    });
    setOptions(m_options);
}

Transport::~Transport()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

Result<bool> Transport::setOptions(const TransportOptions &options)
{
    QList<QSslCertificate> cas;
    if (!options.caFile.isEmpty()) {
        QFile file(options.caFile);
        if (!file.open(QIODevice::ReadOnly))
            return Result<bool>::failure(
                tr("Cannot read the CA file \"%1\": %2").arg(options.caFile, file.errorString()));
        cas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (cas.isEmpty())
            return Result<bool>::failure(
                tr("The CA file \"%1\" holds no PEM certificate (-----BEGIN CERTIFICATE-----).")
                    .arg(options.caFile));
    }
    if (options.timeoutMs <= 0 || options.maxResponseBytes <= 0)
        return Result<bool>::failure(tr("The timeout and the response size limit must be positive."));
    m_options = options;
    m_extraCas = cas;

    switch (m_options.proxyMode) {
    case ProxyMode::System:
        m_manager->setProxyFactory(new SystemProxyFactory);
        break;
    case ProxyMode::None:
        m_manager->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxyMode::Explicit:
        m_manager->setProxy(m_options.proxy);
        break;
    }
    return true;
}

bool Transport::send(const SignedRequest &request)
{
    if (m_reply)
        return false;

    m_exchange = Exchange{};
    m_pendingFault.reset();
    m_exchange.method = request.method;
    m_exchange.url = request.url;
    m_exchange.sentHeaders = request.headers;
    m_exchange.sentRaw = request.rawRequest;
    m_exchange.sentBody = request.spec.body;
    m_exchange.sentAt = (m_clock ? m_clock : &systemClock())->now();
    m_elapsed.start();

    if (!request.canSend()) {
        m_exchange.fault = {
            FaultKind::Other, tr("Not sent: %1").arg(blockingMessages(request.findings).join(u' ')), {}};
        const Exchange refused = m_exchange;
        QMetaObject::invokeMethod(
            this, [this, refused] { Q_EMIT finished(refused); }, Qt::QueuedConnection);
        return true;
    }

    QNetworkRequest req(request.url);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Every header, in the order shown; with each of them set, Qt adds none of its own.
    for (const Header &h : request.headers)
        req.setRawHeader(h.name, h.value);
    if (request.url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_extraCas.isEmpty())
            tls.addCaCertificates(m_extraCas);
        tls.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
        req.setSslConfiguration(tls);
    }

    const QByteArray &body = request.spec.body;
    QNetworkReply *reply = nullptr;
    if (!body.isEmpty())
        reply = m_manager->sendCustomRequest(req, request.method, body);
    else if (request.method == "GET")
        reply = m_manager->get(req);
    else if (request.method == "HEAD")
        reply = m_manager->head(req);
    else
        reply = m_manager->sendCustomRequest(req, request.method, static_cast<QIODevice *>(nullptr));
    m_reply = reply;
    // Asks Qt to hold at most this much before we read it. Known shortcoming: Qt 6.4's HTTP thread was seen
    // to hand over up to ~3 MB at once regardless (signal compression while the GUI thread is busy), so
    // peakBufferedBytes can pass limit + read buffer; our own copy never passes the limit. Goes away if a
    // later Qt honours the size for HTTP/1, or with a transport on a plain QTcpSocket.
    reply->setReadBufferSize(m_options.readBufferBytes);

    connect(reply, &QNetworkReply::socketStartedConnecting, this,
            [this] { m_exchange.timings.connectStartMs = elapsed(); });
    connect(reply, &QNetworkReply::encrypted, this, [this] { m_exchange.timings.encryptedMs = elapsed(); });
    connect(reply, &QNetworkReply::requestSent, this,
            [this] { m_exchange.timings.requestSentMs = elapsed(); });
    connect(reply, &QNetworkReply::metaDataChanged, this, &Transport::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Transport::onReadyRead);
    connect(reply, &QNetworkReply::sslErrors, this, &Transport::onSslErrors);
    connect(reply, &QNetworkReply::finished, this, &Transport::onFinished);
    m_timer->start(m_options.timeoutMs);
    qCInfo(lcTransport).noquote() << "sending" << request.method << request.url.toString();
    Q_EMIT started(m_exchange);
    return true;
}

void Transport::cancel()
{
    if (!m_reply)
        return;
    m_pendingFault = Fault{FaultKind::Canceled, tr("Canceled by the user; the request was aborted."), {}};
    m_reply->abort();
}

void Transport::onMetaData()
{
    if (!m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    if (m_exchange.timings.firstByteMs < 0)
        m_exchange.timings.firstByteMs = elapsed();
    m_exchange.status = status.toInt();
    m_exchange.reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_exchange.httpVersion =
        m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? "2" : "1.1";
    m_exchange.responseHeaders.clear();
    for (const auto &pair : m_reply->rawHeaderPairs())
        m_exchange.responseHeaders.append({pair.first, pair.second});
}

void Transport::onReadyRead()
{
    if (!m_reply || m_exchange.truncated)
        return;
    QByteArray &body = m_exchange.responseBody;
    const qint64 available = m_reply->bytesAvailable();
    m_exchange.peakBufferedBytes = qMax(m_exchange.peakBufferedBytes, body.size() + available);
    const qint64 room = m_options.maxResponseBytes - body.size();
    if (available <= room) {
        body.append(m_reply->read(available));
        return;
    }
    // Over the limit: keep exactly the limit, stop reading, and say so.
    body.append(m_reply->read(room));
    m_exchange.truncated = true;
    qCInfo(lcTransport) << "response body over" << m_options.maxResponseBytes << "bytes; aborted";
    m_reply->abort();
}

void Transport::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: the handshake fails, and the person sees which certificate and why.
    Fault fault{FaultKind::Tls, {}, {}};
    QStringList reasons;
    for (const QSslError &e : errors) {
        const QSslCertificate cert = e.certificate();
        TlsProblem p;
        p.subject =
            cert.isNull() ? QString() : certificateName(cert.subjectInfo(QSslCertificate::CommonName));
        if (p.subject.isEmpty() && !cert.isNull())
            p.subject = cert.subjectDisplayName();
        p.issuer = cert.isNull() ? QString() : certificateName(cert.issuerInfo(QSslCertificate::CommonName));
        if (p.issuer.isEmpty() && !cert.isNull())
            p.issuer = cert.issuerDisplayName();
        p.reason = e.errorString();
        fault.tlsProblems.append(p);
        reasons.append(
            tr("%1 (certificate subject \"%2\", issuer \"%3\")").arg(p.reason, p.subject, p.issuer));
    }
    fault.message =
        tr("The TLS certificate of %1 was refused: %2. Certificate errors are never ignored; for a "
           "staging host with its own certificate authority, give that CA's certificate as the CA "
           "file (--cacert).")
            .arg(m_exchange.url.host(), reasons.join(u"; "));
    m_pendingFault = fault;
}

void Transport::onFinished()
{
    if (!m_reply)
        return;
    m_timer->stop();
    onMetaData();
    if (!m_exchange.truncated && m_reply->bytesAvailable() > 0)
        onReadyRead();

    const QNetworkReply::NetworkError error = m_reply->error();
    if (m_pendingFault) {
        m_exchange.fault = *m_pendingFault;
    } else if (m_exchange.truncated || error == QNetworkReply::NoError) {
        // Complete, or aborted by us at the size limit (what arrived is kept and marked truncated).
    } else if (m_exchange.hasResponse() && error >= QNetworkReply::ContentAccessDenied &&
               error <= QNetworkReply::UnknownServerError) {
        // An HTTP error status is a response, not a fault.
    } else {
        const QString host = m_exchange.url.host();
        const int port = m_exchange.url.port(m_exchange.url.scheme() == u"https" ? 443 : 80);
        switch (error) {
        case QNetworkReply::HostNotFoundError:
            m_exchange.fault = {
                FaultKind::HostNotFound,
                tr("The host %1 was not found (DNS lookup failed); check the base URL's spelling "
                   "and the network.")
                    .arg(host),
                {}};
            break;
        case QNetworkReply::ConnectionRefusedError:
            // Qt 6.4 reports a refusing explicit proxy as a plain refused connection: name the proxy then.
            if (m_options.proxyMode == ProxyMode::Explicit) {
                m_exchange.fault = {
                    FaultKind::Proxy,
                    tr("The proxy %1 port %2 refused the connection; check --proxy.")
                        .arg(m_options.proxy.hostName(), QString::number(m_options.proxy.port())),
                    {}};
                break;
            }
            m_exchange.fault = {
                FaultKind::ConnectionRefused,
                tr("Nothing accepts connections at %1 port %2 (connection refused); is the server "
                   "or the sandbox running, and is the port right?")
                    .arg(host, QString::number(port)),
                {}};
            break;
        case QNetworkReply::RemoteHostClosedError:
            m_exchange.fault = {
                FaultKind::RemoteClosed,
                m_exchange.hasResponse()
                    ? tr("The server closed the connection in the middle of the response; what "
                         "arrived (%n byte(s) of body) is shown.",
                         nullptr, static_cast<int>(m_exchange.responseBody.size()))
                    : tr("The server closed the connection without answering."),
                {}};
            break;
        case QNetworkReply::SslHandshakeFailedError:
            m_exchange.fault = {FaultKind::Tls,
                                tr("The TLS handshake with %1 failed: %2").arg(host, m_reply->errorString()),
                                {}};
            break;
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
            m_exchange.fault = {FaultKind::Proxy, tr("The proxy failed: %1").arg(m_reply->errorString()), {}};
            break;
        default:
            m_exchange.fault = {
                FaultKind::Other, tr("The request failed: %1").arg(m_reply->errorString()), {}};
            break;
        }
    }
    m_exchange.timings.totalMs = elapsed();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    qCInfo(lcTransport).noquote() << "finished" << m_exchange.status << faultKindName(m_exchange.fault.kind)
                                  << m_exchange.timings.totalMs << "ms";
    const Exchange done = m_exchange;
    Q_EMIT finished(done);
}

} // namespace kommo

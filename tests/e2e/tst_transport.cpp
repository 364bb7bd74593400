// The transport against small misbehaving servers of the test's own, over loopback: exact bytes, timeouts,
// cancel, a connection closed mid-response, a huge body, a redirect elsewhere, and TLS refused and accepted.
#include "core/diagnosis/response.h"
#include "core/signing/httpdate.h"
#include "core/transport/transport.h"
#include "support/exchange_wait.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <functional>

using namespace kommo;

namespace {

const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";

// A request to base, signed at a fixed instant.
SignedRequest request(const QString &base, QByteArray body = {})
{
    RequestSpec spec = formRequest(delivery::Form{
        QStringLiteral("11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222"),
        QStringLiteral("33333333-3333-4333-8333-333333333333"), 2, std::nullopt, std::nullopt});
    if (!body.isEmpty())
        spec.body = std::move(body);
    spec.baseUrl = base;
    spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
    return sign(spec, secret, std::nullopt);
}

// A TCP server that reads each request whole (headers and Content-Length bytes) and then lets the test
// answer.
class RawServer : public QObject
{
public:
    using Handler = std::function<void(QTcpSocket *socket, const QByteArray &request)>;

    explicit RawServer(Handler handler, const QHostAddress &address = QHostAddress::LocalHost)
        : m_handler(std::move(handler))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        if (!m_server.listen(address, 0))
            qFatal("cannot listen");
    }

    QString url() const
    {
        return QStringLiteral("http://%1:%2")
            .arg(m_server.serverAddress().toString())
            .arg(m_server.serverPort());
    }

    int connections = 0;
    QList<QByteArray> requests;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray whole = buffer.left(end + 4 + length);
        buffer.remove(0, whole.size());
        requests.append(whole);
        m_handler(socket, whole);
    }

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesOnTheWireAreTheRawRequest()
    {
        RawServer server([](QTcpSocket *s, const QByteArray &) {
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-One: 1\r\n\r\nok");
        });
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions()).ok());
        // A body with a trailing newline and non-ASCII bytes goes out untouched.
        const SignedRequest r = request(server.url(), "{\"msgid\":\"x\",\"error\":\"N\xc3\xbamero\"}\n");
        const Exchange e = test::sendAndWait(transport, r);
        QCOMPARE(e.status, 200);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.constFirst(), r.rawRequest);
        QCOMPARE(e.sentRaw, r.rawRequest);
        QCOMPARE(e.responseBody, QByteArray("ok"));
        QCOMPARE(e.responseHeader("x-one"), QByteArray("1"));
        QCOMPARE(e.statusLine(), QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(e.timings.firstByteMs >= 0 && e.timings.totalMs >= e.timings.firstByteMs);
    }

    void neverAnsweringServerTimesOut()
    {
        RawServer server([](QTcpSocket *, const QByteArray &) {});
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions(300)).ok());
        QElapsedTimer clock;
        clock.start();
        const Exchange e = test::sendAndWait(transport, request(server.url()));
        QCOMPARE(e.fault.kind, FaultKind::Timeout);
        QVERIFY(!e.fault.message.isEmpty());
        QVERIFY2(clock.elapsed() < 3000, "the short timeout did not fire in time");
        QVERIFY(!transport.isBusy());
    }

    void cancelStopsAWaitingRequest()
    {
        RawServer server([](QTcpSocket *, const QByteArray &) {});
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions(20000)).ok());
        QSignalSpy finished(&transport, &Transport::finished);
        QVERIFY(transport.send(request(server.url())));
        QVERIFY(transport.isBusy());
        QVERIFY(!transport.send(request(server.url()))); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 5000);
        transport.cancel();
        QVERIFY(finished.wait(3000) || finished.size() == 1);
        QCOMPARE(finished.size(), 1);
        const Exchange e = finished.takeFirst().at(0).value<Exchange>();
        QCOMPARE(e.fault.kind, FaultKind::Canceled);
        QVERIFY(test::hasLine(diagnosis::explainExchange(e, QDateTime::currentDateTimeUtc()),
                              QStringLiteral("fault_canceled")));
    }

    void closedMidResponseIsAFault()
    {
        RawServer server([](QTcpSocket *s, const QByteArray &) {
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial");
            s->flush();
            s->disconnectFromHost();
        });
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions()).ok());
        const Exchange e = test::sendAndWait(transport, request(server.url()));
        QCOMPARE(e.fault.kind, FaultKind::RemoteClosed);
        QCOMPARE(e.status, 200);
        QVERIFY(!e.ok());
    }

    void refusedConnectionIsAFault()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions()).ok());
        const Exchange e =
            test::sendAndWait(transport, request(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QCOMPARE(e.fault.kind, FaultKind::ConnectionRefused);
        QVERIFY(e.fault.message.contains(QString::number(port)));
    }

    void hugeBodyIsCutAtTheLimit()
    {
        // 50 MB offered from a thread of its own, written only as fast as the socket drains, so that neither
        // side's event loop starves the other.
        constexpr qint64 total = 50 * 1000 * 1000;
        std::atomic<qint64> written{0};
        QThread serverThread;
        QObject context; // lives in the server's thread: what runs there is invoked on it
        context.moveToThread(&serverThread);
        serverThread.start();
        RawServer *serverPtr = nullptr;
        QString url;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                serverPtr = new RawServer([&written](QTcpSocket *s, const QByteArray &) {
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                             QByteArray::number(total) + "\r\n\r\n");
                    const QByteArray chunk(256 * 1024, 'x');
                    const auto pump = [s, chunk, &written] {
                        while (written < total && s->bytesToWrite() < 1024 * 1024) {
                            const qint64 n = qMin<qint64>(chunk.size(), total - written);
                            s->write(chunk.left(n));
                            written += n;
                        }
                    };
                    QObject::connect(s, &QTcpSocket::bytesWritten, s, pump);
                    pump();
                });
                url = serverPtr->url();
            },
            Qt::BlockingQueuedConnection);
        const auto stopServer = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                &context, [&] { delete serverPtr; }, Qt::BlockingQueuedConnection);
            serverThread.quit();
            serverThread.wait();
        });
        Transport transport;
        TransportOptions options = test::loopbackOptions(20000);
        options.maxResponseBytes = 1024 * 1024;
        options.readBufferBytes = 64 * 1024;
        QVERIFY(transport.setOptions(options).ok());
        const Exchange e = test::sendAndWait(transport, request(url), 30000);
        QCOMPARE(e.status, 200);
        QVERIFY(e.truncated);
        QCOMPARE(e.fault.kind, FaultKind::None);
        QCOMPARE(e.responseBody.size(), options.maxResponseBytes);
        // Our copy stops exactly at the limit. What Qt 6.4's HTTP thread buffers on top was measured at up to
        // ~3 MB (it does not honour the read buffer size for HTTP/1; see transport.cpp): the bound checked
        // here is the limit plus 8 MiB, far below the 50 MB offered, not the limit plus one read buffer.
        QVERIFY2(e.peakBufferedBytes <= options.maxResponseBytes + 8 * 1024 * 1024,
                 qPrintable(QString::number(e.peakBufferedBytes)));
        QVERIFY2(written < total, "the transport read the whole 50 MB instead of stopping");
        QVERIFY(test::hasLine(diagnosis::explainExchange(e, QDateTime::currentDateTimeUtc()),
                              QStringLiteral("truncated")));
    }

    void redirectToAnotherHostIsNotFollowed()
    {
        RawServer elsewhere(
            [](QTcpSocket *s, const QByteArray &) {
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            },
            QHostAddress(QStringLiteral("127.0.0.2")));
        const QString target = elsewhere.url() + QStringLiteral("/v2/elsewhere");
        RawServer server([target](QTcpSocket *s, const QByteArray &) {
            s->write("HTTP/1.1 302 Found\r\nLocation: " + target.toLatin1() +
                     "\r\nContent-Length: 0\r\n\r\n");
        });
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions()).ok());
        const Exchange e = test::sendAndWait(transport, request(server.url()));
        QCOMPARE(e.status, 302);
        QCOMPARE(e.fault.kind, FaultKind::None);
        QCOMPARE(e.responseHeader("Location"), target.toLatin1());
        QTest::qWait(100);
        QCOMPARE(elsewhere.connections, 0);
        QVERIFY(test::hasLine(diagnosis::explainExchange(e, QDateTime::currentDateTimeUtc()),
                              QStringLiteral("redirect")));
    }

    void selfSignedCertificateIsRefusedThenTrustedWithItsFile()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend: this test must fail, not skip");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                       QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=kommo-test-staging"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int answered = 0;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &answered] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++answered;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort());

        Transport refused;
        QVERIFY(refused.setOptions(test::loopbackOptions()).ok());
        const Exchange bad = test::sendAndWait(refused, request(base));
        QCOMPARE(bad.fault.kind, FaultKind::Tls);
        QVERIFY(!bad.fault.tlsProblems.isEmpty());
        QCOMPARE(bad.fault.tlsProblems.constFirst().subject, QStringLiteral("kommo-test-staging"));
        QCOMPARE(bad.fault.tlsProblems.constFirst().issuer, QStringLiteral("kommo-test-staging"));
        QVERIFY(!bad.fault.tlsProblems.constFirst().reason.isEmpty());
        QVERIFY(bad.fault.message.contains(QLatin1String("kommo-test-staging")));
        QCOMPARE(answered, 0);

        Transport trusting;
        TransportOptions options = test::loopbackOptions();
        options.caFile = cert;
        QVERIFY(trusting.setOptions(options).ok());
        const Exchange good = test::sendAndWait(trusting, request(base));
        QVERIFY2(good.fault.kind == FaultKind::None, qPrintable(good.fault.message));
        QCOMPARE(good.status, 200);
        QCOMPARE(good.responseBody, QByteArray("ok"));
        QVERIFY(good.timings.encryptedMs >= 0);
        QCOMPARE(answered, 1);

        options.caFile = dir.filePath(QStringLiteral("missing.pem"));
        QVERIFY(!trusting.setOptions(options).ok());
    }

    void blockedRequestIsNeverSent()
    {
        RawServer server([](QTcpSocket *, const QByteArray &) {});
        Transport transport;
        QVERIFY(transport.setOptions(test::loopbackOptions()).ok());
        RequestSpec spec;
        spec.baseUrl = server.url();
        spec.path = "/v2/origin/custom/a_b/c/delivery_status";
        spec.body = "{}";
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        spec.extraHeaders = {{"X-Evil", "a\r\nInjected: 1"}};
        const Exchange e = test::sendAndWait(transport, sign(spec, secret, std::nullopt));
        QCOMPARE(e.fault.kind, FaultKind::Other);
        QVERIFY(!e.hasResponse());
        QTest::qWait(50);
        QCOMPARE(server.connections, 0);
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"

// The real kommo-status binary twice: `sandbox` as a background process and `send` against it.
#include "testsupport.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <QJsonDocument>
#include <QTemporaryDir>

#include <csignal>

namespace {

const QString scope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");

} // namespace

class TestCliSend : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString secretFile;
    QString wrongSecretFile;

    // Starts `kommo-status sandbox` with extra arguments and returns its URL, read from its first line.
    QString startSandbox(QProcess &process, const QStringList &extra = {})
    {
        process.start(
            QStringLiteral(KOMMO_CLI),
            QStringList{QStringLiteral("sandbox"), QStringLiteral("--channel"), scope + u'=' + secretFile} +
                extra);
        if (!process.waitForStarted(10000))
            qFatal("the sandbox did not start");
        QByteArray line;
        while (!line.contains('\n')) {
            if (!process.waitForReadyRead(10000))
                qFatal("the sandbox printed no URL");
            line += process.readAllStandardOutput();
        }
        return QString::fromLatin1(line.left(line.indexOf('\n')));
    }

    QStringList sendArgs(const QString &url, const QString &secret) const
    {
        return {QStringLiteral("send"),
                QStringLiteral("--base-url"),
                url,
                QStringLiteral("--secret-file"),
                secret,
                QStringLiteral("--scope"),
                scope,
                QStringLiteral("--msgid"),
                msgid,
                QStringLiteral("--status"),
                QStringLiteral("read"),
                QStringLiteral("--proxy"),
                QStringLiteral("none"),
                QStringLiteral("--timeout"),
                QStringLiteral("5")};
    }

    static int stop(QProcess &process)
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        if (!process.waitForFinished(10000))
            qFatal("the sandbox did not stop on SIGTERM");
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        secretFile = dir.filePath(QStringLiteral("secret.txt"));
        wrongSecretFile = dir.filePath(QStringLiteral("wrong.txt"));
        QFile good(secretFile);
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("fb50586ff7b68cd831fe0ef356345903f644c0d2\n");
        QFile bad(wrongSecretFile);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not-the-secret\n");
    }

    void firstLineIsTheUrlAndSendGets200()
    {
        QProcess sandbox;
        const QString url = startSandbox(sandbox);
        QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+$")).match(url).hasMatch(),
                 qPrintable(url));

        const kommo::test::ProcessResult ok = kommo::test::runCli(sendArgs(url, secretFile));
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY(ok.out.contains("HTTP/1.1 200"));
        QVERIFY(ok.out.contains("X-Signature: "));
        QVERIFY(ok.out.contains("updated"));
        QVERIFY(!ok.out.contains("fb50586ff7b68cd831fe0ef356345903f644c0d2"));

        const kommo::test::ProcessResult wrong = kommo::test::runCli(sendArgs(url, wrongSecretFile));
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.out.contains("403"));
        QVERIFY(wrong.out.contains("ORIGIN_INVALID_SIGNATURE"));

        QCOMPARE(stop(sandbox), 0);
        const QByteArray log = sandbox.readAllStandardError();
        QVERIFY2(log.contains("-> 200"), log.constData());
        QVERIFY(log.contains("-> 403"));
        QVERIFY(!log.contains("fb50586ff7b68cd831fe0ef356345903f644c0d2"));
        QVERIFY(!sandbox.readAllStandardOutput().contains("http"));
    }

    // The sandbox's log quotes the request's own text as it came: a "%1" in it is not substituted, and a
    // control character cannot start a forged log line.
    void sandboxLogQuotesRequestTextVerbatim()
    {
        QProcess sandbox;
        const QString url = startSandbox(sandbox);
        QStringList args = sendArgs(url, secretFile);
        args[args.indexOf(QStringLiteral("--msgid")) + 1] = QStringLiteral("%1%2%3");
        const kommo::test::ProcessResult r = kommo::test::runCli(args);
        QCOMPARE(r.exitCode, 0); // the sandbox accepts any msgid of a known scope
        QCOMPARE(stop(sandbox), 0);
        const QByteArray log = sandbox.readAllStandardError();
        QVERIFY2(log.contains("/%251%252%253/delivery_status -> 200"), log.constData());
        QVERIFY2(log.contains("%1%2%3"), log.constData());
        for (const QByteArray &line : log.split('\n'))
            QVERIFY2(!line.contains('\r') && !line.contains('\x1b'), line.constData());
    }

    void secretInAHeaderIsRefusedAndNeverPrinted()
    {
        QStringList args = sendArgs(QStringLiteral("http://127.0.0.1:9"), secretFile);
        args << QStringLiteral("--header")
             << QStringLiteral("X-Token: fb50586ff7b68cd831fe0ef356345903f644c0d2");
        const kommo::test::ProcessResult r = kommo::test::runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("secret_in_request") || r.err.contains("secret appears"), r.err.constData());
        QVERIFY(!r.out.contains("fb50586ff7b68cd831fe0ef356345903f644c0d2"));
        QVERIFY(!r.err.contains("fb50586ff7b68cd831fe0ef356345903f644c0d2"));
    }

    // Ctrl-C while waiting for a server that never answers: the send is canceled, and what went out is
    // still printed as one JSON object.
    void interruptCancelsAndStillReports()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held.append(silent.nextPendingConnection()); });

        QStringList args =
            sendArgs(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()), secretFile);
        args << QStringLiteral("--json");
        args[args.indexOf(QStringLiteral("--timeout")) + 1] = QStringLiteral("60");
        QProcess send;
        send.start(QStringLiteral(KOMMO_CLI), args);
        QVERIFY(send.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 10000); // the request is out, the server is silent
        ::kill(static_cast<pid_t>(send.processId()), SIGINT);
        QTRY_VERIFY_WITH_TIMEOUT(send.state() == QProcess::NotRunning, 10000);
        QCOMPARE(send.exitStatus(), QProcess::NormalExit);
        QCOMPARE(send.exitCode(), 4);
        const QJsonObject out = QJsonDocument::fromJson(send.readAllStandardOutput()).object();
        QCOMPARE(out.value(u"fault").toObject().value(u"kind").toString(), QStringLiteral("canceled"));
        QVERIFY(out.value(u"sent").toObject().value(u"headers").toArray().size() > 4);
        qDeleteAll(held);
    }

    // A proxy that refuses is named as the proxy, not as the target.
    void refusingProxyIsNamed()
    {
        const auto closedPort = [] {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            return probe.serverPort(); // closed again when probe goes
        };
        const quint16 proxyPort = closedPort();
        QStringList args = sendArgs(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()), secretFile);
        args[args.indexOf(QStringLiteral("--proxy")) + 1] =
            QStringLiteral("http://127.0.0.1:%1").arg(proxyPort);
        args << QStringLiteral("--json");
        const kommo::test::ProcessResult r = kommo::test::runCli(args);
        QCOMPARE(r.exitCode, 4);
        const QJsonObject fault = QJsonDocument::fromJson(r.out).object().value(u"fault").toObject();
        QCOMPARE(fault.value(u"kind").toString(), QStringLiteral("proxy"));
        QVERIFY2(fault.value(u"message").toString().contains(QString::number(proxyPort)), r.out.constData());
    }

    void jsonOutputAndExitCodes()
    {
        QProcess sandbox;
        const QString url = startSandbox(sandbox, {QStringLiteral("--strict"), QStringLiteral("--message"),
                                                   QStringLiteral("00000000-0000-4000-8000-000000000000")});
        // Strict: the msgid was not registered, so 404 (exit 3), with the body written by the sandbox.
        const kommo::test::ProcessResult notFound =
            kommo::test::runCli(sendArgs(url, secretFile) << QStringLiteral("--json"));
        QCOMPARE(notFound.exitCode, 3);
        const QJsonObject o = QJsonDocument::fromJson(notFound.out).object();
        QCOMPARE(o.value(u"response").toObject().value(u"status").toInt(), 404);
        QCOMPARE(o.value(u"exit_code").toInt(), 3);
        QVERIFY(o.value(u"response").toObject().value(u"body").toString().contains(QLatin1String("sandbox")));
        QVERIFY(!o.value(u"sent").toObject().value(u"headers").toArray().isEmpty());
        QCOMPARE(o.value(u"fault").type(), QJsonValue::Null);
        QCOMPARE(o.value(u"diagnosis").toArray().first().toObject().value(u"id").toString(),
                 QStringLiteral("message_not_found"));
        QCOMPARE(stop(sandbox), 0);

        // The sandbox is gone: nothing listens, a transport failure (exit 4).
        const kommo::test::ProcessResult refused =
            kommo::test::runCli(sendArgs(url, secretFile) << QStringLiteral("--json"));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(QJsonDocument::fromJson(refused.out)
                     .object()
                     .value(u"fault")
                     .toObject()
                     .value(u"kind")
                     .toString(),
                 QStringLiteral("connection_refused"));
    }

    void unsafeRequestsAreRefused()
    {
        QStringList injected = sendArgs(QStringLiteral("http://127.0.0.1:9"), secretFile);
        injected << QStringLiteral("--header") << QStringLiteral("X-Evil: a\rInjected: 1");
        const kommo::test::ProcessResult cr = kommo::test::runCli(injected);
        QCOMPARE(cr.exitCode, 2);
        QVERIFY(cr.err.contains("not sent"));

        const kommo::test::ProcessResult badUrl =
            kommo::test::runCli(sendArgs(QStringLiteral("ftp://nowhere"), secretFile));
        QCOMPARE(badUrl.exitCode, 2);

        QStringList noSecret = sendArgs(QStringLiteral("http://127.0.0.1:9"), secretFile);
        noSecret.removeAt(noSecret.indexOf(QStringLiteral("--secret-file")) + 1);
        noSecret.removeAll(QStringLiteral("--secret-file"));
        QCOMPARE(kommo::test::runCli(noSecret).exitCode, 2);
    }

    void errorFindingsWarnAndSend()
    {
        QProcess sandbox;
        const QString url = startSandbox(sandbox);
        // 905 without text: an error finding, sent anyway; the sandbox answers 400.
        QStringList args = sendArgs(url, secretFile);
        args[args.indexOf(QStringLiteral("read"))] = QStringLiteral("error");
        args << QStringLiteral("--error-code") << QStringLiteral("905");
        const kommo::test::ProcessResult r = kommo::test::runCli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("sending anyway"));
        QVERIFY(r.out.contains("400"));
        QCOMPARE(stop(sandbox), 0);
    }

    void fixedAndOffsetClocks()
    {
        // A sandbox whose clock is the API page's date accepts the page's example with its own Date ...
        QProcess fixed;
        const QString url =
            startSandbox(fixed, {QStringLiteral("--now"), QStringLiteral("Mon, 12 Dec 2022 10:31:00 +0000")});
        QStringList args = sendArgs(url, secretFile);
        args << QStringLiteral("--date") << QStringLiteral("Mon, 12 Dec 2022 10:30:00 +0000");
        QCOMPARE(kommo::test::runCli(args).exitCode, 0);
        // ... and rejects a Date of now, years away from its clock.
        const kommo::test::ProcessResult late = kommo::test::runCli(sendArgs(url, secretFile));
        QCOMPARE(late.exitCode, 3);
        QVERIFY(late.out.contains("clock"));
        QCOMPARE(stop(fixed), 0);

        // A sandbox 20 minutes ahead rejects a fresh Date as expired.
        QProcess ahead;
        const QString aheadUrl =
            startSandbox(ahead, {QStringLiteral("--clock-offset"), QStringLiteral("1200")});
        const kommo::test::ProcessResult expired = kommo::test::runCli(sendArgs(aheadUrl, secretFile));
        QCOMPARE(expired.exitCode, 3);
        QVERIFY(expired.out.contains("403"));
        QCOMPARE(stop(ahead), 0);
    }

    void sandboxUsageErrors()
    {
        QCOMPARE(kommo::test::runCli(
                     {QStringLiteral("sandbox"), QStringLiteral("--channel"), QStringLiteral("nofile")})
                     .exitCode,
                 2);
        QCOMPARE(kommo::test::runCli({QStringLiteral("sandbox"), QStringLiteral("--channel"),
                                      scope + QStringLiteral("=/nonexistent/secret")})
                     .exitCode,
                 2);
        QCOMPARE(kommo::test::runCli(
                     {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("99999")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_cli_send.moc"

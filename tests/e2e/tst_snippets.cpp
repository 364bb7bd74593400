// Every code snippet, exported by the CLI with secret A and a Date two hours old, run by its real runtime
// with secret B against an in-process sandbox that holds B and keeps the real clock: 200, and the status
// recorded.
#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

using namespace kommo;

namespace {

const QString scope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QByteArray secretA = "secret-A-3b9f0c1e77d24a51a0c9";
const QByteArray secretB = "secret-B-91d2e4f6a8c04b3e9d1f";
// Quotes, a backslash, shell and printf specials and non-ASCII: what a literal most easily gets wrong.
const QString errorText = QStringLiteral("Получатель 'недоступен' \"x\" $HOME \\ %s — ✓");

struct Step
{
    QString program;
    QString package; // the Debian package that provides the program
    QStringList arguments;
    int timeoutMs;
};

struct Ran
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program while this thread's event loop keeps serving the in-process sandbox.
Ran runSpinning(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                const QString &workDir, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workDir);
    process.start(program, arguments);
    Ran ran;
    if (!process.waitForStarted(10000)) {
        ran.err = process.errorString().toUtf8();
        return ran;
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        ran.finished = process.exitStatus() == QProcess::NormalExit;
        ran.exitCode = process.exitCode();
    }
    ran.out = process.readAllStandardOutput();
    ran.err = process.readAllStandardError();
    return ran;
}

} // namespace

class TestSnippets : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    sandbox::Sandbox box;
    QString secretAFile;

    // `kommo-status export` with secret A and a Date two hours old; the snippet's text.
    QByteArray exportSnippet(const QString &format, const QString &msgid, const QByteArray &oldDate)
    {
        const test::ProcessResult r = test::runCli(
            {QStringLiteral("export"), QStringLiteral("--format"), format, QStringLiteral("--secret-file"),
             secretAFile, QStringLiteral("--base-url"), box.url().toString(), QStringLiteral("--scope"),
             scope, QStringLiteral("--msgid"), msgid, QStringLiteral("--status"), QStringLiteral("error"),
             QStringLiteral("--error-code"), QStringLiteral("905"), QStringLiteral("--error"), errorText,
             QStringLiteral("--date"), QString::fromLatin1(oldDate)});
        if (r.exitCode != 0)
            qWarning("export failed (%d): %s", r.exitCode, r.err.constData());
        return r.exitCode == 0 ? r.out : QByteArray();
    }

    // What `kommo-status sign` says the old request's X-Signature was: the value the snippet must not carry.
    QByteArray oldSignature(const QString &msgid, const QByteArray &oldDate)
    {
        const test::ProcessResult r = test::runCli(
            {QStringLiteral("sign"), QStringLiteral("--json"), QStringLiteral("--secret-file"), secretAFile,
             QStringLiteral("--base-url"), box.url().toString(), QStringLiteral("--scope"), scope,
             QStringLiteral("--msgid"), msgid, QStringLiteral("--status"), QStringLiteral("error"),
             QStringLiteral("--error-code"), QStringLiteral("905"), QStringLiteral("--error"), errorText,
             QStringLiteral("--date"), QString::fromLatin1(oldDate)});
        return QJsonDocument::fromJson(r.out).object().value(u"signature").toString().toLatin1();
    }

    QProcessEnvironment environment(const QByteArray &secret) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KOMMO_CHANNEL_SECRET"), QString::fromLatin1(secret));
        // go keeps its build cache under HOME; a temporary one keeps the machine clean.
        env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("GOCACHE"), dir.filePath(QStringLiteral("home/gocache")));
        env.insert(QStringLiteral("GOPATH"), dir.filePath(QStringLiteral("home/go")));
        env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
        env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1"));
        return env;
    }

    // The commands that build (where needed) and run a snippet file.
    static QList<Step> steps(const QString &format, const QString &file)
    {
        const QString exe = file + QStringLiteral(".exe");
        if (format == u"php")
            return {{QStringLiteral("php"), QStringLiteral("php-cli"), {file}, 20000}};
        if (format == u"python")
            return {{QStringLiteral("python3"), QStringLiteral("python3"), {file}, 20000}};
        if (format == u"node")
            return {{QStringLiteral("node"), QStringLiteral("nodejs"), {file}, 20000}};
        if (format == u"go")
            return {
                {QStringLiteral("go"), QStringLiteral("golang-go"), {QStringLiteral("run"), file}, 120000}};
        if (format == u"csharp")
            return {{QStringLiteral("mcs"),
                     QStringLiteral("mono-mcs"),
                     {QStringLiteral("-out:") + exe, file},
                     60000},
                    {QStringLiteral("mono"), QStringLiteral("mono-mcs (mono-runtime)"), {exe}, 30000}};
        return {{QStringLiteral("sh"), QStringLiteral("dash"), {file}, 20000}};
    }

    static QString fileName(const QString &format)
    {
        static const QHash<QString, QString> suffix = {{QStringLiteral("php"), QStringLiteral("php")},
                                                       {QStringLiteral("python"), QStringLiteral("py")},
                                                       {QStringLiteral("node"), QStringLiteral("js")},
                                                       {QStringLiteral("go"), QStringLiteral("go")},
                                                       {QStringLiteral("csharp"), QStringLiteral("cs")},
                                                       {QStringLiteral("shell"), QStringLiteral("sh")}};
        return QStringLiteral("snippet_") + format + u'.' + suffix.value(format);
    }

    // Writes and runs one snippet; the last step's result.
    Ran runSnippet(const QString &format, const QByteArray &text, const QByteArray &secret)
    {
        const QString file = dir.filePath(fileName(format));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            qFatal("cannot write the snippet");
        out.close();
        Ran ran;
        for (const Step &step : steps(format, file)) {
            const QString program = QStandardPaths::findExecutable(step.program);
            if (program.isEmpty()) {
                ran.err = "MISSING " + step.program.toUtf8() + " (install the Debian package " +
                          step.package.toUtf8() + ")";
                return ran;
            }
            ran = runSpinning(program, step.arguments, environment(secret), dir.path(), step.timeoutMs);
            if (!ran.finished || ran.exitCode != 0)
                return ran;
        }
        return ran;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("home")));
        secretAFile = dir.filePath(QStringLiteral("secret-a.txt"));
        QFile a(secretAFile);
        QVERIFY(a.open(QIODevice::WriteOnly));
        a.write(secretA + '\n');
        a.close();

        // The openssl and curl the shell snippet needs: a missing one fails here, naming its package.
        for (const auto &[program, package] : {std::pair{"openssl", "openssl"}, std::pair{"curl", "curl"}}) {
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: install the Debian package %2")
                                    .arg(QLatin1String(program), QLatin1String(package))));
        }

        const Result<quint16> port = box.start();
        QVERIFY2(port.ok(), qPrintable(port.error()));
        box.addChannel(scope, secretB); // the sandbox keeps the real clock: no fixed now, no offset
    }

    void snippet_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *format : {"php", "python", "node", "go", "csharp", "shell"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }

    void snippet()
    {
        QFETCH(QString, format);
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray oldDate = httpdate::format(QDateTime::currentDateTimeUtc().addSecs(-2 * 3600));
        const QByteArray text = exportSnippet(format, msgid, oldDate);
        QVERIFY(!text.isEmpty());
        const QByteArray staleSignature = oldSignature(msgid, oldDate);
        QCOMPARE(staleSignature.size(), 40);

        // Nothing stale and nothing secret in the text.
        QVERIFY(!text.contains(secretA));
        QVERIFY(!text.contains(secretB));
        QVERIFY(!text.contains(staleSignature));
        QVERIFY(!text.contains(oldDate));
        QVERIFY(text.contains("KOMMO_CHANNEL_SECRET"));
        // The sandbox's loopback address (C# names host and port apart: it writes the request itself).
        QVERIFY(format == u"csharp"
                    ? text.contains("\"127.0.0.1\"") && text.contains(QByteArray::number(box.port()))
                    : text.contains(box.url().toString().toLatin1()));

        const Ran ran = runSnippet(format, text, secretB);
        QVERIFY2(!ran.err.startsWith("MISSING"), ran.err.constData());
        QVERIFY2(ran.finished, qPrintable(QStringLiteral("%1 did not finish in time: %2")
                                              .arg(format, QString::fromUtf8(ran.out + ran.err))));
        QVERIFY2(ran.exitCode == 0 && ran.out.startsWith("HTTP 200"),
                 qPrintable(QStringLiteral("exit %1\n%2\n%3")
                                .arg(ran.exitCode)
                                .arg(QString::fromUtf8(ran.out), QString::fromUtf8(ran.err))));

        // The sandbox judged it with B and the real clock, and recorded the status with the exact text.
        const QList<sandbox::StatusChange> changes = box.statusChanges(msgid);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).deliveryStatus, -1);
        QCOMPARE(changes.at(0).errorCode, std::optional(905));
        QCOMPARE(changes.at(0).errorText, std::optional(errorText));
        const sandbox::ReceivedRequest received = box.receivedRequests().constLast();
        QVERIFY(received.target.contains(msgid.toLatin1()));
        QCOMPARE(received.status, 200);
        const Result<httpdate::Parsed> sentDate = httpdate::parse(received.header("Date"));
        QVERIFY(sentDate.ok());
        QVERIFY(qAbs(sentDate->instant.secsTo(QDateTime::currentDateTimeUtc())) < 180);
        QVERIFY(received.header("Date").endsWith(" +0000"));
    }

    // A body with bytes that are not UTF-8, controls and invisible marks: every runtime sends and hashes the
    // very bytes exported (the sandbox accepts the signature and Content-MD5, then rejects the body as not
    // JSON).
    void rawBytesArriveExactly_data() { snippet_data(); }

    void rawBytesArriveExactly()
    {
        QFETCH(QString, format);
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray body = "{\"msgid\":\"" + msgid.toLatin1() +
                                "\",\"e\":\"caf\xe9 \xff\x01\x1b[1m \xe2\x80\xae $x %s \\ '\"\"}\r\n\t";
        QFile bodyFile(dir.filePath(QStringLiteral("body.bin")));
        QVERIFY(bodyFile.open(QIODevice::WriteOnly));
        bodyFile.write(body);
        bodyFile.close();
        const test::ProcessResult exported = test::runCli(
            {QStringLiteral("export"), QStringLiteral("--format"), format, QStringLiteral("--secret-file"),
             secretAFile, QStringLiteral("--base-url"), box.url().toString(), QStringLiteral("--path"),
             QStringLiteral("/v2/origin/custom/") + scope + u'/' + msgid + QStringLiteral("/delivery_status"),
             QStringLiteral("--body-file"), bodyFile.fileName()});
        QVERIFY(!exported.out.isEmpty());

        const qsizetype before = box.receivedRequests().size();
        const Ran ran = runSnippet(format, exported.out, secretB);
        QVERIFY2(!ran.err.startsWith("MISSING"), ran.err.constData());
        QVERIFY(ran.finished);
        QCOMPARE(box.receivedRequests().size(), before + 1);
        const sandbox::ReceivedRequest received = box.receivedRequests().constLast();
        QCOMPARE(received.body, body);
        QCOMPARE(received.status, 400);
        QVERIFY2(!received.errorType.contains("SIGNATURE") && !received.verdict.contains(u"MD5"),
                 qPrintable(received.verdict));
    }

    // The same snippet with the export's secret A is refused: the sandbox really checks the signature.
    void wrongSecretGets403()
    {
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray oldDate = httpdate::format(QDateTime::currentDateTimeUtc().addSecs(-2 * 3600));
        const Ran ran = runSnippet(QStringLiteral("python"),
                                   exportSnippet(QStringLiteral("python"), msgid, oldDate), secretA);
        QVERIFY(ran.finished);
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.out.startsWith("HTTP 403"), ran.out.constData());
        QVERIFY(box.statusChanges(msgid).isEmpty());
    }

    // Without the variable a snippet stops before sending anything.
    void noSecretStops_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("python") << QStringLiteral("python");
        QTest::newRow("shell") << QStringLiteral("shell");
    }

    void noSecretStops()
    {
        QFETCH(QString, format);
        const qsizetype before = box.receivedRequests().size();
        const QByteArray oldDate = httpdate::format(QDateTime::currentDateTimeUtc());
        const Ran ran = runSnippet(
            format, exportSnippet(format, QUuid::createUuid().toString(QUuid::WithoutBraces), oldDate),
            QByteArray());
        QVERIFY(ran.finished);
        QCOMPARE(ran.exitCode, 2);
        QVERIFY(ran.err.contains("KOMMO_CHANNEL_SECRET"));
        QCOMPARE(box.receivedRequests().size(), before);
    }
};

QTEST_GUILESS_MAIN(TestSnippets)
#include "tst_snippets.moc"

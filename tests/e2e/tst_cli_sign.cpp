// `kommo-status sign` as a real process: every vector, JSON schema, exit codes, secret sources, and a
// canary that the secret never appears in anything the CLI prints.
#include "testsupport.h"

#include <QLocale>
#include <QTemporaryDir>

using namespace kommo;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write a test file");
    return path;
}

// The sign arguments that rebuild a vector: its form where it has one, otherwise its raw parts.
QStringList vectorArguments(const QJsonObject &v, const QTemporaryDir &dir)
{
    QStringList args = {QStringLiteral("sign"),      QStringLiteral("--json"), QStringLiteral("--date"),
                        v.value(u"date").toString(), QStringLiteral("--now"),  v.value(u"date").toString()};
    if (v.contains(u"form")) {
        const QJsonObject form = v.value(u"form").toObject();
        args << QStringLiteral("--scope") << form.value(u"scope_id").toString() << QStringLiteral("--msgid")
             << form.value(u"msgid").toString() << QStringLiteral("--status")
             << QString::number(form.value(u"delivery_status").toInt());
        if (form.contains(u"error_code"))
            args << QStringLiteral("--error-code") << QString::number(form.value(u"error_code").toInt());
        if (form.contains(u"error"))
            args << QStringLiteral("--error") << form.value(u"error").toString();
    } else {
        const QString id = v.value(u"id").toString();
        args << QStringLiteral("--path") << v.value(u"path").toString() << QStringLiteral("--body-file")
             << writeFile(dir, id + QStringLiteral(".body"), v.value(u"body").toString().toUtf8());
    }
    if (v.value(u"method").toString() != u"POST")
        args << QStringLiteral("--method") << v.value(u"method").toString();
    if (v.value(u"content_type").toString() != u"application/json")
        args << QStringLiteral("--content-type") << v.value(u"content_type").toString();
    return args;
}

} // namespace

class TestCliSign : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void vectors_data() { test::addVectorRows(); }

    void vectors()
    {
        QFETCH(QJsonObject, vector);
        QVERIFY(m_dir.isValid());
        // The secret comes from a file written like `echo secret > file`: its one newline is dropped.
        const QString secretFile =
            writeFile(m_dir, QStringLiteral("secret"), vector.value(u"secret").toString().toUtf8() + '\n');
        const QStringList args = vectorArguments(vector, m_dir)
                                 << QStringLiteral("--secret-file") << secretFile;
        const test::ProcessResult r = test::runCli(args);
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!out.isEmpty(), r.err.constData());

        QCOMPARE(out.value(u"body").toString(), vector.value(u"body").toString());
        QCOMPARE(out.value(u"path").toString(), vector.value(u"path").toString());
        QCOMPARE(out.value(u"method").toString(), vector.value(u"method").toString());
        QCOMPARE(out.value(u"string_to_sign").toString(), vector.value(u"string_to_sign").toString());
        const QJsonObject headers = out.value(u"headers").toObject();
        QCOMPARE(headers.value(u"Content-MD5").toString(), vector.value(u"content_md5").toString());
        QCOMPARE(headers.value(u"X-Signature").toString(), vector.value(u"signature").toString());
        QCOMPARE(headers.value(u"Date").toString(), vector.value(u"date").toString());
        QCOMPARE(headers.value(u"Content-Type").toString(), vector.value(u"content_type").toString());
        QVERIFY(out.value(u"url").toString().startsWith(u"https://amojo.kommo.com/v2/origin/custom/"));

        const QString expectation = vector.value(u"expect_finding").toString();
        if (!expectation.isEmpty()) {
            QVERIFY2(test::hasExpectedFinding(out.value(u"findings").toArray(), expectation),
                     qPrintable(expectation));
            if (expectation.startsWith(u"error"))
                QCOMPARE(r.exitCode, 1);
        } else if (vector.value(u"method").toString() == u"POST") {
            QCOMPARE(r.exitCode, 0);
        }
        QVERIFY(!r.out.contains(vector.value(u"secret").toString().toUtf8()));
        QVERIFY(!r.err.contains(vector.value(u"secret").toString().toUtf8()));
    }

    void apiPageExampleExitsZero()
    {
        const test::ProcessResult r = test::runCli(
            {QStringLiteral("sign"), QStringLiteral("--json"), QStringLiteral("--secret-stdin"),
             QStringLiteral("--scope"),
             QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38"),
             QStringLiteral("--msgid"), QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca"),
             QStringLiteral("--status"), QStringLiteral("read")},
            "fb50586ff7b68cd831fe0ef356345903f644c0d2\r\n");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out.value(u"headers").toObject().value(u"Content-MD5").toString(),
                 QStringLiteral("b78f5baf6b4a03e53ff0fdb137f89f38"));
        // No --date: the Date is now, so no freshness finding and no finding at all.
        QCOMPARE(out.value(u"findings").toArray().size(), 0);
    }

    void dateIsEnglishUtcUnderAGermanLocale()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        e.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        e.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        e.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
        const test::ProcessResult r =
            test::runCli({QStringLiteral("sign"), QStringLiteral("--json"), QStringLiteral("--secret-stdin"),
                          QStringLiteral("--path"), QStringLiteral("/x"), QStringLiteral("--body-file"),
                          QStringLiteral("/dev/null")},
                         "k", e);
        const QString date =
            QJsonDocument::fromJson(r.out).object().value(u"headers").toObject().value(u"Date").toString();
        const QRegularExpression english(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
            "\\d\\d:\\d\\d:\\d\\d \\+0000$"));
        QVERIFY2(english.match(date).hasMatch(), qPrintable(date));
        const QDateTime sent =
            QLocale::c().toDateTime(date.left(25), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
        QVERIFY(sent.isValid());
        // UTC: the wall clock of the Date is the current UTC wall clock, not Berlin's.
        QDateTime utcNow = QDateTime::currentDateTimeUtc();
        utcNow.setTimeSpec(Qt::LocalTime);
        QVERIFY(qAbs(sent.secsTo(QDateTime(utcNow.date(), utcNow.time()))) < 120);
    }

    void textOutputShowsEveryStep()
    {
        const test::ProcessResult r = test::runCli(
            {QStringLiteral("sign"), QStringLiteral("--secret-env"), QStringLiteral("KOMMO_TEST_SECRET"),
             QStringLiteral("--scope"), QStringLiteral("a_b"), QStringLiteral("--msgid"), QStringLiteral("m"),
             QStringLiteral("--status"), QStringLiteral("error"), QStringLiteral("--error-code"),
             QStringLiteral("905")},
            {}, [] {
                QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
                e.insert(QStringLiteral("KOMMO_TEST_SECRET"), QStringLiteral("canary-7f3a9c"));
                return e;
            }());
        QCOMPARE(r.exitCode, 1); // 905 without text is an error finding; the output is still printed
        const QString text = QString::fromUtf8(r.out);
        for (const char *part : {"String to sign", "Content-MD5", "X-Signature", "Body (", "error [error]",
                                 "warning [scope_id]", "warning [msgid]"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QVERIFY(!r.out.contains("canary-7f3a9c"));
    }

    void secretWhitespaceIsKeptAndWarned()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("s"), "secret \n\n");
        const QStringList base = {
            QStringLiteral("sign"),     QStringLiteral("--json"),
            QStringLiteral("--scope"),  QStringLiteral("a_b"),
            QStringLiteral("--msgid"),  QStringLiteral("m"),
            QStringLiteral("--status"), QStringLiteral("read"),
            QStringLiteral("--date"),   QStringLiteral("Thu, 03 Dec 2026 10:00:00 +0000")};
        const test::ProcessResult fromFile =
            test::runCli(QStringList(base) << QStringLiteral("--secret-file") << file);
        const test::ProcessResult exact =
            test::runCli(QStringList(base) << QStringLiteral("--secret-stdin"), "secret \n\n");
        const test::ProcessResult trimmed =
            test::runCli(QStringList(base) << QStringLiteral("--secret-stdin"), "secret");
        const auto signature = [](const test::ProcessResult &r) {
            return QJsonDocument::fromJson(r.out).object().value(u"signature").toString();
        };
        QCOMPARE(signature(fromFile), signature(exact)); // both keep "secret \n" after dropping one newline
        QVERIFY(signature(fromFile) != signature(trimmed));
        QVERIFY(QString::fromUtf8(fromFile.out).contains(u"secret_whitespace"));
    }

    void commandLineSecretWarns()
    {
        const test::ProcessResult r =
            test::runCli({QStringLiteral("sign"), QStringLiteral("--json"), QStringLiteral("--secret"),
                          QStringLiteral("canary-b41d"), QStringLiteral("--path"), QStringLiteral("/x"),
                          QStringLiteral("--body-file"), QStringLiteral("-")},
                         "{}");
        QVERIFY(QString::fromUtf8(r.out).contains(u"secret_on_command_line"));
        QVERIFY(!r.out.contains("canary-b41d"));
        QVERIFY(!r.err.contains("canary-b41d"));
    }

    void secretInAHeaderIsAnErrorAndMaskedInTheOutput()
    {
        const QByteArray canary = "canary-5e1f0a77d2";
        for (const char *mode : {"--json", "--secret-stdin"}) {
            QStringList args = {
                QStringLiteral("sign"),     QStringLiteral("--secret-stdin"),
                QStringLiteral("--scope"),  QStringLiteral("a_b"),
                QStringLiteral("--msgid"),  QStringLiteral("m"),
                QStringLiteral("--status"), QStringLiteral("read"),
                QStringLiteral("--header"), QStringLiteral("X-Token: ") + QString::fromLatin1(canary)};
            if (QByteArray(mode) == "--json")
                args << QStringLiteral("--json");
            const test::ProcessResult r = test::runCli(args, canary);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.out.contains("secret_in_request") || r.out.contains("secret appears"),
                     r.out.constData());
            QVERIFY(r.out.contains("[secret]"));
            QVERIFY(!r.out.contains(canary));
            QVERIFY(!r.err.contains(canary));
        }
    }

    void nonUtf8BodyIsBase64()
    {
        QTemporaryDir dir;
        const QByteArray bytes("\xff\xfe{}", 4);
        const QString body = writeFile(dir, QStringLiteral("b"), bytes);
        const test::ProcessResult r =
            test::runCli({QStringLiteral("sign"), QStringLiteral("--json"), QStringLiteral("--secret"),
                          QStringLiteral("k"), QStringLiteral("--path"), QStringLiteral("/x"),
                          QStringLiteral("--body-file"), body});
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QVERIFY(out.value(u"body").isNull());
        QCOMPARE(QByteArray::fromBase64(out.value(u"body_base64").toString().toLatin1()), bytes);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QStringList form = {QStringLiteral("--scope"), QStringLiteral("a_b"), QStringLiteral("--msgid"),
                                  QStringLiteral("m")};
        QTest::newRow("no secret") << (QStringList{QStringLiteral("sign"), QStringLiteral("--status"),
                                                   QStringLiteral("read")} +
                                       form)
                                   << QStringLiteral("secret");
        QTest::newRow("two secrets") << (QStringList{QStringLiteral("sign"), QStringLiteral("--secret"),
                                                     QStringLiteral("a"), QStringLiteral("--secret-env"),
                                                     QStringLiteral("HOME"), QStringLiteral("--status"),
                                                     QStringLiteral("read")} +
                                         form)
                                     << QStringLiteral("--secret-env");
        QTest::newRow("bad status") << (QStringList{QStringLiteral("sign"), QStringLiteral("--secret"),
                                                    QStringLiteral("a"), QStringLiteral("--status"),
                                                    QStringLiteral("sent")} +
                                        form)
                                    << QStringLiteral("--status");
        QTest::newRow("no scope") << QStringList{QStringLiteral("sign"), QStringLiteral("--secret"),
                                                 QStringLiteral("a"),    QStringLiteral("--msgid"),
                                                 QStringLiteral("m"),    QStringLiteral("--status"),
                                                 QStringLiteral("read")}
                                  << QStringLiteral("--scope");
        QTest::newRow("bad code") << (QStringList{QStringLiteral("sign"), QStringLiteral("--secret"),
                                                  QStringLiteral("a"), QStringLiteral("--status"),
                                                  QStringLiteral("error"), QStringLiteral("--error-code"),
                                                  QStringLiteral("nine")} +
                                      form)
                                  << QStringLiteral("--error-code");
        QTest::newRow("bad header") << (QStringList{QStringLiteral("sign"), QStringLiteral("--secret"),
                                                    QStringLiteral("a"), QStringLiteral("--status"),
                                                    QStringLiteral("read"), QStringLiteral("--header"),
                                                    QStringLiteral("NoColon")} +
                                        form)
                                    << QStringLiteral("--header");
        QTest::newRow("missing body file")
            << (QStringList{QStringLiteral("sign"), QStringLiteral("--secret"), QStringLiteral("a"),
                            QStringLiteral("--body-file"), QStringLiteral("/nonexistent/x")} +
                form)
            << QStringLiteral("/nonexistent/x");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("sign"), QStringLiteral("--frobnicate")}
                                        << QStringLiteral("frobnicate");
        QTest::newRow("unknown verb")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const test::ProcessResult r = test::runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }

    void helpDocumentsEveryOption()
    {
        const test::ProcessResult r = test::runCli({QStringLiteral("sign"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Usage: kommo-status sign [options]\n"), r.out.left(80).constData());
        for (const char *option :
             {"--scope", "--msgid", "--status", "--error-code", "--error", "--date", "--base-url",
              "--body-file", "--method", "--path", "--content-type", "--header", "--secret-file",
              "--secret-env", "--secret-stdin", "--secret", "--json", "trailing newline"})
            QVERIFY2(r.out.contains(option), option);
        QCOMPARE(test::runCli({QStringLiteral("--version")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSign)
#include "tst_cli_sign.moc"

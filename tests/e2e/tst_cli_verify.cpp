// `kommo-status verify` as a real process: kinds detected, the JSON shape, exit codes, stdin rules, no secret
// shown.
#include "core/crypto/crypto.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace kommo;

namespace {

// A canary secret of the test's own: it must never appear in any output.
const QByteArray canary = "c0ffee00c0ffee11c0ffee22c0ffee33c0ffee44";
const QByteArray path = "/v2/origin/custom/11111111-2222-4333-8444-555555555555_66666666-7777-4888-9999-"
                        "aaaaaaaaaaaa/0f0e0d0c-0b0a-4909-8807-060504030201/delivery_status";
const QByteArray body = "{\"msgid\":\"0f0e0d0c-0b0a-4909-8807-060504030201\",\"delivery_status\":1}";
const QByteArray date = "Tue, 14 Mar 2023 09:26:53 +0000";

QByteArray signature(const QByteArray &key, const QByteArray &md5)
{
    return *crypto::hmacSha1Hex(key, "POST\n" + md5 + "\napplication/json\n" + date + "\n" + path);
}

QByteArray rawRequest(const QByteArray &key)
{
    const QByteArray md5 = *crypto::md5Hex(body);
    return "POST " + path + " HTTP/1.1\r\nHost: amojo.kommo.com\r\nDate: " + date +
           "\r\nContent-Type: application/json\r\nContent-MD5: " + md5 +
           "\r\nX-Signature: " + signature(key, md5) + "\r\n\r\n" + body;
}

QByteArray curlCommand(const QByteArray &key)
{
    const QByteArray md5 = *crypto::md5Hex(body);
    return "curl -X POST 'https://amojo.kommo.com" + path + "' \\\n -H 'Date: " + date +
           "' \\\n -H 'Content-Type: application/json' \\\n -H 'Content-MD5: " + md5 +
           "' \\\n -H 'X-Signature: " + signature(key, md5) + "' \\\n --data-raw '" + body + "'\n";
}

QByteArray harFile(const QList<QByteArray> &keys)
{
    const QByteArray md5 = *crypto::md5Hex(body);
    QJsonArray entries;
    for (const QByteArray &key : keys) {
        const QJsonArray headers = {
            QJsonObject{{u"name"_qs, u"Date"_qs}, {u"value"_qs, QString::fromLatin1(date)}},
            QJsonObject{{u"name"_qs, u"Content-Type"_qs}, {u"value"_qs, u"application/json"_qs}},
            QJsonObject{{u"name"_qs, u"Content-MD5"_qs}, {u"value"_qs, QString::fromLatin1(md5)}},
            QJsonObject{{u"name"_qs, u"X-Signature"_qs},
                        {u"value"_qs, QString::fromLatin1(signature(key, md5))}}};
        entries.append(QJsonObject{
            {u"request"_qs,
             QJsonObject{{u"method"_qs, u"POST"_qs},
                         {u"url"_qs, QString::fromLatin1("https://amojo.kommo.com" + path)},
                         {u"headers"_qs, headers},
                         {u"postData"_qs, QJsonObject{{u"text"_qs, QString::fromLatin1(body)}}}}}});
    }
    entries.append(
        QJsonObject{{u"request"_qs, QJsonObject{{u"method"_qs, u"GET"_qs}, {u"url"_qs, u"https://x/y"_qs}}}});
    return QJsonDocument(QJsonObject{{u"log"_qs, QJsonObject{{u"entries"_qs, entries}}}}).toJson();
}

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_secretFile;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString file = m_dir.filePath(name);
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write a test file");
        return file;
    }

    static void verifyNoSecret(const test::ProcessResult &r)
    {
        for (const QByteArray &form : {canary, canary.toUpper()}) {
            QVERIFY(!r.out.contains(form));
            QVERIFY(!r.err.contains(form));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_secretFile = write(u"secret.txt"_qs, canary + '\n');
    }

    void kinds_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("good");
        QTest::newRow("raw ok") << rawRequest(canary) << u"raw_http"_qs << true;
        QTest::newRow("curl ok") << curlCommand(canary) << u"curl"_qs << true;
        QTest::newRow("raw, secret with newline") << rawRequest(canary + '\n') << u"raw_http"_qs << false;
        QTest::newRow("curl, secret upper case") << curlCommand(canary.toUpper()) << u"curl"_qs << false;
    }

    void kinds()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, kind);
        QFETCH(bool, good);
        const QString file = write(u"capture.txt"_qs, input);
        const test::ProcessResult r =
            test::runCli({u"verify"_qs, u"--secret-file"_qs, m_secretFile, u"--json"_qs, file});
        QCOMPARE(r.exitCode, good ? 0 : 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"kind").toString(), kind);
        QCOMPARE(o.value(u"ok").toBool(), good);
        const QJsonArray checks = o.value(u"checks").toArray();
        QCOMPARE(checks.size(), 11);
        for (const QJsonValue &c : checks) {
            QVERIFY(c.toObject().value(u"name").isString());
            QVERIFY(c.toObject().value(u"ok").isBool());
            QVERIFY(c.toObject().value(u"detail").isString());
        }
        const QJsonArray causes = o.value(u"causes").toArray();
        if (good) {
            QVERIFY(causes.isEmpty());
        } else {
            QCOMPARE(causes.size(), 1);
            const QString id = causes.at(0).toObject().value(u"id").toString();
            QVERIFY2(id == u"secret_whitespace" || id == u"secret_case", qPrintable(id));
        }
        verifyNoSecret(r);

        // The same capture through standard input, as text.
        const test::ProcessResult t = test::runCli({u"verify"_qs, u"--secret-file"_qs, m_secretFile}, input);
        QCOMPARE(t.exitCode, good ? 0 : 1);
        QVERIFY(t.out.contains(kind.toUtf8()));
        verifyNoSecret(t);
    }

    void harSummary()
    {
        const QString file = write(u"capture.har"_qs, harFile({canary, canary, canary + ' '}));
        const test::ProcessResult r =
            test::runCli({u"verify"_qs, u"--secret-file"_qs, m_secretFile, u"--json"_qs, file});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"requests").toArray().size(), 3);
        const QJsonObject summary = o.value(u"summary").toObject();
        QCOMPARE(summary.value(u"requests").toInt(), 3);
        QCOMPARE(summary.value(u"passed").toInt(), 2);
        QCOMPARE(summary.value(u"failed").toInt(), 1);
        QCOMPARE(summary.value(u"skipped").toInt(), 1);
        QCOMPARE(summary.value(u"causes").toObject().value(u"secret_whitespace").toInt(), 1);
        QCOMPARE(o.value(u"requests").toArray().at(2).toObject().value(u"index").toInt(), 2);
        verifyNoSecret(r);

        const QString good = write(u"good.har"_qs, harFile({canary}));
        QCOMPARE(test::runCli({u"verify"_qs, u"--secret-file"_qs, m_secretFile, good}).exitCode, 0);
    }

    void brokenHarStillGivesValidJson()
    {
        const QString file = write(u"broken.har"_qs, "{\"log\":{\"entries\":[{\"request\":");
        const test::ProcessResult r = test::runCli({u"verify"_qs, u"--json"_qs, file});
        QCOMPARE(r.exitCode, 2);
        QJsonParseError error;
        const QJsonObject out = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QVERIFY(!out.value(u"error").toString().isEmpty());
        QCOMPARE(out.value(u"ok").toBool(true), false);
        QVERIFY(out.value(u"requests").isArray());
    }

    void withoutSecret()
    {
        const QString file = write(u"nosecret.txt"_qs, rawRequest("whatever"));
        const test::ProcessResult r = test::runCli({u"verify"_qs, u"--json"_qs, file});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        bool signatureNotJudged = false;
        for (const QJsonValue &c : o.value(u"checks").toArray()) {
            if (c.toObject().value(u"name").toString() == u"x_signature")
                signatureNotJudged = c.toObject().value(u"judged") == QJsonValue(false);
        }
        QVERIFY(signatureNotJudged);
    }

    void usageErrors()
    {
        const QString file = write(u"u.txt"_qs, rawRequest(canary));
        // The request and the secret both from standard input.
        const test::ProcessResult both = test::runCli({u"verify"_qs, u"--secret-stdin"_qs}, canary + '\n');
        QCOMPARE(both.exitCode, 2);
        const test::ProcessResult dash = test::runCli({u"verify"_qs, u"--secret-stdin"_qs, u"-"_qs}, canary);
        QCOMPARE(dash.exitCode, 2);
        verifyNoSecret(both);
        // The secret from stdin with the request from a file is fine.
        QCOMPARE(test::runCli({u"verify"_qs, u"--secret-stdin"_qs, file}, canary + '\n').exitCode, 0);
        QCOMPARE(test::runCli({u"verify"_qs, m_dir.filePath(u"missing"_qs)}).exitCode, 2);
        QCOMPARE(test::runCli({u"verify"_qs, write(u"junk.txt"_qs, "just some words\n")}).exitCode, 2);
        QCOMPARE(test::runCli({u"verify"_qs, u"--now"_qs, u"yesterday"_qs, file}).exitCode, 2);
        QCOMPARE(test::runCli({u"verify"_qs, u"--bogus"_qs, file}).exitCode, 2);
        // --now judges freshness.
        QCOMPARE(
            test::runCli({u"verify"_qs, u"--now"_qs, u"Tue, 14 Mar 2023 09:30:00 +0000"_qs, file}).exitCode,
            0);
        QCOMPARE(
            test::runCli({u"verify"_qs, u"--now"_qs, u"Tue, 14 Mar 2023 11:30:00 +0000"_qs, file}).exitCode,
            1);
    }
};

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"

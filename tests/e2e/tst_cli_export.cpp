// `kommo-status export` and `kommo-status reproduce` as real processes; exported cURL commands run by bash
// and curl against an in-process sandbox, which shows the bytes that arrived.
#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

using namespace kommo;

namespace {

const QString scope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QByteArray secret = "fb50586ff7b68cd831fe0ef356345903f644c0d2";
const QString oldDate = QStringLiteral("Mon, 12 Dec 2022 10:30:00 +0000");

struct Ran
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program while the event loop keeps serving the in-process sandbox; fails the process after 20 s.
Ran runSpinning(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        qFatal("cannot start %s", qPrintable(program));
    process.closeWriteChannel();
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(20000);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    Ran ran;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return ran;
    }
    ran.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    ran.out = process.readAllStandardOutput();
    ran.err = process.readAllStandardError();
    return ran;
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString secretFile;
    QString wrongSecretFile;
    sandbox::Sandbox box;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QStringList exportArgs(const QString &format, const QString &msgid, const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("export"),
                           QStringLiteral("--format"),
                           format,
                           QStringLiteral("--secret-file"),
                           secretFile,
                           QStringLiteral("--scope"),
                           scope,
                           QStringLiteral("--msgid"),
                           msgid,
                           QStringLiteral("--status"),
                           QStringLiteral("read")} +
               extra;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        secretFile = writeFile(QStringLiteral("secret.txt"), secret + '\n');
        wrongSecretFile = writeFile(QStringLiteral("wrong.txt"), "not-the-channel-secret\n");
        const Result<quint16> port = box.start();
        QVERIFY2(port.ok(), qPrintable(port.error()));
        box.addChannel(scope, secret);
    }

    void everyFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("mark"); // something only that format starts with or holds
        QTest::newRow("curl") << QStringLiteral("curl") << QByteArray("curl '");
        QTest::newRow("http") << QStringLiteral("http") << QByteArray("POST /v2/origin/custom/");
        QTest::newRow("har") << QStringLiteral("har") << QByteArray("\"entries\"");
        QTest::newRow("php") << QStringLiteral("php") << QByteArray("<?php");
        QTest::newRow("python") << QStringLiteral("python") << QByteArray("#!/usr/bin/env python3");
        QTest::newRow("node") << QStringLiteral("node") << QByteArray("require('crypto')");
        QTest::newRow("go") << QStringLiteral("go") << QByteArray("package main");
        QTest::newRow("csharp") << QStringLiteral("csharp") << QByteArray("static int Main()");
        QTest::newRow("shell") << QStringLiteral("shell") << QByteArray("#!/bin/sh");
    }

    // Standard output and --output carry the same bytes; the secret is in neither.
    void everyFormat()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, mark);
        const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
        const QStringList date{QStringLiteral("--date"), oldDate};
        const test::ProcessResult out = test::runCli(exportArgs(format, msgid, date));
        QCOMPARE(out.exitCode, 0);
        QVERIFY2(out.out.contains(mark), out.out.left(200).constData());
        QVERIFY(!out.out.contains(secret));

        const QString file = dir.filePath(QStringLiteral("export.") + format);
        const test::ProcessResult written =
            test::runCli(exportArgs(format, msgid, date + QStringList{QStringLiteral("--output"), file}));
        QCOMPARE(written.exitCode, 0);
        QVERIFY(written.out.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), out.out);
    }

    void usageErrors()
    {
        const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
        QStringList noFormat = exportArgs(QStringLiteral("curl"), msgid);
        noFormat.remove(1, 2);
        QCOMPARE(test::runCli(noFormat).exitCode, 2);
        const test::ProcessResult ruby = test::runCli(exportArgs(QStringLiteral("ruby"), msgid));
        QCOMPARE(ruby.exitCode, 2);
        QVERIFY(ruby.err.contains("curl|http|har|php|python|node|go|csharp|shell"));
        QStringList noSecret = exportArgs(QStringLiteral("curl"), msgid);
        noSecret.remove(3, 2);
        QCOMPARE(test::runCli(noSecret).exitCode, 2);
    }

    void credentialsMaskedUnlessKept()
    {
        const QStringList header{QStringLiteral("--header"),
                                 QStringLiteral("Authorization: Bearer tok-55aa")};
        const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
        const test::ProcessResult masked = test::runCli(exportArgs(QStringLiteral("http"), msgid, header));
        QCOMPARE(masked.exitCode, 0);
        QVERIFY(masked.out.contains("Authorization: [masked]\r\n"));
        QVERIFY(!masked.out.contains("tok-55aa"));
        const test::ProcessResult kept = test::runCli(exportArgs(
            QStringLiteral("http"), msgid, header + QStringList{QStringLiteral("--keep-credentials")}));
        QVERIFY(kept.out.contains("Authorization: Bearer tok-55aa\r\n"));
    }

    // A secret pasted into a header would leak through any format: nothing is written.
    void secretInARequestIsRefused()
    {
        const QString file = dir.filePath(QStringLiteral("leak.txt"));
        const test::ProcessResult r = test::runCli(
            exportArgs(QStringLiteral("curl"), QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca"),
                       {QStringLiteral("--header"), QStringLiteral("X-Debug: ") + QString::fromLatin1(secret),
                        QStringLiteral("--output"), file}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(file));
        QVERIFY(!r.err.contains(secret));
    }

    // The exported command, run by bash and curl with a fresh Date: the sandbox accepts it.
    void curlCommandRunsAgainstTheSandbox()
    {
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const test::ProcessResult command = test::runCli(
            exportArgs(QStringLiteral("curl"), msgid, {QStringLiteral("--base-url"), box.url().toString()}));
        QCOMPARE(command.exitCode, 0);
        const Ran ran = runSpinning(
            QStringLiteral("bash"),
            {QStringLiteral("-c"), QString::fromUtf8(command.out.trimmed() + " -sS -o /dev/null")});
        QCOMPARE(ran.exitCode, 0);
        QCOMPARE(box.statusChanges(msgid).size(), 1);
        QCOMPARE(box.statusChanges(msgid).at(0).deliveryStatus, 2);
    }

    // Bodies no plain quoting carries (not UTF-8, control bytes, NUL): the bytes that arrive are the bytes
    // exported.
    void awkwardBodiesArriveExactly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not utf-8") << QByteArray("{\"e\":\"caf\xe9 \xff\xfe\"}");
        QTest::newRow("controls") << QByteArray("{\"e\":\"\x1b[1m\r\n\ttab'q'\\\"\"}\r\n");
        QTest::newRow("nul") << QByteArray("{\"e\":\"a\0b\"}\0", 13);
        QTest::newRow("unicode") << QByteArray("{\"e\":\"Получатель — ✓ 𝄞 '$HOME' %s\"}\n");
    }

    void awkwardBodiesArriveExactly()
    {
        QFETCH(QByteArray, body);
        const QString bodyFile = writeFile(QStringLiteral("body.bin"), body);
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const test::ProcessResult command = test::runCli(
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("curl"),
             QStringLiteral("--secret-file"), secretFile, QStringLiteral("--base-url"), box.url().toString(),
             QStringLiteral("--path"),
             QStringLiteral("/v2/origin/custom/") + scope + u'/' + msgid + QStringLiteral("/delivery_status"),
             QStringLiteral("--body-file"), bodyFile});
        QVERIFY(command.exitCode == 0 || command.exitCode == 1); // the body rules may object; it is written
        const qsizetype before = box.receivedRequests().size();
        const Ran ran = runSpinning(
            QStringLiteral("bash"),
            {QStringLiteral("-c"), QString::fromUtf8(command.out.trimmed() + " -sS -o /dev/null")});
        QCOMPARE(ran.exitCode, 0);
        QCOMPARE(box.receivedRequests().size(), before + 1);
        const sandbox::ReceivedRequest received = box.receivedRequests().constLast();
        QCOMPARE(received.body, body);
        QVERIFY(received.target.contains(msgid.toLatin1()));
    }

    // A raw HTTP capture reproduced: only Date and X-Signature change (exit 0); a wrong Content-MD5 is named
    // (exit 1).
    void reproduceNamesDifferences()
    {
        const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
        const test::ProcessResult raw =
            test::runCli(exportArgs(QStringLiteral("http"), msgid, {QStringLiteral("--date"), oldDate}));
        QCOMPARE(raw.exitCode, 0);
        const QString capture = writeFile(QStringLiteral("capture.http"), raw.out);
        const QString now = QStringLiteral("Mon, 12 Dec 2022 13:00:00 +0000");

        const test::ProcessResult same =
            test::runCli({QStringLiteral("reproduce"), capture, QStringLiteral("--secret-file"), secretFile,
                          QStringLiteral("--json"), QStringLiteral("--now"), now});
        QCOMPARE(same.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(same.out).object();
        QCOMPARE(json.value(u"only_date_and_signature_differ").toBool(), true);
        QCOMPARE(json.value(u"resigned").toObject().value(u"date").toString(), now);
        QCOMPARE(json.value(u"original").toObject().value(u"signature_matches_secret").toBool(), true);
        QCOMPARE(json.value(u"differences").toArray().size(), 2);
        QVERIFY(!same.out.contains(secret));

        QByteArray tampered = raw.out;
        const qsizetype at = tampered.indexOf("Content-MD5: ") + 13;
        tampered.replace(at, 32, QByteArray(32, '0'));
        const QString bad = writeFile(QStringLiteral("tampered.http"), tampered);
        const test::ProcessResult differs =
            test::runCli({QStringLiteral("reproduce"), bad, QStringLiteral("--secret-file"), secretFile});
        QCOMPARE(differs.exitCode, 1);
        QVERIFY(differs.out.contains("UNEXPECTED header:Content-MD5"));

        QCOMPARE(
            test::runCli({QStringLiteral("reproduce"), QStringLiteral("--secret-file"), secretFile}).exitCode,
            2);
        QCOMPARE(test::runCli({QStringLiteral("reproduce"), capture}).exitCode, 2);
    }

    // reproduce --entry N takes log.entries[N], the index verify reports for a failing entry.
    void reproduceEntryIsTheIndexVerifyReports()
    {
        // A HAR whose entries are: a request elsewhere, a correct one, one with a wrong Content-MD5.
        const auto entry = [this](const QString &msgid, bool tamper) {
            const test::ProcessResult har = test::runCli(exportArgs(QStringLiteral("har"), msgid));
            QJsonObject e = QJsonDocument::fromJson(har.out)
                                .object()
                                .value(u"log")
                                .toObject()
                                .value(u"entries")
                                .toArray()
                                .at(0)
                                .toObject();
            if (tamper) {
                QJsonObject request = e.value(u"request").toObject();
                QJsonArray headers = request.value(u"headers").toArray();
                for (qsizetype i = 0; i < headers.size(); ++i) {
                    if (headers.at(i).toObject().value(u"name").toString() == u"Content-MD5")
                        headers[i] =
                            QJsonObject{{u"name"_qs, u"Content-MD5"_qs}, {u"value"_qs, QString(32, u'0')}};
                }
                request.insert(u"headers"_qs, headers);
                e.insert(u"request"_qs, request);
            }
            return e;
        };
        QJsonObject other = entry(QStringLiteral("11111111-1111-4111-8111-111111111111"), false);
        QJsonObject otherRequest = other.value(u"request").toObject();
        otherRequest.insert(u"url"_qs, u"https://example.invalid/elsewhere"_qs);
        other.insert(u"request"_qs, otherRequest);
        const QJsonArray entries{other, entry(QStringLiteral("22222222-2222-4222-8222-222222222222"), false),
                                 entry(QStringLiteral("33333333-3333-4333-8333-333333333333"), true)};
        const QString har = writeFile(
            QStringLiteral("three.har"),
            QJsonDocument(
                QJsonObject{{u"log"_qs, QJsonObject{{u"version"_qs, u"1.2"_qs}, {u"entries"_qs, entries}}}})
                .toJson());

        const test::ProcessResult verified =
            test::runCli({QStringLiteral("verify"), QStringLiteral("--secret-file"), secretFile, har});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains("log.entries[2]:"), verified.out.constData());
        QVERIFY(!verified.out.contains("log.entries[1]:"));

        const test::ProcessResult failing =
            test::runCli({QStringLiteral("reproduce"), har, QStringLiteral("--entry"), QStringLiteral("2"),
                          QStringLiteral("--secret-file"), secretFile, QStringLiteral("--json")});
        QCOMPARE(failing.exitCode, 1);
        QVERIFY(failing.out.contains("33333333-3333-4333-8333-333333333333"));
        const test::ProcessResult first =
            test::runCli({QStringLiteral("reproduce"), har, QStringLiteral("--secret-file"), secretFile});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains("22222222-2222-4222-8222-222222222222"));
        QCOMPARE(test::runCli({QStringLiteral("reproduce"), har, QStringLiteral("--entry"),
                               QStringLiteral("0"), QStringLiteral("--secret-file"), secretFile})
                     .exitCode,
                 2);
    }

    // --send: 200 from a sandbox that holds the secret, 403 (exit 3) with another, exit 4 when nobody
    // listens.
    void reproduceSends()
    {
        const QString msgid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const test::ProcessResult raw =
            test::runCli(exportArgs(QStringLiteral("curl"), msgid, {QStringLiteral("--date"), oldDate}));
        const QString capture = writeFile(QStringLiteral("capture.curl"), raw.out);
        const QString base = box.url().toString();

        const Ran ok =
            runSpinning(QStringLiteral(KOMMO_CLI),
                        {QStringLiteral("reproduce"), capture, QStringLiteral("--secret-file"), secretFile,
                         QStringLiteral("--base-url"), base, QStringLiteral("--send"),
                         QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("5")});
        QVERIFY2(ok.exitCode == 0, ok.out.constData());
        QCOMPARE(
            QJsonDocument::fromJson(ok.out).object().value(u"response").toObject().value(u"status").toInt(),
            200);
        QCOMPARE(box.statusChanges(msgid).size(), 1);

        const Ran refused =
            runSpinning(QStringLiteral(KOMMO_CLI),
                        {QStringLiteral("reproduce"), capture, QStringLiteral("--secret-file"),
                         wrongSecretFile, QStringLiteral("--base-url"), base, QStringLiteral("--send"),
                         QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(refused.exitCode, 3);

        sandbox::Sandbox closed;
        const Result<quint16> port = closed.start();
        QVERIFY(port.ok());
        closed.stop(); // a port nobody listens on now
        const Ran nobody =
            runSpinning(QStringLiteral(KOMMO_CLI),
                        {QStringLiteral("reproduce"), capture, QStringLiteral("--secret-file"), secretFile,
                         QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:%1").arg(*port),
                         QStringLiteral("--send"), QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(nobody.exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"

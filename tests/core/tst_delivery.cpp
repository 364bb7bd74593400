// The delivery domain: statuses, error codes, the canonical body's escaping, paths and identifiers.
#include "core/delivery/delivery.h"

#include <QProcess>
#include <QTest>

using namespace kommo;
using namespace kommo::delivery;

namespace {

QByteArray jsonString(const QString &text)
{
    QByteArray out;
    appendJsonString(out, text);
    return out;
}

} // namespace

class TestDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusesAndCodes()
    {
        QCOMPARE(parseStatus(QStringLiteral("delivered")), std::optional<int>(1));
        QCOMPARE(parseStatus(QStringLiteral("READ")), std::optional<int>(2));
        QCOMPARE(parseStatus(QStringLiteral("error")), std::optional<int>(-1));
        QCOMPARE(parseStatus(QStringLiteral("-1")), std::optional<int>(-1));
        QCOMPARE(parseStatus(QStringLiteral("2")), std::optional<int>(2));
        QVERIFY(!parseStatus(QStringLiteral("sent")));
        QVERIFY(!parseStatus(QStringLiteral("0")));
        QVERIFY(!parseStatus(QStringLiteral("3")));
        QCOMPARE(statuses().size(), 4);
        QVERIFY(!statuses().constFirst().value); // Sent: known, not sendable
        QCOMPARE(errorCodes().size(), 5);
        QVERIFY(errorCode(905)->needsText);
        QVERIFY(!errorCode(901)->needsText);
        QVERIFY(!errorCode(900));
        QVERIFY(!errorCode(906));
    }

    void escaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
        QTest::newRow("quote-backslash-slash")
            << QStringLiteral("a\"b\\c/d") << QByteArray("\"a\\\"b\\\\c/d\"");
        QTest::newRow("short-forms") << QStringLiteral("\b\f\n\r\t") << QByteArray("\"\\b\\f\\n\\r\\t\"");
        QTest::newRow("nul-and-1f") << QString(QChar(0)) + QChar(0x1f) << QByteArray("\"\\u0000\\u001f\"");
        QTest::newRow("lowercase-hex") << QString(QChar(0x1b)) << QByteArray("\"\\u001b\"");
        QTest::newRow("del-raw") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
        QTest::newRow("u2028-raw") << QString(QChar(0x2028)) + QChar(0x2029)
                                   << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"");
        QTest::newRow("utf8-raw") << QStringLiteral("Número ✓")
                                  << QByteArray("\"N\xc3\xbamero \xe2\x9c\x93\"");
        QTest::newRow("astral") << QStringLiteral("\U0001F600") << QByteArray("\"\xf0\x9f\x98\x80\"");
    }

    void escaping()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, json);
        QCOMPARE(jsonString(text), json);
    }

    // An independent implementation: Python's json.dumps(ensure_ascii=False) on every character below U+0080
    // and a few beyond must write exactly what we write.
    void escapingAgreesWithPython()
    {
        QString all;
        for (char16_t c = 0; c < 0x80; ++c)
            all.append(QChar(c));
        all += QStringLiteral("\u00e9\u2028\u2029\u20ac\uFEFF");
        QProcess python;
        python.start(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json,sys; s=sys.stdin.buffer.read().decode('utf-8');"
                            "sys.stdout.buffer.write(json.dumps(s, ensure_ascii=False).encode('utf-8'))")});
        QVERIFY2(python.waitForStarted(10000), "python3 is needed for this cross-check (scripts/deps.sh)");
        python.write(all.toUtf8());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(20000));
        QCOMPARE(python.exitCode(), 0);
        QCOMPARE(jsonString(all), python.readAllStandardOutput());
    }

    void canonicalBody()
    {
        Form form;
        form.msgid = QStringLiteral("m");
        form.deliveryStatus = 2;
        QCOMPARE(delivery::canonicalBody(form), QByteArray(R"({"msgid":"m","delivery_status":2})"));
        form.deliveryStatus = -1;
        form.errorCode = 905;
        form.errorText = QStringLiteral("x");
        QCOMPARE(delivery::canonicalBody(form),
                 QByteArray(R"({"msgid":"m","delivery_status":-1,"error_code":905,"error":"x"})"));
        form.errorCode.reset();
        QCOMPARE(delivery::canonicalBody(form),
                 QByteArray(R"({"msgid":"m","delivery_status":-1,"error":"x"})"));
    }

    void paths()
    {
        const QByteArray p = path(QStringLiteral("a-1_b-2"), QStringLiteral("m-3"));
        QCOMPARE(p, QByteArray("/v2/origin/custom/a-1_b-2/m-3/delivery_status"));
        const auto parts = parsePath(p + "?debug=1");
        QVERIFY(parts);
        QCOMPARE(parts->scopeId, QStringLiteral("a-1_b-2"));
        QCOMPARE(parts->msgid, QStringLiteral("m-3"));
        // Characters a path cannot carry are percent-encoded, and read back.
        const QByteArray odd = path(QStringLiteral("a b"), QStringLiteral("x/y?"));
        QCOMPARE(odd, QByteArray("/v2/origin/custom/a%20b/x%2Fy%3F/delivery_status"));
        QCOMPARE(parsePath(odd)->msgid, QStringLiteral("x/y?"));
        QVERIFY(!parsePath("/v2/origin/custom/a/b/c/delivery_status"));
        QCOMPARE(parsePath("/v2/origin/custom//b/delivery_status")->scopeId, QString());
        QCOMPARE(parsePath("/v2/origin/custom/a//delivery_status")->msgid, QString());
        QVERIFY(!parsePath("/v2/origin/custom/a_b_delivery_status"));
        QVERIFY(!parsePath("/v2/origin/custom/a/b/status"));
    }

    void identifiers()
    {
        QVERIFY(isUuid(u"3419eef6-2aa3-464c-b6e4-4386d0f8f3ca"));
        QVERIFY(isUuid(u"3419EEF6-2AA3-464C-B6E4-4386D0F8F3CA"));
        QVERIFY(!isUuid(u"3419eef6-2aa3-464c-b6e4-4386d0f8f3c"));
        QVERIFY(!isUuid(u"3419eef6-2aa3-464c-b6e4-4386d0f8f3cax"));
        QVERIFY(isScopeId(u"f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38"));
        QVERIFY(!isScopeId(u"f62a0162-46a7-430e-b06c-0ef798d56b21"));
        QVERIFY(!isScopeId(u"f62a0162-46a7-430e-b06c-0ef798d56b21_"));
        QVERIFY(!isScopeId(u"f62a0162-46a7-430e-b06c-0ef798d56b21-52fd2a28-d2eb-4bd8-b862-a67934927b38"));
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"

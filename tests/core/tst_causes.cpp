// Each known signing mistake, made alone by the test from its own values, must be named by exactly its cause
// id.
#include "core/crypto/crypto.h"
#include "core/diagnosis/causes.h"
#include "core/diagnosis/verify.h"
#include "core/interchange/import.h"
#include "testsupport.h"

#include <functional>

using namespace kommo;

namespace {

const QByteArray testSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const QByteArray scope = "11111111-2222-4333-8444-555555555555_66666666-7777-4888-9999-aaaaaaaaaaaa";
const QByteArray msgid = "0f0e0d0c-0b0a-4909-8807-060504030201";

// How a client built one request: what it sent and what it hashed and signed, each settable on its own.
struct Recipe
{
    QByteArray sentMethod = "POST";
    QByteArray signedMethod = "POST";
    QByteArray sentTarget = "/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status";
    QByteArray signedPath = sentTarget;
    QByteArray sentBody = "{\"msgid\":\"" + msgid +
                          "\",\"delivery_status\":-1,\"error_code\":905,\"error\":\"Não entregue: "
                          "https://exemplo.com/ç\"}";
    QByteArray hashedBody = sentBody;
    std::optional<QByteArray> md5Header; // default: lowercase hex MD5 of hashedBody
    QByteArray sentContentType = "application/json";
    QByteArray signedContentType = sentContentType;
    QByteArray sentDate = "Tue, 14 Mar 2023 09:26:53 +0000";
    QByteArray signedDate = sentDate;
    QByteArray separator = "\n";
    QByteArray key = testSecret;
    std::optional<QByteArray> signedMessage; // default: the five lines

    CapturedRequest capture() const
    {
        const QByteArray md5 = md5Header.value_or(*crypto::md5Hex(hashedBody));
        const QByteArray message =
            signedMessage.value_or(signedMethod + separator + md5 + separator + signedContentType +
                                   separator + signedDate + separator + signedPath);
        CapturedRequest r;
        r.method = sentMethod;
        r.scheme = "https";
        r.host = "amojo.kommo.com";
        r.target = sentTarget;
        r.url = "https://amojo.kommo.com" + sentTarget;
        r.headers = {{"Date", sentDate},
                     {"Content-Type", sentContentType},
                     {"Content-MD5", md5},
                     {"X-Signature", *crypto::hmacSha1Hex(key, message)}};
        r.body = sentBody;
        return r;
    }
};

QStringList causeIdsOf(const diagnosis::Verification &v)
{
    QStringList ids;
    for (const diagnosis::Cause &c : v.causes)
        ids.append(c.id);
    return ids;
}

diagnosis::Verification verifyWithSecret(const CapturedRequest &r)
{
    return diagnosis::verify(r, {testSecret, std::nullopt});
}

QByteArray pretty(const QByteArray &body, diagnosis::Layout layout)
{
    return *diagnosis::reserialize(body, layout);
}

} // namespace

// Declared before the first use, or a release build sees the specialization after its instantiation.
Q_DECLARE_METATYPE(std::function<void(Recipe &)>)

class TestCauses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleMistake_data()
    {
        QTest::addColumn<QString>("expected"); // empty: a correct capture
        QTest::addColumn<std::function<void(Recipe &)>>("mistake");
        using M = std::function<void(Recipe &)>;
        const auto row = [](const char *name, const char *id, M m) {
            QTest::newRow(name) << QString::fromLatin1(id) << m;
        };

        row("correct", "", [](Recipe &) {});
        row("correct, query sent and not signed", "", [](Recipe &r) { r.sentTarget += "?trace=1"; });
        row("correct, charset signed as sent", "",
            [](Recipe &r) { r.sentContentType = r.signedContentType = "application/json; charset=utf-8"; });
        row("correct, pretty body hashed as sent", "",
            [](Recipe &r) { r.sentBody = r.hashedBody = pretty(r.sentBody, diagnosis::Layout::Indent2); });

        row("md5 upper case", "md5_uppercase",
            [](Recipe &r) { r.md5Header = crypto::md5Hex(r.sentBody)->toUpper(); });
        row("md5 base64", "md5_base64", [](Recipe &r) { r.md5Header = crypto::md5(r.sentBody)->toBase64(); });
        row("newline hashed, not sent", "body_trailing_newline", [](Recipe &r) { r.hashedBody += '\n'; });
        row("CRLF sent, not hashed", "body_trailing_newline", [](Recipe &r) { r.sentBody += "\r\n"; });
        row("newline sent, not hashed", "body_trailing_newline", [](Recipe &r) { r.sentBody += "\n"; });
        row("hashed with python separators", "body_reserialized",
            [](Recipe &r) { r.hashedBody = pretty(r.sentBody, diagnosis::Layout::Spaced); });
        row("hashed pretty 2", "body_reserialized",
            [](Recipe &r) { r.hashedBody = pretty(r.sentBody, diagnosis::Layout::Indent2); });
        row("hashed pretty 4", "body_reserialized",
            [](Recipe &r) { r.hashedBody = pretty(r.sentBody, diagnosis::Layout::Indent4); });
        row("hashed pretty tab", "body_reserialized",
            [](Recipe &r) { r.hashedBody = pretty(r.sentBody, diagnosis::Layout::Tab); });
        row("sent pretty, hashed compact", "body_reserialized",
            [](Recipe &r) { r.sentBody = pretty(r.sentBody, diagnosis::Layout::Indent4); });
        row("hashed PHP-escaped", "body_escaping", [](Recipe &r) {
            r.hashedBody = diagnosis::escapeJsonText(r.sentBody, int(diagnosis::Escape::Slash) |
                                                                     int(diagnosis::Escape::Unicode));
        });
        row("sent PHP-escaped, hashed raw", "body_escaping", [](Recipe &r) {
            r.sentBody = diagnosis::escapeJsonText(r.sentBody, int(diagnosis::Escape::Slash) |
                                                                   int(diagnosis::Escape::Unicode));
        });
        row("empty body hashed as {}", "empty_body_form", [](Recipe &r) {
            r.sentBody.clear();
            r.hashedBody = "{}";
        });
        row("empty body hashed as null", "empty_body_form", [](Recipe &r) {
            r.sentBody.clear();
            r.hashedBody = "null";
        });
        row("empty body hashed as \"\"", "empty_body_form", [](Recipe &r) {
            r.sentBody.clear();
            r.hashedBody = "\"\"";
        });
        row("method signed lower case", "method_mismatch", [](Recipe &r) { r.signedMethod = "post"; });
        row("method signed PUT", "method_mismatch", [](Recipe &r) { r.signedMethod = "PUT"; });
        row("query signed", "path_query", [](Recipe &r) {
            r.sentTarget += "?a=1&b=two";
            r.signedPath = r.sentTarget;
        });
        row("host signed", "path_host", [](Recipe &r) { r.signedPath = "amojo.kommo.com" + r.sentTarget; });
        row("full URL signed", "path_host",
            [](Recipe &r) { r.signedPath = "https://amojo.kommo.com" + r.sentTarget; });
        row("trailing slash signed", "path_trailing_slash", [](Recipe &r) { r.signedPath += '/'; });
        row("trailing slash sent", "path_trailing_slash", [](Recipe &r) { r.sentTarget += '/'; });
        row("date one second later", "date_changed",
            [](Recipe &r) { r.signedDate = "Tue, 14 Mar 2023 09:26:54 +0000"; });
        row("date a minute earlier across the hour", "date_changed", [](Recipe &r) {
            r.sentDate = "Wed, 15 Mar 2023 00:00:30 +0000";
            r.signedDate = "Tue, 14 Mar 2023 23:59:30 +0000";
        });
        row("charset sent only", "content_type_charset",
            [](Recipe &r) { r.sentContentType = "application/json; charset=utf-8"; });
        row("charset signed only", "content_type_charset",
            [](Recipe &r) { r.signedContentType = "application/json;charset=UTF-8"; });
        row("CRLF separator", "separator", [](Recipe &r) { r.separator = "\r\n"; });
        row("literal backslash-n", "separator", [](Recipe &r) { r.separator = "\\n"; });
        row("letter n", "separator", [](Recipe &r) { r.separator = "n"; });
        row("no separator", "separator", [](Recipe &r) { r.separator = ""; });
        row("HMAC of the body", "body_only_hmac", [](Recipe &r) { r.signedMessage = r.sentBody; });
        row("secret with newline", "secret_whitespace", [](Recipe &r) { r.key = testSecret + '\n'; });
        row("secret with space", "secret_whitespace", [](Recipe &r) { r.key = ' ' + testSecret; });
        row("secret hex-decoded", "secret_hex_decoded",
            [](Recipe &r) { r.key = QByteArray::fromHex(testSecret); });
        row("secret upper case", "secret_case", [](Recipe &r) { r.key = testSecret.toUpper(); });
    }

    void singleMistake()
    {
        QFETCH(QString, expected);
        QFETCH(std::function<void(Recipe &)>, mistake);
        Recipe recipe;
        mistake(recipe);
        const diagnosis::Verification v = verifyWithSecret(recipe.capture());
        const QStringList ids = causeIdsOf(v);
        if (expected.isEmpty()) {
            QVERIFY2(ids.isEmpty(), qPrintable(ids.join(u',')));
            QVERIFY(v.check(u"content_md5")->ok);
            QVERIFY(v.check(u"x_signature")->ok);
        } else {
            QCOMPARE(ids, QStringList{expected});
            QVERIFY(!v.ok());
            QVERIFY(!v.causes.constFirst().detail.isEmpty());
            // A detail never quotes the secret, in any case.
            QVERIFY(!v.causes.constFirst().detail.toUtf8().toLower().contains(testSecret));
        }
        QVERIFY(diagnosis::causeIds().contains(expected) || expected.isEmpty());
    }

    void withoutSecretSignatureNotJudged()
    {
        Recipe recipe;
        recipe.key = "another secret";
        const diagnosis::Verification v = diagnosis::verify(recipe.capture(), {});
        QVERIFY(v.ok());
        QVERIFY(!v.check(u"x_signature")->judged);
        QVERIFY(!v.check(u"date_freshness")->judged);
        QVERIFY(v.causes.isEmpty());
    }

    void freshnessOnlyAgainstNow()
    {
        Recipe recipe;
        const CapturedRequest r = recipe.capture();
        const QDateTime sent = QDateTime(QDate(2023, 3, 14), QTime(9, 26, 53), Qt::UTC);
        QVERIFY(diagnosis::verify(r, {testSecret, sent.addSecs(60)}).ok());
        const diagnosis::Verification late = diagnosis::verify(r, {testSecret, sent.addSecs(3600)});
        QVERIFY(!late.check(u"date_freshness")->ok);
        QVERIFY(late.causes.isEmpty());
    }

    void dateRules()
    {
        Recipe recipe;
        recipe.sentDate = recipe.signedDate =
            "Wed, 14 Mar 2023 09:26:53 GMT"; // wrong weekday, alphabetic zone
        const diagnosis::Verification v = verifyWithSecret(recipe.capture());
        QVERIFY(v.check(u"date_format")->ok);
        QVERIFY(!v.check(u"date_zone")->ok);
        QVERIFY(!v.check(u"date_weekday")->ok);
        QVERIFY(v.check(u"x_signature")->ok);
    }

    void pathAndBodyRules()
    {
        Recipe recipe;
        recipe.sentBody = recipe.hashedBody = "{\"msgid\":\"not-the-path-one\",\"delivery_status\":7}";
        recipe.sentMethod = recipe.signedMethod = "PUT";
        const diagnosis::Verification v = verifyWithSecret(recipe.capture());
        QVERIFY(!v.check(u"path_msgid")->ok);
        QVERIFY(!v.check(u"body_rules")->ok);
        QVERIFY(!v.check(u"method")->ok);
        QVERIFY(v.check(u"path")->ok);
        QVERIFY(v.causes.isEmpty());
        QCOMPARE(v.checks.size(), diagnosis::checkNames().size());
    }

    // The API page's cURL example with the page's secret: the body hash matches, the signature does not, and
    // no known mistake reproduces the page's signature, so none is claimed.
    void apiPageExample()
    {
        const QByteArray page =
            "curl --location --request POST "
            "'https://amojo.kommo.com/v2/origin/custom/"
            "f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38/"
            "3419eef6-2aa3-464c-b6e4-4386d0f8f3ca/delivery_status' \\\n"
            "--header 'Content-Type: application/json' \\\n"
            "--header 'Date: Mon, 12 Dec 2022 10:30:00 +0000' \\\n"
            "--header 'Content-MD5: b78f5baf6b4a03e53ff0fdb137f89f38' \\\n"
            "--header 'X-Signature: 05ac9b8f4f78dd3bc8aebf85a489b2d93bec8fcd' \\\n"
            "--header 'Cookie: session_id=djr98niasqivr1hg2ap2g8sh5p' \\\n"
            "--data-raw '{\"msgid\":\"3419eef6-2aa3-464c-b6e4-4386d0f8f3ca\",\"delivery_status\":2}'\n";
        QCOMPARE(interchange::detectKind(page), interchange::InputKind::Curl);
        const Result<CapturedRequest> r = interchange::parseCurl(page);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const diagnosis::Verification v =
            diagnosis::verify(*r, {QByteArray("fb50586ff7b68cd831fe0ef356345903f644c0d2"), std::nullopt});
        QVERIFY(v.check(u"content_md5")->ok);
        QCOMPARE(v.expectedContentMd5, QByteArray("b78f5baf6b4a03e53ff0fdb137f89f38"));
        QVERIFY(!v.check(u"x_signature")->ok);
        QVERIFY(v.check(u"x_signature")->judged);
        QVERIFY2(v.causes.isEmpty(), qPrintable(causeIdsOf(v).join(u',')));
        QVERIFY(!v.ok());
    }

    void escapingRoundTrip()
    {
        const QByteArray raw = "{\"a\":\"x/y é 😀 \\\\/\"}";
        const int all = int(diagnosis::Escape::Slash) | int(diagnosis::Escape::Unicode);
        const QByteArray escaped = diagnosis::escapeJsonText(raw, all);
        QCOMPARE(escaped, QByteArray("{\"a\":\"x\\/y \\u00e9 \\ud83d\\ude00 \\\\\\/\"}"));
        QCOMPARE(diagnosis::unescapeJsonText(escaped, all), QByteArray("{\"a\":\"x/y é 😀 \\\\/\"}"));
    }
};

QTEST_GUILESS_MAIN(TestCauses)
#include "tst_causes.moc"

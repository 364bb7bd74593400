// Every signing vector through the core API: body, Content-MD5, string to sign, signature, findings.
#include "core/delivery/delivery.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"
#include "core/signing/signing.h"
#include "testsupport.h"

using namespace kommo;

namespace {

// The spec a vector describes: its raw parts, with the path and body built from its form where it has one
// (so that a form vector checks the canonical body, not just the signing of given bytes).
RequestSpec specOf(const QJsonObject &v)
{
    RequestSpec spec = test::vectorRawSpec(v);
    if (!v.contains(u"form"))
        return spec;
    const QJsonObject form = v.value(u"form").toObject();
    delivery::Form f;
    f.scopeId = form.value(u"scope_id").toString();
    f.msgid = form.value(u"msgid").toString();
    f.deliveryStatus = form.value(u"delivery_status").toInt();
    if (form.contains(u"error_code"))
        f.errorCode = form.value(u"error_code").toInt();
    if (form.contains(u"error"))
        f.errorText = form.value(u"error").toString();
    const RequestSpec fromForm = formRequest(f);
    spec.path = fromForm.path;
    spec.body = fromForm.body;
    return spec;
}

} // namespace

class TestSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data() { test::addVectorRows(); }

    void vectors()
    {
        QFETCH(QJsonObject, vector);
        const RequestSpec spec = specOf(vector);
        const QByteArray secret = vector.value(u"secret").toString().toUtf8();
        const std::optional<httpdate::Parsed> date =
            httpdate::parse(spec.date).ok() ? std::optional(*httpdate::parse(spec.date)) : std::nullopt;
        const SignedRequest signedRequest =
            sign(spec, secret, date ? std::optional(date->instant) : std::nullopt);

        QCOMPARE(signedRequest.spec.body, vector.value(u"body").toString().toUtf8());
        QCOMPARE(signedRequest.signedPath, vector.value(u"path").toString().toUtf8());
        QCOMPARE(signedRequest.contentMd5, vector.value(u"content_md5").toString().toUtf8());
        QCOMPARE(signedRequest.stringToSign, vector.value(u"string_to_sign").toString().toUtf8());
        QCOMPARE(signedRequest.signature, vector.value(u"signature").toString().toUtf8());
        QCOMPARE(signedRequest.header("X-Signature"), signedRequest.signature);
        QCOMPARE(signedRequest.header("Content-MD5"), signedRequest.contentMd5);
        QCOMPARE(signedRequest.header("Date"), spec.date);

        if (vector.contains(u"page_content_md5"))
            QCOMPARE(signedRequest.contentMd5, vector.value(u"page_content_md5").toString().toUtf8());
        if (vector.contains(u"page_signature_not_reproducible"))
            QVERIFY(signedRequest.signature !=
                    vector.value(u"page_signature_not_reproducible").toString().toUtf8());

        const QString expectation = vector.value(u"expect_finding").toString();
        if (!expectation.isEmpty()) {
            QVERIFY2(test::hasExpectedFinding(signedRequest.findings, expectation), qPrintable(expectation));
        } else if (spec.method == "POST") {
            // A correct POST vector, judged at its own Date, earns no error.
            for (const Finding &f : signedRequest.findings)
                QVERIFY2(f.severity != Severity::Error, qPrintable(f.message));
        }
    }

    void rawRequestIsTheWireForm()
    {
        delivery::Form form{
            QStringLiteral("11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222"),
            QStringLiteral("33333333-3333-4333-8333-333333333333"), 2, std::nullopt, std::nullopt};
        RequestSpec spec = formRequest(form);
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        spec.baseUrl = QStringLiteral("http://127.0.0.1:8080/");
        spec.extraHeaders = {{"X-Trace", "abc"}};
        const SignedRequest r = sign(spec, "secret", std::nullopt);
        const QByteArray expectedStart =
            "POST " + spec.path + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nDate: " + spec.date +
            "\r\nContent-Type: application/json\r\nContent-MD5: " + r.contentMd5 +
            "\r\nX-Signature: " + r.signature + "\r\nX-Trace: abc\r\n";
        QVERIFY2(r.rawRequest.startsWith(expectedStart), r.rawRequest.constData());
        QVERIFY(r.rawRequest.endsWith("\r\n\r\n" + spec.body));
        QVERIFY(r.rawRequest.contains("Content-Length: " + QByteArray::number(spec.body.size()) + "\r\n"));
        QCOMPARE(r.url.toString(), QStringLiteral("http://127.0.0.1:8080") + QString::fromLatin1(spec.path));
    }

    void baseUrlWithOrWithoutSlashAndPrefix()
    {
        RequestSpec spec;
        spec.path = "/v2/origin/custom/a_b/c/delivery_status?x=1";
        spec.body = "{}";
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        for (const char *base :
             {"https://amojo.kommo.com", "https://amojo.kommo.com/", "https://amojo.kommo.com//"}) {
            spec.baseUrl = QLatin1String(base);
            const SignedRequest r = sign(spec, "k", std::nullopt);
            QCOMPARE(r.target, spec.path);
            QCOMPARE(r.signedPath, QByteArray("/v2/origin/custom/a_b/c/delivery_status"));
            QCOMPARE(r.header("Host"), QByteArray("amojo.kommo.com"));
        }
        spec.baseUrl = QStringLiteral("https://proxy.example:8443/kommo/");
        const SignedRequest r = sign(spec, "k", std::nullopt);
        QCOMPARE(r.signedPath, QByteArray("/kommo/v2/origin/custom/a_b/c/delivery_status"));
        QCOMPARE(r.header("Host"), QByteArray("proxy.example:8443"));
    }

    void extraHeadersAreSentNotSigned()
    {
        RequestSpec spec;
        spec.path = "/v2/origin/custom/a_b/c/delivery_status";
        spec.body = "{}";
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        const SignedRequest plain = sign(spec, "k", std::nullopt);
        spec.extraHeaders = {{"Cookie", "session_id=1"}, {"User-Agent", "mine/1"}};
        const SignedRequest extra = sign(spec, "k", std::nullopt);
        QCOMPARE(extra.signature, plain.signature);
        QCOMPARE(extra.header("Cookie"), QByteArray("session_id=1"));
        QCOMPARE(extra.header("User-Agent"), QByteArray("mine/1"));
        QCOMPARE(plain.header("User-Agent"), userAgent());
    }

    void controlCharactersAreEscapedForATerminal()
    {
        QCOMPARE(report::escapeControls(QByteArrayView("a\x1b]0;T\x07"
                                                       "b\r\nc")),
                 QStringLiteral("a\\x1b]0;T\\x07b\\x0d\\x0ac"));
        QCOMPARE(report::escapeControls(QByteArrayView("x\ny\tz\r"), true), QStringLiteral("x\ny\tz\\x0d"));
        QCOMPARE(report::escapeControls(QStringView(u"\u202Eabc\u0085")),
                 QStringLiteral("\\u{202e}abc\\x85"));
        QCOMPARE(report::escapeControls(QStringView(u"Número ✓ %1")), QStringLiteral("Número ✓ %1"));
    }

    void secretNewlineHandling()
    {
        QCOMPARE(dropOneTrailingNewline("abc\n"), QByteArray("abc"));
        QCOMPARE(dropOneTrailingNewline("abc\r\n"), QByteArray("abc"));
        QCOMPARE(dropOneTrailingNewline("abc\n\n"), QByteArray("abc\n"));
        QCOMPARE(dropOneTrailingNewline("abc "), QByteArray("abc "));
        QCOMPARE(dropOneTrailingNewline("abc"), QByteArray("abc"));
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"

// Exports read back by the importers: cURL, raw HTTP and HAR keep every byte; no export holds the secret;
// credentials are masked.
#include "core/interchange/export.h"
#include "core/interchange/import.h"
#include "core/interchange/snippets.h"
#include "testsupport.h"

#include <QJsonDocument>

using namespace kommo;
using namespace kommo::interchange;

namespace {

const QByteArray canarySecret = "canary-secret-7f3a9c1d2e";

RequestSpec bodySpec(const QByteArray &body)
{
    RequestSpec spec;
    spec.path = "/v2/origin/custom/scope_account/8b1f1b6e-5a55-4c53-9f6c-2c3b4d5e6f70/delivery_status";
    spec.date = "Mon, 12 Dec 2022 10:30:00 +0000";
    spec.body = body;
    return spec;
}

// The bodies that a careless quoting would change: quotes, line ends, non-ASCII, escapes, bytes that are not
// UTF-8.
void addAwkwardBodies()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("single quotes") << QByteArray("{\"error\":\"it's 'quoted' ''\"}");
    QTest::newRow("double quotes") << QByteArray("{\"error\":\"say \\\"hi\\\"\"}");
    QTest::newRow("newlines") << QByteArray("{\"a\":1}\n\n{\"b\":\"x\ny\"}\n");
    QTest::newRow("crlf and tab") << QByteArray("{\r\n\t\"a\": 1\r\n}\r\n");
    QTest::newRow("non-ascii") << QByteArray("{\"error\":\"Получатель недоступен — ✓ 𝄞 日本\"}");
    QTest::newRow("shell specials") << QByteArray("{\"e\":\"$HOME `id` $(id) \\\\ %s %% ! * ?\"}");
    QTest::newRow("escape and bell") << QByteArray("{\"e\":\"\x1b[31mred\x07\"}");
    QTest::newRow("not utf-8") << QByteArray("{\"e\":\"\xff\xfe\xc3\x28 latin1 caf\xe9\"}");
    QTest::newRow("trailing spaces") << QByteArray("{\"a\":1}   \n  ");
    QTest::newRow("bidi and bom") << QByteArray("{\"e\":\"\xe2\x80\xae\x61\x62\xef\xbb\xbf\"}");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("dash first") << QByteArray("-1");
    QTest::newRow("large") << QByteArray(4000, 'x');
}

bool sameHeader(const CapturedRequest &captured, const SignedRequest &request, QByteArrayView name)
{
    return captured.hasHeader(name) && captured.header(name) == request.header(name);
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlRoundTripVectors_data() { test::addVectorRows(); }

    // Every vector: cURL out, cURL in, the same bytes and the same signed headers.
    void curlRoundTripVectors()
    {
        QFETCH(QJsonObject, vector);
        const SignedRequest request = sign(test::vectorRawSpec(vector), canarySecret, std::nullopt);
        const QByteArray command = curlCommand(request);
        const Result<CapturedRequest> back = parseCurl(command);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->body, request.spec.body);
        QCOMPARE(back->target, request.target);
        QCOMPARE(back->method.toUpper(), request.method);
        for (const char *name : {"Date", "Content-Type", "Content-MD5", "X-Signature"})
            QVERIFY2(sameHeader(*back, request, name), name);
        QVERIFY2(back->notes.isEmpty(), qPrintable(back->notes.value(0).message));
        QVERIFY(!command.contains(canarySecret));
    }

    void curlRoundTripBodies_data() { addAwkwardBodies(); }

    void curlRoundTripBodies()
    {
        QFETCH(QByteArray, body);
        const SignedRequest request = sign(bodySpec(body), canarySecret, std::nullopt);
        const QByteArray command = curlCommand(request);
        const Result<CapturedRequest> back = parseCurl(command);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->body, body);
        QCOMPARE(back->header("Content-MD5"), request.contentMd5);
        // Only a body that is not plain printable UTF-8 needs $'...'; plain text keeps POSIX single quotes.
        const bool plain = body.isEmpty() || !command.contains("--data-raw $'");
        QCOMPARE(plain, QTest::currentDataTag() != QByteArray("not utf-8") &&
                            QTest::currentDataTag() != QByteArray("escape and bell") &&
                            QTest::currentDataTag() != QByteArray("crlf and tab") &&
                            QTest::currentDataTag() != QByteArray("bidi and bom"));
    }

    // No command-line word can carry NUL: the body is piped in by printf, whose format holds \000.
    void curlNulBody()
    {
        const QByteArray body("{\"a\":\"x\0y\"}\0", 13);
        const SignedRequest request = sign(bodySpec(body), canarySecret, std::nullopt);
        const QByteArray command = curlCommand(request);
        QVERIFY(command.startsWith("printf '"));
        QVERIFY(command.contains("x\\000y"));
        QVERIFY(command.contains("--data-binary @-"));
        QVERIFY(!command.contains('\0'));
    }

    void shellWordQuoting()
    {
        QCOMPARE(shellWord("plain"), QByteArray("'plain'"));
        QCOMPARE(shellWord("it's"), QByteArray("'it'\\''s'"));
        QCOMPARE(shellWord("a\nb"), QByteArray("'a\nb'"));
        QCOMPARE(shellWord("a\rb"), QByteArray("$'a\\rb'"));
        QCOMPARE(shellWord("\xff'\\"), QByteArray("$'\\xff\\'\\\\'"));
    }

    void rawHttpRoundTrip_data() { addAwkwardBodies(); }

    void rawHttpRoundTrip()
    {
        QFETCH(QByteArray, body);
        const SignedRequest request = sign(bodySpec(body), canarySecret, std::nullopt);
        const QByteArray raw = rawHttp(request);
        QCOMPARE(raw, request.rawRequest); // nothing to mask: the very bytes that go out
        const Result<CapturedRequest> back = parseRawHttp(raw);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->body, body);
        QCOMPARE(back->headers, request.headers);
    }

    void harRoundTrip_data() { addAwkwardBodies(); }

    void harRoundTrip()
    {
        QFETCH(QByteArray, body);
        const SignedRequest request = sign(bodySpec(body), canarySecret, std::nullopt);
        const QByteArray har = harDocument(request);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(har, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value(u"log").toObject().value(u"version").toString(),
                 QStringLiteral("1.2"));
        const QJsonObject postData = document.object()
                                         .value(u"log")
                                         .toObject()
                                         .value(u"entries")
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(u"request")
                                         .toObject()
                                         .value(u"postData")
                                         .toObject();
        QCOMPARE(postData.value(u"encoding").toString() == u"base64",
                 QTest::currentDataTag() == QByteArray("not utf-8"));

        const Result<QList<CapturedRequest>> back = parseHar(har);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->size(), 1);
        QCOMPARE(back->at(0).body, body);
        QCOMPARE(back->at(0).headers, request.headers);
        QCOMPARE(back->at(0).target, request.target);
    }

    // Cookie and Authorization are masked in every format unless kept; other extra headers pass.
    void credentialsMasked()
    {
        RequestSpec spec = bodySpec("{}");
        spec.extraHeaders = {{"Cookie", "session=abc123cookie"},
                             {"authorization", "Bearer tok-987654"},
                             {"X-Trace", "trace-42"}};
        const SignedRequest request = sign(spec, canarySecret, std::nullopt);
        for (const ExportFormat format : exportFormats()) {
            const QByteArray masked = exportRequest(request, format);
            const QByteArray kept = exportRequest(request, format, ExportOptions{true});
            const QString name = exportFormatName(format);
            QVERIFY2(!masked.contains("abc123cookie") && !masked.contains("tok-987654"), qPrintable(name));
            QVERIFY2(masked.contains(maskedValue.toByteArray()), qPrintable(name));
            QVERIFY2(masked.contains("trace-42"), qPrintable(name));
            QVERIFY2(kept.contains("abc123cookie") && kept.contains("tok-987654"), qPrintable(name));
        }
    }

    // No format holds the secret, whatever the request.
    void neverTheSecret()
    {
        const SignedRequest request = sign(bodySpec("{\"a\":1}"), canarySecret, std::nullopt);
        for (const ExportFormat format : exportFormats()) {
            const QByteArray out = exportRequest(request, format);
            QVERIFY2(!out.isEmpty(), qPrintable(exportFormatName(format)));
            QVERIFY2(!out.contains(canarySecret), qPrintable(exportFormatName(format)));
        }
    }

    // A snippet signs when it runs: it holds neither the Date nor the signature of the export.
    void snippetsHoldNoStaleValues()
    {
        const SignedRequest request =
            sign(bodySpec("{\"msgid\":\"m\",\"delivery_status\":2}"), canarySecret, std::nullopt);
        for (const ExportFormat format : exportFormats()) {
            if (!isSnippetFormat(format))
                continue;
            const QByteArray out = snippet(request, format);
            const QString name = exportFormatName(format);
            QVERIFY2(!out.contains(request.spec.date), qPrintable(name));
            QVERIFY2(!out.contains(request.signature), qPrintable(name));
            QVERIFY2(!out.contains(request.contentMd5), qPrintable(name));
            QVERIFY2(out.contains(secretVariable.latin1()), qPrintable(name));
            QVERIFY2(out.contains(request.signedPath), qPrintable(name));
        }
        QVERIFY(snippet(request, ExportFormat::Curl).isEmpty());
    }

    void formatNames()
    {
        QCOMPARE(exportFormats().size(), 9);
        for (const ExportFormat format : exportFormats())
            QCOMPARE(parseExportFormat(exportFormatName(format)), std::optional(format));
        QCOMPARE(parseExportFormat(u"C#"), std::optional(ExportFormat::CSharp));
        QVERIFY(!parseExportFormat(u"ruby"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

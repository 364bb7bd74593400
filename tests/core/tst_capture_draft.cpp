// A captured request loaded into the draft rebuilds the same request: body bytes, path, method, Content-Type,
// extra headers, and with the same secret and Date the same X-Signature.
#include "core/diagnosis/verify.h"
#include "core/draft/capture_draft.h"
#include "core/interchange/capture_text.h"
#include "core/interchange/export.h"
#include "core/signing/httpdate.h"
#include "core/transport/transport.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QSignalSpy>

using namespace kommo;
using namespace kommo::interchange;

namespace {

CapturedRequest parseOne(const QByteArray &text)
{
    const Result<CaptureSet> set = readCaptures(text);
    if (!set || set->requests.size() != 1)
        qFatal("the capture did not parse: %s", qPrintable(set.error()));
    return set->requests.first();
}

const QByteArray scope = "11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222";
const QByteArray msgid = "33333333-3333-4333-8333-333333333333";
const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";

// A raw capture with everything the advanced fields carry: lower-case method, a query, another Content-Type,
// extra headers (a credential among them) and a body in another layout.
QByteArray advancedCapture()
{
    const QByteArray body = "{\"msgid\": \"" + msgid + "\", \"delivery_status\": 2}";
    return "post /v2/origin/custom/" + scope + "/" + msgid + "/delivery_status?trace=1 HTTP/1.1\r\n" +
           "Host: staging.example.test:8443\r\n"
           "Date: Thu, 03 Dec 2026 10:00:00 +0000\r\n"
           "Content-Type: application/json; charset=utf-8\r\n"
           "Content-MD5: 0123\r\n"
           "X-Signature: abcd\r\n"
           "X-Request-Id: r-42\r\n"
           "Cookie: session=s3cr3t\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestCaptureDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QJsonObject>("vector");
        QTest::addColumn<int>("format");
        for (const QJsonValue &v : test::signingVectors()) {
            const QString id = v.toObject().value(u"id").toString();
            for (ExportFormat f : {ExportFormat::Curl, ExportFormat::Http, ExportFormat::Har}) {
                QTest::newRow(qPrintable(id + u'/' + exportFormatName(f))) << v.toObject() << int(f);
            }
        }
    }

    // Every vector, exported, read back and loaded, is the same request with the vector's signature.
    void vectors()
    {
        QFETCH(QJsonObject, vector);
        QFETCH(int, format);
        const RequestSpec spec = test::vectorRawSpec(vector);
        const QByteArray vectorSecret = vector.value(u"secret").toString().toUtf8();
        const SignedRequest original = sign(spec, vectorSecret, std::nullopt);
        const CapturedRequest captured = parseOne(exportRequest(original, ExportFormat(format)));

        FixedClock clock(QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        RequestDraft draft(clock);
        draft.setSecret(vectorSecret);
        const Result<DraftFields> fields = loadCapture(draft, captured);
        QVERIFY2(fields, qPrintable(fields.error()));
        const SignedRequest &r = draft.current();
        QCOMPARE(r.spec.body, spec.body);
        QCOMPARE(r.target, spec.path);
        QCOMPARE(r.method, original.method);
        QCOMPARE(r.spec.contentType, spec.contentType);
        QCOMPARE(r.spec.date, spec.date);
        QCOMPARE(r.url, original.url);
        QCOMPARE(r.signature, vector.value(u"signature").toString().toUtf8());
        // A form vector is loaded into the form itself; the others keep their raw bytes.
        const bool formVector =
            vector.contains(u"form") && vector.value(u"id").toString() != u"doc-php-example";
        QCOMPARE(fields->formBody, formVector);
        QCOMPARE(draft.bodyMode(), formVector ? RequestDraft::BodyMode::Form : RequestDraft::BodyMode::Raw);
        // The form's path where it is a delivery-status path; the captured target as the override otherwise.
        QCOMPARE(draft.pathOverride().isEmpty(), delivery::parsePath(spec.path).has_value());
        // Every header that went out goes out again with the same value.
        for (const Header &h : original.headers) {
            if (format == int(ExportFormat::Curl) && (h.name == "Host" || h.name == "Content-Length"))
                continue;
            QCOMPARE(r.header(h.name), h.value);
        }
    }

    void advancedFields()
    {
        const CapturedRequest captured = parseOne(advancedCapture());
        RequestDraft draft;
        draft.setSecret(secret);
        QSignalSpy changed(&draft, &RequestDraft::changed);
        const Result<DraftFields> fields = loadCapture(draft, captured);
        QVERIFY2(fields, qPrintable(fields.error()));
        QCOMPARE(changed.count(), 1);

        QCOMPARE(draft.baseUrl(), QStringLiteral("https://staging.example.test:8443"));
        QCOMPARE(draft.scopeId(), QString::fromLatin1(scope));
        QCOMPARE(draft.msgid(), QString::fromLatin1(msgid));
        QCOMPARE(draft.method(), QByteArray("post"));
        QCOMPARE(draft.pathOverride(), captured.target);
        QCOMPARE(draft.contentType(), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(draft.bodyMode(), RequestDraft::BodyMode::Raw);
        QCOMPARE(draft.rawBody(), captured.body);
        QCOMPARE(draft.deliveryStatus(), 2);
        QCOMPARE(draft.fixedDate(), QByteArray("Thu, 03 Dec 2026 10:00:00 +0000"));
        const QList<Header> extras = {{"X-Request-Id", "r-42"}, {"Cookie", "session=s3cr3t"}};
        QCOMPARE(draft.extraHeaders(), extras);
        QCOMPARE(draft.secret(), secret); // untouched

        const SignedRequest &r = draft.current();
        QCOMPARE(r.target, captured.target);
        QCOMPARE(r.signedPath, captured.path());
        QCOMPARE(r.header("Cookie"), QByteArray("session=s3cr3t"));
        // The request rebuilt is the capture made right: verifying it passes the signature with this secret.
        Exchange sent;
        sent.method = r.method;
        sent.url = r.url;
        sent.sentHeaders = r.headers;
        sent.sentBody = r.spec.body;
        const diagnosis::Verification v =
            diagnosis::verify(captureFromExchange(sent), {secret, std::nullopt});
        QVERIFY(v.check(u"x_signature")->ok);
        QVERIFY(v.check(u"content_md5")->ok);
    }

    void keepTheEditorsTarget()
    {
        const CapturedRequest captured = parseOne(advancedCapture());
        RequestDraft draft;
        draft.setBaseUrl(QStringLiteral("http://127.0.0.1:9"));
        QVERIFY(loadCapture(draft, captured, {true}));
        QCOMPARE(draft.baseUrl(), QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(draft.current().target, captured.target);
    }

    // A raw capture without a host keeps the editor's target and says so.
    void noHost()
    {
        const QByteArray text = "POST /v2/origin/custom/" + scope + "/" + msgid +
                                "/delivery_status HTTP/1.1\n"
                                "Content-Type: application/json\n\n{}";
        const CapturedRequest captured = parseOne(text);
        QVERIFY(captured.host.isEmpty());
        RequestDraft draft;
        const QString before = draft.baseUrl();
        const Result<DraftFields> fields = loadCapture(draft, captured);
        QVERIFY(fields);
        QCOMPARE(draft.baseUrl(), before);
        QVERIFY(std::any_of(fields->notes.begin(), fields->notes.end(),
                            [](const Finding &f) { return f.id == u"capture_no_host"; }));
        QCOMPARE(draft.dateMode(), RequestDraft::DateMode::FollowClock);
    }

    // A body named as @file is not known: nothing is loaded.
    void unknownBodyChangesNothing()
    {
        const QByteArray text = "curl -X POST 'https://amojo.kommo.com/v2/origin/custom/" + scope + "/" +
                                msgid +
                                "/delivery_status' -H 'Content-Type: application/json' --data @body.json";
        const CapturedRequest captured = parseOne(text);
        RequestDraft draft;
        QSignalSpy changed(&draft, &RequestDraft::changed);
        const Result<DraftFields> fields = loadCapture(draft, captured);
        QVERIFY(!fields);
        QVERIFY(fields.error().contains(u"body.json"));
        QCOMPARE(changed.count(), 0);
    }

    void notADeliveryStatusPath()
    {
        const QByteArray text = "POST /v2/origin/custom/" + scope +
                                "/chats HTTP/1.1\nHost: amojo.kommo.com\n"
                                "Content-Type: application/json\n\n{\"a\":1}";
        RequestDraft draft;
        draft.setScopeId(QStringLiteral("kept"));
        const Result<DraftFields> fields = loadCapture(draft, parseOne(text));
        QVERIFY(fields);
        QCOMPARE(draft.scopeId(), QStringLiteral("kept"));
        QCOMPARE(draft.pathOverride(), "/v2/origin/custom/" + scope + "/chats");
        QCOMPARE(draft.current().spec.body, QByteArray("{\"a\":1}"));
    }

    // What went out, seen as a capture, verifies with the secret it was signed with and fails with another.
    void exchangeAsCapture()
    {
        RequestSpec spec;
        spec.baseUrl = QStringLiteral("http://127.0.0.1:8080");
        spec.path = "/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status";
        spec.body = "{\"msgid\":\"" + msgid + "\",\"delivery_status\":2}";
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        const SignedRequest r = sign(spec, secret, std::nullopt);
        Exchange sent;
        sent.method = r.method;
        sent.url = r.url;
        sent.sentHeaders = r.headers;
        sent.sentBody = r.spec.body;
        const CapturedRequest captured = captureFromExchange(sent);
        QCOMPARE(captured.target, spec.path);
        QCOMPARE(captured.host, QByteArray("127.0.0.1:8080"));
        QCOMPARE(captured.scheme, QByteArray("http"));
        QCOMPARE(captured.body, spec.body);
        QVERIFY(diagnosis::verify(captured, {secret, std::nullopt}).ok());
        const diagnosis::Verification wrong =
            diagnosis::verify(captured, {QByteArray("other"), std::nullopt});
        QVERIFY(!wrong.check(u"x_signature")->ok);
    }

    void readCapturesKinds()
    {
        QVERIFY(!readCaptures("hello world"));
        QCOMPARE(readCaptures(advancedCapture())->kind, InputKind::RawHttp);

        // A HAR with a Chat API entry and another entry: one request, one skipped.
        RequestSpec spec;
        spec.path = "/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status";
        spec.body = "{}";
        spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
        QJsonObject other = harEntry(sign(spec, secret, std::nullopt));
        QJsonObject otherRequest = other.value(u"request").toObject();
        otherRequest.insert(QStringLiteral("url"), QStringLiteral("https://example.test/index.html"));
        other.insert(QStringLiteral("request"), otherRequest);
        const QByteArray har =
            QJsonDocument(harLog({other, harEntry(sign(spec, secret, std::nullopt))})).toJson();
        const Result<CaptureSet> set = readCaptures(har, QStringLiteral("s.har"));
        QVERIFY2(set, qPrintable(set.error()));
        QCOMPARE(set->kind, InputKind::Har);
        QCOMPARE(set->requests.size(), 1);
        QCOMPARE(set->harEntries, 2);
        QCOMPARE(set->harSkipped, 1);
        QCOMPARE(set->requests.first().source.index, 1);
        QCOMPARE(set->requests.first().source.name, QStringLiteral("s.har"));
        QVERIFY(captureLabel(set->requests.first())
                    .startsWith(QStringLiteral("#1  POST delivery_status of msgid ") +
                                QString::fromLatin1(msgid)));

        // A HAR with no Chat API request is refused with a sentence.
        const Result<CaptureSet> none = readCaptures(QJsonDocument(harLog({other})).toJson());
        QVERIFY(!none);
        QVERIFY(none.error().contains(u"Chat API"));
    }
};

QTEST_GUILESS_MAIN(TestCaptureDraft)
#include "tst_capture_draft.moc"

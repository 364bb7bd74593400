// The validation table of issue 2, both sides of each rule: the bad input earns the finding with its
// severity, and the correct input next to it does not.
#include "core/delivery/delivery.h"
#include "core/signing/httpdate.h"
#include "core/signing/signing.h"

#include <QTest>

#include <functional>

using namespace kommo;

namespace {

const QString scope =
    QStringLiteral("11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222");
const QString msgid = QStringLiteral("33333333-3333-4333-8333-333333333333");

struct Inputs
{
    RequestSpec spec;
    QByteArray secret = "0123456789abcdef0123456789abcdef01234567";
    QDateTime now = QDateTime(QDate(2026, 12, 3), QTime(10, 5), Qt::UTC);
};

Inputs correct()
{
    Inputs in;
    in.spec = formRequest({scope, msgid, 2, std::nullopt, std::nullopt});
    in.spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
    return in;
}

void setBody(Inputs &in, const char *json)
{
    in.spec.body = QByteArray(json).replace("MSGID", msgid.toLatin1());
}

using Mutation = std::function<void(Inputs &)>;

struct Rule
{
    const char *name;
    const char *id;
    Severity severity;
    bool blocks;
    Mutation bad;
    Mutation good; // the nearest correct input; nothing means the untouched correct request
};

QList<Finding> findingsOf(const Inputs &in)
{
    return sign(in.spec, in.secret, in.now).findings;
}

const Finding *findById(const QList<Finding> &findings, const char *id)
{
    for (const Finding &f : findings) {
        if (f.id == QLatin1String(id))
            return &f;
    }
    return nullptr;
}

QList<Rule> rules()
{
    const Mutation none = [](Inputs &) {};
    return {
        {"no secret", "secret_missing", Severity::Error, true, [](Inputs &in) { in.secret.clear(); }, none},
        {"LF in Date", "header_control_chars", Severity::Error, true,
         [](Inputs &in) { in.spec.date += "\nX-Injected: 1"; }, none},
        {"CR in Content-Type", "header_control_chars", Severity::Error, true,
         [](Inputs &in) { in.spec.contentType += "\r"; }, none},
        {"NUL in extra header", "header_control_chars", Severity::Error, true,
         [](Inputs &in) {
             in.spec.extraHeaders = {{"X-A", QByteArray("a\0b", 3)}};
         },
         [](Inputs &in) {
             in.spec.extraHeaders = {{"X-A", "ab"}};
         }},
        {"LF in path", "path_control_chars", Severity::Error, true, [](Inputs &in) { in.spec.path += "\n"; },
         none},
        {"NUL in path", "path_control_chars", Severity::Error, true,
         [](Inputs &in) { in.spec.path.append('\0'); }, none},
        {"msgid mismatch", "msgid_mismatch", Severity::Error, false,
         [](Inputs &in) {
             setBody(in, R"({"msgid":"44c8ca9a-c64b-42ec-9d55-8104df503345","delivery_status":2})");
         },
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":2})"); }},
        {"error_code with Read", "error_code_without_error", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":2,"error_code":901})"); },
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":901})"); }},
        {"error text with Delivered", "error_text_without_error", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":1,"error":"x"})"); },
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":1})"); }},
        {"905 without text", "error_text_missing", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":905})"); },
         [](Inputs &in) {
             setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":905,"error":"x"})");
         }},
        {"905 with empty text", "error_text_missing", Severity::Error, false,
         [](Inputs &in) {
             setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":905,"error":""})");
         },
         [](Inputs &in) {
             setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":905,"error":"y"})");
         }},
        {"status 3", "status_unknown", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":3})"); }, none},
        {"status 0 (Sent has no value)", "status_unknown", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":0})"); }, none},
        {"status 1.5", "status_unknown", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":1.5})"); }, none},
        {"code 906", "error_code_unknown", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":906})"); },
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":904})"); }},
        {"status as string", "status_string", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":"2"})"); }, none},
        {"code as string", "error_code_string", Severity::Error, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":"903"})"); },
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":-1,"error_code":903})"); }},
        {"body not JSON", "body_not_json", Severity::Warning, false,
         [](Inputs &in) { setBody(in, R"({"msgid":"MSGID","delivery_status":2)"); }, none},
        {"empty scope_id", "scope_id_missing", Severity::Error, false,
         [](Inputs &in) { in.spec.path = delivery::path(QString(), msgid); }, none},
        {"empty msgid", "msgid_missing", Severity::Error, false,
         [](Inputs &in) {
             in.spec = formRequest({scope, QString(), 2, std::nullopt, std::nullopt});
             in.spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
         },
         none},
        {"secret in a header", "secret_in_request", Severity::Error, true,
         [](Inputs &in) {
             in.spec.extraHeaders = {{"X-Token", "x" + in.secret}};
         },
         [](Inputs &in) {
             in.spec.extraHeaders = {{"X-Token", "x"}};
         }},
        {"secret in the body", "secret_in_request", Severity::Error, true,
         [](Inputs &in) {
             setBody(in, R"({"msgid":"MSGID","delivery_status":2,"note":")");
             in.spec.body += in.secret + "\"}";
         },
         none},
        {"scope_id shape", "scope_id_format", Severity::Warning, false,
         [](Inputs &in) { in.spec.path = delivery::path(QStringLiteral("channel-only"), msgid); }, none},
        {"msgid shape", "msgid_format", Severity::Warning, false,
         [](Inputs &in) {
             in.spec = formRequest({scope, QStringLiteral("msg-1"), 2, std::nullopt, std::nullopt});
             in.spec.date = "Thu, 03 Dec 2026 10:00:00 +0000";
         },
         none},
        {"secret leading space", "secret_whitespace", Severity::Warning, false,
         [](Inputs &in) { in.secret.prepend(' '); }, none},
        {"secret trailing newline", "secret_whitespace", Severity::Warning, false,
         [](Inputs &in) { in.secret.append('\n'); }, none},
        {"Date not RFC 2822", "date_format", Severity::Warning, false,
         [](Inputs &in) { in.spec.date = "2026-12-03T10:00:00Z"; }, none},
        {"Date zone not numeric", "date_zone", Severity::Warning, false,
         [](Inputs &in) { in.spec.date = "Thu, 03 Dec 2026 10:00:00 GMT"; }, none},
        {"Date weekday wrong", "date_weekday", Severity::Warning, false,
         [](Inputs &in) { in.spec.date = "Wed, 03 Dec 2026 10:00:00 +0000"; }, none},
        {"Date 16 minutes old", "date_expired", Severity::Warning, false,
         [](Inputs &in) { in.now = in.now.addSecs(11 * 60 + 1); },
         [](Inputs &in) { in.now = in.now.addSecs(10 * 60); }},
        {"Date 16 minutes ahead", "date_future", Severity::Warning, false,
         [](Inputs &in) { in.now = in.now.addSecs(-21 * 60); },
         [](Inputs &in) { in.now = in.now.addSecs(-19 * 60); }},
        {"Content-Type text/plain", "content_type", Severity::Warning, false,
         [](Inputs &in) { in.spec.contentType = "text/plain"; }, none},
        {"Content-Type with charset", "content_type", Severity::Warning, false,
         [](Inputs &in) { in.spec.contentType = "application/json; charset=utf-8"; }, none},
        {"base URL not http", "base_url_invalid", Severity::Error, true,
         [](Inputs &in) { in.spec.baseUrl = QStringLiteral("ftp://amojo.kommo.com"); },
         [](Inputs &in) { in.spec.baseUrl = QStringLiteral("http://127.0.0.1:9/"); }},
    };
}

} // namespace

class TestFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void correctRequestHasNoFindings()
    {
        const QList<Finding> findings = findingsOf(correct());
        for (const Finding &f : findings)
            qWarning() << f.id << f.message;
        QVERIFY(findings.isEmpty());
    }

    void rule_data()
    {
        QTest::addColumn<int>("index");
        const QList<Rule> all = rules();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(all.at(i).name) << i;
    }

    void rule()
    {
        QFETCH(int, index);
        const Rule r = rules().at(index);

        Inputs bad = correct();
        r.bad(bad);
        const QList<Finding> badFindings = findingsOf(bad);
        const Finding *found = findById(badFindings, r.id);
        QVERIFY2(found, r.id);
        QCOMPARE(found->severity, r.severity);
        QCOMPARE(found->blocksSending, r.blocks);
        QVERIFY(!found->message.isEmpty());
        QVERIFY(!found->field.isEmpty());

        Inputs good = correct();
        r.good(good);
        QVERIFY2(!findById(findingsOf(good), r.id), r.id);
    }

    void controlCharactersNeverReachTheWire()
    {
        Inputs in = correct();
        in.spec.extraHeaders = {{"X-Evil", "a\r\nX-Injected: 1"}};
        const SignedRequest r = sign(in.spec, in.secret, in.now);
        QVERIFY(!r.canSend());
        QVERIFY(!r.rawRequest.contains("X-Injected"));
        QVERIFY(r.header("X-Evil").isEmpty());
    }

    void onlyBlockingFindingsStopSending()
    {
        Inputs in = correct();
        setBody(in, R"({"msgid":"other","delivery_status":2})");
        QVERIFY(sign(in.spec, in.secret, in.now).canSend()); // an error finding, sent on purpose
        in.secret.clear();
        QVERIFY(!sign(in.spec, in.secret, in.now).canSend());
    }
};

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"

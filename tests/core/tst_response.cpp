// The response in words: each documented status, the error bodies, anything else raw, and the clock skew.
#include "core/diagnosis/response.h"
#include "core/signing/httpdate.h"
#include "core/transport/transport.h"

#include <QTest>
#include <QTimeZone>

using namespace kommo;
using namespace kommo::diagnosis;

namespace {

const QDateTime localNow = QDateTime(QDate(2026, 12, 3), QTime(10, 0), QTimeZone::utc());

QList<Header> dated(const QDateTime &serverNow)
{
    return {{"Date", httpdate::format(serverNow)}, {"Content-Type", "application/json"}};
}

const Line *find(const QList<Line> &lines, const char *id)
{
    for (const Line &l : lines) {
        if (l.id == QLatin1String(id))
            return &l;
    }
    return nullptr;
}

} // namespace

class TestResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ok200()
    {
        const QList<Line> lines = explainResponse(200, dated(localNow), {}, localNow);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].id, QStringLiteral("updated"));
        QCOMPARE(lines[0].tone, Tone::Success);
    }

    void invalidSignature403()
    {
        const QList<Line> lines = explainResponse(
            403, dated(localNow),
            R"({"status":0,"error_code":403,"error_type":"ORIGIN_INVALID_SIGNATURE","error_description":"invalid signature"})",
            localNow);
        const Line *l = find(lines, "invalid_signature");
        QVERIFY(l);
        QCOMPARE(l->tone, Tone::Error);
        QVERIFY(find(lines, "check_secret"));
        QVERIFY(find(lines, "check_md5"));
        QVERIFY(find(lines, "check_date"));
    }

    void otherForbidden403IsNotCalledASignatureProblem()
    {
        const QList<Line> lines = explainResponse(403, {}, "<html>blocked by a firewall</html>", localNow);
        QVERIFY(!find(lines, "invalid_signature"));
        QVERIFY(find(lines, "forbidden")->text.contains(QLatin1String("firewall")));
    }

    void notRegistered404()
    {
        const QList<Line> lines = explainResponse(
            404, {},
            R"({"status":0,"error_code":404,"error_type":"ORIGIN_NOT_REGISTERED","error_description":"x"})",
            localNow);
        const Line *l = find(lines, "origin_not_registered");
        QVERIFY(l);
        QVERIFY(l->text.contains(QLatin1String("region")));
        QVERIFY(l->text.contains(QLatin1String("amojo.amocrm.ru")));
    }

    void empty404IsAWrongPath()
    {
        QVERIFY(find(explainResponse(404, {}, {}, localNow), "wrong_path"));
        QVERIFY(find(explainResponse(404, {}, "  \n", localNow), "wrong_path"));
        QVERIFY(
            find(explainResponse(404, {}, R"({"error_type":"NOT_FOUND"})", localNow), "message_not_found"));
    }

    void bad400GivesTheDetails()
    {
        const QList<Line> lines = explainResponse(
            400, {}, R"({"status":0,"error_code":400,"error_description":"msgid differs"})", localNow);
        QVERIFY(find(lines, "bad_request")->text.contains(QLatin1String("msgid differs")));
        const QList<Line> raw = explainResponse(400, {}, "plain words", localNow);
        QVERIFY(find(raw, "bad_request")->text.contains(QLatin1String("plain words")));
    }

    void anythingElseIsShownRaw()
    {
        const QList<Line> lines = explainResponse(502, {}, "Bad Gateway from nginx", localNow);
        const Line *l = find(lines, "unexpected_status");
        QVERIFY(l);
        QVERIFY(l->text.contains(QLatin1String("502")));
        QVERIFY(l->text.contains(QLatin1String("Bad Gateway from nginx")));
        QVERIFY(find(explainResponse(301, {{"Location", "https://x.example/"}}, {}, localNow), "redirect"));
    }

    void clockSkewOverAMinuteWarns()
    {
        QVERIFY(!find(explainResponse(200, dated(localNow.addSecs(59)), {}, localNow), "clock_skew"));
        QVERIFY(!find(explainResponse(200, dated(localNow.addSecs(-60)), {}, localNow), "clock_skew"));
        const Line *ahead =
            find(explainResponse(200, dated(localNow.addSecs(5 * 60)), {}, localNow), "clock_skew");
        QVERIFY(ahead);
        QCOMPARE(ahead->tone, Tone::Warning);
        QVERIFY(ahead->text.contains(QLatin1String("5 minutes")));
        QVERIFY(ahead->text.contains(QLatin1String("ahead")));
        QVERIFY(find(explainResponse(403, dated(localNow.addSecs(-3600)), {}, localNow), "clock_skew")
                    ->text.contains(QLatin1String("behind")));
        QCOMPARE(clockSkewSeconds("garbage", localNow), std::nullopt);
        QCOMPARE(clockSkewSeconds(httpdate::format(localNow.addSecs(90)), localNow),
                 std::optional<qint64>(90));
    }

    void exchangeFaultsAndTruncationComeFirst()
    {
        Exchange e;
        e.fault = {FaultKind::Timeout, QStringLiteral("No complete response within 1 s"), {}};
        QList<Line> lines = explainExchange(e, localNow);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].id, QStringLiteral("fault_timeout"));

        Exchange big;
        big.status = 200;
        big.truncated = true;
        big.responseBody = QByteArray(10, 'x');
        lines = explainExchange(big, localNow);
        QCOMPARE(lines[0].id, QStringLiteral("truncated"));
        QCOMPARE(lines[1].id, QStringLiteral("updated"));
    }
};

QTEST_GUILESS_MAIN(TestResponse)
#include "tst_response.moc"

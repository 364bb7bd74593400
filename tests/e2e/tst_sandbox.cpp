// The transport against the sandbox over real loopback HTTP: every verdict the sandbox can give, and the
// proof that the headers shown are the headers received.
#include "core/diagnosis/response.h"
#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "core/transport/transport.h"
#include "support/exchange_wait.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimeZone>

using namespace kommo;

namespace {

const QString scope =
    QStringLiteral("11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222");
const QString msgid = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";
const QDateTime sandboxNow = QDateTime(QDate(2026, 12, 3), QTime(10, 0), QTimeZone::utc());

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

    sandbox::Sandbox *box = nullptr;
    Transport *transport = nullptr;

    RequestSpec spec(const delivery::Form &form, const QDateTime &date = sandboxNow) const
    {
        RequestSpec s = formRequest(form);
        s.baseUrl = box->url().toString();
        s.date = httpdate::format(date);
        return s;
    }

    delivery::Form form(int status, std::optional<int> code = std::nullopt,
                        std::optional<QString> text = std::nullopt) const
    {
        return delivery::Form{scope, msgid, status, code, text};
    }

    Exchange send(const RequestSpec &s, const QByteArray &key = secret)
    {
        return test::sendAndWait(*transport, sign(s, key, sandboxNow));
    }

    static QJsonObject json(const Exchange &e) { return QJsonDocument::fromJson(e.responseBody).object(); }

private Q_SLOTS:
    void init()
    {
        box = new sandbox::Sandbox(this);
        QVERIFY(box->start(0).ok());
        box->addChannel(scope, secret);
        box->setFixedNow(sandboxNow);
        transport = new Transport(this);
        QVERIFY(transport->setOptions(test::loopbackOptions()).ok());
    }

    void cleanup()
    {
        delete transport;
        delete box;
    }

    void listensOnLoopbackOnly()
    {
        QCOMPARE(box->url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(box->port() > 0);
    }

    void everyStatusAndErrorCodeIsAccepted()
    {
        QList<delivery::Form> forms = {form(1), form(2)};
        for (const delivery::ErrorCodeInfo &code : delivery::errorCodes())
            forms.append(
                form(-1, code.code, code.needsText ? std::optional(QStringLiteral("gone")) : std::nullopt));
        QCOMPARE(forms.size(), 7);
        for (const delivery::Form &f : std::as_const(forms)) {
            const Exchange e = send(spec(f));
            QCOMPARE(e.fault.kind, FaultKind::None);
            QVERIFY2(e.status == 200, e.responseBody.constData());
            QVERIFY(!e.responseHeader("Date").isEmpty());
            QVERIFY(test::hasLine(diagnosis::explainExchange(e, sandboxNow), QStringLiteral("updated")));
        }
        const QList<sandbox::StatusChange> changes = box->statusChanges(msgid);
        QCOMPARE(changes.size(), 7);
        QCOMPARE(changes[0].deliveryStatus, 1);
        QCOMPARE(changes[1].deliveryStatus, 2);
        for (int i = 2; i < 7; ++i) {
            QCOMPARE(changes[i].deliveryStatus, -1);
            QCOMPARE(changes[i].errorCode, std::optional<int>(901 + i - 2));
        }
        QCOMPARE(changes[6].errorText, std::optional<QString>(QStringLiteral("gone")));
    }

    void headersShownAreHeadersReceived()
    {
        QSignalSpy received(box, &sandbox::Sandbox::requestReceived);
        RequestSpec s = spec(form(2));
        // A duplicate name is shown and sent once (QNetworkAccessManager keeps one value per name).
        s.extraHeaders = {{"X-Trace-Id", "abc 123"}, {"x-trace-id", "second"}, {"user-agent", "tester/1"}};
        const SignedRequest request = sign(s, secret, sandboxNow);
        const Exchange e = test::sendAndWait(*transport, request);
        QCOMPARE(e.status, 200);
        QCOMPARE(received.size(), 1);
        const auto got = received.takeFirst().at(0).value<sandbox::ReceivedRequest>();

        // Exactly the same headers, same order, same case, same values; nothing added by Qt.
        QCOMPARE(e.sentHeaders, request.headers);
        QCOMPARE(got.headers.size(), request.headers.size());
        for (qsizetype i = 0; i < got.headers.size(); ++i) {
            QCOMPARE(got.headers[i].name, request.headers[i].name);
            QCOMPARE(got.headers[i].value, request.headers[i].value);
        }
        QCOMPARE(got.body, request.spec.body);
        QCOMPARE(got.method, request.method);
        QCOMPARE(got.target, request.target);
        QVERIFY(got.header("Cookie").isEmpty());
        QCOMPARE(got.header("X-Trace-Id"), QByteArray("abc 123"));
        QCOMPARE(got.header("User-Agent"), QByteArray("tester/1"));
        bool warned = false;
        for (const Finding &f : request.findings)
            warned = warned || f.id == u"header_duplicate";
        QVERIFY(warned);
    }

    void wrongSecretIs403()
    {
        const Exchange e = send(spec(form(2)), "not-the-channel-secret");
        QCOMPARE(e.status, 403);
        QCOMPARE(json(e).value(u"error_type").toString(), QStringLiteral("ORIGIN_INVALID_SIGNATURE"));
        QCOMPARE(json(e).value(u"status").toInt(-1), 0);
        QCOMPARE(json(e).value(u"error_code").toInt(), 403);
        QVERIFY(
            test::hasLine(diagnosis::explainExchange(e, sandboxNow), QStringLiteral("invalid_signature")));
    }

    void bodyChangedAfterSigningIs403()
    {
        SignedRequest request = sign(spec(form(2)), secret, sandboxNow);
        request.spec.body.replace("\"delivery_status\":2", "\"delivery_status\":1");
        const Exchange e = test::sendAndWait(*transport, request);
        QCOMPARE(e.status, 403);
        QCOMPARE(json(e).value(u"error_type").toString(), QStringLiteral("ORIGIN_INVALID_SIGNATURE"));
        QVERIFY(box->receivedRequests().constLast().verdict.contains(QLatin1String("Content-MD5")));
        QVERIFY(box->statusChanges(msgid).isEmpty());
    }

    void dateTwentyMinutesOldIsRejected()
    {
        const Exchange e = send(spec(form(2), sandboxNow.addSecs(-20 * 60)));
        QCOMPARE(e.status, 403);
        const QString description = json(e).value(u"error_description").toString();
        QVERIFY2(description.contains(QLatin1String("sandbox")), qPrintable(description));
        QVERIFY(description.contains(QLatin1String("20 min")));
        // Fourteen minutes old is still inside the window.
        QCOMPARE(send(spec(form(2), sandboxNow.addSecs(-14 * 60))).status, 200);
    }

    void msgidMismatchIs400()
    {
        RequestSpec s = spec(form(2));
        s.body = R"({"msgid":"44444444-4444-4444-8444-444444444444","delivery_status":2})";
        const Exchange e = send(s);
        QCOMPARE(e.status, 400);
        const QString description = json(e).value(u"error_description").toString();
        QVERIFY(description.contains(QLatin1String("msgid")));
        QVERIFY(description.contains(QLatin1String("sandbox wrote")));
        const QList<diagnosis::Line> lines = diagnosis::explainExchange(e, sandboxNow);
        QVERIFY(test::hasLine(lines, QStringLiteral("bad_request")));
        QVERIFY(lines.constFirst().text.contains(QLatin1String("msgid")));
    }

    void code905WithoutTextIs400()
    {
        const Exchange e = send(spec(form(-1, 905)));
        QCOMPARE(e.status, 400);
        QVERIFY(json(e).value(u"error_description").toString().contains(QLatin1String("905")));
        const Exchange blank = send(spec(form(-1, 905, QStringLiteral("  "))));
        QCOMPARE(blank.status, 400);
    }

    void strictModeWantsRegisteredMessages()
    {
        box->setStrict(true);
        const Exchange e = send(spec(form(2)));
        QCOMPARE(e.status, 404);
        QVERIFY(json(e).value(u"error_description").toString().contains(QLatin1String("sandbox")));
        QVERIFY(
            test::hasLine(diagnosis::explainExchange(e, sandboxNow), QStringLiteral("message_not_found")));

        // Registered through the sandbox-only endpoint, it is accepted.
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest registration(box->url().resolved(QUrl(QStringLiteral("/sandbox/messages/") + msgid)));
        QNetworkReply *reply = manager.post(registration, QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QCOMPARE(send(spec(form(2))).status, 200);
    }

    void unknownScopeAndWrongPathAre404()
    {
        box->removeChannel(scope);
        const Exchange unknown = send(spec(form(2)));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(json(unknown).value(u"error_type").toString(), QStringLiteral("ORIGIN_NOT_REGISTERED"));
        QVERIFY(test::hasLine(diagnosis::explainExchange(unknown, sandboxNow),
                              QStringLiteral("origin_not_registered")));

        box->addChannel(scope, secret);
        RequestSpec s = spec(form(2));
        s.path = "/v2/origin/custom/" + scope.toLatin1() + "/delivery_status";
        const Exchange wrong = send(s);
        QCOMPARE(wrong.status, 404);
        QVERIFY(wrong.responseBody.isEmpty());
        QVERIFY(!wrong.responseHeader("Date").isEmpty());
        QVERIFY(test::hasLine(diagnosis::explainExchange(wrong, sandboxNow), QStringLiteral("wrong_path")));
    }

    void getEndpointShowsTheHistory()
    {
        QCOMPARE(send(spec(form(1))).status, 200);
        QCOMPARE(send(spec(form(-1, 903))).status, 200);
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkReply *reply = manager.get(
            QNetworkRequest(box->url().resolved(QUrl(QStringLiteral("/sandbox/messages/") + msgid))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QVERIFY(!reply->rawHeader("Date").isEmpty());
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(o.value(u"msgid").toString(), msgid);
        const QJsonArray changes = o.value(u"changes").toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes[0].toObject().value(u"delivery_status").toInt(), 1);
        QCOMPARE(changes[1].toObject().value(u"error_code").toInt(), 903);
    }

    void offsetClockEarnsTheSkewWarning()
    {
        // The sandbox's clock runs five minutes ahead: the request is still inside the window, but the
        // response's Date shows the difference.
        box->setFixedNow(std::nullopt);
        box->setClockOffset(5 * 60);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        RequestSpec s = spec(form(2), now);
        const Exchange e = test::sendAndWait(*transport, sign(s, secret, now));
        QCOMPARE(e.status, 200);
        const QList<diagnosis::Line> lines = diagnosis::explainExchange(e, QDateTime::currentDateTimeUtc());
        QVERIFY(test::hasLine(lines, QStringLiteral("clock_skew")));

        box->setClockOffset(0);
        const Exchange inTime = test::sendAndWait(*transport, sign(spec(form(2), now), secret, now));
        QVERIFY(!test::hasLine(diagnosis::explainExchange(inTime, QDateTime::currentDateTimeUtc()),
                               QStringLiteral("clock_skew")));
    }

    void dateFollowsTheClockWhenStamped()
    {
        const FixedClock clock(sandboxNow.addSecs(30));
        const SignedRequest request = stampAndSign(spec(form(2), sandboxNow.addSecs(-3600)), secret, clock);
        QCOMPARE(request.header("Date"), httpdate::format(sandboxNow.addSecs(30)));
        QCOMPARE(test::sendAndWait(*transport, request).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"

// RequestDraft: one recomputation and one changed signal per edit, the modes, and the send snapshot.
#include "core/draft/requestdraft.h"
#include "core/signing/httpdate.h"
#include "testsupport.h"

#include <QSignalSpy>

using namespace kommo;

namespace {

const QString scope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
const QByteArray secret = "fb50586ff7b68cd831fe0ef356345903f644c0d2";

QDateTime at(const char *date)
{
    return httpdate::parse(QByteArrayView(date))->instant;
}

bool hasFinding(const SignedRequest &r, const QString &id)
{
    for (const Finding &f : r.findings) {
        if (f.id == id)
            return true;
    }
    return false;
}

} // namespace

class TestDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formVectors_data() { test::addVectorRows(test::Vectors::WithForm); }

    // Every form vector, entered through the setters with a fixed Date, gives the vector's bytes.
    void formVectors()
    {
        QFETCH(QJsonObject, vector);
        const QJsonObject form = vector.value(u"form").toObject();
        FixedClock clock(at(vector.value(u"date").toString().toLatin1().constData()));
        RequestDraft draft(clock);
        draft.setSecret(vector.value(u"secret").toString().toUtf8());
        draft.setScopeId(form.value(u"scope_id").toString());
        draft.setMsgid(form.value(u"msgid").toString());
        draft.setDeliveryStatus(form.value(u"delivery_status").toInt());
        if (form.contains(u"error_code"))
            draft.setErrorCode(form.value(u"error_code").toInt());
        draft.setErrorText(form.value(u"error").toString());
        draft.setFixedDate(vector.value(u"date").toString().toUtf8());

        const SignedRequest &r = draft.current();
        QCOMPARE(r.spec.body, vector.value(u"body").toString().toUtf8());
        QCOMPARE(r.contentMd5, vector.value(u"content_md5").toString().toUtf8());
        QCOMPARE(r.stringToSign, vector.value(u"string_to_sign").toString().toUtf8());
        QCOMPARE(r.signature, vector.value(u"signature").toString().toUtf8());
        QVERIFY(!hasErrors(r.findings));
    }

    void oneSignalPerChange()
    {
        FixedClock clock(at("Mon, 12 Dec 2022 10:30:00 +0000"));
        RequestDraft draft(clock);
        QSignalSpy spy(&draft, &RequestDraft::changed);
        draft.setScopeId(scope);
        QCOMPARE(spy.count(), 1);
        draft.setScopeId(scope); // no change, no signal
        QCOMPARE(spy.count(), 1);
        draft.batch([&] {
            draft.setMsgid(msgid);
            draft.setSecret(secret);
            draft.setDeliveryStatus(1);
        });
        QCOMPARE(spy.count(), 2);
        QVERIFY(draft.current().spec.body.contains("\"delivery_status\":1"));
        QCOMPARE(draft.current().header("Date"), QByteArray("Mon, 12 Dec 2022 10:30:00 +0000"));
    }

    // error_code and error belong to the Error status only; the values are kept while another is chosen.
    void errorFieldsOnlyWithError()
    {
        FixedClock clock(at("Mon, 12 Dec 2022 10:30:00 +0000"));
        RequestDraft draft(clock);
        draft.batch([&] {
            draft.setScopeId(scope);
            draft.setMsgid(msgid);
            draft.setSecret(secret);
            draft.setErrorCode(905);
            draft.setErrorText(QStringLiteral("gone"));
        });
        QVERIFY(!draft.current().spec.body.contains("error"));
        draft.setDeliveryStatus(-1);
        QCOMPARE(draft.current().spec.body,
                 QByteArray(R"({"msgid":"3419eef6-2aa3-464c-b6e4-4386d0f8f3ca","delivery_status":-1,)"
                            R"("error_code":905,"error":"gone"})"));
        draft.setErrorText(QString());
        QVERIFY(hasErrors(draft.current().findings)); // 905 needs its text
        draft.setDeliveryStatus(2);
        QCOMPARE(draft.form().errorCode, std::optional<int>());
        QCOMPARE(draft.errorCode(), std::optional<int>(905));
    }

    void followClockRestampsOnSnapshot()
    {
        FixedClock clock(at("Mon, 12 Dec 2022 10:30:00 +0000"));
        RequestDraft draft(clock);
        draft.batch([&] {
            draft.setScopeId(scope);
            draft.setMsgid(msgid);
            draft.setSecret(secret);
        });
        const QByteArray before = draft.current().signature;
        clock.set(at("Mon, 12 Dec 2022 10:45:07 +0000"));
        QSignalSpy spy(&draft, &RequestDraft::changed);
        const SignedRequest sent = draft.snapshotForSend();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(sent.header("Date"), QByteArray("Mon, 12 Dec 2022 10:45:07 +0000"));
        QVERIFY(sent.signature != before);
        QCOMPARE(sent.rawRequest, draft.current().rawRequest);
        QVERIFY(sent.rawRequest.contains("X-Signature: " + sent.signature));

        // A fixed Date is kept as typed, and judged against the clock.
        draft.setFixedDate("Mon, 12 Dec 2022 10:00:00 +0000");
        clock.set(at("Mon, 12 Dec 2022 11:00:00 +0000"));
        const SignedRequest old = draft.snapshotForSend();
        QCOMPARE(old.header("Date"), QByteArray("Mon, 12 Dec 2022 10:00:00 +0000"));
        draft.refresh();
        QVERIFY(!draft.current().findings.isEmpty());
        draft.stampNow();
        QCOMPARE(draft.current().header("Date"), QByteArray("Mon, 12 Dec 2022 11:00:00 +0000"));
        QCOMPARE(draft.dateMode(), RequestDraft::DateMode::Fixed);
    }

    void rawBodyStartsFromGenerated()
    {
        FixedClock clock(at("Mon, 12 Dec 2022 10:30:00 +0000"));
        RequestDraft draft(clock);
        draft.batch([&] {
            draft.setScopeId(scope);
            draft.setMsgid(msgid);
            draft.setSecret(secret);
        });
        const QByteArray generated = draft.current().spec.body;
        draft.setBodyMode(RequestDraft::BodyMode::Raw);
        QCOMPARE(draft.current().spec.body, generated);
        draft.setRawBody(generated + "\n");
        QCOMPARE(draft.current().spec.body, generated + "\n");
        QCOMPARE(draft.current().header("Content-Length"), QByteArray::number(generated.size() + 1));
        draft.setScopeId(scope + u'x'); // the raw body no longer follows the form
        QCOMPARE(draft.current().spec.body, generated + "\n");
        draft.setBodyMode(RequestDraft::BodyMode::Form);
        QCOMPARE(draft.current().spec.body, generated);
    }

    void advancedFields()
    {
        FixedClock clock(at("Mon, 12 Dec 2022 10:30:00 +0000"));
        RequestDraft draft(clock);
        draft.batch([&] {
            draft.setScopeId(scope);
            draft.setMsgid(msgid);
            draft.setSecret(secret);
            draft.setBaseUrl(QStringLiteral("http://127.0.0.1:8080"));
            draft.setMethod("put");
            draft.setPathOverride("/v2/other?x=1");
            draft.setContentType("text/plain");
            draft.setExtraHeaders({{"X-Trace", "abc"}});
        });
        const SignedRequest &r = draft.current();
        QVERIFY(r.rawRequest.startsWith("PUT /v2/other?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"));
        QVERIFY(r.stringToSign.startsWith("PUT\n"));
        QVERIFY(r.stringToSign.endsWith("\ntext/plain\nMon, 12 Dec 2022 10:30:00 +0000\n/v2/other"));
        QCOMPARE(r.header("X-Trace"), QByteArray("abc"));
        QVERIFY(hasFinding(r, QStringLiteral("content_type")));

        draft.setExtraHeaders({{"X-Bad", "a\r\nb"}});
        QVERIFY(!draft.current().canSend());
        draft.setExtraHeaders({});
        QVERIFY(draft.current().canSend());
        draft.setSecret({});
        QVERIFY(!draft.current().canSend());
    }
};

QTEST_GUILESS_MAIN(TestDraft)
#include "tst_draft.moc"

// Reproduce: a capture signed again differs only in Date and X-Signature, and every other difference is
// named.
#include "core/diagnosis/reproduce.h"
#include "core/interchange/export.h"
#include "core/interchange/import.h"
#include "core/signing/httpdate.h"
#include "testsupport.h"

using namespace kommo;
using namespace kommo::diagnosis;

namespace {

const QByteArray secret = "fb50586ff7b68cd831fe0ef356345903f644c0d2";
const QByteArray path =
    "/v2/origin/custom/f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38/"
    "3419eef6-2aa3-464c-b6e4-4386d0f8f3ca/delivery_status";
const QByteArray body = "{\"msgid\":\"3419eef6-2aa3-464c-b6e4-4386d0f8f3ca\",\"delivery_status\":2}";
const QDateTime capturedAt = QDateTime(QDate(2022, 12, 12), QTime(10, 30), Qt::UTC);
const QDateTime later = capturedAt.addSecs(3 * 3600);

// A correctly signed request as a proxy would have captured it.
QByteArray correctRaw()
{
    RequestSpec spec;
    spec.path = path;
    spec.body = body;
    spec.date = httpdate::format(capturedAt);
    return sign(spec, secret, capturedAt).rawRequest;
}

CapturedRequest capture(const QByteArray &raw)
{
    const Result<CapturedRequest> parsed = interchange::parseRawHttp(raw);
    if (!parsed)
        qFatal("the test capture does not parse: %s", qPrintable(parsed.error()));
    return *parsed;
}

Reproduction run(const CapturedRequest &captured, const QByteArray &key = secret,
                 std::optional<QString> baseUrl = std::nullopt)
{
    const Result<Reproduction> r = reproduce(captured, ReproduceOptions{key, later, baseUrl});
    if (!r)
        qFatal("reproduce failed: %s", qPrintable(r.error()));
    return *r;
}

QStringList fields(const QList<Difference> &differences)
{
    QStringList out;
    for (const Difference &d : differences)
        out.append(d.field);
    return out;
}

QByteArray replaced(QByteArray raw, const QByteArray &from, const QByteArray &to)
{
    if (!raw.contains(from))
        qFatal("the capture holds no %s", from.constData());
    return raw.replace(from, to);
}

} // namespace

class TestReproduce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyDateAndSignatureDiffer()
    {
        const Reproduction r = run(capture(correctRaw()));
        QCOMPARE(fields(r.differences),
                 QStringList({QStringLiteral("header:Date"), QStringLiteral("header:X-Signature")}));
        QVERIFY(r.onlyDateAndSignatureDiffer());
        QCOMPARE(r.originalSignatureMatches, std::optional(true));
        QCOMPARE(r.resigned.spec.date, httpdate::format(later));
        QCOMPARE(r.resigned.spec.body, body);
        QCOMPARE(r.differences.at(0).original, std::optional(httpdate::format(capturedAt)));
        QCOMPARE(r.differences.at(0).resigned, std::optional(httpdate::format(later)));
        // The re-signed request is right by the signing code itself.
        RequestSpec spec;
        spec.path = path;
        spec.body = body;
        spec.date = httpdate::format(later);
        QCOMPARE(r.resigned.signature, sign(spec, secret, later).signature);
        QCOMPARE(r.resigned.header("X-Signature"), r.resigned.signature);
        // The same headers in the same order, values aside.
        QCOMPARE(r.resigned.headers.size(), r.original.headers.size());
        for (qsizetype i = 0; i < r.resigned.headers.size(); ++i)
            QCOMPARE(r.resigned.headers.at(i).name, r.original.headers.at(i).name);
    }

    void anotherSecret()
    {
        const Reproduction r = run(capture(correctRaw()), "another-secret");
        QCOMPARE(r.originalSignatureMatches, std::optional(false));
        QVERIFY(r.onlyDateAndSignatureDiffer());
    }

    void wrongContentMd5IsNamed()
    {
        const SignedRequest good = sign(
            [] {
                RequestSpec spec;
                spec.path = path;
                spec.body = body;
                spec.date = httpdate::format(capturedAt);
                return spec;
            }(),
            secret, capturedAt);
        const QByteArray raw = replaced(correctRaw(), "Content-MD5: " + good.contentMd5,
                                        "Content-MD5: 00000000000000000000000000000000");
        const Reproduction r = run(capture(raw));
        QVERIFY(!r.onlyDateAndSignatureDiffer());
        QCOMPARE(fields(r.unexpected()), QStringList{QStringLiteral("header:Content-MD5")});
        QVERIFY(r.unexpected().at(0).reason.contains(QStringLiteral("MD5")));
        QCOMPARE(r.unexpected().at(0).resigned, std::optional(good.contentMd5));
    }

    void lowerCaseMethodIsNamed()
    {
        const Reproduction r = run(capture(replaced(correctRaw(), "POST /", "post /")));
        QCOMPARE(fields(r.unexpected()), QStringList{QStringLiteral("method")});
        QCOMPARE(r.resigned.method, QByteArray("POST"));
    }

    void repeatedSignatureIsNamed()
    {
        const QByteArray raw =
            replaced(correctRaw(), "Content-Length:", "X-Signature: 1234\r\nContent-Length:");
        const Reproduction r = run(capture(raw));
        QCOMPARE(r.unexpected().size(), 1);
        QCOMPARE(r.unexpected().at(0).field, QStringLiteral("header:X-Signature"));
        QVERIFY(!r.unexpected().at(0).resigned.has_value());
        QCOMPARE(r.resigned.headers.size(), r.original.headers.size() - 1);
    }

    void wrongContentLengthIsNamed()
    {
        const QByteArray raw = replaced(correctRaw(), "Content-Length: " + QByteArray::number(body.size()),
                                        "Content-Length: 99");
        const Reproduction r = run(capture(raw));
        QCOMPARE(fields(r.unexpected()), QStringList{QStringLiteral("header:Content-Length")});
    }

    // curl writes Host and Content-Length itself: a cURL capture lacks them, and that is no difference.
    void curlCaptureImpliesHostAndLength()
    {
        RequestSpec spec;
        spec.path = path;
        spec.body = body;
        spec.date = httpdate::format(capturedAt);
        const QByteArray command = interchange::curlCommand(sign(spec, secret, capturedAt));
        const Result<CapturedRequest> captured = interchange::parseCurl(command);
        QVERIFY(captured.ok());
        QVERIFY(!captured->hasHeader("Host"));
        const Reproduction r = run(*captured);
        QVERIFY2(r.onlyDateAndSignatureDiffer(), qPrintable(fields(r.unexpected()).join(u", ")));
        QCOMPARE(r.resigned.header("Host"), QByteArray("amojo.kommo.com"));
        QCOMPARE(r.resigned.header("Content-Length"), QByteArray::number(body.size()));
    }

    void anotherTargetIsExpected()
    {
        const Reproduction r = run(capture(correctRaw()), secret, QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(r.onlyDateAndSignatureDiffer());
        QVERIFY(fields(r.differences).contains(QStringLiteral("url")));
        QVERIFY(fields(r.differences).contains(QStringLiteral("header:Host")));
        QCOMPARE(r.resigned.header("Host"), QByteArray("127.0.0.1:8080"));
        QVERIFY(r.resignedUrl.startsWith("http://127.0.0.1:8080/v2/"));
    }

    void unknownBodyFails()
    {
        CapturedRequest captured = capture(correctRaw());
        captured.bodyFile = QStringLiteral("body.json");
        QVERIFY(!reproduce(captured, ReproduceOptions{secret, later, std::nullopt}).ok());
    }

    void jsonNamesEveryDifference()
    {
        const QByteArray raw = replaced(correctRaw(), "POST /", "post /");
        const QJsonObject json = reproductionJson(run(capture(raw)));
        QCOMPARE(json.value(u"only_date_and_signature_differ").toBool(), false);
        QCOMPARE(json.value(u"unexpected_count").toInt(), 1);
        const QJsonArray differences = json.value(u"differences").toArray();
        QCOMPARE(differences.size(), 3);
        QCOMPARE(differences.at(0).toObject().value(u"field").toString(), QStringLiteral("method"));
        QCOMPARE(differences.at(0).toObject().value(u"expected").toBool(), false);
        QVERIFY(!reproductionText(run(capture(raw))).contains(QString::fromLatin1(secret)));
    }
};

QTEST_GUILESS_MAIN(TestReproduce)
#include "tst_reproduce.moc"

// The cURL importer, table-driven: bash and $'...' quoting, continuations, options, bodies with every byte.
#include "core/interchange/import.h"
#include "testsupport.h"

using namespace kommo;

namespace {

const QByteArray url = "https://amojo.kommo.com/v2/origin/custom/s_c/m/delivery_status";

bool hasNote(const CapturedRequest &r, const char *id)
{
    for (const Finding &f : r.notes) {
        if (f.id == QLatin1String(id))
            return true;
    }
    return false;
}

} // namespace

class TestImportCurl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QList<Header>>("headers");
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("single quotes, continuations")
            << QByteArray("curl --location --request POST '" + url +
                          "' \\\n--header 'Date: Mon, 12 Dec 2022' \\\n"
                          "--data-raw '{\"a\":\"b c\"}'")
            << QByteArray("POST")
            << QList<Header>{{"Date", "Mon, 12 Dec 2022"},
                             {"Content-Type", "application/x-www-form-urlencoded"}}
            << QByteArray("{\"a\":\"b c\"}");
        QTest::newRow("CRLF continuations, double quotes")
            << QByteArray("curl -X POST \"" + url +
                          "\" \\\r\n -H \"X-A: \\\"q\\\" \\\\ $\" \\\r\n -H 'Content-Type: "
                          "application/json' -d \"{}\"")
            << QByteArray("POST")
            << QList<Header>{{"X-A", "\"q\" \\ $"}, {"Content-Type", "application/json"}} << QByteArray("{}");
        QTest::newRow("Chrome $'...' quoting")
            << QByteArray("curl '" + url +
                          "' -H 'content-type: application/json' --data-raw $'{\"e\":\"l1\\nl2 \\'q\\' "
                          "\\u00e9\\x41\"}' --compressed")
            << QByteArray("POST") << QList<Header>{{"content-type", "application/json"}}
            << QByteArray("{\"e\":\"l1\nl2 'q' \xC3\xA9\x41\"}");
        QTest::newRow("repeated headers, short clusters")
            << QByteArray("curl -sS -XPUT -H'X-A: 1' -H 'x-a: 2' --url " + url) << QByteArray("PUT")
            << QList<Header>{{"X-A", "1"}, {"x-a", "2"}} << QByteArray();
        QTest::newRow("several -d joined with &")
            << QByteArray("curl " + url +
                          " -H 'Content-Type: application/json' -d a=1 --data b=2 --data-binary c")
            << QByteArray("POST") << QList<Header>{{"Content-Type", "application/json"}}
            << QByteArray("a=1&b=2&c");
        QTest::newRow("no data is GET")
            << QByteArray("curl " + url) << QByteArray("GET") << QList<Header>{} << QByteArray();
        QTest::newRow("pipe ends the command")
            << QByteArray("curl " + url + " -d x | jq .") << QByteArray("POST")
            << QList<Header>{{"Content-Type", "application/x-www-form-urlencoded"}} << QByteArray("x");
    }

    void parse()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArray, method);
        QFETCH(QList<Header>, headers);
        QFETCH(QByteArray, body);
        QCOMPARE(interchange::detectKind(command), interchange::InputKind::Curl);
        const Result<CapturedRequest> r = interchange::parseCurl(command);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->method, method);
        QCOMPARE(r->headers, headers);
        QCOMPARE(r->body, body);
        QCOMPARE(r->host, QByteArray("amojo.kommo.com"));
        QCOMPARE(r->path(), QByteArray("/v2/origin/custom/s_c/m/delivery_status"));
    }

    // Every byte value through $'\xHH' (bash's own way to write them), and 1-255 raw in single quotes.
    void everyByte()
    {
        QByteArray expected;
        QByteArray escaped = "curl " + url + " -H 'Content-Type: application/json' --data-binary $'";
        QByteArray raw = "curl " + url + " -H 'Content-Type: application/json' --data-binary '";
        for (int b = 0; b < 256; ++b) {
            expected.append(static_cast<char>(b));
            escaped.append(QByteArray("\\x") + QByteArray::number(b, 16).rightJustified(2, '0'));
            if (b == '\'')
                raw.append("'\\''");
            else if (b != 0)
                raw.append(static_cast<char>(b));
        }
        escaped.append('\'');
        raw.append('\'');
        const Result<CapturedRequest> r = interchange::parseCurl(escaped);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->body, expected);
        const Result<CapturedRequest> s = interchange::parseCurl(raw);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->body, expected.mid(1));
    }

    // Parse only: a named file is reported, never read; a variable is kept, never expanded.
    void nothingReadOrExpanded()
    {
        const QByteArray file = QByteArray(KOMMO_SOURCE_DIR) + "/README.md";
        const Result<CapturedRequest> r = interchange::parseCurl("curl " + url + " --data-binary @" + file);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(r->body.isEmpty());
        QCOMPARE(r->bodyFile, QString::fromUtf8(file));
        QVERIFY(hasNote(*r, "curl_data_file_not_read"));

        qputenv("KOMMO_TEST_CURL_VAR", "expanded");
        const Result<CapturedRequest> v = interchange::parseCurl(
            "curl \"" + url + "\" -H \"X-Signature: $KOMMO_TEST_CURL_VAR\" -d \"$(id)\"");
        QVERIFY2(v.ok(), qPrintable(v.error()));
        QCOMPARE(v->header("X-Signature"), QByteArray("$KOMMO_TEST_CURL_VAR"));
        QCOMPARE(v->body, QByteArray("$(id)"));
        QVERIFY(hasNote(*v, "curl_variable_not_expanded"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::newRow("unclosed quote") << QByteArray("curl '" + url);
        QTest::newRow("unclosed $'") << QByteArray("curl $'" + url);
        QTest::newRow("no URL") << QByteArray("curl -X POST");
        QTest::newRow("option without value") << QByteArray("curl " + url + " -H");
    }

    void rejects()
    {
        QFETCH(QByteArray, command);
        QVERIFY(!interchange::parseCurl(command).ok());
    }
};

QTEST_GUILESS_MAIN(TestImportCurl)
#include "tst_import_curl.moc"

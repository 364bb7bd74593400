// The raw HTTP importer, table-driven: line ends, repeated headers, absolute URLs, bodies with every byte.
#include "core/interchange/import.h"
#include "testsupport.h"

using namespace kommo;

namespace {

QByteArray everyByte()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(static_cast<char>(b));
    return bytes;
}

} // namespace

class TestImportRaw : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QList<Header>>("headers");
        QTest::addColumn<QByteArray>("body");

        const QByteArray path = "/v2/origin/custom/s_c/m/delivery_status";
        QTest::newRow("LF") << QByteArray("POST " + path + " HTTP/1.1\nHost: h.example\nDate: D\n\n{\"a\":1}")
                            << QByteArray("POST") << path << QByteArray("h.example")
                            << QList<Header>{{"Host", "h.example"}, {"Date", "D"}} << QByteArray("{\"a\":1}");
        QTest::newRow("CRLF") << QByteArray("POST " + path + " HTTP/1.1\r\nHost: h\r\nDate: D\r\n\r\n{}\r\n")
                              << QByteArray("POST") << path << QByteArray("h")
                              << QList<Header>{{"Host", "h"}, {"Date", "D"}} << QByteArray("{}\r\n");
        QTest::newRow("repeated headers, case kept")
            << QByteArray("post " + path + "?q=1 HTTP/1.1\r\nx-a: 1\r\nX-A: 2\r\ncontent-md5:  ab  \r\n\r\n")
            << QByteArray("post") << QByteArray(path + "?q=1") << QByteArray()
            << QList<Header>{{"x-a", "1"}, {"X-A", "2"}, {"content-md5", "ab"}} << QByteArray();
        QTest::newRow("absolute form")
            << QByteArray("POST https://amojo.kommo.com:8443" + path + " HTTP/1.1\n\n") << QByteArray("POST")
            << path << QByteArray("amojo.kommo.com:8443") << QList<Header>{} << QByteArray();
        QTest::newRow("no version, leading blank lines")
            << QByteArray("\n\r\nPOST " + path + "\nA: b\n\nxyz") << QByteArray("POST") << path
            << QByteArray() << QList<Header>{{"A", "b"}} << QByteArray("xyz");
        QTest::newRow("every byte in the body")
            << QByteArray("POST " + path + " HTTP/1.1\r\nContent-Length: 256\r\n\r\n" + everyByte())
            << QByteArray("POST") << path << QByteArray() << QList<Header>{{"Content-Length", "256"}}
            << everyByte();
        QTest::newRow("newline after Content-Length bytes dropped")
            << QByteArray("POST " + path + " HTTP/1.1\nContent-Length: 2\n\n{}\n") << QByteArray("POST")
            << path << QByteArray() << QList<Header>{{"Content-Length", "2"}} << QByteArray("{}");
        // Found by fuzz_import_raw (minimized): a negative length was used as a position in the body.
        QTest::newRow("negative Content-Length, no body")
            << QByteArray("T /\nContent-Length:-8") << QByteArray("T") << QByteArray("/") << QByteArray()
            << QList<Header>{{"Content-Length", "-8"}} << QByteArray();
        QTest::newRow("negative Content-Length, body kept")
            << QByteArray("POST " + path + " HTTP/1.1\nContent-Length: -3\n\n{}\n") << QByteArray("POST")
            << path << QByteArray() << QList<Header>{{"Content-Length", "-3"}} << QByteArray("{}\n");
        QTest::newRow("newline kept without Content-Length")
            << QByteArray("POST " + path + " HTTP/1.1\n\n{}\n") << QByteArray("POST") << path << QByteArray()
            << QList<Header>{} << QByteArray("{}\n");
    }

    void parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, host);
        QFETCH(QList<Header>, headers);
        QFETCH(QByteArray, body);
        QCOMPARE(interchange::detectKind(text), interchange::InputKind::RawHttp);
        const Result<CapturedRequest> r = interchange::parseRawHttp(text);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->method, method);
        QCOMPARE(r->target, target);
        QCOMPARE(r->host, host);
        QCOMPARE(r->headers, headers);
        QCOMPARE(r->body, body);
        QCOMPARE(r->source.kind, CaptureKind::RawHttp);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no request line") << QByteArray("hello there\n\n");
        QTest::newRow("header without colon") << QByteArray("POST /x HTTP/1.1\nnot a header\n\n");
    }

    void rejects()
    {
        QFETCH(QByteArray, text);
        const Result<CapturedRequest> r = interchange::parseRawHttp(text);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportRaw)
#include "tst_import_raw.moc"

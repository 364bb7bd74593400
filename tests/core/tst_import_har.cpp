// The HAR importer, table-driven: Chat API entries on any host, repeated headers, every byte, streaming.
#include "core/interchange/import.h"
#include "testsupport.h"

#include <QBuffer>
#include <QTemporaryFile>

using namespace kommo;

namespace {

QJsonObject entry(const QString &method, const QString &url, const QJsonArray &headers,
                  const QJsonValue &postData)
{
    QJsonObject request{{u"method"_qs, method},
                        {u"url"_qs, url},
                        {u"httpVersion"_qs, u"HTTP/1.1"_qs},
                        {u"headers"_qs, headers},
                        {u"cookies"_qs, QJsonArray()}};
    if (!postData.isUndefined())
        request.insert(u"postData"_qs, postData);
    return QJsonObject{{u"startedDateTime"_qs, u"2023-03-14T09:26:53.000Z"_qs},
                       {u"request"_qs, request},
                       {u"response"_qs, QJsonObject{{u"status"_qs, 403}, {u"content"_qs, QJsonObject{}}}}};
}

QJsonObject header(const char *name, const char *value)
{
    return {{u"name"_qs, QLatin1String(name)}, {u"value"_qs, QLatin1String(value)}};
}

QByteArray har(const QJsonArray &entries)
{
    return QJsonDocument(
               QJsonObject{{u"log"_qs, QJsonObject{{u"version"_qs, u"1.2"_qs},
                                                   {u"creator"_qs, QJsonObject{{u"name"_qs, u"t"_qs}}},
                                                   {u"entries"_qs, entries}}}})
        .toJson(QJsonDocument::Compact);
}

const QString path = u"/v2/origin/custom/s_c/m/delivery_status"_qs;

} // namespace

class TestImportHar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entries()
    {
        QString text;
        for (char32_t cp = 1; cp < 256; ++cp)
            text.append(QString::fromUcs4(&cp, 1));
        QByteArray bytes;
        for (int b = 0; b < 256; ++b)
            bytes.append(static_cast<char>(b));
        const QJsonArray entries = {
            entry(u"POST"_qs, u"https://amojo.kommo.com"_qs + path,
                  {header("Date", "D"), header("X-A", "1"), header("x-a", "2")},
                  QJsonObject{{u"mimeType"_qs, u"application/json"_qs}, {u"text"_qs, u"{\"a\":1}"_qs}}),
            entry(u"GET"_qs, u"https://example.com/other"_qs, {}, QJsonValue::Undefined),
            entry(u"post"_qs, u"http://127.0.0.1:8080"_qs + path + u"?q=1#frag"_qs,
                  {header(":authority", "127.0.0.1:8080"), header(":method", "POST"),
                   header("Content-MD5", "x")},
                  QJsonObject{{u"text"_qs, text}}),
            entry(u"POST"_qs, u"https://amojo.amocrm.ru"_qs + path, {},
                  QJsonObject{{u"text"_qs, QString::fromLatin1(bytes.toBase64())},
                              {u"encoding"_qs, u"base64"_qs}}),
        };
        const Result<QList<CapturedRequest>> r = interchange::parseHar(har(entries));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->size(), 3);

        const CapturedRequest &first = r->at(0);
        QCOMPARE(first.method, QByteArray("POST"));
        QCOMPARE(first.host, QByteArray("amojo.kommo.com"));
        QCOMPARE(first.headers, (QList<Header>{{"Date", "D"}, {"X-A", "1"}, {"x-a", "2"}}));
        QCOMPARE(first.body, QByteArray("{\"a\":1}"));
        QCOMPARE(first.source.index, 0);
        QCOMPARE(first.source.kind, CaptureKind::Har);

        const CapturedRequest &second = r->at(1);
        QCOMPARE(second.method, QByteArray("post"));
        QCOMPARE(second.host, QByteArray("127.0.0.1:8080"));
        QCOMPARE(second.target, path.toUtf8() + "?q=1");
        QCOMPARE(second.headers, (QList<Header>{{"Content-MD5", "x"}}));
        QCOMPARE(second.body, text.toUtf8());
        QCOMPARE(second.source.index, 2);

        QCOMPARE(r->at(2).body, bytes);
        QCOMPARE(r->at(2).host, QByteArray("amojo.amocrm.ru"));
    }

    void detect()
    {
        QCOMPARE(interchange::detectKind("\xEF\xBB\xBF  {\"log\":{}}"), interchange::InputKind::Har);
        QCOMPARE(interchange::detectKind("GET"), interchange::InputKind::Unknown);
        QCOMPARE(interchange::detectKind("/usr/bin/curl x"), interchange::InputKind::Curl);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not an object") << QByteArray("[1,2]");
        QTest::newRow("no log") << QByteArray("{\"x\":1}");
        QTest::newRow("no entries") << QByteArray("{\"log\":{\"version\":\"1.2\"}}");
        QTest::newRow("cut short")
            << har({entry(u"POST"_qs, u"https://h"_qs + path, {}, QJsonValue::Undefined)}).chopped(9);
        QTest::newRow("bad escape") << QByteArray(
            "{\"log\":{\"entries\":[{\"request\":{\"url\":\"\\q\"}}]}}");
        QTest::newRow("method not a string")
            << QByteArray("{\"log\":{\"entries\":[{\"request\":{\"method\":1}}]}}");
        QTest::newRow("too deep") << QByteArray("{\"log\":{\"entries\":[{\"x\":") + QByteArray(600, '[');
    }

    void rejects()
    {
        QFETCH(QByteArray, text);
        const Result<QList<CapturedRequest>> r = interchange::parseHar(text);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }

    // A HAR larger than the reader's chunk, read from a file one entry at a time.
    void streamsFromAFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("{\"log\":{\"version\":\"1.2\",\"entries\":[");
        const int count = 6000;
        for (int i = 0; i < count; ++i) {
            QJsonObject e =
                entry(u"POST"_qs, u"https://amojo.kommo.com"_qs + path, {header("Date", "D")},
                      QJsonObject{{u"text"_qs, QString(200, QChar(u'\u00e9')) + QString::number(i)}});
            file.write(QJsonDocument(e).toJson(QJsonDocument::Indented));
            if (i + 1 < count)
                file.write(",\n");
        }
        file.write("],\"pages\":[]}}");
        QVERIFY(file.size() > 2 * 1024 * 1024);
        file.seek(0);
        interchange::HarReader reader(&file);
        CapturedRequest request;
        int seen = 0;
        while (reader.next(request)) {
            QCOMPARE(request.body, (QString(200, QChar(u'\u00e9')) + QString::number(seen)).toUtf8());
            ++seen;
        }
        QVERIFY2(reader.error().isEmpty(), qPrintable(reader.error()));
        QCOMPARE(seen, count);
        QCOMPARE(reader.entriesSeen(), count);
    }
};

QTEST_GUILESS_MAIN(TestImportHar)
#include "tst_import_har.moc"

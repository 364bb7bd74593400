// The Date header: English RFC 2822 in UTC whatever the locale, and its parser.
#include "core/signing/httpdate.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

#include <clocale>

using namespace kommo;

class TestHttpDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsEnglishUtcUnderAnyLocale()
    {
        // The process and Qt both in German: weekday and month names must stay English.
        std::setlocale(LC_ALL, "de_DE.UTF-8");
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(QLocale().toString(QDate(2022, 12, 7), u"ddd MMM"), QStringLiteral("Mi. Dez."));

        const QDateTime berlin(QDate(2022, 12, 7), QTime(17, 0, 0), QTimeZone(3600));
        QCOMPARE(httpdate::format(berlin), QByteArray("Wed, 07 Dec 2022 16:00:00 +0000"));
        QCOMPARE(httpdate::format(QDateTime(QDate(2026, 3, 1), QTime(9, 5, 7), Qt::UTC)),
                 QByteArray("Sun, 01 Mar 2026 09:05:07 +0000"));
        QLocale::setDefault(QLocale::c());
        std::setlocale(LC_ALL, "C");
    }

    void parses()
    {
        const Result<httpdate::Parsed> p = httpdate::parse("Wed, 07 Dec 2022 16:00:00 +0000");
        QVERIFY(p.ok());
        QCOMPARE(p->instant, QDateTime(QDate(2022, 12, 7), QTime(16, 0), Qt::UTC));
        QVERIFY(p->weekdayMatches);
        QVERIFY(p->numericZone);

        const Result<httpdate::Parsed> offset = httpdate::parse("Wed, 07 Dec 2022 19:30:00 +0330");
        QCOMPARE(offset->instant, p->instant);
        const Result<httpdate::Parsed> west = httpdate::parse("Wed, 07 Dec 2022 11:00:00 -0500");
        QCOMPARE(west->instant, p->instant);
    }

    void authPageSampleHasTheWrongWeekday()
    {
        // SPEC.md: 1 January 2023 was a Sunday.
        const Result<httpdate::Parsed> p = httpdate::parse("Thu, 01 Jan 2023 12:00:00 +0000");
        QVERIFY(p.ok());
        QVERIFY(!p->weekdayMatches);
        QCOMPARE(p->expectedWeekday, QStringLiteral("Sun"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("iso") << QByteArray("2022-12-07T16:00:00Z");
        QTest::newRow("german-month") << QByteArray("Mi, 07 Dez 2022 16:00:00 +0000");
        QTest::newRow("no-zone") << QByteArray("Wed, 07 Dec 2022 16:00:00");
        QTest::newRow("bad-day") << QByteArray("Wed, 31 Nov 2022 16:00:00 +0000");
        QTest::newRow("bad-hour") << QByteArray("Wed, 07 Dec 2022 25:00:00 +0000");
        QTest::newRow("bad-zone-minutes") << QByteArray("Wed, 07 Dec 2022 16:00:00 +0075");
        QTest::newRow("empty") << QByteArray();
    }

    void rejects()
    {
        QFETCH(QByteArray, text);
        const Result<httpdate::Parsed> p = httpdate::parse(text);
        QVERIFY(!p.ok());
        QVERIFY(!p.error().isEmpty());
    }

    void freshness()
    {
        const QByteArray date = "Wed, 07 Dec 2022 16:00:00 +0000";
        const QDateTime at(QDate(2022, 12, 7), QTime(16, 0), Qt::UTC);
        QVERIFY(httpdate::check(date, at.addSecs(15 * 60)).isEmpty());
        QCOMPARE(httpdate::check(date, at.addSecs(15 * 60 + 1)).constFirst().id,
                 QStringLiteral("date_expired"));
        QCOMPARE(httpdate::check(date, at.addSecs(-15 * 60 - 1)).constFirst().id,
                 QStringLiteral("date_future"));
        QVERIFY(httpdate::check(date, std::nullopt).isEmpty()); // not judged without a clock
    }
};

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"

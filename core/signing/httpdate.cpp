#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace kommo::httpdate {
namespace {

KOMMO_DECLARE_TR("kommo::httpdate")

const char *const weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Offsets of the obsolete zones RFC 2822 still lets a reader accept, in minutes.
std::optional<int> obsoleteZoneMinutes(const QString &zone)
{
    static const struct
    {
        const char *name;
        int minutes;
    } zones[] = {{"UT", 0},        {"GMT", 0},       {"UTC", 0},       {"Z", 0},
                 {"EST", -5 * 60}, {"EDT", -4 * 60}, {"CST", -6 * 60}, {"CDT", -5 * 60},
                 {"MST", -7 * 60}, {"MDT", -6 * 60}, {"PST", -8 * 60}, {"PDT", -7 * 60}};
    for (const auto &z : zones) {
        if (zone.compare(QLatin1String(z.name), Qt::CaseInsensitive) == 0)
            return z.minutes;
    }
    return std::nullopt;
}

QString describeDuration(qint64 seconds)
{
    if (seconds < 120)
        return tr("%n second(s)", nullptr, static_cast<int>(seconds));
    if (seconds < 2 * 3600)
        return tr("%n minute(s)", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n hour(s)", nullptr, static_cast<int>(seconds / 3600));
    return tr("%n day(s)", nullptr, static_cast<int>(seconds / 86400));
}

} // namespace

QByteArray format(const QDateTime &instant)
{
    const QLocale c = QLocale::c();
    return c.toString(instant.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss").toLatin1() + " +0000";
}

Result<Parsed> parse(QByteArrayView text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:([A-Za-z]{3}),\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})\\s+"
                       "(\\d{2}):(\\d{2})(?::(\\d{2}))?\\s+([+-]\\d{4}|[A-Za-z]{1,5})\\s*$"));
    const QString input = QString::fromLatin1(text);
    const QRegularExpressionMatch m = pattern.match(input);
    if (!m.hasMatch()) {
        return Result<Parsed>::failure(
            tr("\"%1\" is not an RFC 2822 date; write it like \"Wed, 07 Dec 2022 16:00:00 +0000\".")
                .arg(input));
    }

    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (m.captured(3).compare(QLatin1String(months[i]), Qt::CaseInsensitive) == 0)
            month = i + 1;
    }
    if (month == 0)
        return Result<Parsed>::failure(
            tr("\"%1\" is not an English month abbreviation (Jan ... Dec).").arg(m.captured(3)));

    const QDate date(m.captured(4).toInt(), month, m.captured(2).toInt());
    const QTime time(m.captured(5).toInt(), m.captured(6).toInt(),
                     m.captured(7).isEmpty() ? 0 : m.captured(7).toInt());
    if (!date.isValid())
        return Result<Parsed>::failure(tr("\"%1\" names a day that does not exist.").arg(input));
    if (!time.isValid())
        return Result<Parsed>::failure(tr("\"%1\" has a time of day that does not exist.").arg(input));

    Parsed parsed;
    parsed.zone = m.captured(8);
    int offsetMinutes = 0;
    if (parsed.zone.startsWith(u'+') || parsed.zone.startsWith(u'-')) {
        const int hours = parsed.zone.mid(1, 2).toInt();
        const int minutes = parsed.zone.mid(3, 2).toInt();
        if (minutes > 59)
            return Result<Parsed>::failure(tr("The zone \"%1\" has more than 59 minutes.").arg(parsed.zone));
        offsetMinutes = (hours * 60 + minutes) * (parsed.zone.startsWith(u'-') ? -1 : 1);
    } else {
        const std::optional<int> obsolete = obsoleteZoneMinutes(parsed.zone);
        if (!obsolete)
            return Result<Parsed>::failure(
                tr("\"%1\" is not a time zone; write a numeric zone such as +0000.").arg(parsed.zone));
        offsetMinutes = *obsolete;
        parsed.numericZone = false;
    }
    parsed.instant = QDateTime(date, time, QTimeZone(offsetMinutes * 60)).toUTC();

    const QString weekday = m.captured(1);
    parsed.hasWeekday = !weekday.isEmpty();
    if (parsed.hasWeekday) {
        parsed.expectedWeekday = QLatin1String(weekdays[date.dayOfWeek() - 1]);
        parsed.weekdayMatches = weekday.compare(parsed.expectedWeekday, Qt::CaseInsensitive) == 0;
    }
    return parsed;
}

QList<Finding> check(QByteArrayView date, const std::optional<QDateTime> &now)
{
    QList<Finding> findings;
    const auto warn = [&findings](const QString &id, const QString &message) {
        findings.append({Severity::Warning, QStringLiteral("date"), id, message});
    };

    if (date.isEmpty()) {
        warn(QStringLiteral("date_missing"),
             tr("The Date header is empty; the API needs it, e.g. \"Wed, 07 Dec 2022 16:00:00 +0000\"."));
        return findings;
    }
    const Result<Parsed> parsed = parse(date);
    if (!parsed) {
        warn(QStringLiteral("date_format"),
             tr("The Date is not RFC 2822 with a numeric zone: %1").arg(parsed.error()));
        return findings;
    }
    if (!parsed->numericZone) {
        warn(QStringLiteral("date_zone"), tr("The Date's zone \"%1\" is not numeric; the API's format ends "
                                             "in a numeric zone such as +0000.")
                                              .arg(parsed->zone));
    }
    if (!parsed->hasWeekday) {
        warn(QStringLiteral("date_format"),
             tr("The Date has no weekday; RFC 2822 as the API shows it starts with one, e.g. \"Wed, \"."));
    } else if (!parsed->weekdayMatches) {
        warn(
            QStringLiteral("date_weekday"),
            tr("The Date's weekday does not match the date: that day is a %1.").arg(parsed->expectedWeekday));
    }
    if (now) {
        const qint64 skew = now->secsTo(parsed->instant);
        if (skew < -validitySeconds) {
            warn(QStringLiteral("date_expired"), tr("The Date is %1 in the past; a signature is valid for 15 "
                                                    "minutes from its Date, so the API "
                                                    "will reject it. Stamp a fresh Date.")
                                                     .arg(describeDuration(-skew)));
        } else if (skew > validitySeconds) {
            warn(QStringLiteral("date_future"),
                 tr("The Date is %1 in the future, more than the 15 minutes the API allows; check the clock.")
                     .arg(describeDuration(skew)));
        }
    }
    return findings;
}

} // namespace kommo::httpdate

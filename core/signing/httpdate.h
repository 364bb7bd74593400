// The Date header: English RFC 2822 in UTC whatever the locale, and the checks a Date gets.
#pragma once

#include "core/findings.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace kommo::httpdate {

// How long the API accepts a signature after its Date (the auth page).
inline constexpr qint64 validitySeconds = 15 * 60;

// "Wed, 07 Dec 2022 16:00:00 +0000": the instant in UTC, English names, numeric zone.
QByteArray format(const QDateTime &instant);

struct Parsed
{
    QDateTime instant; // in UTC
    bool hasWeekday = false;
    bool weekdayMatches = true;
    QString expectedWeekday; // "Sun", when the written one is wrong
    bool numericZone = true;
    QString zone; // as written
};

// Reads an RFC 2822 date. Obsolete alphabetic zones (GMT, UT, EST...) parse, with numericZone false;
// anything else that is not RFC 2822 fails with a message that says what is wrong.
Result<Parsed> parse(QByteArrayView text);

// The warnings the Date header earns: not RFC 2822, no numeric zone, a weekday that does not match the date,
// or (where now is given) more than 15 minutes from now.
QList<Finding> check(QByteArrayView date, const std::optional<QDateTime> &now);

} // namespace kommo::httpdate

// A response read in words: what the status and the error body mean, what to check, and clock skew.
#pragma once

#include "core/signing/signing.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace kommo {
struct Exchange;
}

namespace kommo::diagnosis {

enum class Tone
{
    Success,
    Info,
    Warning,
    Error
};

// "success", "info", "warning" or "error", as the JSON output prints it.
QString toneName(Tone tone);

struct Line
{
    Tone tone = Tone::Info;
    QString id;   // stable, for tools and tests: "updated", "invalid_signature", "clock_skew", ...
    QString text; // a sentence for a person
};

// How far a response's Date header is from the local clock, when the header parses.
std::optional<qint64> clockSkewSeconds(QByteArrayView dateHeader, const QDateTime &localNow);

// The lines a response earns. localNow is the local clock when the response arrived (for the skew check).
QList<Line> explainResponse(int status, const QList<Header> &headers, const QByteArray &body,
                            const QDateTime &localNow);

// The same for a whole exchange: a fault or a truncated body first, then the response's own lines.
QList<Line> explainExchange(const Exchange &exchange, const QDateTime &localNow);

// [{"tone", "id", "text"}] for each line, as the CLI's JSON prints them.
QJsonArray linesJson(const QList<Line> &lines);

} // namespace kommo::diagnosis

#include "core/diagnosis/response.h"

#include "core/signing/httpdate.h"
#include "core/transport/transport.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace kommo::diagnosis {
namespace {

KOMMO_DECLARE_TR("kommo::diagnosis")

constexpr qint64 skewToleranceSeconds = 60;
constexpr qsizetype rawPreviewBytes = 600;

QByteArray firstHeader(const QList<Header> &headers, QByteArrayView name)
{
    for (const Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QString describeSeconds(qint64 seconds)
{
    if (seconds < 120)
        return tr("%n second(s)", nullptr, static_cast<int>(seconds));
    if (seconds < 7200)
        return tr("%n minute(s)", nullptr, static_cast<int>(seconds / 60));
    return tr("%n hour(s)", nullptr, static_cast<int>(seconds / 3600));
}

// The body as text for a person: at most a few hundred bytes, invalid UTF-8 replaced.
QString rawPreview(const QByteArray &body)
{
    if (body.isEmpty())
        return tr("(empty body)");
    QString text = QString::fromUtf8(body.left(rawPreviewBytes));
    if (body.size() > rawPreviewBytes)
        text += tr(" … (%n byte(s) in all)", nullptr, static_cast<int>(body.size()));
    return text;
}

} // namespace

QString toneName(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return QStringLiteral("success");
    case Tone::Info:
        return QStringLiteral("info");
    case Tone::Warning:
        return QStringLiteral("warning");
    case Tone::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

std::optional<qint64> clockSkewSeconds(QByteArrayView dateHeader, const QDateTime &localNow)
{
    if (dateHeader.isEmpty())
        return std::nullopt;
    const Result<httpdate::Parsed> parsed = httpdate::parse(dateHeader);
    if (!parsed)
        return std::nullopt;
    return localNow.secsTo(parsed->instant);
}

QList<Line> explainResponse(int status, const QList<Header> &headers, const QByteArray &body,
                            const QDateTime &localNow)
{
    QList<Line> lines;
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    const QString errorType = error.value(u"error_type").toString();
    const QString description = error.value(u"error_description").toString();
    const auto add = [&lines](Tone tone, const char *id, const QString &text) {
        lines.append({tone, QLatin1String(id), text});
    };

    if (status == 200) {
        add(Tone::Success, "updated", tr("200: the delivery status was updated."));
    } else if (status >= 200 && status < 300) {
        add(Tone::Success, "accepted",
            tr("%1: the server accepted the request (the API documents 200 for an update).").arg(status));
    } else if (status >= 300 && status < 400) {
        const QByteArray location = firstHeader(headers, "Location");
        add(Tone::Warning, "redirect",
            tr("%1: the server redirects to %2. Redirects are not followed: a signed request goes only where "
               "it "
               "was addressed. Check the base URL (https, the host of the account's region).")
                .arg(status)
                .arg(location.isEmpty() ? tr("(no Location)") : QString::fromUtf8(location)));
    } else if (status == 403 && errorType == u"ORIGIN_INVALID_SIGNATURE") {
        add(Tone::Error, "invalid_signature",
            tr("403 ORIGIN_INVALID_SIGNATURE: the signature was rejected."));
        add(Tone::Info, "check_secret",
            tr("Check the secret: it is the channel's secret from its registration, byte for byte, with no "
               "added space or newline."));
        add(Tone::Info, "check_md5",
            tr("Check Content-MD5: the lowercase hex MD5 of exactly the body bytes sent, trailing newline "
               "included."));
        add(Tone::Info, "check_string_to_sign",
            tr("Check the string to sign: method, Content-MD5, Content-Type, Date and the path without host "
               "or "
               "query, joined by \\n with no trailing newline, each exactly as sent."));
        add(Tone::Info, "check_date",
            tr("Check the Date: a signature is valid for 15 minutes from it; stamp it just before sending."));
    } else if (status == 403) {
        add(Tone::Error, "forbidden",
            tr("403: the request was refused: %1").arg(errorType.isEmpty() ? rawPreview(body) : errorType));
    } else if (status == 404 && errorType == u"ORIGIN_NOT_REGISTERED") {
        add(Tone::Error, "origin_not_registered",
            tr("404 ORIGIN_NOT_REGISTERED: the channel or scope_id is unknown here, or this is the wrong "
               "host for "
               "the account's region (amojo.kommo.com for Kommo, amojo.amocrm.ru or amojo.amocrm.com for "
               "amoCRM). Check the scope_id and the base URL."));
    } else if (status == 404 && body.trimmed().isEmpty()) {
        add(Tone::Error, "wrong_path",
            tr("404 with an empty body: the path is wrong. It must be "
               "/v2/origin/custom/{scope_id}/{msgid}/delivery_status, with nothing in front of /v2 on the "
               "API "
               "host."));
    } else if (status == 404) {
        add(Tone::Error, "message_not_found",
            tr("404: the message does not exist (%1). Check the msgid: it is Kommo's id of the message, not "
               "your own.")
                .arg(errorType.isEmpty() ? rawPreview(body) : errorType));
    } else if (status == 400) {
        add(Tone::Error, "bad_request",
            tr("400: the API refused the data: %1")
                .arg(description.isEmpty() ? rawPreview(body) : description));
    } else if (status > 0) {
        add(Tone::Warning, "unexpected_status",
            tr("%1: not an answer this method documents; the body, shown raw: %2")
                .arg(status)
                .arg(rawPreview(body)));
    }
    if (!description.isEmpty() && status != 400) {
        add(Tone::Info, "server_says", tr("The server says: %1").arg(description));
    }

    // The server's clock against ours: a signature lives 15 minutes from its Date.
    if (const std::optional<qint64> skew = clockSkewSeconds(firstHeader(headers, "Date"), localNow)) {
        if (qAbs(*skew) > skewToleranceSeconds) {
            add(Tone::Warning, "clock_skew",
                tr("The server's clock is %1 %2 this computer's (its Date header says %3). A signature lives "
                   "15 "
                   "minutes from its Date: set the local clock right (NTP) before the difference reaches "
                   "that.")
                    .arg(describeSeconds(qAbs(*skew)), *skew > 0 ? tr("ahead of") : tr("behind"),
                         QString::fromLatin1(firstHeader(headers, "Date"))));
        }
    }
    return lines;
}

QList<Line> explainExchange(const Exchange &exchange, const QDateTime &localNow)
{
    QList<Line> lines;
    if (exchange.fault.kind != FaultKind::None) {
        lines.append({Tone::Error, QStringLiteral("fault_") + faultKindName(exchange.fault.kind),
                      exchange.fault.message});
    }
    if (exchange.truncated) {
        lines.append({Tone::Warning, QStringLiteral("truncated"),
                      tr("The response body passed the size limit, so reading stopped after %n byte(s); what "
                         "arrived is shown.",
                         nullptr, static_cast<int>(exchange.responseBody.size()))});
    }
    if (exchange.hasResponse())
        lines.append(
            explainResponse(exchange.status, exchange.responseHeaders, exchange.responseBody, localNow));
    return lines;
}

QJsonArray linesJson(const QList<Line> &lines)
{
    QJsonArray list;
    for (const Line &l : lines) {
        list.append(QJsonObject{{QStringLiteral("tone"), toneName(l.tone)},
                                {QStringLiteral("id"), l.id},
                                {QStringLiteral("text"), l.text}});
    }
    return list;
}

} // namespace kommo::diagnosis

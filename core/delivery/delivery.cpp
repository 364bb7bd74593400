#include "core/delivery/delivery.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>

namespace kommo::delivery {
namespace {

KOMMO_DECLARE_TR("kommo::delivery")

Finding error(const char *field, const char *id, const QString &message)
{
    return {Severity::Error, QLatin1String(field), QLatin1String(id), message};
}

Finding warning(const char *field, const char *id, const QString &message)
{
    return {Severity::Warning, QLatin1String(field), QLatin1String(id), message};
}

// A JSON value as a person reads it in a message.
QString describeJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return tr("(an array)");
    case QJsonValue::Object:
        return tr("(an object)");
    default:
        return value.toString();
    }
}

// One path segment: unreserved characters as they are, anything else percent-encoded.
QByteArray pathSegment(const QString &text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               u == u'-' || u == u'_' || u == u'.' || u == u'~';
    });
    return plain ? text.toLatin1() : QUrl::toPercentEncoding(text);
}

constexpr QLatin1String pathPrefix("/v2/origin/custom/");
constexpr QLatin1String pathSuffix("/delivery_status");

} // namespace

const QList<StatusInfo> &statuses()
{
    static const QList<StatusInfo> list = {
        {Status::Sent, std::nullopt, QStringLiteral("sent"), tr("Sent"),
         tr("The message was sent from Kommo. Kommo sets this status itself; an integration does not send "
            "it.")},
        {Status::Delivered, 1, QStringLiteral("delivered"), tr("Delivered"),
         tr("The message was delivered to its destination.")},
        {Status::Read, 2, QStringLiteral("read"), tr("Read"), tr("The message was read by its recipient.")},
        {Status::Error, errorStatusValue, QStringLiteral("error"), tr("Error"),
         tr("The message was not delivered; an error code says why.")},
    };
    return list;
}

std::optional<int> parseStatus(const QString &text)
{
    const QString key = text.trimmed().toLower();
    for (const StatusInfo &info : statuses()) {
        if (!info.value)
            continue;
        if (key == info.key || key == QString::number(*info.value))
            return info.value;
    }
    return std::nullopt;
}

std::optional<QString> statusLabel(int value)
{
    for (const StatusInfo &info : statuses()) {
        if (info.value == value)
            return info.label;
    }
    return std::nullopt;
}

const QList<ErrorCodeInfo> &errorCodes()
{
    static const QList<ErrorCodeInfo> list = {
        {901, tr("The user deleted the message"), false},
        {902, tr("The integration is disabled on the channel side"), false},
        {903, tr("Internal server error"), false},
        {904, tr("Unable to create a conversation (e.g. the recipient is not on WhatsApp)"), false},
        {905, tr("Any other error; the error text is required"), true},
    };
    return list;
}

std::optional<ErrorCodeInfo> errorCode(int code)
{
    for (const ErrorCodeInfo &info : errorCodes()) {
        if (info.code == code)
            return info;
    }
    return std::nullopt;
}

void appendJsonString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char ch : utf8) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (byte) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (byte < 0x20) {
                const char escape[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xf]};
                out.append(escape, sizeof escape);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

QByteArray canonicalBody(const Form &form)
{
    QByteArray body;
    body.reserve(96 + (form.errorText ? form.errorText->size() * 2 : 0));
    body.append("{\"msgid\":");
    appendJsonString(body, form.msgid);
    body.append(",\"delivery_status\":").append(QByteArray::number(form.deliveryStatus));
    if (form.errorCode)
        body.append(",\"error_code\":").append(QByteArray::number(*form.errorCode));
    if (form.errorText) {
        body.append(",\"error\":");
        appendJsonString(body, *form.errorText);
    }
    body.append('}');
    return body;
}

QByteArray path(const QString &scopeId, const QString &msgid)
{
    QByteArray result;
    result.reserve(pathPrefix.size() + scopeId.size() + msgid.size() + pathSuffix.size() + 1);
    result.append(pathPrefix.data(), pathPrefix.size());
    result.append(pathSegment(scopeId));
    result.append('/');
    result.append(pathSegment(msgid));
    result.append(pathSuffix.data(), pathSuffix.size());
    return result;
}

std::optional<PathParts> parsePath(QByteArrayView path)
{
    QByteArrayView bare = path;
    const qsizetype query = bare.indexOf('?');
    if (query >= 0)
        bare = bare.first(query);
    if (!bare.startsWith(QByteArrayView(pathPrefix.data(), pathPrefix.size())) ||
        !bare.endsWith(QByteArrayView(pathSuffix.data(), pathSuffix.size())))
        return std::nullopt;
    const QByteArrayView middle =
        bare.sliced(pathPrefix.size(), bare.size() - pathPrefix.size() - pathSuffix.size());
    const qsizetype slash = middle.indexOf('/');
    // An empty scope_id or msgid still makes a delivery-status path: the finding then names the empty part.
    if (slash < 0 || middle.sliced(slash + 1).contains('/'))
        return std::nullopt;
    return PathParts{QUrl::fromPercentEncoding(middle.first(slash).toByteArray()),
                     QUrl::fromPercentEncoding(middle.sliced(slash + 1).toByteArray())};
}

bool isUuid(QStringView text)
{
    // 8-4-4-4-12 hex digits; written out by hand because it runs on every keystroke.
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (dash ? c != u'-' : !hex)
            return false;
    }
    return true;
}

bool isScopeId(QStringView text)
{
    const qsizetype underscore = text.indexOf(u'_');
    return underscore > 0 && isUuid(text.first(underscore)) && isUuid(text.sliced(underscore + 1));
}

QList<Finding> checkIdentifiers(const QString &scopeId, const QString &msgid)
{
    QList<Finding> findings;
    if (scopeId.isEmpty()) {
        findings.append(
            error("scope_id", "scope_id_missing",
                  tr("The scope_id is empty; paste the scope_id you received when the channel was "
                     "connected to the account.")));
    } else if (!isScopeId(scopeId)) {
        findings.append(
            warning("scope_id", "scope_id_format",
                    tr("The scope_id \"%1\" is not two UUIDs joined by \"_\" (channel id, then account "
                       "id); check that it was copied whole.")
                        .arg(scopeId)));
    }
    if (msgid.isEmpty()) {
        findings.append(error("msgid", "msgid_missing",
                              tr("The msgid is empty; give the Kommo-side id of the message.")));
    } else if (!isUuid(msgid)) {
        findings.append(warning("msgid", "msgid_format",
                                tr("The msgid \"%1\" is not a UUID; Kommo's message ids are UUIDs such as "
                                   "3419eef6-2aa3-464c-b6e4-4386d0f8f3ca.")
                                    .arg(msgid)));
    }
    return findings;
}

QList<Finding> checkBody(QByteArrayView body, const std::optional<PathParts> &pathParts)
{
    QList<Finding> findings;
    if (body.isEmpty()) {
        findings.append(
            error("body", "body_empty",
                  tr("The body is empty; the API needs a JSON object with msgid and delivery_status.")));
        return findings;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        findings.append(
            warning("body", "body_not_json",
                    tr("The body is not valid JSON (%1 at byte %2); the API will reject it. It is "
                       "signed as typed.")
                        .arg(parseError.errorString())
                        .arg(parseError.offset)));
        return findings;
    }
    if (!document.isObject()) {
        findings.append(error("body", "body_not_object",
                              tr("The body is JSON but not an object; the API needs {\"msgid\": ..., "
                                 "\"delivery_status\": ...}.")));
        return findings;
    }
    const QJsonObject object = document.object();

    // msgid: present, a string, and the one in the path.
    const QJsonValue msgid = object.value(QLatin1String("msgid"));
    if (msgid.isUndefined()) {
        findings.append(
            error("msgid", "body_msgid_missing", tr("The body has no msgid; add the message's msgid.")));
    } else if (!msgid.isString()) {
        findings.append(error("msgid", "body_msgid_type", tr("The body's msgid must be a JSON string.")));
    } else if (pathParts && msgid.toString() != pathParts->msgid) {
        findings.append(
            error("msgid", "msgid_mismatch",
                  tr("The body msgid differs from the msgid in the path (\"%1\" in the body, \"%2\" "
                     "in the path); the API rejects such a request. Make them equal.")
                      .arg(msgid.toString(), pathParts->msgid)));
    }

    // delivery_status: a JSON number, one of 1, 2, -1.
    const QJsonValue status = object.value(QLatin1String("delivery_status"));
    bool isError = false;
    if (status.isUndefined()) {
        findings.append(
            error("delivery_status", "status_missing",
                  tr("The body has no delivery_status; use 1 (delivered), 2 (read) or -1 (error).")));
    } else if (status.isString()) {
        findings.append(
            error("delivery_status", "status_string",
                  tr("delivery_status is sent as a JSON string (\"%1\"); send it as a number without "
                     "quotes.")
                      .arg(status.toString())));
    } else if (!status.isDouble() || !statusLabel(status.toInt(0)) || status.toDouble() != status.toInt(0) ||
               status.toInt(0) == 0) {
        findings.append(
            error("delivery_status", "status_unknown",
                  tr("delivery_status %1 is not one the API knows; use 1 (delivered), 2 (read) or -1 "
                     "(error).")
                      .arg(describeJson(status))));
    } else {
        isError = status.toInt() == errorStatusValue;
    }

    // error_code and error: only with the error status; the code one of 901-905; 905 needs text.
    const QJsonValue code = object.value(QLatin1String("error_code"));
    const QJsonValue text = object.value(QLatin1String("error"));
    const bool statusKnown =
        status.isDouble() && statusLabel(status.toInt(0)).has_value() && status.toInt(0) != 0;
    if (statusKnown && !isError) {
        if (!code.isUndefined())
            findings.append(
                error("error_code", "error_code_without_error",
                      tr("error_code is sent with a status that is not Error (-1); remove it or set "
                         "delivery_status to -1.")));
        if (!text.isUndefined())
            findings.append(error("error", "error_text_without_error",
                                  tr("error is sent with a status that is not Error (-1); remove it or set "
                                     "delivery_status to -1.")));
    }
    if (!code.isUndefined()) {
        if (code.isString()) {
            findings.append(
                error("error_code", "error_code_string",
                      tr("error_code is sent as a JSON string (\"%1\"); send it as a number without "
                         "quotes.")
                          .arg(code.toString())));
        } else if (!code.isDouble() || code.toDouble() != code.toInt(0) || !errorCode(code.toInt(0))) {
            findings.append(error("error_code", "error_code_unknown",
                                  tr("error_code must be one of 901, 902, 903, 904 or 905.")));
        } else if (code.toInt() == otherErrorCode &&
                   (text.isUndefined() || (text.isString() && text.toString().trimmed().isEmpty()))) {
            findings.append(
                error("error", "error_text_missing",
                      tr("Error code 905 needs the error text: write what went wrong in \"error\"; "
                         "the Kommo user sees it.")));
        }
    } else if (isError) {
        findings.append(
            warning("error_code", "error_code_missing",
                    tr("The status is Error (-1) but no error_code is sent; add one of 901-905.")));
    }
    if (!text.isUndefined() && !text.isString()) {
        findings.append(error("error", "error_text_type", tr("error must be a JSON string.")));
    }
    return findings;
}

} // namespace kommo::delivery

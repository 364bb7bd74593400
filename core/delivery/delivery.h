// The delivery-status domain: statuses, error codes, the canonical body and the path.
#pragma once

#include "core/findings.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace kommo::delivery {

// The delivery_status values. Sent has no value: Kommo sets it, an integration never sends it.
enum class Status
{
    Sent,
    Delivered,
    Read,
    Error
};

struct StatusInfo
{
    Status status;
    std::optional<int> value; // 1, 2, -1; none for Sent
    QString key;              // "delivered", as the CLI accepts it
    QString label;            // "Delivered", for a person
    QString description;
};

// Every status in the API page's table, Sent included (it is not sendable).
const QList<StatusInfo> &statuses();

// "delivered", "read", "error", "1", "2" or "-1" (any case) to the value sent; nothing for anything else.
std::optional<int> parseStatus(const QString &text);

// The label of a delivery_status value ("Read" for 2), or nothing for an unknown value.
std::optional<QString> statusLabel(int value);

struct ErrorCodeInfo
{
    int code;
    QString meaning;
    bool needsText; // 905 must carry the error text
};

const QList<ErrorCodeInfo> &errorCodes();
std::optional<ErrorCodeInfo> errorCode(int code);

inline constexpr int errorStatusValue = -1;
inline constexpr int otherErrorCode = 905;

// The form the user fills in. error_code and error go into the body exactly when they hold a value.
struct Form
{
    QString scopeId;
    QString msgid;
    int deliveryStatus = 2;
    std::optional<int> errorCode;
    std::optional<QString> errorText;
};

// The canonical body: compact JSON, keys in the API table's order, raw UTF-8, the escaping of SPEC.md
// (what Python's json.dumps(ensure_ascii=False, separators=(",", ":")) writes).
QByteArray canonicalBody(const Form &form);

// Appends text as a JSON string literal with the canonical escaping.
void appendJsonString(QByteArray &out, QStringView text);

// "/v2/origin/custom/{scope_id}/{msgid}/delivery_status", each part percent-encoded where a path needs it.
QByteArray path(const QString &scopeId, const QString &msgid);

struct PathParts
{
    QString scopeId;
    QString msgid;
};

// The scope_id and msgid of a delivery-status path (a query string is ignored); nothing for another path.
std::optional<PathParts> parsePath(QByteArrayView path);

bool isUuid(QStringView text);
// Two UUIDs joined by "_": the channel id and the account id.
bool isScopeId(QStringView text);

// The findings of the form's identifiers (scope_id and msgid shapes).
QList<Finding> checkIdentifiers(const QString &scopeId, const QString &msgid);

// The findings of a body against the API's rules; pathParts is what the path says, when it is a
// delivery-status path. A body that is not JSON is only a warning: testers send bad bodies on purpose.
QList<Finding> checkBody(QByteArrayView body, const std::optional<PathParts> &pathParts);

} // namespace kommo::delivery

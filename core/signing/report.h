// A signed request as JSON (the CLI's --json schema, docs/sign-json.md) and as text for a person.
#pragma once

#include "core/signing/signing.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kommo::report {

// True when bytes are valid UTF-8 (and so can be shown and exported as text).
bool isValidUtf8(QByteArrayView bytes);

// [{"name", "value"}] in order, duplicates kept.
QJsonArray headersJson(const QList<Header> &headers);

// "body" as text where the bytes are UTF-8, else null with "body_base64"; and "body_bytes".
void insertBody(QJsonObject &object, QByteArrayView body);

// {"severity", "field", "message", "id"} for each finding.
QJsonArray findingsJson(const QList<Finding> &findings);

// The object `kommo-status sign --json` prints: method, url, path, headers, body (or body_base64),
// string_to_sign, content_md5, signature, findings.
QJsonObject signedRequestJson(const SignedRequest &request);

// "a\nb" shown as "a⏎\nb": line breaks, CRs and trailing spaces made visible, for display only.
QString visibleText(QByteArrayView bytes);

// Text from the outside (a server's answer, a request's path or headers) made safe for a terminal or a log
// line: control characters (C0, DEL, C1) and bidirectional marks become \xHH or \u{HHHH}; a backslash stays.
// With keepLineBreaks, LF and TAB stay (for a body shown over several lines).
QString escapeControls(QStringView text, bool keepLineBreaks = false);
QString escapeControls(QByteArrayView utf8, bool keepLineBreaks = false);

// The person-readable text of `kommo-status sign`.
QString signedRequestText(const SignedRequest &request);

// One finding as a line: "error [msgid]: message".
QString findingLine(const Finding &finding);

} // namespace kommo::report

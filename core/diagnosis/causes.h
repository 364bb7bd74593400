// The known signing mistakes: each a hypothesis tried alone, reported only when it reproduces the captured
// value byte for byte.
#pragma once

#include "core/diagnosis/verify.h"

#include <optional>

namespace kommo::diagnosis {

// Why a Content-MD5 differs from the body's MD5: the first mistake whose hypothesis gives exactly that value.
std::optional<Cause> contentMd5Cause(QByteArrayView body, QByteArrayView contentMd5);

// What the string to sign is made of, as captured.
struct SignedParts
{
    QByteArray method; // as captured (the string to sign carries it in upper case)
    QByteArray contentMd5;
    QByteArray contentType;
    QByteArray date;
    QByteArray path; // without the query
    QByteArray query;
    QByteArray host;
    QByteArray scheme;
    QByteArray url;
    QByteArray body;
};

SignedParts signedParts(const CapturedRequest &request);

// Why an X-Signature differs from the HMAC of the string to sign: the mistake whose hypothesis gives it.
std::optional<Cause> signatureCause(const SignedParts &parts, QByteArrayView secret,
                                    QByteArrayView signature);

// Every cause id.
QStringList causeIds();

// The body with "/" written as "\/" and/or non-ASCII written as \uXXXX inside its JSON strings
// (PHP's json_encode default), or those escapes undone. Exposed for the tests.
enum class Escape
{
    Slash = 1,
    Unicode = 2,
    UnicodeUpper = 4
};
QByteArray escapeJsonText(QByteArrayView json, int escapes);
QByteArray unescapeJsonText(QByteArrayView json, int escapes);

// The same JSON data written in another layout; nothing when the body is not JSON.
enum class Layout
{
    Compact,
    Spaced,
    Indent2,
    Indent4,
    Tab
};
std::optional<QByteArray> reserialize(QByteArrayView json, Layout layout, bool sortKeys = false);

} // namespace kommo::diagnosis

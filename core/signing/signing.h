// The string to sign, the four signed headers and the raw request exactly as it goes out.
#pragma once

#include "core/delivery/delivery.h"
#include "core/findings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>

#include <optional>

namespace kommo {

struct Header
{
    QByteArray name;
    QByteArray value;
    bool operator==(const Header &other) const { return name == other.name && value == other.value; }
};

inline constexpr QLatin1String defaultBaseUrl("https://amojo.kommo.com");

// Everything that decides the bytes of one request, except the secret.
struct RequestSpec
{
    QByteArray method = "POST";
    QString baseUrl = defaultBaseUrl;
    QByteArray path; // the request target below the base URL; a query string may follow
    QByteArray contentType = "application/json";
    QByteArray date;            // the Date header exactly as sent
    QByteArray body;            // the body bytes exactly as sent and hashed
    QList<Header> extraHeaders; // sent after the signed ones, never signed
};

// The request the form describes: its path and canonical body; the other fields keep their defaults.
RequestSpec formRequest(const delivery::Form &form);

// One signed request and everything worth showing about it.
struct SignedRequest
{
    RequestSpec spec;
    QByteArray method;     // as sent and signed (upper case)
    QUrl url;              // where it goes
    QByteArray target;     // the request line's target: path and query, as sent
    QByteArray signedPath; // the path line of the string to sign: no scheme, host or query
    QByteArray contentMd5; // lowercase hex MD5 of spec.body
    QByteArray stringToSign;
    QByteArray signature;  // lowercase hex HMAC-SHA1 of stringToSign
    QList<Header> headers; // every header that goes out, in order
    QByteArray rawRequest; // request line, headers, blank line, body, with CRLF line ends
    QList<Finding> findings;

    QByteArray header(QByteArrayView name) const; // the first value of a header, any case
    bool canSend() const { return !blocksSending(findings); }
};

// Five lines joined by \n with no trailing newline: method, Content-MD5, Content-Type, Date, path.
QByteArray stringToSign(QByteArrayView method, QByteArrayView contentMd5, QByteArrayView contentType,
                        QByteArrayView date, QByteArrayView path);

// Computes the body hash, string to sign, signature, headers and raw request, without judging anything:
// the work of one keystroke. The url and the findings stay empty (but for a crypto failure).
SignedRequest render(const RequestSpec &spec, QByteArrayView secret);

// Renders spec with secret, then checks it (url and findings filled). now is the clock's reading for the
// Date's freshness; without it freshness is not judged.
SignedRequest sign(const RequestSpec &spec, QByteArrayView secret, const std::optional<QDateTime> &now);

// Secrets shorter than this are not looked for inside a request (too many false alarms).
inline constexpr qsizetype minimumSecretToSpot = 8;

// The User-Agent the console sends.
QByteArray userAgent();

// The findings about a secret itself: missing (error) or with surrounding whitespace (warning, never
// trimmed).
QList<Finding> checkSecret(QByteArrayView secret);

// A secret read from a file or standard input loses exactly one trailing LF or CRLF, as `echo` writes one.
QByteArray dropOneTrailingNewline(QByteArray text);

} // namespace kommo

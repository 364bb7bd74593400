// Reproduce: a captured request signed again with a fresh Date, and every difference from the capture named.
#pragma once

#include "core/interchange/captured.h"
#include "core/result.h"
#include "core/signing/signing.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kommo::diagnosis {

struct ReproduceOptions
{
    QByteArray secret;
    QDateTime now;                  // the fresh Date is this instant
    std::optional<QString> baseUrl; // another target (scheme, host, port, path prefix); none: the capture's
};

// One place where the re-signed request differs from the capture.
struct Difference
{
    QString field; // "method", "url", "body" or "header:<Name>"
    std::optional<QByteArray> original;
    std::optional<QByteArray> resigned;
    bool expected = false; // Date and X-Signature always; the URL and Host when another target was asked for
    QString reason;        // a sentence for a person
};

struct Reproduction
{
    CapturedRequest original;
    QByteArray originalUrl;          // scheme://host + target, as captured
    QByteArray originalStringToSign; // built from the captured header values
    // Whether the captured X-Signature is the one this secret gives over the captured headers; none when the
    // capture has no X-Signature.
    std::optional<bool> originalSignatureMatches;

    // What goes out now: the capture's headers in the capture's order, Date, Content-MD5, X-Signature, Host
    // and Content-Length recomputed, nothing added but what the signature and HTTP need.
    SignedRequest resigned;
    QByteArray resignedUrl;

    QList<Difference> differences;

    QList<Difference> unexpected() const;
    bool onlyDateAndSignatureDiffer() const { return unexpected().isEmpty(); }
};

// Fails (with a sentence) when the body is unknown (a cURL @file) or the capture names no host and no other
// target is given.
Result<Reproduction> reproduce(const CapturedRequest &captured, const ReproduceOptions &options);

// The JSON of `kommo-status reproduce --json` (docs/export.md) and the text for a person.
QJsonObject reproductionJson(const Reproduction &reproduction);
QString reproductionText(const Reproduction &reproduction);

} // namespace kommo::diagnosis

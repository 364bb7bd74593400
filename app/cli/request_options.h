// The options that describe one request (sign, send, export share them) and where the secret comes from.
#pragma once

#include "core/findings.h"
#include "core/result.h"
#include "core/signing/signing.h"

#include <QCommandLineParser>

#include <optional>

namespace kommo::cli {

// --secret-file, --secret-env, --secret-stdin and --secret.
void addSecretOptions(QCommandLineParser &parser);

struct SecretInput
{
    QByteArray secret;
    bool fromStdin = false;
    QList<Finding> findings; // e.g. the warning that --secret is visible to other processes
};

// The secret from exactly one source; a usage error (for exit 2) when none or several are given, or a file
// cannot be read. From a file or standard input exactly one trailing LF or CRLF is dropped.
Result<SecretInput> readSecret(const QCommandLineParser &parser, bool required = true);

// The form, raw, date and target options of `sign`, and --now.
void addRequestOptions(QCommandLineParser &parser);

struct RequestInput
{
    RequestSpec spec;
    SecretInput secret;
    std::optional<QDateTime> now;  // the clock reading the Date's freshness is judged against
    bool dateFollowsClock = false; // no --date: the Date is now
};

// Everything the request options say, or a usage error naming the option and what is wrong.
Result<RequestInput> readRequest(const QCommandLineParser &parser);

// The help text that explains the secret sources, for a verb's description.
QString secretHelp();

} // namespace kommo::cli

// Requests out of the console: a cURL command, raw HTTP text and HAR, each carrying the exact body bytes.
#pragma once

#include "core/result.h"

#include "core/signing/signing.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace kommo {
struct Exchange;
}

namespace kommo::interchange {

// Every format `kommo-status export --format` and the Export menu offer.
enum class ExportFormat
{
    Curl,
    Http,
    Har,
    Php,
    Python,
    Node,
    Go,
    CSharp,
    Shell
};

QString exportFormatName(ExportFormat format); // "curl", "http", "har", "php", ..., "csharp", "shell"
std::optional<ExportFormat> parseExportFormat(QStringView name);
QList<ExportFormat> exportFormats();
// A file name suffix that suits the format ("sh", "http", "har", "php", "py", "js", "go", "cs").
QString exportFileSuffix(ExportFormat format);

// Writes an export to path all at once (a failed write leaves no half file); a failure says why.
Result<bool> writeExportFile(const QString &path, const QByteArray &text);

struct ExportOptions
{
    // Cookie, Authorization and Proxy-Authorization values are replaced by maskedValue unless this is set.
    bool keepCredentials = false;
};

// What a masked credential header carries instead of its value.
inline constexpr QByteArrayView maskedValue("[masked]");

// Cookie, Authorization, Proxy-Authorization (any case): headers that carry somebody's credentials.
bool isCredentialHeader(QByteArrayView name);
QList<Header> maskCredentials(const QList<Header> &headers, const ExportOptions &options);

// A word quoted for a POSIX shell: inside single quotes, each ' written as '\''.
QByteArray shellQuote(QByteArrayView word);

// A word as a shell reads it back byte for byte: POSIX single quotes when it is printable UTF-8 (line feeds
// and tabs included); otherwise $'...' with \xHH escapes (bash, zsh, ksh, POSIX.1-2024 sh). A NUL byte
// cannot be in a command-line word at all: callers must not pass one (see curlCommand).
QByteArray shellWord(QByteArrayView word);

// The cURL command that sends request byte for byte: every header that goes out except Host and
// Content-Length (curl writes those itself), and the body as --data-raw. A body holding a NUL byte, which no
// command-line argument can carry, is piped in instead: printf '...' | curl ... --data-binary @-. The
// secret is not part of a SignedRequest, so it can never appear here.
QByteArray curlCommand(const SignedRequest &request, const ExportOptions &options = {});

// The request as it goes on the wire: request line, headers, blank line, body, CRLF line ends.
QByteArray rawHttp(const SignedRequest &request, const ExportOptions &options = {});

// One HAR 1.2 entry. Without an exchange the response is empty (status 0); with one, it is what came back.
// A body that is not UTF-8 goes in postData.text as base64 with "encoding": "base64".
QJsonObject harEntry(const SignedRequest &request, const ExportOptions &options = {},
                     const Exchange *exchange = nullptr);
// A whole HAR log holding the given entries.
QJsonObject harLog(const QList<QJsonObject> &entries);
QByteArray harDocument(const SignedRequest &request, const ExportOptions &options = {},
                       const Exchange *exchange = nullptr);

// Any format, the code snippets included (core/interchange/snippets.h).
QByteArray exportRequest(const SignedRequest &request, ExportFormat format,
                         const ExportOptions &options = {});

} // namespace kommo::interchange

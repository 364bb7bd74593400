// Reading captured requests: raw HTTP text, a cURL command line, a HAR file. Parse only: nothing the input
// names is read, expanded or run.
#pragma once

#include "core/interchange/captured.h"
#include "core/result.h"

#include <QIODevice>
#include <QList>

#include <memory>

namespace kommo::interchange {

enum class InputKind
{
    Unknown,
    RawHttp,
    Curl,
    Har
};

// The kind of input from its first bytes (a few KiB are enough): a JSON object is a HAR, a command that
// starts with curl is cURL, a request line is raw HTTP.
InputKind detectKind(QByteArrayView head);
QString inputKindName(InputKind kind); // "raw_http", "curl", "har", "unknown"

// A request as a proxy or a log shows it: request line, headers, blank line, body; LF or CRLF line ends.
Result<CapturedRequest> parseRawHttp(QByteArrayView text);

// A cURL command line (bash quoting, $'...' quoting, line continuations). An @file body is reported in
// bodyFile and a note, never read; a $VARIABLE is kept as written and noted.
Result<CapturedRequest> parseCurl(QByteArrayView text);

// Whether a path (query allowed) is a Chat API path, which a HAR entry must have to be verified.
bool isChatApiPath(QByteArrayView path);

// Reads a HAR's log.entries one at a time from a device, so memory stays flat however large the file is.
// Entries whose path is not a Chat API path are counted and skipped.
class HarReader
{
public:
    explicit HarReader(QIODevice *device);
    ~HarReader();
    HarReader(const HarReader &) = delete;
    HarReader &operator=(const HarReader &) = delete;

    // The next Chat API request; false at the end of the entries or on an error (see error()).
    bool next(CapturedRequest &request);
    // Empty unless reading stopped on malformed input: a sentence naming what and where.
    QString error() const;
    qsizetype entriesSeen() const;
    qsizetype entriesSkipped() const; // not a Chat API path

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Every Chat API request of a HAR held in memory (tests, fuzzing, small files).
Result<QList<CapturedRequest>> parseHar(QByteArrayView text);

} // namespace kommo::interchange

// A request as an integrator captured it (raw HTTP, cURL or HAR): the bytes seen, nothing recomputed.
#pragma once

#include "core/findings.h"
#include "core/signing/signing.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kommo {

// Where a captured request came from.
enum class CaptureKind
{
    RawHttp,
    Curl,
    Har
};

struct CaptureSource
{
    CaptureKind kind = CaptureKind::RawHttp;
    QString name;            // the file name, "-" for standard input, or empty
    qsizetype index = -1;    // a HAR entry's position in log.entries (0-based); -1 otherwise
    QString startedDateTime; // a HAR entry's startedDateTime, as written
};

// One captured request. Header order, case and duplicates are kept as captured; the body is the exact bytes.
struct CapturedRequest
{
    QByteArray method; // as captured, case kept ("post" stays "post")
    QByteArray url;    // the absolute URL where the capture names one (cURL, HAR, absolute-form); else empty
    QByteArray target; // path and query as on the request line ("/v2/...?..."); never a scheme or host
    QByteArray host;   // the authority (host[:port]) from the URL or the Host header; empty when unknown
    QByteArray scheme; // "https", "http", or empty when unknown
    QList<Header> headers; // wire order, original case, duplicates kept
    QByteArray body;       // exact bytes
    // A cURL body named as @file: never read. The body is then unknown and body checks are not judged.
    QString bodyFile;
    CaptureSource source;
    // What the importer noticed on the way: a variable not expanded, an option ignored, a file not read.
    QList<Finding> notes;

    // The path without its query: what the string to sign carries.
    QByteArray path() const;
    // The query string without "?", or empty.
    QByteArray query() const;
    // The first value of a header, compared without case; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // How many times a header appears (duplicates of a signed header are worth a word).
    qsizetype headerCount(QByteArrayView name) const;
};

QString captureKindName(CaptureKind kind); // "raw_http", "curl", "har"

} // namespace kommo

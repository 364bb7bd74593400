// Any captured request text (raw HTTP, a cURL command or a HAR) read in one call, for the views that take a
// paste or a file.
#pragma once

#include "core/interchange/import.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace kommo::interchange {

struct CaptureSet
{
    InputKind kind = InputKind::Unknown;
    QList<CapturedRequest> requests; // one for raw HTTP and cURL; every Chat API entry of a HAR
    qsizetype harEntries = 0;        // a HAR's entries, Chat API or not
    qsizetype harSkipped = 0;        // a HAR's entries that are not Chat API requests
};

// Detects the kind and parses; nothing the input names is read, expanded or run. Fails with a sentence when
// the input is none of the three, is malformed, or is a HAR without a Chat API request. name is the file's
// name (or empty for a paste) and goes into each request's source.
Result<CaptureSet> readCaptures(QByteArrayView input, const QString &name = {});

// The bytes of a capture file, at most maxBytes; a failure says why in a sentence (unreadable, too large).
Result<QByteArray> readCaptureFile(const QString &path, qint64 maxBytes);

// One line that tells captured requests apart in a list: "#3  POST delivery_status of msgid ... (scope_id
// ...)", or the method and target for another path; a HAR entry's startedDateTime follows.
QString captureLabel(const CapturedRequest &request);

} // namespace kommo::interchange

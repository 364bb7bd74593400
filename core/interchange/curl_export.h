// A signed request as a cURL command line: POSIX single quotes, --data-raw, the exact body bytes.
#pragma once

#include "core/signing/signing.h"

#include <QByteArray>

namespace kommo::interchange {

// A word quoted for a POSIX shell: inside single quotes, each ' written as '\''.
QByteArray shellQuote(QByteArrayView word);

// The cURL command that sends request byte for byte: every header that goes out except Host and
// Content-Length (curl writes those itself), and the body as --data-raw. The secret is not part of a
// SignedRequest, so it can never appear here.
QByteArray curlCommand(const SignedRequest &request);

} // namespace kommo::interchange

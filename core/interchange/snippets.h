// Code that signs and sends one request by itself, in PHP, Python, Node.js, Go, C# and POSIX shell.
#pragma once

#include "core/interchange/export.h"

namespace kommo::interchange {

// The environment variable every snippet reads the channel secret from.
inline constexpr QLatin1String secretVariable("KOMMO_CHANNEL_SECRET");

bool isSnippetFormat(ExportFormat format);

// A program that carries the signing procedure itself: the secret from KOMMO_CHANNEL_SECRET, the Date taken
// when it runs (English RFC 2822, UTC, +0000), the body written once as a literal and hashed exactly as
// sent, Content-MD5 and X-Signature computed at run time, the URL and the signed path of request. It holds
// neither request's Date nor its signature (both are stale by the time someone runs it), and never the
// secret. It prints "HTTP <status>" and the response body, and exits 0 on 2xx, 1 otherwise, 2 without a
// secret. An empty result for a format that is not a snippet format.
QByteArray snippet(const SignedRequest &request, ExportFormat language, const ExportOptions &options = {});

} // namespace kommo::interchange

#include "core/interchange/curl_export.h"

namespace kommo::interchange {

QByteArray shellQuote(QByteArrayView word)
{
    QByteArray out;
    out.reserve(word.size() + 2);
    out.append('\'');
    for (char c : word) {
        if (c == '\'')
            out.append("'\\''");
        else
            out.append(c);
    }
    out.append('\'');
    return out;
}

QByteArray curlCommand(const SignedRequest &request)
{
    QByteArray out = "curl";
    // -X only where curl would not choose the method itself: --data-raw makes it POST.
    const bool hasData = !request.spec.body.isEmpty() || request.method == "POST";
    if (!(hasData && request.method == "POST") && !(!hasData && request.method == "GET"))
        out.append(" -X ").append(shellQuote(request.method));
    out.append(' ').append(shellQuote(request.url.toEncoded()));
    for (const Header &h : request.headers) {
        if (h.name.compare("Host", Qt::CaseInsensitive) == 0 ||
            h.name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            continue;
        out.append(" \\\n  -H ").append(shellQuote(h.name + ": " + h.value));
    }
    if (hasData)
        out.append(" \\\n  --data-raw ").append(shellQuote(request.spec.body));
    out.append('\n');
    return out;
}

} // namespace kommo::interchange

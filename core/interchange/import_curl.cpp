// The cURL importer: bash word splitting and quoting, then curl's own options. Nothing is expanded or read.
#include "core/interchange/import.h"

#include "core/hex.h"
#include "core/interchange/import_internal.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

using detail::note;

struct Words
{
    QList<QByteArray> words;
    QList<Finding> notes;
    QString error;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void appendCodePoint(QByteArray &out, char32_t cp)
{
    out.append(QString::fromUcs4(&cp, 1).toUtf8());
}

// Reads a $'...' string starting after the opening quote; returns the index after the closing quote.
qsizetype readAnsiC(QByteArrayView s, qsizetype i, QByteArray &out, bool &closed)
{
    closed = false;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\'') {
            closed = true;
            return i + 1;
        }
        if (c != '\\' || i + 1 >= s.size()) {
            out.append(c);
            ++i;
            continue;
        }
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'a':
            out.append('\a');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'e':
        case 'E':
            out.append('\x1b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'v':
            out.append('\v');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\'':
            out.append('\'');
            break;
        case '"':
            out.append('"');
            break;
        case '?':
            out.append('?');
            break;
        case 'c':
            if (i < s.size()) {
                out.append(static_cast<char>(s[i] & 0x1f));
                ++i;
            }
            break;
        case 'x': {
            int value = 0;
            int n = 0;
            while (n < 2 && i < s.size() && hexValue(s[i]) >= 0) {
                value = value * 16 + hexValue(s[i]);
                ++i;
                ++n;
            }
            if (n == 0)
                out.append("\\x");
            else
                out.append(static_cast<char>(value));
            break;
        }
        case 'u':
        case 'U': {
            const int max = e == 'u' ? 4 : 8;
            quint32 value = 0;
            int n = 0;
            while (n < max && i < s.size() && hexValue(s[i]) >= 0) {
                value = value * 16 + static_cast<quint32>(hexValue(s[i]));
                ++i;
                ++n;
            }
            if (n == 0) {
                out.append('\\').append(e);
            } else if (value < 0x80) {
                out.append(static_cast<char>(value));
            } else if (value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF)) {
                appendCodePoint(out, value);
            } else {
                appendCodePoint(out, 0xFFFD);
            }
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                // Up to three octal digits, the first already read.
                int value = e - '0';
                int n = 1;
                while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') {
                    value = value * 8 + (s[i] - '0');
                    ++i;
                    ++n;
                }
                out.append(static_cast<char>(value & 0xff));
            } else {
                out.append('\\').append(e);
            }
        }
    }
    return i;
}

// A $ that bash would expand: $NAME, ${...}, $(...), $1, $?, ... (kept as written, never expanded).
bool looksLikeExpansion(QByteArrayView s, qsizetype i)
{
    if (i + 1 >= s.size())
        return false;
    const char n = s[i + 1];
    return n == '{' || n == '(' || n == '_' || (n >= 'A' && n <= 'Z') || (n >= 'a' && n <= 'z') ||
           (n >= '0' && n <= '9') || n == '?' || n == '@' || n == '*' || n == '#' || n == '!' || n == '$';
}

Words splitWords(QByteArrayView s)
{
    Words result;
    QByteArray word;
    bool inWord = false;
    bool expansionNoted = false;
    const auto noteExpansion = [&]() {
        if (!expansionNoted)
            result.notes.append(
                note("curl_variable_not_expanded",
                     tr("The command holds a shell variable or command substitution ($...); it "
                        "was kept as written, never expanded or run.")));
        expansionNoted = true;
    };
    const auto endWord = [&]() {
        if (inWord)
            result.words.append(word);
        word.clear();
        inWord = false;
    };

    qsizetype i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\\') {
            // A backslash before a line end joins the lines; before anything else it quotes that byte.
            if (i + 1 < s.size() && s[i + 1] == '\n') {
                i += 2;
                continue;
            }
            if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') {
                i += 3;
                continue;
            }
            if (i + 1 < s.size()) {
                word.append(s[i + 1]);
                inWord = true;
                i += 2;
            } else {
                ++i;
            }
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        if (c == '#' && !inWord) {
            while (i < s.size() && s[i] != '\n')
                ++i;
            continue;
        }
        if (c == '|' || c == ';' || c == '&' || c == '>' || c == '<') {
            endWord();
            result.notes.append(
                note("curl_rest_ignored",
                     tr("Only the curl command was read; what follows \"%1\" (another command, "
                        "a pipe or a redirection) was ignored.")
                         .arg(QLatin1Char(c))));
            break;
        }
        if (c == '\'') {
            const qsizetype close = s.indexOf('\'', i + 1);
            if (close < 0) {
                result.error = tr("A single quote (') is not closed.");
                return result;
            }
            word.append(s.sliced(i + 1, close - i - 1));
            inWord = true;
            i = close + 1;
            continue;
        }
        if (c == '$' && i + 1 < s.size() && s[i + 1] == '\'') {
            bool closed = false;
            i = readAnsiC(s, i + 2, word, closed);
            if (!closed) {
                result.error = tr("A $'...' string is not closed.");
                return result;
            }
            inWord = true;
            continue;
        }
        if (c == '"' || (c == '$' && i + 1 < s.size() && s[i + 1] == '"')) {
            i += c == '$' ? 2 : 1;
            bool closed = false;
            while (i < s.size()) {
                const char d = s[i];
                if (d == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < s.size()) {
                    const char e = s[i + 1];
                    if (e == '\n') {
                        i += 2;
                        continue;
                    }
                    if (e == '"' || e == '\\' || e == '$' || e == '`') {
                        word.append(e);
                        i += 2;
                        continue;
                    }
                }
                if ((d == '$' && looksLikeExpansion(s, i)) || d == '`')
                    noteExpansion();
                word.append(d);
                ++i;
            }
            if (!closed) {
                result.error = tr("A double quote (\") is not closed.");
                return result;
            }
            inWord = true;
            continue;
        }
        if ((c == '$' && looksLikeExpansion(s, i)) || c == '`')
            noteExpansion();
        word.append(c);
        inWord = true;
        ++i;
    }
    endWord();
    return result;
}

// curl's long options that take an argument (the ones a captured command is likely to carry).
const QSet<QByteArray> &longWithArgument()
{
    static const QSet<QByteArray> set = {"--request",
                                         "--header",
                                         "--data",
                                         "--data-raw",
                                         "--data-binary",
                                         "--data-ascii",
                                         "--data-urlencode",
                                         "--json",
                                         "--url",
                                         "--user-agent",
                                         "--referer",
                                         "--cookie",
                                         "--cookie-jar",
                                         "--user",
                                         "--form",
                                         "--form-string",
                                         "--output",
                                         "--max-time",
                                         "--connect-timeout",
                                         "--proxy",
                                         "--proxy-user",
                                         "--cacert",
                                         "--capath",
                                         "--cert",
                                         "--cert-type",
                                         "--key",
                                         "--key-type",
                                         "--resolve",
                                         "--connect-to",
                                         "--interface",
                                         "--retry",
                                         "--retry-delay",
                                         "--retry-max-time",
                                         "--write-out",
                                         "--dump-header",
                                         "--trace",
                                         "--trace-ascii",
                                         "--stderr",
                                         "--config",
                                         "--upload-file",
                                         "--range",
                                         "--limit-rate",
                                         "--max-filesize",
                                         "--max-redirs",
                                         "--oauth2-bearer",
                                         "--request-target",
                                         "--unix-socket",
                                         "--abstract-unix-socket",
                                         "--ciphers",
                                         "--tls-max",
                                         "--noproxy",
                                         "--aws-sigv4",
                                         "--variable",
                                         "--expect100-timeout",
                                         "--happy-eyeballs-timeout-ms",
                                         "--local-port",
                                         "--dns-servers",
                                         "--doh-url",
                                         "--preproxy",
                                         "--socks5",
                                         "--socks5-hostname",
                                         "--pinnedpubkey",
                                         "--keepalive-time",
                                         "--output-dir",
                                         "--create-file-mode",
                                         "--proto",
                                         "--proto-redir",
                                         "--tlsuser",
                                         "--tlspassword",
                                         "--pass",
                                         "--hostpubmd5",
                                         "--engine"};
    return set;
}

// curl's short options that take an argument.
bool shortTakesArgument(char c)
{
    return QByteArrayView("XHdAebFoumTxrwEKcDUyYzCQtP").contains(c);
}

QByteArray percentEncodeForm(const QByteArray &text)
{
    return QUrl::toPercentEncoding(QString::fromUtf8(text));
}

} // namespace

Result<CapturedRequest> parseCurl(QByteArrayView text)
{
    using R = Result<CapturedRequest>;
    Words split = splitWords(text);
    if (!split.error.isEmpty())
        return R::failure(split.error);
    if (split.words.isEmpty())
        return R::failure(tr("The cURL command is empty."));

    CapturedRequest request;
    request.source.kind = CaptureKind::Curl;
    request.notes = split.notes;

    QByteArray method;
    QList<QByteArray> urls;
    QList<QByteArray> dataParts;
    bool hasData = false;
    bool getMode = false;
    bool headMode = false;
    bool jsonMode = false;
    QSet<QByteArray> ignoredNoted;

    const auto dataFromFile = [&](const QByteArray &option, const QByteArray &file) {
        request.bodyFile = QString::fromUtf8(file);
        request.notes.append(note("curl_data_file_not_read",
                                  tr("%1 names the file \"%2\" for the body; it was not read, so the body is "
                                     "unknown and the checks that need it are not judged.")
                                      .arg(QString::fromLatin1(option), request.bodyFile)));
    };
    const auto addData = [&](const QByteArray &option, const QByteArray &value) {
        hasData = true;
        if (option == "--data-raw") {
            dataParts.append(value);
        } else if (option == "--data-urlencode") {
            const qsizetype eq = value.indexOf('=');
            const qsizetype at = value.indexOf('@');
            if (at >= 0 && (eq < 0 || at < eq)) {
                dataFromFile(option, value.mid(at + 1));
            } else if (eq < 0) {
                dataParts.append(percentEncodeForm(value));
            } else {
                const QByteArray name = value.first(eq);
                dataParts.append(name.isEmpty() ? percentEncodeForm(value.mid(eq + 1))
                                                : name + '=' + percentEncodeForm(value.mid(eq + 1)));
            }
        } else if (value.startsWith('@')) {
            dataFromFile(option, value.mid(1));
        } else {
            dataParts.append(value);
        }
    };
    const auto addHeader = [&](const QByteArray &line) {
        if (line.startsWith('@')) {
            request.notes.append(
                note("curl_header_file_not_read", tr("-H names the file \"%1\" for headers; it was not read.")
                                                      .arg(QString::fromUtf8(line.mid(1)))));
            return;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            // "Name;" sends an empty header; anything else is not a header.
            if (line.endsWith(';') && line.size() > 1) {
                request.headers.append(Header{line.chopped(1).trimmed(), QByteArray()});
                return;
            }
            request.notes.append(
                note("curl_header_invalid",
                     tr("-H \"%1\" is not \"Name: value\"; it was ignored.").arg(QString::fromUtf8(line))));
            return;
        }
        const QByteArray name = line.first(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (value.isEmpty()) {
            // curl's way to remove a header it would add itself: nothing is sent.
            request.notes.append(
                note("curl_header_removed", tr("-H \"%1:\" only stops curl from sending its own %1 header.")
                                                .arg(QString::fromUtf8(name))));
            return;
        }
        request.headers.append(Header{name, value});
    };

    for (qsizetype i = 1; i < split.words.size(); ++i) {
        const QByteArray &w = split.words[i];
        const auto argument = [&](QByteArray &out) {
            if (i + 1 >= split.words.size())
                return false;
            out = split.words[++i];
            return true;
        };

        if (w.startsWith("--") && w.size() > 2) {
            QByteArray value;
            if (longWithArgument().contains(w)) {
                if (!argument(value))
                    return R::failure(tr("The option %1 needs a value.").arg(QString::fromLatin1(w)));
            }
            if (w == "--request") {
                method = value;
            } else if (w == "--header") {
                addHeader(value);
            } else if (w == "--data" || w == "--data-ascii" || w == "--data-binary" || w == "--data-raw" ||
                       w == "--data-urlencode") {
                addData(w, value);
            } else if (w == "--json") {
                addData(w, value);
                jsonMode = true;
            } else if (w == "--url") {
                urls.append(value);
            } else if (w == "--user-agent") {
                request.headers.append(Header{"User-Agent", value});
            } else if (w == "--referer") {
                request.headers.append(Header{"Referer", value});
            } else if (w == "--cookie") {
                if (value.contains('='))
                    request.headers.append(Header{"Cookie", value});
                else
                    request.notes.append(
                        note("curl_cookie_file_not_read", tr("--cookie names a file; it was not read.")));
            } else if (w == "--get") {
                getMode = true;
            } else if (w == "--head") {
                headMode = true;
            } else if (w == "--form" || w == "--form-string" || w == "--upload-file" || w == "--config") {
                request.notes.append(note("curl_option_not_supported",
                                          tr("%1 is not rebuilt: the body it makes is not known here.")
                                              .arg(QString::fromLatin1(w))));
                if (w != "--config")
                    request.bodyFile = QString::fromUtf8(value);
            } else if (!longWithArgument().contains(w) && w != "--location" && w != "--compressed" &&
                       w != "--insecure" && w != "--silent" && w != "--verbose" && w != "--include" &&
                       w != "--show-error" && w != "--fail" && w != "--http1.1" && w != "--http2" &&
                       !ignoredNoted.contains(w)) {
                ignoredNoted.insert(w);
                request.notes.append(
                    note("curl_option_ignored",
                         tr("The option %1 is not one this reader knows; it was ignored (if it "
                            "takes a value, that value may have been read as the URL).")
                             .arg(QString::fromLatin1(w))));
            }
            continue;
        }
        if (w.startsWith('-') && w.size() > 1 && w != "--") {
            // A cluster of short options; one that takes a value takes the rest of the word or the next word.
            for (qsizetype k = 1; k < w.size(); ++k) {
                const char o = w[k];
                if (!shortTakesArgument(o)) {
                    if (o == 'G')
                        getMode = true;
                    else if (o == 'I')
                        headMode = true;
                    continue;
                }
                QByteArray value = w.mid(k + 1);
                if (value.isEmpty() && !argument(value))
                    return R::failure(tr("The option -%1 needs a value.").arg(QLatin1Char(o)));
                switch (o) {
                case 'X':
                    method = value;
                    break;
                case 'H':
                    addHeader(value);
                    break;
                case 'd':
                    addData("--data", value);
                    break;
                case 'A':
                    request.headers.append(Header{"User-Agent", value});
                    break;
                case 'e':
                    request.headers.append(Header{"Referer", value});
                    break;
                case 'b':
                    if (value.contains('='))
                        request.headers.append(Header{"Cookie", value});
                    break;
                case 'F':
                case 'T':
                    request.bodyFile = QString::fromUtf8(value);
                    request.notes.append(note(
                        "curl_option_not_supported",
                        tr("-%1 is not rebuilt: the body it makes is not known here.").arg(QLatin1Char(o))));
                    break;
                default:
                    break;
                }
                break;
            }
            continue;
        }
        urls.append(w);
    }

    if (urls.isEmpty())
        return R::failure(tr("The cURL command names no URL."));
    if (urls.size() > 1)
        request.notes.append(
            note("curl_several_urls", tr("The command names several URLs; the first is read.")));
    QByteArray url = urls.constFirst();
    if (!url.contains("://") && !url.startsWith('/'))
        url.prepend("http://"); // curl's own default scheme

    QByteArray body = dataParts.join('&');
    if (getMode && hasData) {
        // -G moves the data into the query string.
        url += (url.contains('?') ? "&" : "?") + body;
        body.clear();
        hasData = false;
    }
    detail::applyUrl(request, url);
    request.body = body;
    request.host = request.host.isEmpty() ? request.header("Host") : request.host;

    if (!method.isEmpty())
        request.method = method;
    else if (headMode)
        request.method = "HEAD";
    else if (hasData)
        request.method = "POST";
    else
        request.method = "GET";

    if (hasData && !request.hasHeader("Content-Type")) {
        const QByteArray type =
            jsonMode ? QByteArray("application/json") : QByteArray("application/x-www-form-urlencoded");
        request.headers.append(Header{"Content-Type", type});
        if (!jsonMode)
            request.notes.append(
                note("curl_default_content_type",
                     tr("The command sends data without a Content-Type header, so curl sends "
                        "\"application/x-www-form-urlencoded\"; that is the value checked.")));
    }
    if (jsonMode && !request.hasHeader("Accept"))
        request.headers.append(Header{"Accept", "application/json"});
    return request;
}

} // namespace kommo::interchange

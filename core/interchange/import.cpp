#include "core/interchange/import.h"

#include "core/interchange/import_internal.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcImport, "kommo.core.interchange.import", QtInfoMsg)

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && isSpace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isSpace(v.back()))
        v.chop(1);
    return v;
}

// The input with a UTF-8 byte order mark and leading blank lines or spaces skipped.
QByteArrayView skipLead(QByteArrayView text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    while (!text.isEmpty() && (isSpace(text.front()) || text.front() == '\r' || text.front() == '\n'))
        text = text.sliced(1);
    return text;
}

const QRegularExpression &requestLinePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) "
                       "+(/\\S*|[A-Za-z][A-Za-z0-9+.-]*://\\S+|\\*)(?: +(HTTP/\\d(?:\\.\\d)?))? *\\r?$"));
    return pattern;
}

} // namespace

namespace detail {

Finding note(const char *id, const QString &message)
{
    return {Severity::Warning, QStringLiteral("capture"), QLatin1String(id), message};
}

void applyUrl(CapturedRequest &request, QByteArrayView url)
{
    QByteArrayView rest = url;
    const qsizetype hash = rest.indexOf('#');
    if (hash >= 0)
        rest = rest.first(hash);
    const qsizetype schemeEnd = rest.indexOf("://");
    const qsizetype firstSlash = rest.indexOf('/');
    if (schemeEnd > 0 && (firstSlash < 0 || schemeEnd < firstSlash)) {
        request.url = rest.toByteArray();
        request.scheme = rest.first(schemeEnd).toByteArray().toLower();
        rest = rest.sliced(schemeEnd + 3);
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
            ++end;
        QByteArrayView authority = rest.first(end);
        const qsizetype at = authority.lastIndexOf('@');
        if (at >= 0)
            authority = authority.sliced(at + 1); // user info never reaches the Host header
        request.host = authority.toByteArray();
        rest = rest.sliced(end);
        request.target = rest.startsWith('?') ? "/" + rest.toByteArray() : rest.toByteArray();
        if (request.target.isEmpty())
            request.target = "/";
        return;
    }
    request.target = rest.toByteArray();
}

} // namespace detail

QString inputKindName(InputKind kind)
{
    switch (kind) {
    case InputKind::RawHttp:
        return QStringLiteral("raw_http");
    case InputKind::Curl:
        return QStringLiteral("curl");
    case InputKind::Har:
        return QStringLiteral("har");
    case InputKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

InputKind detectKind(QByteArrayView head)
{
    const QByteArrayView text = skipLead(head);
    if (text.startsWith('{'))
        return InputKind::Har;
    // "curl", "curl.exe" or a path ending in /curl, followed by a space or a line continuation.
    qsizetype wordEnd = 0;
    while (wordEnd < text.size() && !isSpace(text[wordEnd]) && text[wordEnd] != '\n' &&
           text[wordEnd] != '\r' && text[wordEnd] != '\\')
        ++wordEnd;
    QByteArrayView word = text.first(wordEnd);
    const qsizetype slash = word.lastIndexOf('/');
    if (slash >= 0)
        word = word.sliced(slash + 1);
    if (word.compare("curl", Qt::CaseInsensitive) == 0 || word.compare("curl.exe", Qt::CaseInsensitive) == 0)
        return InputKind::Curl;
    const qsizetype lineEnd = text.indexOf('\n');
    const QByteArrayView firstLine = lineEnd < 0 ? text : text.first(lineEnd);
    if (requestLinePattern().match(QString::fromLatin1(firstLine)).hasMatch())
        return InputKind::RawHttp;
    return InputKind::Unknown;
}

bool isChatApiPath(QByteArrayView path)
{
    return path.startsWith("/v2/origin/custom/");
}

Result<CapturedRequest> parseRawHttp(QByteArrayView input)
{
    using R = Result<CapturedRequest>;
    CapturedRequest request;
    request.source.kind = CaptureKind::RawHttp;
    const QByteArrayView text = skipLead(input);

    // One line at a time, each ending in LF or CRLF, up to the blank line that starts the body.
    qsizetype pos = 0;
    int lineNumber = 0;
    const auto nextLine = [&](QByteArrayView &line) {
        if (pos >= text.size())
            return false;
        qsizetype end = text.indexOf('\n', pos);
        const qsizetype next = end < 0 ? text.size() : end + 1;
        if (end < 0)
            end = text.size();
        line = text.sliced(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = next;
        ++lineNumber;
        return true;
    };

    QByteArrayView line;
    if (!nextLine(line))
        return R::failure(tr("The raw HTTP request is empty."));
    const QRegularExpressionMatch m = requestLinePattern().match(QString::fromLatin1(line));
    if (!m.hasMatch()) {
        return R::failure(
            tr("Line 1 is not a request line such as \"POST /v2/origin/custom/... HTTP/1.1\": \"%1\".")
                .arg(QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 120)))));
    }
    request.method = m.captured(1).toLatin1();
    detail::applyUrl(request, m.captured(2).toLatin1());

    bool blankLineSeen = false;
    while (nextLine(line)) {
        if (line.isEmpty()) {
            blankLineSeen = true;
            break;
        }
        if (isSpace(line.front()) && !request.headers.isEmpty()) {
            // An obsolete folded line continues the header above it.
            Header &last = request.headers.last();
            last.value += ' ' + trimmedOws(line).toByteArray();
            request.notes.append(
                detail::note("header_folded", tr("Line %1 continues the header %2 on a new line (obsolete "
                                                 "folding); it was joined with one space.")
                                                  .arg(lineNumber)
                                                  .arg(QString::fromLatin1(last.name))));
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return R::failure(
                tr("Line %1 is not a header (\"Name: value\") and no blank line came before it: "
                   "\"%2\".")
                    .arg(lineNumber)
                    .arg(QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 120)))));
        }
        request.headers.append(
            {trimmedOws(line.first(colon)).toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray()});
    }
    if (blankLineSeen)
        request.body = text.sliced(pos).toByteArray();
    if (request.host.isEmpty())
        request.host = request.header("Host");

    // A copied log often gains a newline after the body; Content-Length says where the body really ends.
    bool lengthOk = false;
    const qsizetype length = request.header("Content-Length").trimmed().toLongLong(&lengthOk);
    // A negative length announces nothing (and must not be used as a position in the body).
    if (request.hasHeader("Content-Length") && lengthOk && length >= 0 && length != request.body.size()) {
        const QByteArray extra = request.body.size() > length ? request.body.sliced(length) : QByteArray();
        if (!extra.isEmpty() && (extra == "\n" || extra == "\r\n")) {
            request.body.truncate(length);
            request.notes.append(detail::note("body_newline_dropped",
                                              tr("The text has a line break after the %n body byte(s) that "
                                                 "Content-Length announces; it was not counted as body.",
                                                 nullptr, static_cast<int>(length))));
        } else {
            request.notes.append(detail::note(
                "content_length_mismatch", tr("Content-Length says %1 bytes but the body has %2; the body is "
                                              "taken as captured.")
                                               .arg(length)
                                               .arg(request.body.size())));
        }
    }
    if (request.header("Transfer-Encoding").toLower().contains("chunked")) {
        request.notes.append(
            detail::note("body_chunked", tr("The body is sent in chunks (Transfer-Encoding: chunked); it is "
                                            "taken as captured, chunk sizes included.")));
    }
    qCDebug(lcImport) << "raw HTTP request read:" << request.method << request.path();
    return request;
}

} // namespace kommo::interchange

#include "core/interchange/export.h"

#include "core/interchange/export_text.h"
#include "core/interchange/snippets.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"
#include "core/translate.h"
#include "core/transport/transport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrlQuery>

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

using detail::decodeAt;
using detail::isHidden;
using detail::Unit;

struct FormatInfo
{
    ExportFormat format;
    QLatin1String name;
    QLatin1String suffix;
};

constexpr FormatInfo formatTable[] = {
    {ExportFormat::Curl, QLatin1String("curl"), QLatin1String("sh")},
    {ExportFormat::Http, QLatin1String("http"), QLatin1String("http")},
    {ExportFormat::Har, QLatin1String("har"), QLatin1String("har")},
    {ExportFormat::Php, QLatin1String("php"), QLatin1String("php")},
    {ExportFormat::Python, QLatin1String("python"), QLatin1String("py")},
    {ExportFormat::Node, QLatin1String("node"), QLatin1String("js")},
    {ExportFormat::Go, QLatin1String("go"), QLatin1String("go")},
    {ExportFormat::CSharp, QLatin1String("csharp"), QLatin1String("cs")},
    {ExportFormat::Shell, QLatin1String("shell"), QLatin1String("sh")},
};

const FormatInfo &info(ExportFormat format)
{
    for (const FormatInfo &i : formatTable) {
        if (i.format == format)
            return i;
    }
    return formatTable[0];
}

// $'...': printable UTF-8 kept, \ and ' escaped, every other byte as \xHH (exactly two digits, so bash and
// our importer both stop there).
QByteArray ansiCQuote(QByteArrayView word)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out = "$'";
    for (qsizetype i = 0; i < word.size();) {
        const Unit unit = decodeAt(word, i);
        if (unit.valid && !isHidden(unit.codePoint)) {
            if (unit.codePoint == '\\' || unit.codePoint == '\'')
                out.append('\\');
            out.append(word.sliced(i, unit.length));
        } else if (unit.valid && unit.codePoint == '\n') {
            out.append("\\n");
        } else if (unit.valid && unit.codePoint == '\t') {
            out.append("\\t");
        } else if (unit.valid && unit.codePoint == '\r') {
            out.append("\\r");
        } else {
            for (qsizetype k = 0; k < unit.length; ++k) {
                const auto b = static_cast<unsigned char>(word[i + k]);
                out.append("\\x").append(hex[b >> 4]).append(hex[b & 15]);
            }
        }
        i += unit.length;
    }
    out.append('\'');
    return out;
}

bool isWireOnly(QByteArrayView name)
{
    return name.compare(QByteArrayView("Host"), Qt::CaseInsensitive) == 0 ||
           name.compare(QByteArrayView("Content-Length"), Qt::CaseInsensitive) == 0;
}

// Whether the request carries a body at all, by the rule signing uses for Content-Length.
bool hasData(const SignedRequest &request)
{
    return !request.spec.body.isEmpty() || (request.method != "GET" && request.method != "HEAD");
}

// A body as HAR carries it: text when UTF-8, else base64 with "encoding".
void insertHarText(QJsonObject &object, const QByteArray &body)
{
    if (report::isValidUtf8(body)) {
        object.insert(QStringLiteral("text"), QString::fromUtf8(body));
    } else {
        object.insert(QStringLiteral("text"), QString::fromLatin1(body.toBase64()));
        object.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
}

qint64 headerBlockSize(const QByteArray &requestLine, const QList<Header> &headers)
{
    qint64 size = requestLine.size() + 2 + 2;
    for (const Header &h : headers)
        size += h.name.size() + 2 + h.value.size() + 2;
    return size;
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    return info(format).name;
}

std::optional<ExportFormat> parseExportFormat(QStringView name)
{
    for (const FormatInfo &i : formatTable) {
        if (name.compare(i.name, Qt::CaseInsensitive) == 0)
            return i.format;
    }
    // The names people type for two of them.
    if (name.compare(QLatin1String("c#"), Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("cs"), Qt::CaseInsensitive) == 0)
        return ExportFormat::CSharp;
    if (name.compare(QLatin1String("sh"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Shell;
    return std::nullopt;
}

QList<ExportFormat> exportFormats()
{
    QList<ExportFormat> list;
    for (const FormatInfo &i : formatTable)
        list.append(i.format);
    return list;
}

QString exportFileSuffix(ExportFormat format)
{
    return info(format).suffix;
}

bool isCredentialHeader(QByteArrayView name)
{
    for (const char *credential : {"Cookie", "Authorization", "Proxy-Authorization"}) {
        if (name.compare(QByteArrayView(credential), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<Header> maskCredentials(const QList<Header> &headers, const ExportOptions &options)
{
    if (options.keepCredentials)
        return headers;
    QList<Header> out = headers;
    for (Header &h : out) {
        if (isCredentialHeader(h.name))
            h.value = maskedValue.toByteArray();
    }
    return out;
}

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

QByteArray shellWord(QByteArrayView word)
{
    return detail::isPlainText(word, true) ? shellQuote(word) : ansiCQuote(word);
}

QByteArray curlCommand(const SignedRequest &request, const ExportOptions &options)
{
    const QByteArray &body = request.spec.body;
    const bool data = hasData(request);
    const bool piped = body.contains('\0');

    QByteArray out;
    if (piped) {
        // No argument can hold a NUL byte: printf writes the body (its format carries \000) into curl.
        out.append(detail::printfCommand(body)).append(" |\n  ");
    }
    out.append("curl");
    if (request.method == "HEAD")
        out.append(" --head");
    else if (!(data && request.method == "POST") && !(!data && request.method == "GET"))
        out.append(" -X ").append(shellWord(request.method));
    out.append(' ').append(shellWord(detail::requestUrl(request)));

    for (const Header &h : maskCredentials(request.headers, options)) {
        if (isWireOnly(h.name))
            continue;
        // "Name:" would only stop curl from sending its own; "Name;" sends the header empty.
        const QByteArray line = h.value.isEmpty() ? h.name + ';' : h.name + ": " + h.value;
        out.append(" \\\n  -H ").append(shellWord(line));
    }
    // curl 7.x asks "Expect: 100-continue" above 1 KiB and then waits for an answer some servers never give.
    if (body.size() > 1024)
        out.append(" \\\n  -H 'Expect:'");
    if (piped)
        out.append(" \\\n  --data-binary @-");
    else if (data)
        out.append(" \\\n  --data-raw ").append(shellWord(body));
    out.append('\n');
    return out;
}

QByteArray rawHttp(const SignedRequest &request, const ExportOptions &options)
{
    QByteArray out = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    for (const Header &h : maskCredentials(request.headers, options))
        out.append(h.name).append(": ").append(h.value).append("\r\n");
    out.append("\r\n").append(request.spec.body);
    return out;
}

QJsonObject harEntry(const SignedRequest &request, const ExportOptions &options, const Exchange *exchange)
{
    const QList<Header> headers = maskCredentials(request.headers, options);
    const QByteArray url = detail::requestUrl(request);

    QJsonArray queryString;
    const qsizetype q = request.target.indexOf('?');
    if (q >= 0) {
        const QUrlQuery query(QString::fromUtf8(request.target.mid(q + 1)));
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            queryString.append(
                QJsonObject{{QStringLiteral("name"), item.first}, {QStringLiteral("value"), item.second}});
        }
    }

    QJsonObject harRequest{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("url"), QString::fromUtf8(url)},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), report::headersJson(headers)},
        {QStringLiteral("queryString"), queryString},
        {QStringLiteral("headersSize"),
         headerBlockSize(request.method + ' ' + request.target + " HTTP/1.1", headers)},
        {QStringLiteral("bodySize"), request.spec.body.size()},
    };
    if (hasData(request)) {
        QJsonObject postData{{QStringLiteral("mimeType"), QString::fromUtf8(request.spec.contentType)}};
        insertHarText(postData, request.spec.body);
        harRequest.insert(QStringLiteral("postData"), postData);
    }

    // When it started: the exchange's clock, else the Date the request carries, else now.
    QDateTime started;
    if (exchange && exchange->sentAt.isValid())
        started = exchange->sentAt;
    if (!started.isValid()) {
        if (const Result<httpdate::Parsed> date = httpdate::parse(request.spec.date))
            started = date->instant;
    }
    if (!started.isValid())
        started = QDateTime::currentDateTimeUtc();

    QJsonObject response{{QStringLiteral("status"), 0},
                         {QStringLiteral("statusText"), QString()},
                         {QStringLiteral("httpVersion"), QString()},
                         {QStringLiteral("cookies"), QJsonArray()},
                         {QStringLiteral("headers"), QJsonArray()},
                         {QStringLiteral("content"),
                          QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("mimeType"), QString()}}},
                         {QStringLiteral("redirectURL"), QString()},
                         {QStringLiteral("headersSize"), -1},
                         {QStringLiteral("bodySize"), -1}};
    QJsonObject timings{
        {QStringLiteral("send"), 0}, {QStringLiteral("wait"), 0}, {QStringLiteral("receive"), 0}};
    qint64 total = 0;
    if (exchange && exchange->hasResponse()) {
        QJsonObject content{
            {QStringLiteral("size"), exchange->responseBody.size()},
            {QStringLiteral("mimeType"), QString::fromUtf8(exchange->responseHeader("Content-Type"))}};
        insertHarText(content, exchange->responseBody);
        response = QJsonObject{
            {QStringLiteral("status"), exchange->status},
            {QStringLiteral("statusText"), QString::fromUtf8(exchange->reason)},
            {QStringLiteral("httpVersion"),
             QStringLiteral("HTTP/") + QString::fromLatin1(exchange->httpVersion)},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), report::headersJson(exchange->responseHeaders)},
            {QStringLiteral("content"), content},
            {QStringLiteral("redirectURL"), QString::fromUtf8(exchange->responseHeader("Location"))},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), exchange->responseBody.size()}};
        const Timings &t = exchange->timings;
        const qint64 sent = qMax<qint64>(0, t.requestSentMs);
        const qint64 first = qMax(sent, t.firstByteMs);
        total = qMax(first, t.totalMs);
        timings = QJsonObject{{QStringLiteral("send"), 0},
                              {QStringLiteral("wait"), first - sent},
                              {QStringLiteral("receive"), total - first}};
    }

    return QJsonObject{{QStringLiteral("startedDateTime"), started.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("time"), total},
                       {QStringLiteral("request"), harRequest},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("cache"), QJsonObject()},
                       {QStringLiteral("timings"), timings}};
}

QJsonObject harLog(const QList<QJsonObject> &entries)
{
    QJsonArray list;
    for (const QJsonObject &e : entries)
        list.append(e);
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("kommo-status")},
                              {QStringLiteral("version"), QStringLiteral(KOMMO_VERSION)}};
    return QJsonObject{{QStringLiteral("log"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.2")},
                                                           {QStringLiteral("creator"), creator},
                                                           {QStringLiteral("entries"), list}}}};
}

QByteArray harDocument(const SignedRequest &request, const ExportOptions &options, const Exchange *exchange)
{
    return QJsonDocument(harLog({harEntry(request, options, exchange)})).toJson(QJsonDocument::Indented);
}

QByteArray exportRequest(const SignedRequest &request, ExportFormat format, const ExportOptions &options)
{
    switch (format) {
    case ExportFormat::Curl:
        return curlCommand(request, options);
    case ExportFormat::Http:
        return rawHttp(request, options);
    case ExportFormat::Har:
        return harDocument(request, options);
    case ExportFormat::Php:
    case ExportFormat::Python:
    case ExportFormat::Node:
    case ExportFormat::Go:
    case ExportFormat::CSharp:
    case ExportFormat::Shell:
        return snippet(request, format, options);
    }
    return {};
}

Result<bool> writeExportFile(const QString &path, const QByteArray &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Result<bool>::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace kommo::interchange

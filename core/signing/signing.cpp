#include "core/signing/signing.h"

#include "core/crypto/crypto.h"
#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>

#include <algorithm>

namespace kommo {
namespace {

KOMMO_DECLARE_TR("kommo::signing")

bool hasControlBytes(QByteArrayView value)
{
    return std::any_of(value.begin(), value.end(),
                       [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// RFC 9110's token characters: what a header name may be made of.
bool isToken(QByteArrayView name)
{
    static const QByteArrayView extra("!#$%&'*+-.^_`|~");
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               extra.contains(c);
    });
}

// Headers the console computes itself: an extra header of the same name is not sent.
bool isComputedHeader(QByteArrayView name)
{
    for (const char *computed :
         {"Host", "Date", "Content-Type", "Content-MD5", "X-Signature", "Content-Length"}) {
        if (name.compare(QByteArrayView(computed), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Finding blocking(const QString &field, const char *id, const QString &message)
{
    return {Severity::Error, field, QLatin1String(id), message, true};
}

Finding warning(const char *field, const char *id, const QString &message)
{
    return {Severity::Warning, QLatin1String(field), QLatin1String(id), message};
}

// The base URL's parts, or a finding that says why it is not usable.
struct Endpoint
{
    QString scheme;
    QByteArray authority; // host[:port] as the Host header carries it
    QByteArray prefix;    // the base URL's own path, without a trailing slash
};

std::optional<Endpoint> parseBaseUrl(const QString &baseUrl, QList<Finding> *findings)
{
    const QUrl base(baseUrl.trimmed(), QUrl::StrictMode);
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || (scheme != u"http" && scheme != u"https") || base.host().isEmpty()) {
        if (findings) {
            findings->append(
                blocking(QStringLiteral("base_url"), "base_url_invalid",
                         tr("The base URL \"%1\" is not an http:// or https:// URL with a host, such "
                            "as https://amojo.kommo.com.")
                             .arg(baseUrl)));
        }
        return std::nullopt;
    }
    if (findings && (base.hasQuery() || base.hasFragment())) {
        findings->append(
            warning("base_url", "base_url_query",
                    tr("The base URL's query or fragment is ignored; only its scheme, host, port and "
                       "path are used.")));
    }
    Endpoint endpoint;
    endpoint.scheme = scheme;
    QString host = base.host(QUrl::FullyEncoded);
    if (host.contains(u':'))
        host = u'[' + host + u']';
    const int defaultPort = scheme == u"https" ? 443 : 80;
    if (base.port() != -1 && base.port() != defaultPort)
        host += u':' + QString::number(base.port());
    endpoint.authority = host.toLatin1();
    endpoint.prefix = base.path(QUrl::FullyEncoded).toUtf8();
    while (endpoint.prefix.endsWith('/'))
        endpoint.prefix.chop(1);
    return endpoint;
}

// Parsing a URL costs more than signing: a draft re-signs on every keystroke with the same base URL.
std::optional<Endpoint> cachedEndpoint(const QString &baseUrl)
{
    thread_local QString lastBaseUrl;
    thread_local std::optional<Endpoint> lastEndpoint;
    thread_local bool filled = false;
    if (!filled || lastBaseUrl != baseUrl) {
        lastBaseUrl = baseUrl;
        lastEndpoint = parseBaseUrl(baseUrl, nullptr);
        filled = true;
    }
    return lastEndpoint;
}

// Whether an extra header can go out; when findings is given, why it cannot.
bool extraHeaderIsSendable(const Header &extra, QList<Finding> *findings)
{
    const QString field = QStringLiteral("header:") + QString::fromUtf8(extra.name);
    const auto report = [&](Finding finding) {
        if (findings)
            findings->append(std::move(finding));
    };
    if (!isToken(extra.name)) {
        report(blocking(field, "header_name_invalid",
                        tr("\"%1\" is not a valid header name (letters, digits and -_.!#$%&'*+^`|~ only).")
                            .arg(QString::fromUtf8(extra.name))));
        return false;
    }
    if (hasControlBytes(extra.value)) {
        report(blocking(field, "header_control_chars",
                        tr("The header %1 contains a line break or NUL byte, which is never sent; remove it.")
                            .arg(QString::fromUtf8(extra.name))));
        return false;
    }
    if (isComputedHeader(extra.name)) {
        report({Severity::Warning, field, QStringLiteral("header_computed"),
                tr("%1 is computed by the console; the extra header of that name is not sent.")
                    .arg(QString::fromUtf8(extra.name))});
        return false;
    }
    return true;
}

// Whether an earlier extra header has the same name (any case) as extra, which is then not sent.
bool isDuplicateExtra(const QList<Header> &extras, const Header &extra)
{
    for (const Header &earlier : extras) {
        if (&earlier == &extra)
            return false;
        if (earlier.name.compare(extra.name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

RequestSpec formRequest(const delivery::Form &form)
{
    RequestSpec spec;
    spec.path = delivery::path(form.scopeId, form.msgid);
    spec.body = delivery::canonicalBody(form);
    return spec;
}

QByteArray SignedRequest::header(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QByteArray stringToSign(QByteArrayView method, QByteArrayView contentMd5, QByteArrayView contentType,
                        QByteArrayView date, QByteArrayView path)
{
    QByteArray text;
    text.reserve(method.size() + contentMd5.size() + contentType.size() + date.size() + path.size() + 4);
    text.append(method).append('\n').append(contentMd5).append('\n').append(contentType).append('\n');
    text.append(date).append('\n').append(path);
    return text;
}

QByteArray userAgent()
{
    return QByteArrayLiteral("kommo-status/" KOMMO_VERSION);
}

QList<Finding> checkSecret(QByteArrayView secret)
{
    QList<Finding> findings;
    if (secret.isEmpty()) {
        findings.append(blocking(QStringLiteral("secret"), "secret_missing",
                                 tr("No channel secret: enter the secret you received when the channel was "
                                    "registered; without it nothing can be signed.")));
        return findings;
    }
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    if (isSpace(secret.front()) || isSpace(secret.back())) {
        findings.append(
            warning("secret", "secret_whitespace",
                    tr("The secret has leading or trailing whitespace, which is signed as part of it "
                       "(never trimmed); remove it unless it really belongs to the secret.")));
    }
    return findings;
}

QByteArray dropOneTrailingNewline(QByteArray text)
{
    if (text.endsWith("\r\n"))
        text.chop(2);
    else if (text.endsWith('\n'))
        text.chop(1);
    return text;
}

SignedRequest render(const RequestSpec &spec, QByteArrayView secret)
{
    SignedRequest out;
    out.spec = spec;
    out.method = spec.method.trimmed().toUpper();

    // Where it goes: base URL plus path; the signed path is the path without the query.
    const std::optional<Endpoint> endpoint = cachedEndpoint(spec.baseUrl);
    out.target = endpoint ? endpoint->prefix + spec.path : spec.path;
    const qsizetype query = out.target.indexOf('?');
    out.signedPath = query < 0 ? out.target : out.target.first(query);

    // The signature.
    const Result<QByteArray> md5 = crypto::md5Hex(spec.body);
    out.contentMd5 = md5 ? *md5 : QByteArray();
    out.stringToSign = stringToSign(out.method, out.contentMd5, spec.contentType, spec.date, out.signedPath);
    const Result<QByteArray> signature = crypto::hmacSha1Hex(secret, out.stringToSign);
    out.signature = signature ? *signature : QByteArray();
    for (const Result<QByteArray> *r : {&md5, &signature}) {
        if (!r->ok())
            out.findings.append(blocking(QStringLiteral("secret"), "crypto_failure", r->error()));
    }

    // Every header in the order it goes out; extras replace the console's own optional headers.
    QList<Header> optional = {{"User-Agent", userAgent()},
                              {"Accept", "application/json"},
                              {"Accept-Encoding", "identity"},
                              {"Accept-Language", "en"},
                              {"Connection", "keep-alive"}};
    out.headers.reserve(12 + spec.extraHeaders.size());
    out.headers = {{"Host", endpoint ? endpoint->authority : QByteArray()},
                   {"Date", spec.date},
                   {"Content-Type", spec.contentType},
                   {"Content-MD5", out.contentMd5},
                   {"X-Signature", out.signature}};
    for (const Header &extra : spec.extraHeaders) {
        // A second header of the same name is not sent: QNetworkAccessManager keeps one value per name, and
        // what is shown must be what goes out.
        if (!extraHeaderIsSendable(extra, nullptr) || isDuplicateExtra(spec.extraHeaders, extra))
            continue;
        optional.erase(std::remove_if(optional.begin(), optional.end(),
                                      [&](const Header &h) {
                                          return h.name.compare(extra.name, Qt::CaseInsensitive) == 0;
                                      }),
                       optional.end());
        out.headers.append(extra);
    }
    if (!spec.body.isEmpty() || (out.method != "GET" && out.method != "HEAD"))
        out.headers.append({"Content-Length", QByteArray::number(spec.body.size())});
    out.headers.append(optional);

    // The raw request, as the socket will carry it.
    qsizetype size = out.target.size() + spec.body.size() + 32;
    for (const Header &h : std::as_const(out.headers))
        size += h.name.size() + h.value.size() + 4;
    out.rawRequest.reserve(size);
    out.rawRequest.append(out.method).append(' ').append(out.target).append(" HTTP/1.1\r\n");
    for (const Header &h : std::as_const(out.headers))
        out.rawRequest.append(h.name).append(": ").append(h.value).append("\r\n");
    out.rawRequest.append("\r\n").append(spec.body);
    return out;
}

SignedRequest sign(const RequestSpec &spec, QByteArrayView secret, const std::optional<QDateTime> &now)
{
    SignedRequest out = render(spec, secret);
    QList<Finding> findings = checkSecret(secret);

    // Method: upper case on the wire and in the string to sign; the API's method is POST.
    if (out.method.isEmpty() || !isToken(out.method)) {
        findings.append(blocking(QStringLiteral("method"), "method_invalid",
                                 tr("The method \"%1\" is not an HTTP method name; use POST.")
                                     .arg(QString::fromUtf8(spec.method))));
    } else {
        if (out.method != "POST") {
            findings.append(warning("method", "method_not_post",
                                    tr("The delivery-status method is POST; %1 will not update a status.")
                                        .arg(QString::fromLatin1(out.method))));
        }
        if (out.method != spec.method) {
            findings.append(warning("method", "method_case",
                                    tr("The method is sent and signed in upper case, as %1.")
                                        .arg(QString::fromLatin1(out.method))));
        }
    }

    // The URL, and a path that a URL carries exactly as signed.
    const std::optional<Endpoint> endpoint = parseBaseUrl(spec.baseUrl, &findings);
    if (spec.path.isEmpty() || !spec.path.startsWith('/')) {
        findings.append(blocking(QStringLiteral("path"), "path_invalid",
                                 tr("The path must start with \"/\", e.g. "
                                    "/v2/origin/custom/{scope_id}/{msgid}/delivery_status.")));
    }
    if (hasControlBytes(spec.path)) {
        findings.append(
            blocking(QStringLiteral("path"), "path_control_chars",
                     tr("The path contains a line break or NUL byte; it would split the request, so it "
                        "is never sent. Remove it.")));
    }
    if (endpoint) {
        out.url = QUrl::fromEncoded(endpoint->scheme.toLatin1() + "://" + endpoint->authority + out.target,
                                    QUrl::StrictMode);
        const QByteArray reencoded = out.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        // A path without its leading "/" already has its own finding; this one is about the characters.
        if (spec.path.startsWith('/') && (!out.url.isValid() || reencoded != out.target)) {
            findings.append(
                blocking(QStringLiteral("path"), "path_not_url",
                         tr("The path has characters a URL cannot carry as they are (such as spaces "
                            "or non-ASCII letters); percent-encode them, e.g. a space as %20.")));
        }
    }

    // The path's own parts: a delivery-status path names a scope_id and a msgid.
    const std::optional<delivery::PathParts> parts = delivery::parsePath(spec.path);
    if (parts) {
        findings.append(delivery::checkIdentifiers(parts->scopeId, parts->msgid));
    } else if (!spec.path.isEmpty()) {
        findings.append(
            warning("path", "path_not_delivery_status",
                    tr("The path is not /v2/origin/custom/{scope_id}/{msgid}/delivery_status; the "
                       "request is signed as given.")));
    }

    // The body: its bytes are hashed exactly as they are sent.
    if (!spec.body.isEmpty() || out.method == "POST")
        findings.append(delivery::checkBody(spec.body, parts));

    // The signed header values, and the extra ones.
    if (hasControlBytes(spec.date)) {
        findings.append(
            blocking(QStringLiteral("date"), "header_control_chars",
                     tr("The Date contains a line break or NUL byte, which is never sent; remove it.")));
    }
    findings.append(httpdate::check(spec.date, now));
    if (hasControlBytes(spec.contentType)) {
        findings.append(
            blocking(QStringLiteral("content_type"), "header_control_chars",
                     tr("The Content-Type contains a line break or NUL byte, which is never sent; "
                        "remove it.")));
    }
    if (spec.contentType != "application/json") {
        findings.append(warning("content_type", "content_type",
                                tr("The Content-Type is \"%1\"; the API accepts only application/json.")
                                    .arg(QString::fromUtf8(spec.contentType))));
    }
    for (const Header &extra : spec.extraHeaders) {
        if (extraHeaderIsSendable(extra, &findings) && isDuplicateExtra(spec.extraHeaders, extra)) {
            findings.append({Severity::Warning, QStringLiteral("header:") + QString::fromUtf8(extra.name),
                             QStringLiteral("header_duplicate"),
                             tr("A header named %1 is already given; only the first one is sent. Join the "
                                "values with \", \" in one header instead.")
                                 .arg(QString::fromUtf8(extra.name))});
        }
    }

    // The secret itself inside what is sent would leak it to every proxy and log on the way.
    if (secret.size() >= minimumSecretToSpot) {
        const auto leak = [&](const QString &field) {
            findings.append(
                blocking(field, "secret_in_request",
                         tr("The channel secret appears in what would be sent (%1); the secret only "
                            "keys the signature and must never travel. Remove it.")
                             .arg(field)));
        };
        if (spec.body.contains(secret))
            leak(QStringLiteral("body"));
        if (spec.path.contains(secret))
            leak(QStringLiteral("path"));
        for (const Header &extra : spec.extraHeaders) {
            if (extra.value.contains(secret) || extra.name.contains(secret))
                leak(QStringLiteral("header:") + QString::fromUtf8(extra.name));
        }
        if (spec.date.contains(secret) || spec.contentType.contains(secret))
            leak(QStringLiteral("header"));
    }

    out.findings = findings + out.findings;
    return out;
}

} // namespace kommo

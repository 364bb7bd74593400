#include "core/diagnosis/reproduce.h"

#include "core/crypto/crypto.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QUrl>

Q_LOGGING_CATEGORY(lcReproduce, "kommo.core.reproduce", QtInfoMsg)

namespace kommo::diagnosis {
namespace {

KOMMO_DECLARE_TR("kommo::diagnosis")

// The headers the re-signing computes; every other captured header goes out as captured.
constexpr const char *computedHeaders[] = {"Host",        "Date",        "Content-Type",
                                           "Content-MD5", "X-Signature", "Content-Length"};

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

const char *computedName(QByteArrayView name)
{
    for (const char *computed : computedHeaders) {
        if (sameName(name, QByteArrayView(computed)))
            return computed;
    }
    return nullptr;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QList<Header> &headers,
                      const QByteArray &body)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const Header &h : headers)
        out.append(h.name).append(": ").append(h.value).append("\r\n");
    return out.append("\r\n").append(body);
}

// The n-th value of a header (0-based), any case.
std::optional<QByteArray> nthValue(const QList<Header> &headers, QByteArrayView name, int n)
{
    for (const Header &h : headers) {
        if (sameName(h.name, name) && n-- == 0)
            return h.value;
    }
    return std::nullopt;
}

QString headerReason(QByteArrayView name, const std::optional<QByteArray> &original,
                     const std::optional<QByteArray> &resigned, bool otherTarget, qsizetype bodySize)
{
    if (sameName(name, "Date"))
        return tr("A fresh Date: the signature is valid for 15 minutes from it.");
    if (sameName(name, "X-Signature"))
        return original && resigned
                   ? tr("Signed again over the fresh Date.")
                   : tr("The capture has no X-Signature; the re-signed request carries one.");
    if (!original)
        return tr("Not in the capture; the re-signed request needs it.");
    if (!resigned)
        return tr("A repeated header the re-signed request sends once.");
    if (sameName(name, "Content-MD5"))
        return tr(
            "The captured Content-MD5 is not the MD5 of the captured body; the body's own MD5 is sent.");
    if (sameName(name, "Content-Length"))
        return tr("The captured Content-Length does not match the body's %1 bytes.").arg(bodySize);
    if (sameName(name, "Host"))
        return otherTarget ? tr("Another target was asked for.")
                           : tr("The captured Host header names another host than the captured URL.");
    return tr("The value differs.");
}

QJsonValue bytesJson(const std::optional<QByteArray> &value)
{
    if (!value)
        return QJsonValue::Null;
    return QString::fromUtf8(*value);
}

} // namespace

QList<Difference> Reproduction::unexpected() const
{
    QList<Difference> out;
    for (const Difference &d : differences) {
        if (!d.expected)
            out.append(d);
    }
    return out;
}

Result<Reproduction> reproduce(const CapturedRequest &captured, const ReproduceOptions &options)
{
    using R = Result<Reproduction>;
    if (!captured.bodyFile.isEmpty())
        return R::failure(tr("The capture's body is in \"%1\", which was not read: the request cannot be "
                             "reproduced byte for byte.")
                              .arg(captured.bodyFile));

    Reproduction out;
    out.original = captured;
    const QByteArray scheme = captured.scheme.isEmpty() ? QByteArray("https") : captured.scheme;
    if (!captured.host.isEmpty())
        out.originalUrl = scheme + "://" + captured.host + captured.target;
    const bool otherTarget = options.baseUrl.has_value();
    if (!otherTarget && captured.host.isEmpty())
        return R::failure(tr("The capture names no host; give the target (--base-url) to reproduce it."));

    // The request as captured, with a fresh Date; the headers we compute are left to signing.
    RequestSpec spec;
    spec.method = captured.method;
    spec.baseUrl = otherTarget ? *options.baseUrl : QString::fromUtf8(scheme + "://" + captured.host);
    spec.path = captured.target;
    spec.contentType = captured.header("Content-Type");
    spec.date = httpdate::format(options.now);
    spec.body = captured.body;
    for (const Header &h : captured.headers) {
        if (!computedName(h.name))
            spec.extraHeaders.append(h);
    }
    SignedRequest signedRequest = sign(spec, options.secret, options.now);

    // The headers in the capture's order: computed ones take their fresh values (a repeat is dropped), the
    // rest go out as captured, and only what signing and HTTP need is added.
    QList<Header> headers;
    QSet<QByteArray> seen;
    for (const Header &h : captured.headers) {
        const char *computed = computedName(h.name);
        if (!computed) {
            headers.append(h);
            continue;
        }
        if (seen.contains(computed))
            continue;
        seen.insert(computed);
        headers.append({h.name, signedRequest.header(computed)});
    }
    if (!seen.contains("Host"))
        headers.prepend({"Host", signedRequest.header("Host")});
    for (const char *computed : {"Date", "Content-MD5", "X-Signature", "Content-Length"}) {
        const bool signingSendsIt = std::any_of(signedRequest.headers.cbegin(), signedRequest.headers.cend(),
                                                [&](const Header &h) { return sameName(h.name, computed); });
        if (!seen.contains(computed) && signingSendsIt)
            headers.append({computed, signedRequest.header(computed)});
    }
    signedRequest.headers = headers;
    signedRequest.rawRequest = rawRequest(signedRequest.method, signedRequest.target, headers, spec.body);
    out.resigned = signedRequest;
    out.resignedUrl = signedRequest.url.isValid() ? signedRequest.url.toEncoded() : QByteArray();
    if (const QUrl base(spec.baseUrl.trimmed()); base.isValid() && !signedRequest.header("Host").isEmpty())
        out.resignedUrl =
            base.scheme().toLower().toLatin1() + "://" + signedRequest.header("Host") + signedRequest.target;

    // The captured signature, judged with this secret over the captured header values.
    out.originalStringToSign =
        stringToSign(captured.method.toUpper(), captured.header("Content-MD5"),
                     captured.header("Content-Type"), captured.header("Date"), captured.path());
    if (captured.hasHeader("X-Signature")) {
        const Result<QByteArray> expected = crypto::hmacSha1Hex(options.secret, out.originalStringToSign);
        out.originalSignatureMatches =
            expected && expected->compare(captured.header("X-Signature").trimmed(), Qt::CaseInsensitive) == 0;
    }

    // The differences: method, URL, each header by name and occurrence, body.
    if (captured.method != signedRequest.method) {
        out.differences.append({QStringLiteral("method"), captured.method, signedRequest.method, false,
                                tr("The method is sent and signed in upper case.")});
    }
    if (!out.originalUrl.isEmpty() && out.originalUrl != out.resignedUrl) {
        out.differences.append({QStringLiteral("url"), out.originalUrl, out.resignedUrl, otherTarget,
                                otherTarget ? tr("Another target was asked for.")
                                            : tr("The URL differs from the captured one.")});
    }

    QList<QByteArray> names; // in order of first appearance, capture first, canonical case from the capture
    for (const QList<Header> *list : {&captured.headers, static_cast<const QList<Header> *>(&headers)}) {
        for (const Header &h : *list) {
            if (std::none_of(names.cbegin(), names.cend(),
                             [&](const QByteArray &n) { return sameName(n, h.name); }))
                names.append(h.name);
        }
    }
    for (const QByteArray &name : names) {
        for (int n = 0;; ++n) {
            std::optional<QByteArray> original = nthValue(captured.headers, name, n);
            const std::optional<QByteArray> resigned = nthValue(headers, name, n);
            if (!original && !resigned)
                break;
            // curl and many logs leave out Host and Content-Length, which the client writes itself: the
            // capture implies them.
            if (!original && n == 0 && sameName(name, "Host") && !captured.host.isEmpty())
                original = captured.host;
            if (!original && n == 0 && sameName(name, "Content-Length") && resigned)
                original = QByteArray::number(captured.body.size());
            if (original == resigned)
                continue;
            // A fresh value in place of the first one is the point; a repeat dropped is worth a word.
            const bool expected = n == 0 && resigned &&
                                  (sameName(name, "Date") || sameName(name, "X-Signature") ||
                                   (otherTarget && sameName(name, "Host")));
            out.differences.append(
                {QStringLiteral("header:") + QString::fromUtf8(name), original, resigned, expected,
                 headerReason(name, original, resigned, otherTarget, captured.body.size())});
        }
    }
    if (captured.body != signedRequest.spec.body) {
        out.differences.append({QStringLiteral("body"), captured.body, signedRequest.spec.body, false,
                                tr("The body bytes differ.")});
    }
    qCDebug(lcReproduce) << "reproduced" << captured.target << "with" << out.differences.size()
                         << "difference(s)," << out.unexpected().size() << "unexpected";
    return out;
}

QJsonObject reproductionJson(const Reproduction &r)
{
    QJsonObject original{{QStringLiteral("method"), QString::fromUtf8(r.original.method)},
                         {QStringLiteral("url"), QString::fromUtf8(r.originalUrl)},
                         {QStringLiteral("headers"), report::headersJson(r.original.headers)},
                         {QStringLiteral("string_to_sign"), QString::fromUtf8(r.originalStringToSign)},
                         {QStringLiteral("signature_matches_secret"),
                          r.originalSignatureMatches ? QJsonValue(*r.originalSignatureMatches)
                                                     : QJsonValue(QJsonValue::Null)}};
    report::insertBody(original, r.original.body);

    QJsonObject resigned{{QStringLiteral("method"), QString::fromUtf8(r.resigned.method)},
                         {QStringLiteral("url"), QString::fromUtf8(r.resignedUrl)},
                         {QStringLiteral("headers"), report::headersJson(r.resigned.headers)},
                         {QStringLiteral("date"), QString::fromUtf8(r.resigned.spec.date)},
                         {QStringLiteral("content_md5"), QString::fromLatin1(r.resigned.contentMd5)},
                         {QStringLiteral("string_to_sign"), QString::fromUtf8(r.resigned.stringToSign)},
                         {QStringLiteral("signature"), QString::fromLatin1(r.resigned.signature)}};
    report::insertBody(resigned, r.resigned.spec.body);

    QJsonArray differences;
    for (const Difference &d : r.differences) {
        differences.append(QJsonObject{{QStringLiteral("field"), d.field},
                                       {QStringLiteral("original"), bytesJson(d.original)},
                                       {QStringLiteral("resigned"), bytesJson(d.resigned)},
                                       {QStringLiteral("expected"), d.expected},
                                       {QStringLiteral("reason"), d.reason}});
    }
    return {{QStringLiteral("original"), original},
            {QStringLiteral("resigned"), resigned},
            {QStringLiteral("differences"), differences},
            {QStringLiteral("unexpected_count"), r.unexpected().size()},
            {QStringLiteral("only_date_and_signature_differ"), r.onlyDateAndSignatureDiffer()},
            {QStringLiteral("findings"), report::findingsJson(r.resigned.findings)}};
}

QString reproductionText(const Reproduction &r)
{
    const auto shown = [](const std::optional<QByteArray> &v) {
        return v ? u'"' + QString::fromUtf8(*v) + u'"' : tr("(absent)");
    };
    QString out = tr("== Captured ==\n");
    out += report::visibleText(
               rawRequest(r.original.method, r.original.target, r.original.headers, r.original.body)) +
           u'\n';
    if (r.originalSignatureMatches) {
        out +=
            *r.originalSignatureMatches
                ? tr("(the captured X-Signature is right for this secret over the captured headers)\n")
                : tr("(the captured X-Signature is NOT what this secret gives over the captured headers)\n");
    }
    out += tr("\n== Re-signed ==\n") + report::visibleText(r.resigned.rawRequest) + u'\n';

    out += tr("\n== Differences ==\n");
    for (const Difference &d : r.differences) {
        out += QStringLiteral("  %1 %2: %3 -> %4\n      %5\n")
                   .arg(d.expected ? tr("expected  ") : tr("UNEXPECTED"), d.field, shown(d.original),
                        shown(d.resigned), d.reason);
    }
    if (r.differences.isEmpty())
        out += tr("  (none)\n");
    out += r.onlyDateAndSignatureDiffer() ? tr("\nOnly Date and X-Signature changed.\n")
                                          : tr("\n%n difference(s) besides Date and X-Signature.\n", nullptr,
                                               static_cast<int>(r.unexpected().size()));
    for (const Finding &f : r.resigned.findings)
        out += QStringLiteral("  ") + report::findingLine(f) + u'\n';
    return out;
}

} // namespace kommo::diagnosis

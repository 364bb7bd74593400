#include "core/diagnosis/verify.h"

#include "core/crypto/crypto.h"
#include "core/delivery/delivery.h"
#include "core/diagnosis/causes.h"
#include "core/signing/httpdate.h"
#include "core/signing/signing.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcVerify, "kommo.core.verify", QtInfoMsg)

namespace kommo::diagnosis {
namespace {

KOMMO_DECLARE_TR("kommo::diagnosis")

QString shown(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

Check pass(const char *name, const QString &detail)
{
    return {QLatin1String(name), true, true, detail};
}

Check failure(const char *name, const QString &detail)
{
    return {QLatin1String(name), false, true, detail};
}

Check notJudged(const char *name, const QString &detail)
{
    return {QLatin1String(name), true, false, detail};
}

QString joinMessages(const QList<Finding> &findings)
{
    QStringList messages;
    for (const Finding &f : findings)
        messages.append(f.message);
    return messages.join(u' ');
}

const Finding *findingWithId(const QList<Finding> &findings, QStringView id)
{
    for (const Finding &f : findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

bool isLowerHex(QByteArrayView value, qsizetype length)
{
    return value.size() == length && std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace

bool Verification::ok() const
{
    return std::all_of(checks.begin(), checks.end(), [](const Check &c) { return c.ok; });
}

const Check *Verification::check(QStringView name) const
{
    for (const Check &c : checks) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList checkNames()
{
    return {QStringLiteral("method"),      QStringLiteral("path"),         QStringLiteral("path_msgid"),
            QStringLiteral("body_rules"),  QStringLiteral("content_type"), QStringLiteral("date_format"),
            QStringLiteral("date_zone"),   QStringLiteral("date_weekday"), QStringLiteral("date_freshness"),
            QStringLiteral("content_md5"), QStringLiteral("x_signature")};
}

Verification verify(const CapturedRequest &request, const VerifyOptions &options)
{
    Verification out;
    QList<Check> &checks = out.checks;
    const bool bodyKnown = request.bodyFile.isEmpty();

    // The method: POST, written in upper case.
    if (request.method == "POST")
        checks.append(pass("method", tr("The method is POST.")));
    else if (request.method.toUpper() == "POST")
        checks.append(
            failure("method", tr("The method is written \"%1\"; HTTP methods are case-sensitive and the "
                                 "API's is POST.")
                                  .arg(shown(request.method))));
    else
        checks.append(
            failure("method",
                    tr("The method is %1; the delivery-status method is POST.").arg(shown(request.method))));

    // The path and its msgid.
    const std::optional<delivery::PathParts> parts = delivery::parsePath(request.path());
    if (parts) {
        QString detail = tr("The path is a delivery-status path (scope_id %1, msgid %2).")
                             .arg(parts->scopeId, parts->msgid);
        const QList<Finding> identifiers = delivery::checkIdentifiers(parts->scopeId, parts->msgid);
        if (!identifiers.isEmpty())
            detail += u' ' + joinMessages(identifiers);
        if (!request.query().isEmpty())
            detail +=
                u' ' +
                tr("It carries a query string (\"?%1\"), which is not signed.").arg(shown(request.query()));
        checks.append(hasErrors(identifiers) ? failure("path", detail) : pass("path", detail));
    } else {
        checks.append(
            failure("path", tr("The path \"%1\" is not /v2/origin/custom/{scope_id}/{msgid}/delivery_status.")
                                .arg(shown(request.path()))));
    }

    // The body against the delivery-status rules (the msgid comparison is a check of its own).
    const QList<Finding> bodyFindings =
        bodyKnown ? delivery::checkBody(request.body, parts) : QList<Finding>();
    if (!bodyKnown) {
        checks.append(
            notJudged("path_msgid",
                      tr("The body is not known (%1), so its msgid is not compared.").arg(request.bodyFile)));
    } else if (const Finding *mismatch = findingWithId(bodyFindings, u"msgid_mismatch")) {
        checks.append(failure("path_msgid", mismatch->message));
    } else if (!parts) {
        checks.append(notJudged("path_msgid", tr("The path names no msgid to compare the body's with.")));
    } else if (findingWithId(bodyFindings, u"body_msgid_missing") ||
               findingWithId(bodyFindings, u"body_msgid_type") ||
               findingWithId(bodyFindings, u"body_not_json") || findingWithId(bodyFindings, u"body_empty") ||
               findingWithId(bodyFindings, u"body_not_object")) {
        checks.append(
            notJudged("path_msgid", tr("The body carries no msgid string to compare with the path's.")));
    } else {
        checks.append(pass("path_msgid", tr("The body's msgid equals the path's.")));
    }
    if (!bodyKnown) {
        checks.append(notJudged("body_rules", tr("The body is not known (%1).").arg(request.bodyFile)));
    } else {
        QList<Finding> rules;
        bool failed = false;
        for (const Finding &f : bodyFindings) {
            if (f.id == u"msgid_mismatch")
                continue;
            rules.append(f);
            failed = failed || f.severity == Severity::Error || f.id == u"body_not_json";
        }
        if (failed)
            checks.append(failure("body_rules", joinMessages(rules)));
        else
            checks.append(pass("body_rules", rules.isEmpty()
                                                 ? tr("The body follows the delivery-status rules.")
                                                 : joinMessages(rules)));
    }

    // Content-Type: application/json.
    const QByteArray contentType = request.header("Content-Type");
    if (!request.hasHeader("Content-Type")) {
        checks.append(
            failure("content_type", tr("There is no Content-Type header; the API needs application/json, and "
                                       "the string to sign then carries an empty line.")));
    } else {
        const qsizetype semicolon = contentType.indexOf(';');
        const QByteArray media = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
        if (media.compare("application/json", Qt::CaseInsensitive) != 0)
            checks.append(failure("content_type", tr("The Content-Type is \"%1\"; the API accepts only "
                                                     "application/json.")
                                                      .arg(shown(contentType))));
        else if (semicolon >= 0)
            checks.append(
                pass("content_type", tr("The Content-Type is \"%1\": JSON, with a parameter that is signed "
                                        "as sent.")
                                         .arg(shown(contentType))));
        else
            checks.append(pass("content_type", tr("The Content-Type is application/json.")));
    }

    // The Date: format, zone, weekday, and freshness only against a given "now".
    const QByteArray date = request.header("Date");
    const QList<Finding> dateFindings = httpdate::check(date, options.now);
    const Result<httpdate::Parsed> parsedDate = httpdate::parse(date);
    if (!request.hasHeader("Date") || date.isEmpty()) {
        checks.append(
            failure("date_format", tr("There is no Date header; the API needs one, e.g. \"Wed, 07 Dec 2022 "
                                      "16:00:00 +0000\".")));
    } else if (const Finding *f = findingWithId(dateFindings, u"date_format")) {
        checks.append(failure("date_format", f->message));
    } else {
        checks.append(pass("date_format", tr("The Date \"%1\" is RFC 2822.").arg(shown(date))));
    }
    if (!parsedDate) {
        checks.append(notJudged("date_zone", tr("The Date cannot be read, so its zone is not judged.")));
        checks.append(
            notJudged("date_weekday", tr("The Date cannot be read, so its weekday is not judged.")));
        checks.append(notJudged("date_freshness", tr("The Date cannot be read, so its age is not judged.")));
    } else {
        if (const Finding *f = findingWithId(dateFindings, u"date_zone"))
            checks.append(failure("date_zone", f->message));
        else
            checks.append(pass("date_zone", tr("The Date's zone %1 is numeric.").arg(parsedDate->zone)));
        if (const Finding *f = findingWithId(dateFindings, u"date_weekday"))
            checks.append(failure("date_weekday", f->message));
        else if (!parsedDate->hasWeekday)
            checks.append(
                failure("date_weekday", tr("The Date has no weekday; the API's format starts with one.")));
        else
            checks.append(pass("date_weekday", tr("The Date's weekday matches its date.")));
        if (!options.now) {
            checks.append(
                notJudged("date_freshness", tr("Not judged: a captured request is old by nature; give a "
                                               "\"now\" (--now, or the Now field) to judge the Date "
                                               "against that moment.")));
        } else if (const Finding *f = findingWithId(dateFindings, u"date_expired")) {
            checks.append(failure("date_freshness", f->message));
        } else if (const Finding *g = findingWithId(dateFindings, u"date_future")) {
            checks.append(failure("date_freshness", g->message));
        } else {
            checks.append(
                pass("date_freshness",
                     tr("The Date is within 15 minutes of %1.").arg(shown(httpdate::format(*options.now)))));
        }
    }

    // Content-MD5: the lowercase hex MD5 of the exact body bytes.
    const QByteArray contentMd5 = request.header("Content-MD5");
    if (bodyKnown) {
        const Result<QByteArray> md5 = crypto::md5Hex(request.body);
        out.expectedContentMd5 = md5 ? *md5 : QByteArray();
    }
    if (!bodyKnown) {
        checks.append(
            notJudged("content_md5",
                      tr("The body is not known (%1), so its MD5 is not judged.").arg(request.bodyFile)));
    } else if (!request.hasHeader("Content-MD5")) {
        checks.append(
            failure("content_md5", tr("There is no Content-MD5 header; it must be the MD5 of the body: %1.")
                                       .arg(shown(out.expectedContentMd5))));
    } else if (contentMd5 == out.expectedContentMd5) {
        checks.append(pass("content_md5", tr("The Content-MD5 is the MD5 of the body (%n byte(s)).", nullptr,
                                             static_cast<int>(request.body.size()))));
    } else {
        checks.append(
            failure("content_md5", tr("The Content-MD5 \"%1\" is not the MD5 of the %n body byte(s) sent, "
                                      "which is %2.",
                                      nullptr, static_cast<int>(request.body.size()))
                                       .arg(shown(contentMd5), shown(out.expectedContentMd5))));
        if (std::optional<Cause> cause = contentMd5Cause(request.body, contentMd5))
            out.causes.append(*cause);
    }

    // X-Signature: HMAC-SHA1 of the five lines, keyed with the secret.
    const SignedParts signed_ = signedParts(request);
    out.expectedStringToSign = stringToSign(signed_.method.toUpper(), signed_.contentMd5, signed_.contentType,
                                            signed_.date, signed_.path);
    const QByteArray signature = request.header("X-Signature");
    if (!options.secret) {
        checks.append(notJudged("x_signature",
                                request.hasHeader("X-Signature")
                                    ? tr("Not judged: no secret was given.")
                                    : tr("There is no X-Signature header; no secret was given either.")));
    } else {
        const Result<QByteArray> expected = crypto::hmacSha1Hex(*options.secret, out.expectedStringToSign);
        out.expectedSignature = expected ? *expected : QByteArray();
        if (!request.hasHeader("X-Signature")) {
            checks.append(
                failure("x_signature", tr("There is no X-Signature header; with this secret it would be %1.")
                                           .arg(shown(out.expectedSignature))));
        } else if (signature == out.expectedSignature) {
            checks.append(
                pass("x_signature", tr("The X-Signature is the HMAC-SHA1 of the string to sign with this "
                                       "secret.")));
        } else if (signature.toLower() == out.expectedSignature) {
            checks.append(
                failure("x_signature", tr("The X-Signature is right but written in upper case; the API "
                                          "compares lower-case hex: %1.")
                                           .arg(shown(out.expectedSignature))));
        } else {
            QString detail =
                tr("The X-Signature \"%1\" is not the HMAC-SHA1 of the string to sign with this secret, "
                   "which is %2.")
                    .arg(shown(signature), shown(out.expectedSignature));
            if (!isLowerHex(signature.toLower(), 40))
                detail += u' ' + tr("It is not 40 hex digits at all.");
            checks.append(failure("x_signature", detail));
            if (std::optional<Cause> cause = signatureCause(signed_, *options.secret, signature))
                out.causes.append(*cause);
        }
    }
    qCDebug(lcVerify) << "verified" << request.method << request.path() << "ok:" << out.ok()
                      << "causes:" << out.causes.size();
    return out;
}

} // namespace kommo::diagnosis

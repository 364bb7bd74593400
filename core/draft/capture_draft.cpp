#include "core/draft/capture_draft.h"

#include "core/transport/transport.h"

#include "core/translate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCaptureDraft, "kommo.core.draft.capture", QtInfoMsg)

namespace kommo {
namespace {

KOMMO_DECLARE_TR("kommo::draft")

// Headers the draft computes itself; a captured one of these names is not an extra header.
constexpr const char *computedHeaders[] = {"Host",        "Date",        "Content-Type",
                                           "Content-MD5", "X-Signature", "Content-Length"};

bool isComputed(QByteArrayView name)
{
    for (const char *computed : computedHeaders) {
        if (name.compare(QByteArrayView(computed), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Finding note(const char *field, const char *id, const QString &message)
{
    return {Severity::Warning, QLatin1String(field), QLatin1String(id), message};
}

// The body read as the form, as the draft's form() would hold it: error_code and error only with the Error
// status, error only when not empty. Nothing when the body is not such an object.
std::optional<delivery::Form> formFromBody(const QByteArray &body, const QString &scopeId)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue msgid = o.value(u"msgid");
    const QJsonValue status = o.value(u"delivery_status");
    if (!msgid.isString() || !status.isDouble())
        return std::nullopt;
    const double statusValue = status.toDouble();
    if (statusValue != double(int(statusValue)) || !delivery::statusLabel(int(statusValue)))
        return std::nullopt;

    delivery::Form form;
    form.scopeId = scopeId;
    form.msgid = msgid.toString();
    form.deliveryStatus = int(statusValue);
    if (form.deliveryStatus == delivery::errorStatusValue) {
        if (const QJsonValue code = o.value(u"error_code"); code.isDouble())
            form.errorCode = code.toInt();
        if (const QJsonValue text = o.value(u"error"); text.isString() && !text.toString().isEmpty())
            form.errorText = text.toString();
    }
    return form;
}

} // namespace

Result<DraftFields> draftFieldsFromCapture(const CapturedRequest &captured)
{
    if (!captured.bodyFile.isEmpty())
        return Result<DraftFields>::failure(
            tr("The capture's body is in \"%1\", which was not read: the request cannot be rebuilt byte for "
               "byte. Paste the command with the body itself (--data-raw '...').")
                .arg(captured.bodyFile));

    DraftFields out;
    out.method = captured.method;
    out.contentType = captured.header("Content-Type");
    if (captured.hasHeader("Date"))
        out.date = captured.header("Date");
    else
        out.notes.append(note("date", "capture_no_date",
                              tr("The capture has no Date header; the Date follows the clock.")));

    // Where it went: scheme and host; the target (path and query) is kept whole below.
    if (!captured.host.isEmpty()) {
        const QByteArray scheme = captured.scheme.isEmpty() ? QByteArray("https") : captured.scheme;
        out.baseUrl = QString::fromUtf8(scheme + "://" + captured.host);
        if (captured.scheme.isEmpty()) {
            out.notes.append(note("base_url", "capture_scheme_assumed",
                                  tr("The capture does not say http or https; https is assumed.")));
        }
    } else {
        out.notes.append(note("base_url", "capture_no_host",
                              tr("The capture names no host; the editor's target is kept.")));
    }
    if (captured.hasHeader("Host") && !captured.host.isEmpty() &&
        captured.header("Host").compare(captured.host, Qt::CaseInsensitive) != 0) {
        out.notes.append(
            note("header:Host", "capture_host_differs",
                 tr("The captured Host header \"%1\" differs from the URL's host \"%2\"; the "
                    "console sends the URL's host.")
                     .arg(QString::fromUtf8(captured.header("Host")), QString::fromUtf8(captured.host))));
    }

    // The path: scope_id and msgid where it is a delivery-status path; an override unless the form's own
    // path is exactly the captured target.
    const std::optional<delivery::PathParts> parts = delivery::parsePath(captured.path());
    if (parts) {
        out.scopeId = parts->scopeId;
        out.msgid = parts->msgid;
    }
    if (!parts || delivery::path(parts->scopeId, parts->msgid) != captured.target)
        out.pathOverride = captured.target;

    // The body: the form where its canonical body is byte for byte the capture's, raw bytes otherwise.
    out.rawBody = captured.body;
    if (const std::optional<delivery::Form> form = formFromBody(captured.body, out.scopeId)) {
        out.form = *form;
        out.formBody = parts && form->msgid == out.msgid && delivery::canonicalBody(*form) == captured.body;
    }

    // Every other header goes out as captured, in the captured order.
    for (const Header &h : captured.headers) {
        if (!isComputed(h.name))
            out.extraHeaders.append(h);
    }
    for (const char *name : {"Date", "Content-Type", "Content-MD5", "X-Signature"}) {
        if (captured.headerCount(name) > 1) {
            out.notes.append(note(
                "header", "capture_duplicate_signed_header",
                tr("The capture has %1 more than once; the first one is used.").arg(QLatin1String(name))));
        }
    }
    qCDebug(lcCaptureDraft) << "capture mapped" << captured.method << captured.target
                            << "form body:" << out.formBody << "extras:" << out.extraHeaders.size();
    return out;
}

void applyDraftFields(RequestDraft &draft, const DraftFields &fields, const LoadOptions &options)
{
    draft.batch([&] {
        if (fields.baseUrl && !options.keepBaseUrl)
            draft.setBaseUrl(*fields.baseUrl);
        if (!fields.scopeId.isEmpty() || !fields.msgid.isEmpty()) {
            draft.setScopeId(fields.scopeId);
            draft.setMsgid(fields.msgid);
        }
        if (fields.formBody) {
            draft.setDeliveryStatus(fields.form.deliveryStatus);
            draft.setErrorCode(fields.form.errorCode);
            draft.setErrorText(fields.form.errorText.value_or(QString()));
            draft.setBodyMode(RequestDraft::BodyMode::Form);
        } else {
            // The form still shows what the body says where it can be read, for the next edit.
            if (delivery::statusLabel(fields.form.deliveryStatus))
                draft.setDeliveryStatus(fields.form.deliveryStatus);
            draft.setRawBody(fields.rawBody);
            draft.setBodyMode(RequestDraft::BodyMode::Raw);
            // Raw mode starts from the generated body only when no raw text exists: set it again so that
            // the captured bytes win whatever the mode was.
            draft.setRawBody(fields.rawBody);
        }
        draft.setMethod(fields.method);
        draft.setPathOverride(fields.pathOverride);
        draft.setContentType(fields.contentType);
        draft.setExtraHeaders(fields.extraHeaders);
        if (fields.date)
            draft.setFixedDate(*fields.date);
        else
            draft.setDateMode(RequestDraft::DateMode::FollowClock);
    });
}

Result<DraftFields> loadCapture(RequestDraft &draft, const CapturedRequest &captured,
                                const LoadOptions &options)
{
    Result<DraftFields> fields = draftFieldsFromCapture(captured);
    if (fields)
        applyDraftFields(draft, *fields, options);
    return fields;
}

CapturedRequest captureFromExchange(const Exchange &exchange)
{
    CapturedRequest out;
    out.method = exchange.method;
    out.url = exchange.url.toEncoded();
    out.target = exchange.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (out.target.isEmpty())
        out.target = "/";
    out.scheme = exchange.url.scheme().toLatin1();
    out.headers = exchange.sentHeaders;
    out.host = out.header("Host");
    if (out.host.isEmpty())
        out.host = exchange.url.authority(QUrl::FullyEncoded).toLatin1();
    out.body = exchange.sentBody;
    out.source.kind = CaptureKind::RawHttp;
    out.source.name = tr("the request sent");
    return out;
}

} // namespace kommo

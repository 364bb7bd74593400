#include "core/interchange/capture_text.h"

#include "core/delivery/delivery.h"
#include "core/translate.h"

#include <QBuffer>
#include <QFile>

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

} // namespace

Result<CaptureSet> readCaptures(QByteArrayView input, const QString &name)
{
    using R = Result<CaptureSet>;
    CaptureSet out;
    out.kind = detectKind(input.first(std::min<qsizetype>(input.size(), 64 * 1024)));
    switch (out.kind) {
    case InputKind::Unknown:
        return R::failure(tr("This is not raw HTTP (a request line such as \"POST /path HTTP/1.1\"), a cURL "
                             "command or a HAR file."));
    case InputKind::RawHttp:
    case InputKind::Curl: {
        Result<CapturedRequest> request =
            out.kind == InputKind::Curl ? parseCurl(input) : parseRawHttp(input);
        if (!request)
            return R::failure(request.error());
        request.value().source.name = name;
        out.requests.append(*request);
        return out;
    }
    case InputKind::Har:
        break;
    }

    QByteArray copy = input.toByteArray();
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    HarReader reader(&buffer);
    CapturedRequest request;
    while (reader.next(request)) {
        request.source.name = name;
        out.requests.append(request);
    }
    if (!reader.error().isEmpty())
        return R::failure(reader.error());
    out.harEntries = reader.entriesSeen();
    out.harSkipped = reader.entriesSkipped();
    if (out.requests.isEmpty())
        return R::failure(tr("The HAR holds %n entries but no Chat API request (/v2/origin/custom/...).",
                             nullptr, int(out.harEntries)));
    return out;
}

QString captureLabel(const CapturedRequest &request)
{
    // A delivery-status path is told apart by its msgid; the scope_id is mostly the same in one session.
    QString label = QString::fromUtf8(request.method + ' ' + request.target);
    if (const std::optional<delivery::PathParts> parts = delivery::parsePath(request.path())) {
        label = tr("%1 delivery_status of msgid %2 (scope_id \u2026%3)")
                    .arg(QString::fromUtf8(request.method), parts->msgid, parts->scopeId.right(8));
    }
    if (request.source.index >= 0)
        label = QStringLiteral("#%1  %2").arg(request.source.index).arg(label);
    if (!request.source.startedDateTime.isEmpty())
        label += QStringLiteral("  (%1)").arg(request.source.startedDateTime);
    return label;
}

Result<QByteArray> readCaptureFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(tr("Cannot read \"%1\": %2").arg(path, file.errorString()));
    if (file.size() > maxBytes) {
        return Result<QByteArray>::failure(
            tr("\"%1\" is larger than %2 MiB; verify it with `kommo-status verify FILE`, which reads a HAR "
               "of any size.")
                .arg(path, QString::number(maxBytes / (1024 * 1024))));
    }
    return file.readAll();
}

} // namespace kommo::interchange

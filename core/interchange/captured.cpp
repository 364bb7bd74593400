#include "core/interchange/captured.h"

namespace kommo {

QByteArray CapturedRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.first(q);
}

QByteArray CapturedRequest::query() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QByteArray CapturedRequest::header(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

bool CapturedRequest::hasHeader(QByteArrayView name) const
{
    return headerCount(name) > 0;
}

qsizetype CapturedRequest::headerCount(QByteArrayView name) const
{
    qsizetype count = 0;
    for (const Header &h : headers) {
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

QString captureKindName(CaptureKind kind)
{
    switch (kind) {
    case CaptureKind::RawHttp:
        return QStringLiteral("raw_http");
    case CaptureKind::Curl:
        return QStringLiteral("curl");
    case CaptureKind::Har:
        return QStringLiteral("har");
    }
    return {};
}

} // namespace kommo

#include "core/signing/report.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace kommo::report {
namespace {

KOMMO_DECLARE_TR("kommo::report")

} // namespace

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QJsonArray headersJson(const QList<Header> &headers)
{
    QJsonArray list;
    for (const Header &h : headers) {
        list.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(h.name)},
                                {QStringLiteral("value"), QString::fromUtf8(h.value)}});
    }
    return list;
}

void insertBody(QJsonObject &object, QByteArrayView body)
{
    if (isValidUtf8(body)) {
        object.insert(QStringLiteral("body"), QString::fromUtf8(body));
    } else {
        object.insert(QStringLiteral("body"), QJsonValue::Null);
        object.insert(QStringLiteral("body_base64"), QString::fromLatin1(body.toByteArray().toBase64()));
    }
    object.insert(QStringLiteral("body_bytes"), body.size());
}

QJsonArray findingsJson(const QList<Finding> &findings)
{
    QJsonArray list;
    for (const Finding &f : findings) {
        list.append(QJsonObject{{QStringLiteral("severity"), severityName(f.severity)},
                                {QStringLiteral("field"), f.field},
                                {QStringLiteral("id"), f.id},
                                {QStringLiteral("message"), f.message},
                                {QStringLiteral("blocks_sending"), f.blocksSending}});
    }
    return list;
}

QJsonObject signedRequestJson(const SignedRequest &request)
{
    QJsonObject headers;
    for (const Header &h : request.headers) {
        const QString name = QString::fromLatin1(h.name);
        if (!headers.contains(name))
            headers.insert(name, QString::fromUtf8(h.value));
    }
    QJsonObject object{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("url"), QString::fromUtf8(request.url.toEncoded())},
        {QStringLiteral("path"), QString::fromUtf8(request.signedPath)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("content_md5"), QString::fromLatin1(request.contentMd5)},
        {QStringLiteral("signature"), QString::fromLatin1(request.signature)},
        {QStringLiteral("string_to_sign"), QString::fromUtf8(request.stringToSign)},
        {QStringLiteral("findings"), findingsJson(request.findings)},
    };
    if (isValidUtf8(request.spec.body)) {
        object.insert(QStringLiteral("body"), QString::fromUtf8(request.spec.body));
    } else {
        object.insert(QStringLiteral("body"), QJsonValue::Null);
        object.insert(QStringLiteral("body_base64"), QString::fromLatin1(request.spec.body.toBase64()));
    }
    return object;
}

QString visibleText(QByteArrayView bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(u'\r', QStringLiteral("\u240D"));
    text.replace(u'\n', QStringLiteral("\u23CE\n"));
    text.replace(u'\t', QStringLiteral("\u2192"));
    text.replace(QChar(u'\0'), QStringLiteral("\u2400"));
    // Trailing spaces of each line become visible dots.
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = line.size();
        if (line.endsWith(QStringLiteral("\u23CE")))
            --end;
        qsizetype start = end;
        while (start > 0 && line.at(start - 1) == u' ')
            --start;
        if (start < end)
            line.replace(start, end - start, QString(end - start, QChar(0x00B7)));
    }
    return lines.join(u'\n');
}

QString escapeControls(QStringView text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control =
            (u < 0x20 && !(keepLineBreaks && (u == u'\n' || u == u'\t'))) || (u >= 0x7f && u <= 0x9f);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
                          u == 0x200f || u == 0x061c;
        if (control)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else if (bidi)
            out += QStringLiteral("\\u{%1}").arg(u, 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString escapeControls(QByteArrayView utf8, bool keepLineBreaks)
{
    return escapeControls(QString::fromUtf8(utf8), keepLineBreaks);
}

QString findingLine(const Finding &finding)
{
    return QStringLiteral("%1 [%2]: %3").arg(severityName(finding.severity), finding.field, finding.message);
}

QString signedRequestText(const SignedRequest &request)
{
    static const char *const labels[] = {"method", "Content-MD5", "Content-Type", "Date", "path"};
    QString out;
    out += tr("Request: %1 %2\n")
               .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.url.toEncoded()));
    out += tr("\nHeaders:\n");
    for (const Header &h : request.headers)
        out += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(h.name), QString::fromUtf8(h.value));

    out += tr("\nString to sign (each line ends where ⏎ stands; the last has no line break):\n");
    const QList<QByteArray> lines = request.stringToSign.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString label = i < 5 ? QLatin1String(labels[i]) : QStringLiteral("?");
        out += QStringLiteral("  %1 %2%3\n")
                   .arg(label + u':', -14)
                   .arg(QString::fromUtf8(lines.at(i)),
                        i + 1 < lines.size() ? QStringLiteral("\u23CE") : QString());
    }

    out += tr("\nBody (%n byte(s)):\n", nullptr, static_cast<int>(request.spec.body.size()));
    if (isValidUtf8(request.spec.body))
        out += visibleText(request.spec.body) + u'\n';
    else
        out += tr("  (not UTF-8; base64) %1\n").arg(QString::fromLatin1(request.spec.body.toBase64()));

    out += tr("\nContent-MD5: %1\nX-Signature: %2\n")
               .arg(QString::fromLatin1(request.contentMd5), QString::fromLatin1(request.signature));
    if (request.findings.isEmpty()) {
        out += tr("\nFindings: none\n");
    } else {
        out += tr("\nFindings:\n");
        for (const Finding &f : request.findings)
            out += QStringLiteral("  ") + findingLine(f) + u'\n';
    }
    return out;
}

} // namespace kommo::report

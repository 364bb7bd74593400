#include "core/interchange/export_text.h"

#include "core/interchange/export.h"

#include <QUrl>

namespace kommo::interchange::detail {

Unit decodeAt(QByteArrayView bytes, qsizetype offset)
{
    Unit unit;
    unit.offset = offset;
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(offset);
    if (lead < 0x80) {
        unit.codePoint = lead;
        unit.valid = true;
        return unit;
    }

    // The sequence length and the smallest code point it may encode (anything below is overlong).
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        value = lead & 0x1f;
        minimum = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        value = lead & 0x0f;
        minimum = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return unit;
    }
    if (offset + length > bytes.size())
        return unit;
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(offset + k);
        if ((next & 0xc0) != 0x80)
            return unit;
        value = (value << 6) | (next & 0x3f);
    }
    if (value < minimum || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        return unit;
    unit.codePoint = value;
    unit.valid = true;
    unit.length = length;
    return unit;
}

bool isHidden(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xad || (c >= 0x200b && c <= 0x200f) ||
           (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

bool isPlainText(QByteArrayView bytes, bool allowLineFeedAndTab)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const Unit unit = decodeAt(bytes, i);
        if (!unit.valid)
            return false;
        const bool harmless = allowLineFeedAndTab && (unit.codePoint == '\n' || unit.codePoint == '\t');
        if (isHidden(unit.codePoint) && !harmless)
            return false;
        i += unit.length;
    }
    return true;
}

} // namespace kommo::interchange::detail

namespace kommo::interchange::detail {

QByteArray printfFormat(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (qsizetype i = 0; i < bytes.size();) {
        const Unit unit = decodeAt(bytes, i);
        if (unit.valid && !isHidden(unit.codePoint)) {
            if (unit.codePoint == '%')
                out.append("%%");
            else if (unit.codePoint == '\\')
                out.append("\\\\");
            else
                out.append(bytes.sliced(i, unit.length));
        } else {
            // Always three digits, so a digit that follows is never read as part of the escape.
            for (qsizetype k = 0; k < unit.length; ++k) {
                const auto b = static_cast<unsigned char>(bytes[i + k]);
                out.append('\\').append(char('0' + (b >> 6))).append(char('0' + ((b >> 3) & 7)));
                out.append(char('0' + (b & 7)));
            }
        }
        i += unit.length;
    }
    return out;
}

QByteArray printfCommand(QByteArrayView bytes)
{
    const QByteArray format = printfFormat(bytes);
    if (format.startsWith('-'))
        return "printf " + shellQuote("%s" + format) + " ''";
    return "printf " + shellQuote(format);
}

bool isUtf8(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const Unit unit = decodeAt(bytes, i);
        if (!unit.valid)
            return false;
        i += unit.length;
    }
    return true;
}

QByteArray requestUrl(const kommo::SignedRequest &request)
{
    const QUrl base(request.spec.baseUrl.trimmed());
    const QByteArray scheme =
        base.scheme().isEmpty() ? QByteArray("https") : base.scheme().toLower().toLatin1();
    return scheme + "://" + request.header("Host") + request.target;
}

} // namespace kommo::interchange::detail

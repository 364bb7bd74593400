// Helpers the exporters and snippet writers share: walking bytes as UTF-8 and telling what is safe to show.
#pragma once

#include "core/signing/signing.h"

#include <QByteArray>
#include <QByteArrayView>

namespace kommo::interchange::detail {

// One step through bytes read as UTF-8: a code point, or one byte that is not part of valid UTF-8.
struct Unit
{
    char32_t codePoint = 0; // valid only when valid is true
    bool valid = false;
    qsizetype offset = 0; // where its bytes start
    qsizetype length = 1; // how many bytes it spans
};

// Decodes the unit at offset (offset < bytes.size()). Overlong forms, surrogates and values past U+10FFFF
// are invalid: each of their bytes becomes a unit of its own.
Unit decodeAt(QByteArrayView bytes, qsizetype offset);

// Code points that would be invisible or misleading in a printed literal or a pasted command: C0 and C1
// controls, DEL, line and paragraph separators, zero-width and bidirectional marks, the BOM.
bool isHidden(char32_t codePoint);

// Whether every unit is valid UTF-8 and nothing hidden is there, except the given harmless controls.
bool isPlainText(QByteArrayView bytes, bool allowLineFeedAndTab);

} // namespace kommo::interchange::detail

namespace kommo::interchange::detail {

// A printf(1) format that prints bytes exactly: % and \ doubled, printable UTF-8 kept, every other byte as a
// three-digit octal escape (\012). POSIX printf reads those in its format, NUL included.
QByteArray printfFormat(QByteArrayView bytes);

// "printf 'FORMAT'" printing bytes exactly; a format that starts with "-" is preceded by an empty %s so that
// no printf reads it as an option.
QByteArray printfCommand(QByteArrayView bytes);

// Whether every byte belongs to valid UTF-8.
bool isUtf8(QByteArrayView bytes);

// Where the request goes as text: scheme, the Host header's authority and the target exactly as sent (no
// QUrl normalization in between).
QByteArray requestUrl(const kommo::SignedRequest &request);

} // namespace kommo::interchange::detail

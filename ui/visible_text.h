// Bytes shown to a person with nothing hidden: line breaks, trailing spaces, tabs and control bytes marked.
#pragma once

#include <QByteArray>
#include <QString>

namespace kommo::ui {

// The bytes as UTF-8 text with every control byte, CR and LF marked (⏎ for LF, ␍ for CR, ⇥ for a tab,
// ␀ and \xNN for the others) and each space at the end of a line shown as ·. LF still breaks the line
// after its mark so that the text keeps its shape.
QString visibleText(const QByteArray &bytes);

// "68 bytes", "1 byte"; with "ends with a newline" or "2 trailing spaces" when the end is invisible.
QString byteSummary(const QByteArray &bytes);

} // namespace kommo::ui

// Shared look of the read-only byte views: a fixed-width font and spaces, tabs and line ends drawn visibly.
#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QPlainTextEdit;
class QLineEdit;
QT_END_NAMESPACE

namespace kommo::ui {

// Fixed-width font, wrapping anywhere when wrap is true; with showWhitespace, spaces, tabs and line ends are
// drawn visibly (for exact bytes, not for indented text).
void makeByteView(QPlainTextEdit *edit, bool wrap, bool showWhitespace = true);
// A read-only, fixed-width single-line value (hashes, signatures).
void makeValueView(QLineEdit *edit);

} // namespace kommo::ui

// The style's standard icons for the console's actions and findings, looked up when first drawn, not when
// made.
#pragma once

#include <QIcon>
#include <QStyle>

namespace kommo::ui {

// The style's icon for which, resolved at its first use (a finding's icon made for a state that is replaced
// before the first frame costs nothing). Where the icon theme is Qt's fallback "hicolor" (no desktop theme,
// as under Xvfb), the pictures Qt would end up with are taken straight from Qt's built-in images: the theme
// search cannot find action icons there, and parsing the theme's index is the largest single cost of the
// console's first frame otherwise (docs/benchmarks.md).
QIcon standardIcon(QStyle::StandardPixmap which);

} // namespace kommo::ui

// The Light, Dark and System palettes (Fusion with a palette: Qt 6.4 cannot read the desktop's preference).
#pragma once

#include <QString>

#include <optional>

namespace kommo::ui {

enum class PaletteChoice
{
    System,
    Light,
    Dark
};

// "system", "light", "dark" (as --palette and the settings write them); nothing for anything else.
std::optional<PaletteChoice> parsePalette(const QString &name);
QString paletteName(PaletteChoice choice);
// "System", "Light", "Dark", translated.
QString paletteLabel(PaletteChoice choice);

// Applies the choice to the whole application. The first call remembers the platform's own style and
// palette, which System restores.
void applyPalette(PaletteChoice choice);
PaletteChoice currentPalette();

} // namespace kommo::ui

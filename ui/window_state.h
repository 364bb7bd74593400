// What the window remembers between runs: its size and position, its docks, its splitters and the palette.
// Never an input value, and never the secret.
#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>

QT_BEGIN_NAMESPACE
class QMainWindow;
class QSettings;
QT_END_NAMESPACE

namespace kommo::ui {

// The settings the console writes: the file given (tests use a temporary one), or the shared
// organization's default place.
std::unique_ptr<QSettings> openSettings(const QString &file);

// Every QSplitter under the window with an object name is saved and restored by that name.
void saveWindowState(QSettings &settings, const QMainWindow &window);
// Returns false when nothing was stored yet (the caller then picks a default size).
bool restoreWindowState(QSettings &settings, QMainWindow &window);

QString storedPaletteName(QSettings &settings);
void storePaletteName(QSettings &settings, const QString &name);

} // namespace kommo::ui

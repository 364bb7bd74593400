#include "ui/window_state.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace kommo::ui {

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    if (!file.isEmpty())
        return std::make_unique<QSettings>(file, QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

void saveWindowState(QSettings &settings, const QMainWindow &window)
{
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("state"), window.saveState());
    settings.endGroup();
    settings.beginGroup(QStringLiteral("splitters"));
    const QList<QSplitter *> splitters = window.findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitter->objectName(), splitter->saveState());
    }
    settings.endGroup();
}

bool restoreWindowState(QSettings &settings, QMainWindow &window)
{
    settings.beginGroup(QStringLiteral("splitters"));
    const QList<QSplitter *> splitters = window.findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty() && settings.contains(splitter->objectName()))
            splitter->restoreState(settings.value(splitter->objectName()).toByteArray());
    }
    settings.endGroup();
    settings.beginGroup(QStringLiteral("window"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    const QByteArray state = settings.value(QStringLiteral("state")).toByteArray();
    settings.endGroup();
    if (!state.isEmpty())
        window.restoreState(state);
    return !geometry.isEmpty() && window.restoreGeometry(geometry);
}

QString storedPaletteName(QSettings &settings)
{
    return settings.value(QStringLiteral("appearance/palette"), QStringLiteral("system")).toString();
}

void storePaletteName(QSettings &settings, const QString &name)
{
    settings.setValue(QStringLiteral("appearance/palette"), name);
}

} // namespace kommo::ui

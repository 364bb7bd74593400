#include "ui/palette.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace kommo::ui {
namespace {

struct Platform
{
    QString styleName;
    QPalette palette;
};

const Platform &platform()
{
    static const Platform saved{QApplication::style() ? QApplication::style()->name() : QString(),
                                QApplication::palette()};
    return saved;
}

PaletteChoice g_current = PaletteChoice::System;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa9, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace

std::optional<PaletteChoice> parsePalette(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == u"system")
        return PaletteChoice::System;
    if (key == u"light")
        return PaletteChoice::Light;
    if (key == u"dark")
        return PaletteChoice::Dark;
    return std::nullopt;
}

QString paletteName(PaletteChoice choice)
{
    switch (choice) {
    case PaletteChoice::Light:
        return QStringLiteral("light");
    case PaletteChoice::Dark:
        return QStringLiteral("dark");
    case PaletteChoice::System:
        break;
    }
    return QStringLiteral("system");
}

QString paletteLabel(PaletteChoice choice)
{
    switch (choice) {
    case PaletteChoice::Light:
        return QCoreApplication::translate("kommo::ui", "Light");
    case PaletteChoice::Dark:
        return QCoreApplication::translate("kommo::ui", "Dark");
    case PaletteChoice::System:
        break;
    }
    return QCoreApplication::translate("kommo::ui", "System");
}

void applyPalette(PaletteChoice choice)
{
    const Platform &saved = platform();
    g_current = choice;
    if (choice == PaletteChoice::System) {
        if (!saved.styleName.isEmpty())
            QApplication::setStyle(QStyleFactory::create(saved.styleName));
        QApplication::setPalette(saved.palette);
        return;
    }
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette light = fusion->standardPalette();
    QApplication::setStyle(fusion);
    QApplication::setPalette(choice == PaletteChoice::Dark ? darkPalette() : light);
}

PaletteChoice currentPalette()
{
    return g_current;
}

} // namespace kommo::ui

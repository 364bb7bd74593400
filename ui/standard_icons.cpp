#include "ui/standard_icons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>

namespace kommo::ui {
namespace {

struct BuiltInImage
{
    const char *file;
    int size;
};

// Qt's own images behind QCommonStyle's standard icons, for the icons the toolbar shows (Qt 6.4's sizes).
QList<BuiltInImage> builtInImages(QStyle::StandardPixmap which)
{
    switch (which) {
    case QStyle::SP_MediaPlay:
        return {{":/qt-project.org/styles/commonstyle/images/media-play-16.png", 16},
                {":/qt-project.org/styles/commonstyle/images/media-play-32.png", 32}};
    case QStyle::SP_BrowserStop:
        return {{":/qt-project.org/styles/commonstyle/images/stop-24.png", 24},
                {":/qt-project.org/styles/commonstyle/images/stop-32.png", 32}};
    default:
        return {};
    }
}

QIcon resolve(QStyle::StandardPixmap which)
{
    const QList<BuiltInImage> images = builtInImages(which);
    if (!images.isEmpty() && QIcon::themeName() == u"hicolor") {
        QIcon icon;
        for (const BuiltInImage &image : images) {
            const QString file = QLatin1String(image.file);
            if (!QFile::exists(file)) // another Qt build: ask the style after all
                return QApplication::style()->standardIcon(which);
            // With its size given, the file is read only when the picture is drawn.
            icon.addFile(file, QSize(image.size, image.size));
        }
        return icon;
    }
    return QApplication::style()->standardIcon(which);
}

class LazyStandardIconEngine : public QIconEngine
{
public:
    explicit LazyStandardIconEngine(QStyle::StandardPixmap which)
        : m_which(which)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Every standard icon the console asks for exists (Qt has a built-in picture for each).
    bool isNull() override { return m_resolved && m_icon.isNull(); }
    QString key() const override { return QStringLiteral("kommo.lazy-standard-icon"); }
    QIconEngine *clone() const override
    {
        auto *copy = new LazyStandardIconEngine(m_which);
        copy->m_icon = m_icon;
        copy->m_resolved = m_resolved;
        return copy;
    }

private:
    QIcon &icon()
    {
        if (!m_resolved) {
            m_icon = resolve(m_which);
            m_resolved = true;
        }
        return m_icon;
    }

    QStyle::StandardPixmap m_which;
    QIcon m_icon;
    bool m_resolved = false;
};

} // namespace

QIcon standardIcon(QStyle::StandardPixmap which)
{
    return QIcon(new LazyStandardIconEngine(which));
}

} // namespace kommo::ui

#include "ui/copy_button.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

namespace kommo::ui {

CopyButton::CopyButton(const QString &what, std::function<QByteArray()> value, QWidget *parent)
    : QToolButton(parent)
    , m_what(what)
    , m_value(std::move(value))
{
    setText(tr("Copy"));
    setToolTip(tr("Copy %1 to the clipboard").arg(what));
    setAccessibleName(tr("Copy %1").arg(what));
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    connect(this, &QToolButton::clicked, this, [this] {
        // The exact bytes go to the clipboard as text/plain, UTF-8, without any trimming.
        auto *mime = new QMimeData;
        mime->setData(QStringLiteral("text/plain;charset=utf-8"), m_value());
        mime->setText(QString::fromUtf8(m_value()));
        QApplication::clipboard()->setMimeData(mime);
        Q_EMIT copied(m_what);
    });
}

} // namespace kommo::ui

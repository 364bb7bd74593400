// A small button that puts one value on the clipboard, read at the moment of the click.
#pragma once

#include <QToolButton>

#include <functional>

namespace kommo::ui {

class CopyButton : public QToolButton
{
    Q_OBJECT

public:
    // what names the value in the tooltip ("Content-MD5"); value is called on each click.
    CopyButton(const QString &what, std::function<QByteArray()> value, QWidget *parent = nullptr);

Q_SIGNALS:
    void copied(const QString &what);

private:
    QString m_what;
    std::function<QByteArray()> m_value;
};

} // namespace kommo::ui

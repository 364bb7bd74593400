#include "ui/visible_text.h"

#include <QCoreApplication>

namespace kommo::ui {

QString visibleText(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            out += QStringLiteral("\u23CE\n");
        } else if (c == u'\r') {
            out += u'\u240D';
        } else if (c == u'\t') {
            out += u'\u21E5';
        } else if (c == u' ') {
            // A space is only invisible where nothing follows it on its line.
            qsizetype j = i;
            while (j < text.size() && text.at(j) == u' ')
                ++j;
            const bool trailing = j == text.size() || text.at(j) == u'\n' || text.at(j) == u'\r';
            out += trailing ? u'\u00B7' : u' ';
        } else if (c == QChar(0)) {
            out += u'\u2400';
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

QString byteSummary(const QByteArray &bytes)
{
    QString text = QCoreApplication::translate("kommo::ui", "%n byte(s)", nullptr, int(bytes.size()));
    if (bytes.endsWith("\r\n"))
        text += QCoreApplication::translate("kommo::ui", ", ends with CR LF");
    else if (bytes.endsWith('\n'))
        text += QCoreApplication::translate("kommo::ui", ", ends with a newline");
    qsizetype spaces = 0;
    while (spaces < bytes.size() && bytes.at(bytes.size() - 1 - spaces) == ' ')
        ++spaces;
    if (spaces > 0)
        text += QCoreApplication::translate("kommo::ui", ", %n trailing space(s)", nullptr, int(spaces));
    return text;
}

} // namespace kommo::ui

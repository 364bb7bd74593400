#include "ui/finding_badge.h"

#include <QStyle>

namespace kommo::ui {

FindingBadge::FindingBadge(QStringList fields, QWidget *parent)
    : QLabel(parent)
    , m_fields(std::move(fields))
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setVisible(false);
    // Long messages wrap under the field instead of widening the form.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void FindingBadge::showFindings(const QList<Finding> &findings)
{
    QStringList lines;
    bool error = false;
    for (const Finding &f : findings) {
        const bool ours = std::any_of(m_fields.begin(), m_fields.end(), [&](const QString &field) {
            return field.endsWith(u':') ? f.field.startsWith(field) : f.field == field;
        });
        if (!ours)
            continue;
        lines.append((f.severity == Severity::Error ? QStringLiteral("\u2716 ") : QStringLiteral("\u26A0 ")) +
                     f.message);
        error = error || f.severity == Severity::Error;
    }
    const QString text = lines.join(u'\n');
    if (text == m_messages && isVisibleTo(parentWidget()) == !lines.isEmpty())
        return;
    m_messages = text;
    m_hasError = error;
    setText(text);
    setToolTip(text);
    setAccessibleDescription(text);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xd0, 0x3a, 0x3a) : QColor(0xc0, 0x80, 0x10));
    setPalette(p);
    setVisible(!lines.isEmpty());
}

} // namespace kommo::ui

#include "ui/text_views.h"

#include <QFontDatabase>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTextOption>

namespace kommo::ui {

void makeByteView(QPlainTextEdit *edit, bool wrap, bool showWhitespace)
{
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    if (showWhitespace) {
        QTextOption option = edit->document()->defaultTextOption();
        option.setFlags(option.flags() | QTextOption::ShowTabsAndSpaces |
                        QTextOption::ShowLineAndParagraphSeparators);
        edit->document()->setDefaultTextOption(option);
    }
    edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 2 + 10);
}

void makeValueView(QLineEdit *edit)
{
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

} // namespace kommo::ui

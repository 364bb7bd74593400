// The advanced inputs, folded by default: method, path, Content-Type and extra headers, so that any captured
// request can be rebuilt.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;
QT_END_NAMESPACE

namespace kommo::ui {

class FindingBadge;

class AdvancedBox : public QWidget
{
    Q_OBJECT

public:
    AdvancedBox(RequestDraft *draft, QWidget *parent = nullptr);

    QToolButton *foldButton() const { return m_fold; }
    // The fields are made on first unfold (or first asked for): the folded start-up frame does not need them.
    QComboBox *methodCombo() { return content().method; }
    QLineEdit *pathEdit() { return content().path; }
    QLineEdit *contentTypeEdit() { return content().contentType; }
    QPlainTextEdit *headersEdit() { return content().headers; }
    void setUnfolded(bool unfolded);

    // "Name: value" per line; the value loses the spaces after the colon only.
    static QList<Header> parseHeaders(const QString &text);
    static QString formatHeaders(const QList<Header> &headers);

private:
    struct Content
    {
        QWidget *box = nullptr;
        QComboBox *method = nullptr;
        QLineEdit *path = nullptr;
        QLineEdit *contentType = nullptr;
        QPlainTextEdit *headers = nullptr;
        QList<FindingBadge *> badges;
    };

    Content &content();
    void syncFromDraft();

    RequestDraft *m_draft;
    QToolButton *m_fold;
    Content m_content;
};

} // namespace kommo::ui

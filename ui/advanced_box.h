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
    QComboBox *methodCombo() const { return m_method; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }
    QPlainTextEdit *headersEdit() const { return m_headers; }
    void setUnfolded(bool unfolded);

    // "Name: value" per line; the value loses the spaces after the colon only.
    static QList<Header> parseHeaders(const QString &text);
    static QString formatHeaders(const QList<Header> &headers);

private:
    void syncFromDraft();

    RequestDraft *m_draft;
    QToolButton *m_fold;
    QWidget *m_content;
    QComboBox *m_method;
    QLineEdit *m_path;
    QLineEdit *m_contentType;
    QPlainTextEdit *m_headers;
    QList<FindingBadge *> m_badges;
};

} // namespace kommo::ui

// The summary of every finding about the current request, errors first.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
QT_END_NAMESPACE

namespace kommo::ui {

class FindingsPane : public QWidget
{
    Q_OBJECT

public:
    FindingsPane(RequestDraft *draft, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    // A finding was activated: its field (as in Finding::field), so that the input can take the focus.
    void fieldActivated(const QString &field);

private:
    void syncFromDraft();

    RequestDraft *m_draft;
    QLabel *m_summary;
    QListWidget *m_list;
};

} // namespace kommo::ui

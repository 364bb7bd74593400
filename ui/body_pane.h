// The body pane: the exact body bytes with a byte count and visible whitespace; editable in raw mode.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QRadioButton;
QT_END_NAMESPACE

namespace kommo::ui {

class FindingBadge;

class BodyPane : public QWidget
{
    Q_OBJECT

public:
    BodyPane(RequestDraft *draft, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_edit; }
    QLabel *bytesLabel() const { return m_bytes; }
    QRadioButton *formMode() const { return m_form; }
    QRadioButton *rawMode() const { return m_raw; }

private:
    void syncFromDraft();

    RequestDraft *m_draft;
    QRadioButton *m_form;
    QRadioButton *m_raw;
    QLabel *m_bytes;
    QPlainTextEdit *m_edit;
    FindingBadge *m_badge;
};

} // namespace kommo::ui

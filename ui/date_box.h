// The Date input: follow the clock, or a fixed value with a countdown of the signature's validity.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimer;
QT_END_NAMESPACE

namespace kommo::ui {

class DateBox : public QWidget
{
    Q_OBJECT

public:
    DateBox(RequestDraft *draft, QWidget *parent = nullptr);

    QLineEdit *dateEdit() const { return m_dateEdit; }
    QRadioButton *followButton() const { return m_follow; }
    QRadioButton *fixedButton() const { return m_fixed; }
    QPushButton *resignButton() const { return m_resign; }
    QLabel *countdownLabel() const { return m_countdown; }

private:
    void syncFromDraft();
    void updateCountdown();

    RequestDraft *m_draft;
    QRadioButton *m_follow;
    QRadioButton *m_fixed;
    QLineEdit *m_dateEdit;
    QPushButton *m_resign;
    QLabel *m_countdown;
    QTimer *m_timer;
};

} // namespace kommo::ui

// The request's inputs: target, channel secret, scope_id, msgid, status, error code and text, Date, advanced.
#pragma once

#include "core/draft/requestdraft.h"
#include "ui/targets.h"

#include <QUrl>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
class QToolButton;
class QPushButton;
QT_END_NAMESPACE

namespace kommo::ui {

class AdvancedBox;
class DateBox;
class FindingBadge;

class InputsPane : public QWidget
{
    Q_OBJECT

public:
    InputsPane(RequestDraft *draft, QWidget *parent = nullptr);

    QComboBox *targetCombo() const { return m_target; }
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLineEdit *secretEdit() const { return m_secret; }
    QToolButton *revealButton() const { return m_reveal; }
    QLineEdit *scopeIdEdit() const { return m_scopeId; }
    QLineEdit *msgidEdit() const { return m_msgid; }
    QPushButton *newMsgidButton() const { return m_newMsgid; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *errorCodeCombo() const { return m_errorCode; }
    QLineEdit *errorTextEdit() const { return m_errorText; }
    DateBox *dateBox() const { return m_dateBox; }
    AdvancedBox *advancedBox() const { return m_advanced; }

    TargetKind targetKind() const;
    // Chooses a target; the sandbox one asks for the sandbox (sandboxWanted) and waits for setSandboxUrl.
    void chooseTarget(TargetKind kind);
    // Where the started sandbox listens: the base URL while the sandbox target is chosen.
    void setSandboxUrl(const QUrl &url);

    // While true the secret field is drawn masked whatever the reveal toggle says (for screenshots).
    void setSecretMasked(bool masked);

    // The last widget of the pane in the tab order.
    QWidget *lastInTabOrder() const;

Q_SIGNALS:
    // The sandbox target was chosen: it must be started (once) and its URL handed back with setSandboxUrl.
    void sandboxWanted();

private:
    void syncFromDraft();
    void onTargetChosen();
    void updateSecretEcho();

    RequestDraft *m_draft;
    QComboBox *m_target;
    QLineEdit *m_baseUrl;
    QLineEdit *m_secret;
    QToolButton *m_reveal;
    QLineEdit *m_scopeId;
    QLineEdit *m_msgid;
    QPushButton *m_newMsgid;
    QComboBox *m_status;
    QComboBox *m_errorCode;
    QLineEdit *m_errorText;
    DateBox *m_dateBox;
    AdvancedBox *m_advanced;
    QList<FindingBadge *> m_badges;
    QUrl m_sandboxUrl;
    bool m_forceMask = false;
    static constexpr int maskedLength = 12;
    QString m_unmaskedSecret; // held only while a picture is taken
    int m_unmaskedCursor = 0;
};

} // namespace kommo::ui

// The window's Verify, Import, Export and Reproduce entries: their actions and menus, the views made on first
// use (so that they cost nothing at startup), and the wiring to the draft and the send path.
#pragma once

#include "core/interchange/captured.h"
#include "core/transport/transport.h"

#include <QObject>

#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QMainWindow;
class QMenu;
class QMenuBar;
QT_END_NAMESPACE

namespace kommo {
class RequestDraft;
}

namespace kommo::ui {

class ExportMenu;
class ImportDialog;
class InputsPane;
class ReproduceView;
class SendController;
class VerifyView;

class CaptureTools : public QObject
{
    Q_OBJECT

public:
    CaptureTools(QMainWindow *window, RequestDraft *draft, SendController *send, InputsPane *inputs);

    // Adds the Diagnose and Export menus before the menu bar's last menu (Help).
    void install(QMenuBar *menuBar);

    QAction *verifyAction() const { return m_verifyAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *reproduceAction() const { return m_reproduceAction; }
    QAction *verifySentAction() const { return m_verifySentAction; }
    QAction *exportAction() const { return m_exportAction; }
    ExportMenu *exportMenu() const { return m_exportMenu; }

    // Made on first use.
    VerifyView *verifyView();
    ImportDialog *importDialog();
    ReproduceView *reproduceView();
    bool hasVerifyView() const { return m_verify != nullptr; }

    const std::optional<Exchange> &lastExchange() const { return m_lastExchange; }

public Q_SLOTS:
    void showVerify();
    void showImport();
    void showReproduce();
    // Verifies exactly what was sent last (its headers and body) with the form's secret.
    void verifySent();
    // Rebuilds the request in the editor; a sentence in the status bar says what happened.
    bool loadIntoEditor(const kommo::CapturedRequest &request, bool keepTarget);
    void reproduce(const kommo::CapturedRequest &request);
    void setLastExchange(const kommo::Exchange &exchange);

private:
    void message(const QString &text);
    static void raise(QWidget *view);

    QMainWindow *m_window;
    RequestDraft *m_draft;
    SendController *m_send;
    InputsPane *m_inputs;
    QAction *m_verifyAction;
    QAction *m_importAction;
    QAction *m_reproduceAction;
    QAction *m_verifySentAction;
    QAction *m_exportAction;
    ExportMenu *m_exportMenu;
    VerifyView *m_verify = nullptr;
    ImportDialog *m_import = nullptr;
    ReproduceView *m_reproduce = nullptr;
    std::optional<Exchange> m_lastExchange;
};

} // namespace kommo::ui

// The console's main window: composes the inputs, the live panes, the response and the sandbox dock.
// It owns no feature logic: the draft, the send controller and the sandbox target do the work.
#pragma once

#include "core/clock.h"
#include "core/draft/requestdraft.h"
#include "ui/palette.h"

#include <QImage>
#include <QMainWindow>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QProgressBar;
class QShortcut;
class QSettings;
class QSplitter;
QT_END_NAMESPACE

namespace kommo {
struct Exchange;
}

namespace kommo::ui {

class BodyPane;
class CaptureTools;
class FindingsPane;
class InputsPane;
class RawRequestPane;
class ResponsePane;
class SandboxDock;
class SandboxTarget;
class SendController;
class SignaturePane;

struct MainWindowOptions
{
    const Clock *clock = nullptr; // none: the system clock
    QString settingsFile;         // empty: the application's default settings
    bool useSettings = true;      // false: neither read nor write any setting (screenshots)
};

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const MainWindowOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    RequestDraft &draft() { return *m_draft; }
    InputsPane *inputs() const { return m_inputs; }
    BodyPane *bodyPane() const { return m_body; }
    SignaturePane *signaturePane() const { return m_signature; }
    RawRequestPane *rawRequestPane() const { return m_raw; }
    ResponsePane *responsePane() const { return m_response; }
    FindingsPane *findingsPane() const { return m_findings; }
    SandboxDock *sandboxDock() const { return m_sandboxDock; }
    SendController &sendController() { return *m_send; }
    SandboxTarget &sandboxTarget() { return *m_sandboxTarget; }
    QAction *sendAction() const { return m_sendAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *copyCurlAction() const { return m_copyCurlAction; }
    QProgressBar *busyIndicator() const { return m_busy; }
    // Verify, Import, Export and Reproduce (their views are made on first use).
    CaptureTools *captureTools() const { return m_captureTools; }

    // The API page's cURL example (status Read) with the sandbox as the target. Never touches a keychain.
    void loadExample();
    // remember: store the choice in the settings (a --palette option applies without remembering).
    void setPaletteChoice(PaletteChoice choice, bool remember = true);
    // The window as a picture, with the secret masked even while it is revealed on screen.
    QImage capture();

public Q_SLOTS:
    void send();
    void cancel();

Q_SIGNALS:
    // The response (or the fault) of a send is on screen.
    void exchangeShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void useSandbox();
    void onExchange(const Exchange &exchange);
    void updateSendEnabled();

    MainWindowOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    RequestDraft *m_draft;
    SendController *m_send;
    SandboxTarget *m_sandboxTarget;
    InputsPane *m_inputs;
    BodyPane *m_body;
    SignaturePane *m_signature;
    RawRequestPane *m_raw;
    ResponsePane *m_response;
    FindingsPane *m_findings;
    SandboxDock *m_sandboxDock;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QShortcut *m_blockedSendShortcut = nullptr;
    QList<QAction *> m_paletteActions;
    QProgressBar *m_busy = nullptr;
    QAction *m_busyAction = nullptr; // the toolbar shows and hides the indicator through it
    CaptureTools *m_captureTools = nullptr;
};

} // namespace kommo::ui

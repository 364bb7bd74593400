#include "ui/mainwindow.h"

#include "core/draft/example.h"
#include "core/interchange/export.h"
#include "core/transport/transport.h"
#include "ui/body_pane.h"
#include "ui/capture_tools.h"
#include "ui/findings_pane.h"
#include "ui/first_paint.h"
#include "ui/inputs_pane.h"
#include "ui/raw_request_pane.h"
#include "ui/response_pane.h"
#include "ui/sandbox_dock.h"
#include "ui/sandbox_target.h"
#include "ui/send_controller.h"
#include "ui/signature_pane.h"
#include "ui/standard_icons.h"
#include "ui/window_state.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

QSplitter *splitter(Qt::Orientation orientation, const char *name, QWidget *parent)
{
    auto *s = new QSplitter(orientation, parent);
    s->setObjectName(QLatin1String(name));
    // No pane may be dragged out of sight.
    s->setChildrenCollapsible(false);
    return s;
}

} // namespace

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_draft(new RequestDraft(options.clock ? *options.clock : systemClock(), this))
    , m_send(new SendController(m_draft, this))
    , m_sandboxTarget(new SandboxTarget(m_draft, this))
    , m_inputs(new InputsPane(m_draft, this))
    , m_body(new BodyPane(m_draft, this))
    , m_signature(new SignaturePane(m_draft, this))
    , m_raw(new RawRequestPane(m_draft, this))
    , m_response(new ResponsePane(this))
    , m_findings(new FindingsPane(m_draft, this))
    , m_sandboxDock(new SandboxDock(this))
{
    setWindowTitle(tr("Kommo delivery-status console"));
    // The icon is compiled into the executable, not into this library (tests run without it).
    const QString icon = QStringLiteral(":/icons/kommo-status-console.svg");
    // Loading it pulls in the SVG plugin: done after the first paint (a zero timer would run before it).
    if (QFile::exists(icon))
        afterFirstPaint(this, [this, icon] { setWindowIcon(QIcon(icon)); });

    // Left: the inputs above the findings. Right: signature, then body beside the raw request, then the
    // response; every pane stays on screen at once.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("inputsScroll"));
    scroll->setWidget(m_inputs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *left = splitter(Qt::Vertical, "leftSplitter", this);
    left->addWidget(scroll);
    left->addWidget(m_findings);
    left->setStretchFactor(0, 4);
    left->setStretchFactor(1, 1);

    auto *request = splitter(Qt::Horizontal, "requestSplitter", this);
    request->addWidget(m_body);
    request->addWidget(m_raw);
    request->setStretchFactor(0, 2);
    request->setStretchFactor(1, 3);
    auto *right = splitter(Qt::Vertical, "rightSplitter", this);
    right->addWidget(m_signature);
    right->addWidget(request);
    right->addWidget(m_response);
    right->setStretchFactor(0, 0);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);

    auto *main = splitter(Qt::Horizontal, "mainSplitter", this);
    main->addWidget(left);
    main->addWidget(right);
    // A wider window gives the inputs a share too, so that a whole scope_id fits at full HD.
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 3);
    main->setSizes({410, 614});
    setCentralWidget(main);

    addDockWidget(Qt::BottomDockWidgetArea, m_sandboxDock);
    m_sandboxDock->hide();
    // The dock is a log: it starts low so that the request and response panes keep the room.
    resizeDocks({m_sandboxDock}, {120}, Qt::Vertical);

    buildActions();
    m_captureTools = new CaptureTools(this, m_draft, m_send, m_inputs);
    m_captureTools->install(menuBar());
    connect(m_response, &ResponsePane::verifySentRequested, m_captureTools, &CaptureTools::verifySent);

    // Wiring: the panes already follow the draft; here only the sending and the sandbox.
    connect(m_inputs, &InputsPane::sandboxWanted, this, &MainWindow::useSandbox);
    connect(m_sandboxTarget, &SandboxTarget::requestReceived, m_sandboxDock, &SandboxDock::addRequest);
    connect(m_sandboxDock->followCheck(), &QCheckBox::toggled, m_sandboxTarget,
            &SandboxTarget::setFollowDraft);
    connect(m_send, &SendController::busyChanged, this, [this](bool busy) {
        m_busyAction->setVisible(busy);
        m_cancelAction->setEnabled(busy);
        updateSendEnabled();
    });
    connect(m_send, &SendController::sending, this,
            [this](const SignedRequest &r) { m_response->showSending(r.url.toString()); });
    connect(m_send, &SendController::blocked, this, [this](const QString &why) {
        m_response->showBlocked(why);
        Q_EMIT exchangeShown();
    });
    connect(m_send, &SendController::exchangeFinished, this,
            [this](const Exchange &exchange, const QList<diagnosis::Line> &lines) {
                m_raw->showSent(exchange);
                m_response->showExchange(exchange, lines);
                onExchange(exchange);
            });
    connect(m_draft, &RequestDraft::changed, this, &MainWindow::updateSendEnabled);
    connect(m_findings, &FindingsPane::fieldActivated, this, [this](const QString &field) {
        const QString name = field == u"base_url"          ? QStringLiteral("baseUrlEdit")
                             : field == u"secret"          ? QStringLiteral("secretEdit")
                             : field == u"scope_id"        ? QStringLiteral("scopeIdEdit")
                             : field == u"msgid"           ? QStringLiteral("msgidEdit")
                             : field == u"error_code"      ? QStringLiteral("errorCodeCombo")
                             : field == u"error"           ? QStringLiteral("errorTextEdit")
                             : field == u"date"            ? QStringLiteral("dateEdit")
                             : field == u"delivery_status" ? QStringLiteral("statusCombo")
                                                           : QStringLiteral("bodyEdit");
        if (QWidget *w = findChild<QWidget *>(name))
            w->setFocus(Qt::OtherFocusReason);
    });
    updateSendEnabled();
    // Text fields claim Ctrl+Return and Esc for themselves; the window's Send and Cancel must win.
    qApp->installEventFilter(this);

    resize(1180, 780);
    if (m_options.useSettings) {
        m_settings = openSettings(m_options.settingsFile);
        restoreWindowState(*m_settings, *this);
        setPaletteChoice(parsePalette(storedPaletteName(*m_settings)).value_or(PaletteChoice::System), false);
    }
    m_inputs->secretEdit()->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_sendAction = new QAction(tr("&Send"), this);
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setShortcutContext(Qt::WindowShortcut);
    m_sendAction->setIcon(standardIcon(QStyle::SP_MediaPlay));
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::send);
    // While Send is disabled its shortcut is silent; this one, live only then, says why nothing left.
    m_blockedSendShortcut = new QShortcut(this);
    m_blockedSendShortcut->setKeys(m_sendAction->shortcuts());
    m_blockedSendShortcut->setContext(Qt::WindowShortcut);
    m_blockedSendShortcut->setEnabled(false);
    connect(m_blockedSendShortcut, &QShortcut::activated, this,
            [this] { statusBar()->showMessage(m_sendAction->toolTip(), 10000); });

    m_cancelAction = new QAction(tr("&Cancel"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setIcon(standardIcon(QStyle::SP_BrowserStop));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);

    m_copyCurlAction = new QAction(tr("Copy as c&URL"), this);
    m_copyCurlAction->setObjectName(QStringLiteral("copyCurlAction"));
    m_copyCurlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCurlAction->setToolTip(
        tr("Copy a cURL command that sends exactly this request (never the secret)"));
    connect(m_copyCurlAction, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(QString::fromUtf8(interchange::curlCommand(m_draft->current())));
        statusBar()->showMessage(
            tr("The cURL command is on the clipboard; its signature is valid for 15 minutes "
               "from its Date."),
            5000);
    });

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Sending"));

    auto *toolbar = addToolBar(tr("Send"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_sendAction);
    toolbar->addAction(m_cancelAction);
    m_busyAction = toolbar->addWidget(m_busy);
    m_busyAction->setVisible(false);
    toolbar->addSeparator();
    toolbar->addAction(m_copyCurlAction);

    QMenu *file = menuBar()->addMenu(tr("&Request"));
    file->addAction(m_sendAction);
    file->addAction(m_cancelAction);
    file->addAction(m_copyCurlAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *palettes = view->addMenu(tr("&Palette"));
    auto *group = new QActionGroup(this);
    for (PaletteChoice choice : {PaletteChoice::System, PaletteChoice::Light, PaletteChoice::Dark}) {
        QAction *a = palettes->addAction(paletteLabel(choice));
        a->setCheckable(true);
        a->setData(int(choice));
        a->setObjectName(QStringLiteral("palette_") + paletteName(choice));
        group->addAction(a);
        m_paletteActions.append(a);
        connect(a, &QAction::triggered, this, [this, choice] { setPaletteChoice(choice); });
    }
    view->addAction(m_sandboxDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About"),
                           tr("<b>kommo-status-console</b> %1<br>Sign, send and verify Kommo Chat API "
                              "delivery-status updates.")
                               .arg(QStringLiteral(KOMMO_VERSION)));
    });
}

void MainWindow::setPaletteChoice(PaletteChoice choice, bool remember)
{
    applyPalette(choice);
    for (QAction *a : std::as_const(m_paletteActions))
        a->setChecked(PaletteChoice(a->data().toInt()) == choice);
    if (m_settings && remember)
        storePaletteName(*m_settings, paletteName(choice));
}

void MainWindow::loadExample()
{
    m_draft->batch([this] {
        m_draft->setScopeId(example::scopeId);
        m_draft->setMsgid(example::msgid);
        m_draft->setDeliveryStatus(example::deliveryStatus);
        m_draft->setErrorCode(std::nullopt);
        m_draft->setErrorText(QString());
        m_draft->setSecret(example::secret);
        m_draft->setDateMode(RequestDraft::DateMode::FollowClock);
        m_draft->setBodyMode(RequestDraft::BodyMode::Form);
    });
    m_inputs->chooseTarget(TargetKind::Sandbox);
}

void MainWindow::useSandbox()
{
    const Result<QUrl> url = m_sandboxTarget->ensureStarted();
    if (!url) {
        statusBar()->showMessage(tr("The sandbox did not start: %1").arg(url.error()));
        return;
    }
    m_inputs->setSandboxUrl(*url);
    m_sandboxDock->show();
    statusBar()->showMessage(
        tr("Sandbox listening on %1 (loopback only), holding this scope_id and secret.").arg(url->toString()),
        8000);
}

void MainWindow::send()
{
    if (m_inputs->targetKind() == TargetKind::Sandbox && !m_sandboxTarget->isRunning())
        useSandbox();
    m_send->send();
}

void MainWindow::cancel()
{
    m_send->cancel();
}

void MainWindow::onExchange(const Exchange &exchange)
{
    statusBar()->showMessage(
        exchange.hasResponse()
            ? tr("%1 from %2").arg(QString::fromLatin1(exchange.statusLine()), exchange.url.toString())
            : exchange.fault.message,
        10000);
    Q_EMIT exchangeShown();
}

void MainWindow::updateSendEnabled()
{
    const SignedRequest &r = m_draft->current();
    m_sendAction->setEnabled(r.canSend() && !m_send->isBusy());
    m_blockedSendShortcut->setEnabled(!r.canSend());
    const QStringList reasons = blockingMessages(r.findings);
    m_sendAction->setToolTip(reasons.isEmpty() ? tr("Send the request (Ctrl+Return)")
                                               : tr("Cannot send: %1").arg(reasons.join(u' ')));
}

QImage MainWindow::capture()
{
    m_inputs->setSecretMasked(true);
    const QImage image = grab().toImage();
    m_inputs->setSecretMasked(false);
    return image;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType() &&
        isAncestorOf(static_cast<QWidget *>(watched))) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool sendKey = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                             key->modifiers().testFlag(Qt::ControlModifier);
        const bool cancelKey = key->key() == Qt::Key_Escape && m_send->isBusy();
        if (sendKey || cancelKey) {
            // Left unaccepted, the key goes to the window's shortcut instead of the field.
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings) {
        saveWindowState(*m_settings, *this);
        m_settings->sync();
    }
    QMainWindow::closeEvent(event);
}

} // namespace kommo::ui

#include "ui/capture_tools.h"

#include "core/draft/capture_draft.h"
#include "core/draft/requestdraft.h"
#include "core/signing/httpdate.h"
#include "ui/advanced_box.h"
#include "ui/export_menu.h"
#include "ui/import_dialog.h"
#include "ui/inputs_pane.h"
#include "ui/reproduce_view.h"
#include "ui/send_controller.h"
#include "ui/verify_view.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

Q_LOGGING_CATEGORY(lcCaptureTools, "kommo.ui.capture_tools")

namespace kommo::ui {
namespace {

// CRLF as a line break: the text shown for what was sent (the wire's CRLF is implied).
QString shownRaw(const QByteArray &raw)
{
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    return QString::fromUtf8(text);
}

} // namespace

CaptureTools::CaptureTools(QMainWindow *window, RequestDraft *draft, SendController *send, InputsPane *inputs)
    : QObject(window)
    , m_window(window)
    , m_draft(draft)
    , m_send(send)
    , m_inputs(inputs)
    , m_verifyAction(new QAction(tr("&Verify a captured request\u2026"), this))
    , m_importAction(new QAction(tr("&Import a request\u2026"), this))
    , m_reproduceAction(new QAction(tr("&Reproduce a captured request\u2026"), this))
    , m_verifySentAction(new QAction(tr("&Why 403? Verify what was sent"), this))
    , m_exportAction(new QAction(tr("E&xport\u2026"), this))
    , m_exportMenu(new ExportMenu([draft] { return draft->current(); }, window))
{
    m_verifyAction->setObjectName(QStringLiteral("verifyAction"));
    m_verifyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_verifyAction->setToolTip(tr("Check a captured request (raw HTTP, cURL or HAR) and name the mistake"));
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Load a cURL command, a raw request or a HAR entry into the editor"));
    m_reproduceAction->setObjectName(QStringLiteral("reproduceAction"));
    m_reproduceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reproduceAction->setToolTip(tr("Sign a captured request again with a fresh Date and compare"));
    m_verifySentAction->setObjectName(QStringLiteral("verifySentAction"));
    m_verifySentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_verifySentAction->setToolTip(tr("Run the verifier on exactly what was sent, with the form's secret"));
    m_verifySentAction->setEnabled(false);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Open the Export menu"));
    for (QAction *a : {m_verifyAction, m_importAction, m_reproduceAction, m_verifySentAction, m_exportAction})
        a->setShortcutContext(Qt::WindowShortcut);

    connect(m_verifyAction, &QAction::triggered, this, &CaptureTools::showVerify);
    connect(m_importAction, &QAction::triggered, this, &CaptureTools::showImport);
    connect(m_reproduceAction, &QAction::triggered, this, &CaptureTools::showReproduce);
    connect(m_verifySentAction, &QAction::triggered, this, &CaptureTools::verifySent);
    connect(m_exportMenu, &ExportMenu::exported, this, &CaptureTools::message);
    connect(m_send, &SendController::exchangeFinished, this,
            [this](const Exchange &exchange) { setLastExchange(exchange); });
    // The views read the form's secret when they verify; a changed secret re-verifies what is on screen.
    connect(m_draft, &RequestDraft::changed, this, [this] {
        if (m_verify)
            m_verify->formSecretChanged();
    });
}

void CaptureTools::install(QMenuBar *menuBar)
{
    auto *diagnose = new QMenu(tr("&Diagnose"), menuBar);
    diagnose->setObjectName(QStringLiteral("diagnoseMenu"));
    diagnose->addAction(m_verifyAction);
    diagnose->addAction(m_verifySentAction);
    diagnose->addSeparator();
    diagnose->addAction(m_importAction);
    diagnose->addAction(m_reproduceAction);
    // Ctrl+E opens the Export menu where the window's menu bar is.
    m_window->addAction(m_exportAction);
    connect(m_exportAction, &QAction::triggered, this,
            [this, menuBar] { menuBar->setActiveAction(m_exportMenu->menuAction()); });

    const QList<QAction *> menus = menuBar->actions();
    QAction *before = menus.isEmpty() ? nullptr : menus.last();
    menuBar->insertMenu(before, diagnose);
    menuBar->insertMenu(before, m_exportMenu);
}

VerifyView *CaptureTools::verifyView()
{
    if (!m_verify) {
        m_verify = new VerifyView([this] { return m_draft->secret(); }, m_draft->clock(), m_window);
        connect(m_verify, &VerifyView::loadRequested, this, &CaptureTools::loadIntoEditor);
        connect(m_verify, &VerifyView::reproduceRequested, this, &CaptureTools::reproduce);
        connect(m_verify, &VerifyView::copied, this,
                [this](const QString &what) { message(tr("Copied %1.").arg(what)); });
    }
    return m_verify;
}

ImportDialog *CaptureTools::importDialog()
{
    if (!m_import) {
        m_import = new ImportDialog(m_window);
        connect(m_import, &ImportDialog::loadRequested, this, &CaptureTools::loadIntoEditor);
    }
    return m_import;
}

ReproduceView *CaptureTools::reproduceView()
{
    if (!m_reproduce) {
        m_reproduce = new ReproduceView([this] { return m_draft->secret(); },
                                        [this] { return m_draft->baseUrl(); }, m_draft->clock(), m_window);
        connect(m_reproduce, &ReproduceView::sendRequested, m_send, &SendController::sendRequest);
    }
    return m_reproduce;
}

void CaptureTools::raise(QWidget *view)
{
    view->show();
    view->raise();
    view->activateWindow();
}

void CaptureTools::showVerify()
{
    raise(verifyView());
}

void CaptureTools::showImport()
{
    raise(importDialog());
}

void CaptureTools::showReproduce()
{
    raise(reproduceView());
}

void CaptureTools::verifySent()
{
    if (!m_lastExchange) {
        message(tr("Nothing was sent yet."));
        return;
    }
    const Exchange &e = *m_lastExchange;
    // The Date's age as the server saw it: its own Date where it sent one, else the moment of sending.
    std::optional<QDateTime> now;
    if (const Result<httpdate::Parsed> serverDate = httpdate::parse(e.responseHeader("Date")))
        now = serverDate->instant;
    else if (e.sentAt.isValid())
        now = e.sentAt;
    verifyView()->verifyCapture(captureFromExchange(e), shownRaw(e.sentRaw), now, e.status);
    raise(m_verify);
}

bool CaptureTools::loadIntoEditor(const CapturedRequest &request, bool keepTarget)
{
    const Result<DraftFields> fields = loadCapture(*m_draft, request, {keepTarget});
    if (!fields) {
        message(fields.error());
        return false;
    }
    // The advanced fields say how the request differs from the form's: open them when they are used.
    const bool advanced = !fields->pathOverride.isEmpty() || !fields->extraHeaders.isEmpty() ||
                          fields->method != "POST" || fields->contentType != "application/json";
    if (advanced)
        m_inputs->advancedBox()->setUnfolded(true);
    qCInfo(lcCaptureTools) << "loaded into the editor" << request.method << request.target;
    QString text = fields->date
                       ? tr("Loaded %1 %2 into the editor with its captured Date; \"Re-sign now\" stamps "
                            "a fresh one.")
                       : tr("Loaded %1 %2 into the editor.");
    text = text.arg(QString::fromUtf8(request.method), QString::fromUtf8(request.target));
    for (const Finding &note : fields->notes)
        text += u' ' + note.message;
    message(text);
    m_window->raise();
    m_window->activateWindow();
    return true;
}

void CaptureTools::reproduce(const CapturedRequest &request)
{
    QByteArray raw = request.method + ' ' + request.target + " HTTP/1.1\n";
    for (const Header &h : request.headers)
        raw.append(h.name).append(": ").append(h.value).append('\n');
    raw.append('\n').append(request.body);
    reproduceView()->reproduceCapture(request, QString::fromUtf8(raw));
    raise(m_reproduce);
}

void CaptureTools::setLastExchange(const Exchange &exchange)
{
    m_lastExchange = exchange;
    m_verifySentAction->setEnabled(true);
    m_verifySentAction->setText(exchange.status == 403 ? tr("&Why 403? Verify what was sent")
                                                       : tr("&Verify what was sent"));
}

void CaptureTools::message(const QString &text)
{
    m_window->statusBar()->showMessage(text, 10000);
}

} // namespace kommo::ui

#include "ui/capture_input.h"

#include "ui/tab_chain.h"
#include "ui/text_views.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

// Larger files are HAR sessions for `kommo-status verify FILE`, which streams them.
constexpr qint64 maxFileBytes = 8 * 1024 * 1024;

} // namespace

CaptureInput::CaptureInput(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_entries(new QListWidget(this))
    , m_open(new QPushButton(tr("&Open\u2026"), this))
    , m_paste(new QPushButton(tr("&Paste"), this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("captureEdit"));
    m_entries->setObjectName(QStringLiteral("captureEntries"));
    m_open->setObjectName(QStringLiteral("captureOpenButton"));
    m_paste->setObjectName(QStringLiteral("capturePasteButton"));
    m_status->setObjectName(QStringLiteral("captureStatus"));

    makeByteView(m_text, true, false);
    m_text->setPlaceholderText(
        tr("Paste a captured request: raw HTTP as a proxy or a log shows it, a cURL command (\"Copy as "
           "cURL\"), or a HAR file. Nothing it names is read, expanded or run."));
    m_text->setAccessibleName(tr("Captured request"));
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 5 + 10);
    m_entries->setAccessibleName(tr("The HAR's Chat API requests"));
    m_entries->setMaximumHeight(m_entries->fontMetrics().lineSpacing() * 6 + 8);
    m_entries->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open->setToolTip(tr("Open a file holding raw HTTP, a cURL command or a HAR (up to 8 MiB)"));
    m_paste->setToolTip(tr("Replace the text with the clipboard's"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto *head = new QHBoxLayout;
    auto *caption = new QLabel(tr("Capture (raw HTTP, cURL or HAR):"), this);
    caption->setBuddy(m_text);
    head->addWidget(caption, 1);
    head->addWidget(m_paste);
    head->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(head);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_entries);
    layout->addWidget(m_status);
    setTabChain({m_paste, m_open, m_text, m_entries});

    // Drops reach the viewport or the editor itself, whichever accepts drops.
    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CaptureInput::onTextEdited);
    connect(m_debounce, &QTimer::timeout, this, &CaptureInput::readNow);
    connect(m_entries, &QListWidget::currentRowChanged, this, [this] {
        showStatus();
        Q_EMIT captureChanged();
    });
    connect(m_paste, &QPushButton::clicked, this, [this] {
        m_text->setPlainText(QApplication::clipboard()->text());
        readNow();
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString path = m_openProvider
                                 ? m_openProvider()
                                 : QFileDialog::getOpenFileName(
                                       this, tr("Open a captured request"), QString(),
                                       tr("Captures (*.har *.txt *.http *.sh *.curl);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    showStatus();
}

bool CaptureInput::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_text && watched != m_text->viewport())
        return QWidget::eventFilter(watched, event);
    const auto droppedFile = [](const QMimeData *mime) {
        const QList<QUrl> urls = mime ? mime->urls() : QList<QUrl>();
        return urls.size() == 1 && urls.first().isLocalFile() ? urls.first().toLocalFile() : QString();
    };
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!droppedFile(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString file = droppedFile(drop->mimeData());
        if (!file.isEmpty()) {
            drop->acceptProposedAction();
            openFile(file);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::optional<CapturedRequest> CaptureInput::current() const
{
    if (m_set.requests.isEmpty())
        return std::nullopt;
    const int row = m_set.kind == interchange::InputKind::Har ? m_entries->currentRow() : 0;
    return m_set.requests.value(std::max(row, 0));
}

void CaptureInput::onTextEdited()
{
    if (m_settingText)
        return;
    // From the first keystroke on, the text is the capture.
    m_source = Source::Text;
    m_fileName.clear();
    m_debounce->start();
}

void CaptureInput::readNow()
{
    m_debounce->stop();
    if (m_source == Source::Text) {
        // toPlainText() would turn a no-break space into a space, changing the body's bytes: the raw text
        // keeps it, with its paragraph separators written back as the line feeds they were.
        QString text = m_text->document()->toRawText();
        text.replace(QChar::ParagraphSeparator, u'\n');
        readBytes(text.toUtf8(), QString());
    }
}

bool CaptureInput::openFile(const QString &path)
{
    const Result<QByteArray> read = interchange::readCaptureFile(path, maxFileBytes);
    if (!read) {
        m_error = read.error();
        showStatus();
        return false;
    }
    const QByteArray &bytes = *read;
    m_source = Source::FileBytes;
    m_fileName = QFileInfo(path).fileName();
    m_debounce->stop();
    m_settingText = true;
    m_text->setPlainText(QString::fromUtf8(bytes));
    m_settingText = false;
    readBytes(bytes, m_fileName);
    return true;
}

void CaptureInput::setCapture(const CapturedRequest &request, const QString &shownText)
{
    m_source = Source::Fixed;
    m_fileName.clear();
    m_debounce->stop();
    m_settingText = true;
    m_text->setPlainText(shownText);
    m_settingText = false;
    m_set = {};
    m_set.kind = interchange::InputKind::RawHttp;
    m_set.requests = {request};
    m_error.clear();
    m_entries->clear();
    m_entries->hide();
    showStatus();
    Q_EMIT captureChanged();
}

void CaptureInput::readBytes(const QByteArray &bytes, const QString &name)
{
    m_set = {};
    m_error.clear();
    if (!bytes.trimmed().isEmpty()) {
        Result<interchange::CaptureSet> set = interchange::readCaptures(bytes, name);
        if (set)
            m_set = *set;
        else
            m_error = set.error();
    }

    const QSignalBlocker blocker(m_entries);
    m_entries->clear();
    if (m_set.kind == interchange::InputKind::Har) {
        for (const CapturedRequest &r : std::as_const(m_set.requests)) {
            auto *item = new QListWidgetItem(interchange::captureLabel(r), m_entries);
            item->setToolTip(QString::fromUtf8(r.url.isEmpty() ? r.target : r.url));
        }
        m_entries->setCurrentRow(0);
    }
    m_entries->setVisible(m_set.kind == interchange::InputKind::Har);
    showStatus();
    Q_EMIT captureChanged();
}

void CaptureInput::showStatus()
{
    QString text;
    if (!m_error.isEmpty()) {
        text = QStringLiteral("<span style='color:#d03a3a'>\u2716 %1</span>").arg(m_error.toHtmlEscaped());
    } else if (m_set.requests.isEmpty()) {
        text = tr("Nothing read yet.");
    } else if (m_source == Source::Fixed) {
        text = tr("The request exactly as it was sent (edit the text to verify something else).");
    } else {
        const QString from =
            m_fileName.isEmpty() ? QString() : tr(" from %1").arg(m_fileName.toHtmlEscaped());
        switch (m_set.kind) {
        case interchange::InputKind::Har:
            text = tr("A HAR%1: %2 entries, %3 Chat API request(s); pick one.")
                       .arg(from)
                       .arg(m_set.harEntries)
                       .arg(m_set.requests.size());
            break;
        case interchange::InputKind::Curl:
            text = tr("A cURL command%1.").arg(from);
            break;
        default:
            text = tr("Raw HTTP%1.").arg(from);
        }
        // A named copy: looping over a member of the returned temporary would dangle.
        const std::optional<CapturedRequest> shown = current();
        for (const Finding &note : shown->notes)
            text += QStringLiteral("<br>\u2139 ") + note.message.toHtmlEscaped();
    }
    m_status->setText(text);
}

} // namespace kommo::ui

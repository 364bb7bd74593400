#include "ui/reproduce_view.h"

#include "ui/secret_choice.h"
#include "ui/tab_chain.h"

#include "ui/capture_input.h"
#include "ui/text_views.h"
#include "ui/visible_text.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

// Translucent, so that they read on the light and the dark palette alike.
const QColor expectedMark(230, 170, 20, 80);
const QColor unexpectedMark(220, 50, 50, 110);

// One line of a request as shown, and the difference field it belongs to.
struct ShownLine
{
    QString text;
    QString field; // "request-line", "header:<Name>", "body", or empty for the blank line
};

QList<ShownLine> shownLines(const QByteArray &method, const QByteArray &target, const QList<Header> &headers,
                            const QByteArray &body)
{
    QList<ShownLine> lines;
    lines.append({QString::fromUtf8(method + ' ' + target + " HTTP/1.1"), QStringLiteral("request-line")});
    for (const Header &h : headers)
        lines.append({QString::fromUtf8(h.name + ": " + h.value),
                      QStringLiteral("header:") + QString::fromUtf8(h.name)});
    lines.append({QString(), QString()});
    // The body with its invisible bytes marked; each of its lines belongs to the body.
    const QStringList bodyLines = visibleText(body).split(u'\n');
    for (const QString &line : bodyLines)
        lines.append({line, QStringLiteral("body")});
    return lines;
}

// Whether a shown line carries a difference's field.
bool lineHasField(const ShownLine &line, const QString &field)
{
    if (line.field.isEmpty())
        return false;
    if (field == u"method" || field == u"url")
        return line.field == u"request-line";
    return line.field.compare(field, Qt::CaseInsensitive) == 0;
}

void fill(QPlainTextEdit *view, const QList<ShownLine> &lines,
          const QList<diagnosis::Difference> &differences)
{
    QStringList text;
    for (const ShownLine &l : lines)
        text.append(l.text);
    view->setPlainText(text.join(u'\n'));

    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = view->document()->firstBlock();
    for (const ShownLine &l : lines) {
        // Expected marks first, so that an unexpected difference on the same line wins.
        std::optional<bool> expected;
        for (const diagnosis::Difference &d : differences) {
            if (lineHasField(l, d.field))
                expected = expected.value_or(true) && d.expected;
        }
        if (expected && block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.format.setBackground(*expected ? expectedMark : unexpectedMark);
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            mark.format.setToolTip(*expected ? ReproduceView::tr("Expected to differ")
                                             : ReproduceView::tr("Differs unexpectedly"));
            marks.append(mark);
        }
        // A shown line may wrap into several blocks only through \n, which the split above removed.
        block = block.next();
    }
    view->setExtraSelections(marks);
}

QString shown(const std::optional<QByteArray> &value)
{
    return value ? QString::fromUtf8(*value) : ReproduceView::tr("(absent)");
}

} // namespace

ReproduceView::ReproduceView(std::function<QByteArray()> formSecret, std::function<QString()> editorTarget,
                             const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_formSecret(std::move(formSecret))
    , m_editorTargetOf(std::move(editorTarget))
    , m_clock(clock)
    , m_input(new CaptureInput(this))
    , m_secretChoice(new SecretChoice(m_formSecret, QStringLiteral("reproduce"),
                                      tr("another secret (kept in memory only)"), this))
    , m_target(new QLineEdit(this))
    , m_editorTarget(new QPushButton(tr("&Editor's target"), this))
    , m_resign(new QPushButton(tr("Re-si&gn now"), this))
    , m_send(new QPushButton(tr("&Send the re-signed request"), this))
    , m_copyReport(new QPushButton(tr("Cop&y report"), this))
    , m_summary(new QLabel(this))
    , m_original(new QPlainTextEdit(this))
    , m_resigned(new QPlainTextEdit(this))
    , m_differences(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("reproduceView"));
    setWindowTitle(tr("Reproduce a captured request"));
    m_target->setObjectName(QStringLiteral("reproduceTargetEdit"));
    m_editorTarget->setObjectName(QStringLiteral("reproduceEditorTarget"));
    m_resign->setObjectName(QStringLiteral("reproduceResignButton"));
    m_send->setObjectName(QStringLiteral("reproduceSendButton"));
    m_copyReport->setObjectName(QStringLiteral("reproduceCopyReport"));
    m_summary->setObjectName(QStringLiteral("reproduceSummary"));
    m_original->setObjectName(QStringLiteral("reproduceOriginal"));
    m_resigned->setObjectName(QStringLiteral("reproduceResigned"));
    m_differences->setObjectName(QStringLiteral("reproduceDifferences"));

    // With what: the secret (never stored) and the target.
    m_target->setPlaceholderText(tr("as captured (or another base URL, e.g. the sandbox's)"));
    m_target->setAccessibleName(tr("Target"));
    m_target->setClearButtonEnabled(true);
    m_editorTarget->setToolTip(tr("Use the editor's current target (e.g. the built-in sandbox)"));
    auto *with = new QGroupBox(tr("Sign again with a fresh Date, using"), this);
    auto *withLayout = new QVBoxLayout(with);
    withLayout->setSpacing(4);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(new QLabel(tr("Secret:"), with));
    secretRow->addWidget(m_secretChoice, 1);
    auto *targetRow = new QHBoxLayout;
    auto *targetLabel = new QLabel(tr("&Target:"), with);
    targetLabel->setBuddy(m_target);
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_editorTarget);
    targetRow->addWidget(m_resign);
    withLayout->addLayout(secretRow);
    withLayout->addLayout(targetRow);

    // The result: a headline, the two requests side by side, the differences named.
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QPlainTextEdit *view : {m_original, m_resigned}) {
        view->setReadOnly(true);
        makeByteView(view, false, false);
    }
    m_original->setAccessibleName(tr("The captured request"));
    m_resigned->setAccessibleName(tr("The re-signed request"));
    const auto titled = [this](const QString &title, QWidget *view) {
        auto *w = new QWidget(this);
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(2);
        auto *caption = new QLabel(title, w);
        caption->setBuddy(view);
        l->addWidget(caption);
        l->addWidget(view, 1);
        return w;
    };
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->setObjectName(QStringLiteral("reproduceSides"));
    sides->setChildrenCollapsible(false);
    sides->addWidget(titled(tr("&Captured"), m_original));
    sides->addWidget(titled(tr("&Re-signed"), m_resigned));

    m_differences->setColumnCount(4);
    m_differences->setHeaderLabels({tr("Field"), tr("Captured"), tr("Re-signed"), tr("Why")});
    m_differences->setRootIsDecorated(false);
    m_differences->setWordWrap(true);
    m_differences->setAccessibleName(tr("Differences"));
    m_differences->header()->setStretchLastSection(true);
    m_differences->header()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    m_differences->setMinimumHeight(m_differences->fontMetrics().lineSpacing() * 4);

    auto *result = new QSplitter(Qt::Vertical, this);
    result->setChildrenCollapsible(false);
    result->addWidget(sides);
    result->addWidget(m_differences);
    result->setStretchFactor(0, 3);
    result->setStretchFactor(1, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_input, 1);
    topLayout->addWidget(with);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(result, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("reproduceSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    m_send->setToolTip(tr("Send it as shown on the right; the response shows in the window's response pane"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QPushButton *b : {m_editorTarget, m_resign, m_send, buttons->button(QDialogButtonBox::Close)})
        b->setAutoDefault(false);
    m_copyReport->setToolTip(tr("Copy both requests and every difference as text (never the secret)"));
    m_copyReport->setAutoDefault(false);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_send);
    actions->addWidget(m_copyReport);
    actions->addStretch(1);
    actions->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(actions);

    setTabChain({m_input->entryList(), m_secretChoice->formButton(), m_secretChoice->otherButton(),
                 m_secretChoice->otherEdit(), m_target, m_editorTarget, m_resign, m_original, m_resigned,
                 m_differences, m_send, m_copyReport});

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_input, &CaptureInput::captureChanged, this, &ReproduceView::resign);
    connect(m_resign, &QPushButton::clicked, this, &ReproduceView::resign);
    connect(m_secretChoice, &SecretChoice::changed, this, &ReproduceView::resign);
    connect(m_target, &QLineEdit::editingFinished, this, &ReproduceView::resign);
    connect(m_editorTarget, &QPushButton::clicked, this, [this] {
        m_target->setText(m_editorTargetOf());
        resign();
    });
    connect(m_copyReport, &QPushButton::clicked, this, [this] {
        if (m_reproduction)
            QApplication::clipboard()->setText(diagnosis::reproductionText(*m_reproduction));
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_reproduction && m_reproduction->resigned.canSend())
            Q_EMIT sendRequested(m_reproduction->resigned);
    });

    resize(1000, 700);
    clearResult(tr("Paste or open a captured request to sign it again."));
}

void ReproduceView::reproduceCapture(const CapturedRequest &request, const QString &shownText)
{
    m_input->setCapture(request, shownText); // re-signs through captureChanged
}

QStringList ReproduceView::markedFields(bool expected) const
{
    return expected ? m_markedExpected : m_markedUnexpected;
}

void ReproduceView::resign()
{
    const std::optional<CapturedRequest> request = m_input->current();
    if (!request) {
        clearResult(m_input->error().isEmpty() ? tr("Paste or open a captured request to sign it again.")
                                               : m_input->error());
        return;
    }
    diagnosis::ReproduceOptions options;
    options.secret = m_secretChoice->secret();
    options.now = m_clock.now();
    if (!m_target->text().trimmed().isEmpty())
        options.baseUrl = m_target->text().trimmed();
    const Result<diagnosis::Reproduction> r = diagnosis::reproduce(*request, options);
    if (!r) {
        clearResult(r.error());
        return;
    }
    showReproduction(*r);
}

void ReproduceView::clearResult(const QString &why)
{
    m_reproduction.reset();
    m_markedExpected.clear();
    m_markedUnexpected.clear();
    m_summary->setText(why.toHtmlEscaped());
    m_original->clear();
    m_resigned->clear();
    m_differences->clear();
    m_send->setEnabled(false);
    m_copyReport->setEnabled(false);
}

void ReproduceView::showReproduction(const diagnosis::Reproduction &r)
{
    m_reproduction = r;
    fill(m_original, shownLines(r.original.method, r.original.target, r.original.headers, r.original.body),
         r.differences);
    fill(m_resigned,
         shownLines(r.resigned.method, r.resigned.target, r.resigned.headers, r.resigned.spec.body),
         r.differences);

    m_differences->clear();
    m_markedExpected.clear();
    m_markedUnexpected.clear();
    for (const diagnosis::Difference &d : r.differences) {
        auto *item =
            new QTreeWidgetItem(m_differences, {d.field, shown(d.original), shown(d.resigned), d.reason});
        item->setData(FieldColumn, Qt::UserRole, d.expected);
        item->setBackground(FieldColumn, d.expected ? expectedMark : unexpectedMark);
        for (int column = 0; column < m_differences->columnCount(); ++column)
            item->setToolTip(column, item->text(column));
        (d.expected ? m_markedExpected : m_markedUnexpected).append(d.field);
    }

    const QList<diagnosis::Difference> unexpected = r.unexpected();
    QString summary;
    if (unexpected.isEmpty()) {
        summary =
            tr("<b>\u2714 Only Date and X-Signature differ</b>: the re-signed request is the captured one "
               "with a fresh signature.");
    } else {
        QStringList fields;
        for (const diagnosis::Difference &d : unexpected)
            fields.append(d.field.toHtmlEscaped());
        summary = tr("<b>\u2716 %n other difference(s)</b>: %1.", nullptr, int(unexpected.size()))
                      .arg(fields.join(QStringLiteral(", ")));
    }
    if (r.originalSignatureMatches) {
        summary += u' ' + (*r.originalSignatureMatches
                               ? tr("The captured X-Signature is right for this secret.")
                               : tr("The captured X-Signature is <b>not</b> what this secret gives."));
    }
    const QUrl url = r.resigned.url;
    summary += u' ' + tr("Send goes to %1.").arg(url.toString().toHtmlEscaped());
    m_summary->setText(summary);
    m_send->setEnabled(r.resigned.canSend());
    m_copyReport->setEnabled(true);
}

} // namespace kommo::ui

#include "ui/verify_view.h"

#include "ui/secret_choice.h"
#include "ui/tab_chain.h"

#include "core/signing/httpdate.h"
#include "ui/capture_input.h"
#include "ui/text_views.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

const QString passColor = QStringLiteral("#2e9e4f");
const QString failColor = QStringLiteral("#d03a3a");

QString mark(const diagnosis::Check &c)
{
    if (!c.judged)
        return VerifyView::tr("\u2013 not judged");
    return c.ok ? VerifyView::tr("\u2714 pass") : VerifyView::tr("\u2716 FAIL");
}

} // namespace

VerifyView::VerifyView(std::function<QByteArray()> formSecret, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_formSecret(std::move(formSecret))
    , m_clock(clock)
    , m_input(new CaptureInput(this))
    , m_secretChoice(new SecretChoice(m_formSecret, QStringLiteral("verify"),
                                      tr("a secret to try (kept in memory only)"), this))
    , m_nowCheck(new QCheckBox(tr("&Judge the Date's age at:"), this))
    , m_nowEdit(new QLineEdit(this))
    , m_nowError(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_causes(new QLabel(this))
    , m_checks(new QTableWidget(this))
    , m_expected(new QPlainTextEdit(this))
    , m_keepTarget(new QCheckBox(tr("Keep the editor's &target"), this))
    , m_load(new QPushButton(tr("&Load into editor"), this))
    , m_reproduce(new QPushButton(tr("&Reproduce\u2026"), this))
    , m_copyReport(new QPushButton(tr("&Copy report"), this))
{
    setObjectName(QStringLiteral("verifyView"));
    setWindowTitle(tr("Verify a captured request"));
    m_nowCheck->setObjectName(QStringLiteral("verifyNowCheck"));
    m_nowEdit->setObjectName(QStringLiteral("verifyNowEdit"));
    m_summary->setObjectName(QStringLiteral("verifySummary"));
    m_causes->setObjectName(QStringLiteral("verifyCauses"));
    m_checks->setObjectName(QStringLiteral("verifyChecks"));
    m_expected->setObjectName(QStringLiteral("verifyExpected"));
    m_keepTarget->setObjectName(QStringLiteral("verifyKeepTarget"));
    m_load->setObjectName(QStringLiteral("verifyLoadButton"));
    m_reproduce->setObjectName(QStringLiteral("verifyReproduceButton"));
    m_copyReport->setObjectName(QStringLiteral("verifyCopyReport"));

    // Options: which secret (never stored), and an optional "now" for the Date's age.
    m_nowEdit->setPlaceholderText(tr("Tue, 14 Mar 2023 09:30:00 +0000"));
    m_nowEdit->setAccessibleName(tr("The instant the Date's age is judged at"));
    m_nowEdit->setEnabled(false);
    auto *nowButton = new QPushButton(tr("No&w"), this);
    nowButton->setObjectName(QStringLiteral("verifyNowButton"));
    nowButton->setToolTip(tr("The clock's current reading"));
    nowButton->setEnabled(false);
    m_nowError->setStyleSheet(QStringLiteral("color:%1").arg(failColor));
    m_nowError->hide();
    auto *options = new QGroupBox(tr("Verify with"), this);
    auto *form = new QFormLayout(options);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(4);
    form->addRow(tr("Secret:"), m_secretChoice);
    auto *nowRow = new QHBoxLayout;
    nowRow->addWidget(m_nowCheck);
    nowRow->addWidget(m_nowEdit, 1);
    nowRow->addWidget(nowButton);
    form->addRow(tr("Freshness:"), nowRow);
    form->addRow(QString(), m_nowError);

    // Results: the headline, the cause set apart, then the checks and the expected values.
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_causes->setWordWrap(true);
    m_causes->setTextFormat(Qt::RichText);
    m_causes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_causes->setFrameShape(QFrame::StyledPanel);
    m_causes->setMargin(6);
    m_causes->setAutoFillBackground(true);
    m_causes->setBackgroundRole(QPalette::AlternateBase);
    m_causes->setAccessibleName(tr("Cause found"));
    m_causes->hide();

    // A table rather than a tree: its rows grow to the wrapped detail, so that no sentence is cut off.
    m_checks->setColumnCount(3);
    m_checks->setHorizontalHeaderLabels({tr("Result"), tr("Check"), tr("Detail")});
    m_checks->verticalHeader()->hide();
    m_checks->setWordWrap(true);
    m_checks->setShowGrid(false);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_checks->setAccessibleName(tr("Checks"));
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_checks->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_checks->horizontalHeader(), &QHeaderView::sectionResized, m_checks,
            [this] { m_checks->resizeRowsToContents(); });
    // The whole rows, not only the cell the view's own Ctrl+C would copy (see eventFilter).
    m_copyRows = new QAction(tr("Copy"), m_checks);
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_checks->addAction(m_copyRows);
    m_checks->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_checks->installEventFilter(this);
    connect(m_copyRows, &QAction::triggered, this, [this] {
        QStringList lines;
        for (const QModelIndex &row : m_checks->selectionModel()->selectedRows()) {
            lines.append(m_checks->item(row.row(), ResultColumn)->text() + u'\t' +
                         m_checks->item(row.row(), NameColumn)->text() + u'\t' +
                         m_checks->item(row.row(), DetailColumn)->text());
        }
        QApplication::clipboard()->setText(lines.join(u'\n'));
        Q_EMIT copied(tr("the selected checks"));
    });

    m_expected->setReadOnly(true);
    makeByteView(m_expected, true, false);
    m_expected->setAccessibleName(tr("Expected values"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("verifyTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_checks, tr("Chec&ks"));
    tabs->addTab(m_expected, tr("E&xpected values"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_input, 1);
    topLayout->addWidget(options);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->setSpacing(4);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(m_causes);
    bottomLayout->addWidget(tabs, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("verifySplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_load->setToolTip(
        tr("Rebuild this request in the main form (advanced fields included) to fix and re-send it; "
           "the secret stays as it is"));
    m_reproduce->setToolTip(tr("Sign this request again with a fresh Date and compare"));
    m_keepTarget->setToolTip(
        tr("Load the request with the editor's current target (e.g. the sandbox) instead of "
           "the captured host"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QPushButton *b : {m_load, m_reproduce, m_copyReport})
        b->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_load);
    actions->addWidget(m_keepTarget);
    actions->addWidget(m_reproduce);
    actions->addWidget(m_copyReport);
    actions->addStretch(1);
    actions->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(actions);

    setTabChain({m_input->textEdit(), m_input->entryList(), m_secretChoice->formButton(),
                 m_secretChoice->otherButton(), m_secretChoice->otherEdit(), m_nowCheck, m_nowEdit, nowButton,
                 tabs, m_checks, m_load, m_keepTarget, m_reproduce, m_copyReport});

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_input, &CaptureInput::captureChanged, this, &VerifyView::verifyNow);
    connect(m_secretChoice, &SecretChoice::changed, this, &VerifyView::verifyNow);
    connect(m_nowCheck, &QCheckBox::toggled, this, [this, nowButton](bool on) {
        m_nowFromSent = false; // the person's own choice from now on
        m_nowEdit->setEnabled(on);
        nowButton->setEnabled(on);
        if (on && m_nowEdit->text().isEmpty())
            m_nowEdit->setText(QString::fromLatin1(httpdate::format(m_clock.now())));
        verifyNow();
    });
    connect(m_nowEdit, &QLineEdit::textChanged, this, &VerifyView::verifyNow);
    connect(nowButton, &QPushButton::clicked, this,
            [this] { m_nowEdit->setText(QString::fromLatin1(httpdate::format(m_clock.now()))); });
    connect(m_load, &QPushButton::clicked, this, [this] {
        if (m_request)
            Q_EMIT loadRequested(*m_request, m_keepTarget->isChecked());
    });
    connect(m_reproduce, &QPushButton::clicked, this, [this] {
        if (m_request)
            Q_EMIT reproduceRequested(*m_request);
    });
    connect(m_copyReport, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(reportText());
        Q_EMIT copied(tr("the verification report"));
    });

    resize(960, 680);
    showVerification();
}

void VerifyView::verifyCapture(const CapturedRequest &request, const QString &shownText,
                               const std::optional<QDateTime> &now, int status)
{
    m_sentStatus = status;
    m_nowFromSent = now.has_value();
    if (now) {
        const QSignalBlocker a(m_nowEdit);
        m_nowEdit->setText(QString::fromLatin1(httpdate::format(*now)));
    }
    {
        const QSignalBlocker b(m_nowCheck);
        m_nowCheck->setChecked(now.has_value());
        m_nowEdit->setEnabled(now.has_value());
        findChild<QPushButton *>(QStringLiteral("verifyNowButton"))->setEnabled(now.has_value());
    }
    m_input->setCapture(request, shownText); // verifies through captureChanged
}

void VerifyView::formSecretChanged()
{
    // Every edit of the form lands here; only a changed secret changes the verification.
    if (m_secretChoice->usesFormSecret() && m_request && qHash(m_formSecret()) != m_formSecretHash)
        verifyNow();
}

void VerifyView::verifyNow()
{
    if (!m_input->isFixed()) {
        m_sentStatus = 0;
        if (m_nowFromSent) {
            m_nowFromSent = false;
            const QSignalBlocker blocker(m_nowCheck);
            m_nowCheck->setChecked(false);
            m_nowEdit->setEnabled(false);
            findChild<QPushButton *>(QStringLiteral("verifyNowButton"))->setEnabled(false);
        }
    }
    m_request = m_input->current();
    m_verification.reset();
    m_nowError->hide();
    if (m_request) {
        diagnosis::VerifyOptions options;
        const QByteArray secret = m_secretChoice->secret();
        if (m_secretChoice->usesFormSecret())
            m_formSecretHash = qHash(secret);
        // No secret at all: the signature is not judged rather than judged against an empty key.
        if (!secret.isEmpty())
            options.secret = secret;
        if (m_nowCheck->isChecked()) {
            const Result<httpdate::Parsed> now = httpdate::parse(m_nowEdit->text().toUtf8());
            if (now) {
                options.now = now->instant;
            } else {
                m_nowError->setText(tr("Not judged: %1").arg(now.error()));
                m_nowError->show();
            }
        }
        m_verification = diagnosis::verify(*m_request, options);
        markEntries(options);
    }
    showVerification();
}

void VerifyView::markEntries(const diagnosis::VerifyOptions &options)
{
    // Past a few thousand entries the marks would cost more than a keystroke may; the CLI summarizes those.
    constexpr int maxMarked = 2000;
    QListWidget *list = m_input->entryList();
    const QList<CapturedRequest> &requests = m_input->requests();
    int failing = 0;
    for (int row = 0; row < list->count() && row < requests.size() && row < maxMarked; ++row) {
        const bool ok = diagnosis::verify(requests.at(row), options).ok();
        failing += ok ? 0 : 1;
        QListWidgetItem *item = list->item(row);
        item->setData(Qt::UserRole, ok);
        item->setForeground(QColor(ok ? passColor : failColor));
        item->setText((ok ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) +
                      interchange::captureLabel(requests.at(row)));
    }
    if (list->count() > 0) {
        list->setToolTip(list->count() > maxMarked
                             ? tr("The first %1 entries are marked pass or fail.").arg(maxMarked)
                             : tr("%n of these entries fail a check.", nullptr, failing));
    }
}

void VerifyView::showVerification()
{
    m_checks->setRowCount(0);
    m_load->setEnabled(m_request.has_value());
    m_keepTarget->setEnabled(m_request.has_value());
    m_reproduce->setEnabled(m_request.has_value());
    m_copyReport->setEnabled(m_verification.has_value());
    if (!m_verification) {
        m_summary->setText(tr("Paste or open a captured request to verify it."));
        m_causes->hide();
        m_expected->clear();
        return;
    }
    const diagnosis::Verification &v = *m_verification;

    int failed = 0;
    for (const diagnosis::Check &c : v.checks) {
        const int row = m_checks->rowCount();
        m_checks->insertRow(row);
        auto *result = new QTableWidgetItem(mark(c));
        result->setData(Qt::UserRole, !c.judged ? QStringLiteral("not_judged")
                                      : c.ok    ? QStringLiteral("pass")
                                                : QStringLiteral("fail"));
        if (c.judged)
            result->setForeground(QColor(c.ok ? passColor : failColor));
        m_checks->setItem(row, ResultColumn, result);
        m_checks->setItem(row, NameColumn, new QTableWidgetItem(c.name));
        auto *detail = new QTableWidgetItem(c.detail);
        detail->setToolTip(c.detail);
        m_checks->setItem(row, DetailColumn, detail);
        failed += c.judged && !c.ok ? 1 : 0;
    }
    QString summary = failed == 0 ? tr("\u2714 Every judged check passes.")
                                  : tr("\u2716 %n check(s) fail.", nullptr, failed);
    // A request the server refused although every check passes: the server holds something else.
    if (m_sentStatus == 403 && failed == 0) {
        summary +=
            u' ' + tr("The server still answered 403: it holds another secret (or another scope_id) for this "
                      "channel than the one this request was signed with. Try the channel's secret under "
                      "\"another\".");
    } else if (m_sentStatus != 0) {
        summary = tr("The server answered %1 to this request. ").arg(m_sentStatus) + summary;
    }
    m_summary->setText(summary);
    m_checks->resizeRowsToContents();

    // The causes: the sentence core gives, and the stable id to quote.
    if (!v.causes.isEmpty()) {
        QStringList parts;
        for (const diagnosis::Cause &c : v.causes)
            parts.append(tr("<b>Cause found:</b> %1 <code>[%2]</code>").arg(c.detail.toHtmlEscaped(), c.id));
        m_causes->setText(parts.join(QStringLiteral("<br>")));
        m_causes->show();
    } else if (failed > 0) {
        m_causes->setText(tr("No known mistake reproduces the captured values exactly; compare them with the "
                             "expected values."));
        m_causes->show();
    } else {
        m_causes->hide();
    }

    QString expected;
    if (!v.expectedContentMd5.isEmpty())
        expected += tr("Content-MD5 of the body:\n%1\n\n").arg(QString::fromLatin1(v.expectedContentMd5));
    expected += tr("String to sign (from the captured values):\n%1\n\n")
                    .arg(QString::fromUtf8(v.expectedStringToSign));
    expected += v.expectedSignature.isEmpty()
                    ? tr("X-Signature: not computed without a secret.\n")
                    : tr("X-Signature with this secret:\n%1\n").arg(QString::fromLatin1(v.expectedSignature));
    m_expected->setPlainText(expected);
}

bool VerifyView::eventFilter(QObject *watched, QEvent *event)
{
    // The rows' heights follow the wrapped detail, which follows the table's width.
    if (watched == m_checks && event->type() == QEvent::Resize)
        QTimer::singleShot(0, m_checks, [this] { m_checks->resizeRowsToContents(); });
    if (watched == m_checks && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        m_copyRows->trigger();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

QString VerifyView::reportText() const
{
    if (!m_verification || !m_request)
        return QString();
    const diagnosis::Verification &v = *m_verification;
    QString text = tr("Request: %1 %2\n")
                       .arg(QString::fromUtf8(m_request->method),
                            QString::fromUtf8(m_request->url.isEmpty() ? m_request->target : m_request->url));
    for (const diagnosis::Check &c : v.checks) {
        const QString result = !c.judged ? tr("n/a ") : c.ok ? tr("pass") : tr("FAIL");
        text += QStringLiteral("  %1  %2 %3\n").arg(result, c.name.leftJustified(15), c.detail);
    }
    for (const diagnosis::Cause &c : v.causes)
        text += tr("Cause [%1]: %2\n").arg(c.id, c.detail);
    return text;
}

} // namespace kommo::ui

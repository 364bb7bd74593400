#include "ui/signature_pane.h"

#include "ui/copy_button.h"
#include "ui/text_views.h"
#include "ui/visible_text.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>

namespace kommo::ui {

SignaturePane::SignaturePane(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_md5(new QLineEdit(this))
    , m_signature(new QLineEdit(this))
    , m_lines(new QTableWidget(5, 3, this))
{
    setObjectName(QStringLiteral("signaturePane"));
    m_md5->setObjectName(QStringLiteral("contentMd5Edit"));
    m_signature->setObjectName(QStringLiteral("signatureEdit"));
    m_lines->setObjectName(QStringLiteral("stringToSignTable"));
    makeValueView(m_md5);
    makeValueView(m_signature);
    m_md5->setAccessibleName(tr("Content-MD5"));
    m_signature->setAccessibleName(tr("X-Signature"));

    m_lines->setHorizontalHeaderLabels({tr("Line from"), tr("Value (exactly as signed)"), tr("Ends with")});
    m_lines->verticalHeader()->setVisible(false);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setWordWrap(false);
    m_lines->setTabKeyNavigation(false);
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    const int rowHeight = m_lines->fontMetrics().lineSpacing() + 6;
    m_lines->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_lines->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const int tableHeight = rowHeight * 5 + m_lines->horizontalHeader()->sizeHint().height() + 4;
    m_lines->setMinimumHeight(tableHeight);
    m_lines->setMaximumHeight(tableHeight);
    m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lines->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A long path keeps its start and its end in sight; the tooltip and Copy give it whole.
    m_lines->setTextElideMode(Qt::ElideMiddle);
    m_lines->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const QStringList sources = {tr("method"), tr("Content-MD5 header"), tr("Content-Type header"),
                                 tr("Date header"), tr("path (no host, no query)")};
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < 5; ++row) {
        m_lines->setItem(row, 0, new QTableWidgetItem(sources.at(row)));
        auto *value = new QTableWidgetItem;
        value->setFont(fixed);
        m_lines->setItem(row, valueColumn, value);
        auto *end = new QTableWidgetItem(row < 4 ? tr("\u23CE \\n") : tr("(end: no newline)"));
        end->setToolTip(row < 4 ? tr("One line feed (\\n, 0x0A) joins this line to the next")
                                : tr("The string to sign has no trailing newline"));
        m_lines->setItem(row, 2, end);
    }

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setVerticalSpacing(2);
    auto *md5Label = new QLabel(tr("Content-MD5:"), this);
    md5Label->setBuddy(m_md5);
    auto *signatureLabel = new QLabel(tr("X-Signature:"), this);
    signatureLabel->setBuddy(m_signature);
    grid->addWidget(md5Label, 0, 0);
    grid->addWidget(m_md5, 0, 1);
    grid->addWidget(new CopyButton(
                        tr("Content-MD5"), [this] { return m_draft->current().contentMd5; }, this),
                    0, 2);
    grid->addWidget(signatureLabel, 1, 0);
    grid->addWidget(m_signature, 1, 1);
    grid->addWidget(new CopyButton(
                        tr("X-Signature"), [this] { return m_draft->current().signature; }, this),
                    1, 2);
    grid->addWidget(new QLabel(tr("<b>String to sign</b> (five lines joined by \\n; HMAC-SHA1 with the "
                                  "secret gives X-Signature)"),
                               this),
                    2, 0, 1, 2);
    grid->addWidget(new CopyButton(
                        tr("the string to sign"), [this] { return m_draft->current().stringToSign; }, this),
                    2, 2);
    grid->addWidget(m_lines, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_draft, &RequestDraft::changed, this, &SignaturePane::syncFromDraft);
    syncFromDraft();
}

QString SignaturePane::shownStringToSign() const
{
    QStringList lines;
    for (int row = 0; row < m_lines->rowCount(); ++row)
        lines.append(m_lines->item(row, valueColumn)->data(Qt::UserRole).toString());
    return lines.join(u'\n');
}

void SignaturePane::syncFromDraft()
{
    const SignedRequest &r = m_draft->current();
    m_md5->setText(QString::fromLatin1(r.contentMd5));
    // Without a secret an HMAC would still come out (keyed with nothing), but it would sign nothing real.
    m_signature->setText(m_draft->secret().isEmpty() ? QString() : QString::fromLatin1(r.signature));
    m_signature->setPlaceholderText(tr("no secret: enter the channel secret to sign"));
    const QList<QByteArray> lines = r.stringToSign.split('\n');
    for (int row = 0; row < 5; ++row) {
        // The cell shows hidden characters; its UserRole keeps the exact text.
        const QByteArray line = row < 4 ? lines.value(row) : lines.mid(4).join('\n');
        QTableWidgetItem *item = m_lines->item(row, valueColumn);
        const QString shown = line.isEmpty() ? tr("(empty line)") : visibleText(line);
        if (item->text() != shown)
            item->setText(shown);
        item->setData(Qt::UserRole, QString::fromUtf8(line));
        item->setToolTip(QString::fromUtf8(line));
    }
}

} // namespace kommo::ui

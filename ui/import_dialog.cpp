#include "ui/import_dialog.h"

#include "core/draft/capture_draft.h"
#include "ui/capture_input.h"
#include "ui/text_views.h"
#include "ui/visible_text.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace kommo::ui {

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_input(new CaptureInput(this))
    , m_preview(new QPlainTextEdit(this))
    , m_keepTarget(new QCheckBox(tr("Keep the editor's &target"), this))
    , m_load(new QPushButton(tr("&Load into editor"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import a request"));
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_keepTarget->setObjectName(QStringLiteral("importKeepTarget"));
    m_load->setObjectName(QStringLiteral("importLoadButton"));

    m_preview->setReadOnly(true);
    makeByteView(m_preview, true, false);
    m_preview->setAccessibleName(tr("What the editor will take"));
    m_keepTarget->setToolTip(
        tr("Load the request with the editor's current target (e.g. the sandbox) instead of "
           "the captured host"));
    m_load->setDefault(true);

    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("What the &editor will take (the secret stays as it is):"), previewBox);
    caption->setBuddy(m_preview);
    previewLayout->addWidget(caption);
    previewLayout->addWidget(m_preview, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_input);
    split->addWidget(previewBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_load, QDialogButtonBox::AcceptRole);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_keepTarget);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    setTabOrder(m_input->entryList(), m_preview);
    setTabOrder(m_preview, m_keepTarget);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_load, &QPushButton::clicked, this, [this] {
        const std::optional<CapturedRequest> request = m_input->current();
        if (!request || !draftFieldsFromCapture(*request))
            return;
        Q_EMIT loadRequested(*request, m_keepTarget->isChecked());
        accept();
    });
    connect(m_input, &CaptureInput::captureChanged, this, &ImportDialog::showPreview);

    resize(820, 620);
    showPreview();
}

void ImportDialog::showPreview()
{
    const std::optional<CapturedRequest> request = m_input->current();
    if (!request) {
        m_preview->setPlainText(m_input->error().isEmpty() ? tr("Nothing to import yet.") : m_input->error());
        m_load->setEnabled(false);
        return;
    }
    const Result<DraftFields> fields = draftFieldsFromCapture(*request);
    m_load->setEnabled(fields.ok());
    if (!fields) {
        m_preview->setPlainText(fields.error());
        return;
    }
    const DraftFields &f = *fields;
    QString text;
    text += tr("Target:        %1\n").arg(f.baseUrl ? *f.baseUrl : tr("(the editor's, kept)"));
    text += tr("Method:        %1\n").arg(QString::fromUtf8(f.method));
    if (!f.scopeId.isEmpty())
        text += tr("scope_id:      %1\nmsgid:         %2\n").arg(f.scopeId, f.msgid);
    text += tr("Path:          %1\n")
                .arg(f.pathOverride.isEmpty() ? tr("from scope_id and msgid")
                                              : QString::fromUtf8(f.pathOverride));
    text += tr("Content-Type:  %1\n").arg(QString::fromUtf8(f.contentType));
    text += tr("Date:          %1\n").arg(f.date ? QString::fromUtf8(*f.date) : tr("(follows the clock)"));
    text += tr("Body:          %1, %2\n")
                .arg(f.formBody ? tr("the form's canonical body") : tr("raw bytes as captured"),
                     byteSummary(f.rawBody));
    if (!f.extraHeaders.isEmpty()) {
        text += tr("Extra headers:\n");
        for (const Header &h : f.extraHeaders)
            text += QStringLiteral("  %1: %2\n").arg(QString::fromUtf8(h.name), QString::fromUtf8(h.value));
    }
    for (const Finding &note : f.notes)
        text += tr("Note: %1\n").arg(note.message);
    m_preview->setPlainText(text);
}

} // namespace kommo::ui

#include "ui/body_pane.h"

#include "ui/copy_button.h"
#include "ui/finding_badge.h"
#include "ui/text_views.h"
#include "ui/visible_text.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace kommo::ui {

BodyPane::BodyPane(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_form(new QRadioButton(tr("&Form"), this))
    , m_raw(new QRadioButton(tr("Ra&w"), this))
    , m_bytes(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_badge(new FindingBadge({QStringLiteral("body")}, this))
{
    setObjectName(QStringLiteral("bodyPane"));
    m_form->setObjectName(QStringLiteral("bodyFormMode"));
    m_raw->setObjectName(QStringLiteral("bodyRawMode"));
    m_bytes->setObjectName(QStringLiteral("bodyBytesLabel"));
    m_edit->setObjectName(QStringLiteral("bodyEdit"));
    m_edit->setAccessibleName(tr("Body"));
    m_form->setToolTip(tr("The canonical body generated from the form"));
    m_raw->setToolTip(tr("Edit the body bytes by hand, starting from the generated body"));
    makeByteView(m_edit, true);

    auto *group = new QButtonGroup(this);
    group->addButton(m_form);
    group->addButton(m_raw);

    auto *title = new QLabel(tr("<b>Body</b>"), this);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addWidget(m_form);
    head->addWidget(m_raw);
    head->addStretch(1);
    head->addWidget(new CopyButton(
        tr("the body"), [this] { return m_draft->current().spec.body; }, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(m_edit, 1);
    // Under the bytes, with the pane's whole width: "1178 byte(s), ends with a newline, 2 trailing space(s)"
    // does not fit beside the title in a narrow window.
    m_bytes->setWordWrap(true);
    layout->addWidget(m_bytes);
    layout->addWidget(m_badge);

    connect(m_form, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_draft->setBodyMode(RequestDraft::BodyMode::Form);
    });
    connect(m_raw, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_draft->setBodyMode(RequestDraft::BodyMode::Raw);
    });
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_draft->bodyMode() == RequestDraft::BodyMode::Raw)
            m_draft->setRawBody(m_edit->toPlainText().toUtf8());
    });
    connect(m_draft, &RequestDraft::changed, this, &BodyPane::syncFromDraft);
    syncFromDraft();
}

void BodyPane::syncFromDraft()
{
    const bool raw = m_draft->bodyMode() == RequestDraft::BodyMode::Raw;
    {
        const QSignalBlocker a(m_form), b(m_raw);
        m_form->setChecked(!raw);
        m_raw->setChecked(raw);
    }
    m_edit->setReadOnly(!raw);
    const QByteArray &body = m_draft->current().spec.body;
    // Repainted only when the bytes differ, so that typing in raw mode keeps the cursor where it is.
    if (m_edit->toPlainText().toUtf8() != body) {
        const QSignalBlocker blocker(m_edit);
        m_edit->setPlainText(QString::fromUtf8(body));
    }
    m_bytes->setText(byteSummary(body));
    m_badge->showFindings(m_draft->current().findings);
}

} // namespace kommo::ui

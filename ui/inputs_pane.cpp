#include "ui/inputs_pane.h"

#include "ui/advanced_box.h"
#include "ui/date_box.h"
#include "ui/finding_badge.h"
#include "ui/tab_chain.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

void setTextIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        const QSignalBlocker blocker(edit);
        edit->setText(text);
    }
}

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets, int stretchIndex = 0)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (QWidget *w : widgets)
        layout->addWidget(w, i++ == stretchIndex ? 1 : 0);
    return box;
}

} // namespace

InputsPane::InputsPane(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_target(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
    , m_scopeId(new QLineEdit(this))
    , m_msgid(new QLineEdit(this))
    , m_newMsgid(new QPushButton(tr("&New UUID"), this))
    , m_status(new QComboBox(this))
    , m_errorCode(new QComboBox(this))
    , m_errorText(new QLineEdit(this))
    , m_dateBox(new DateBox(draft, this))
    , m_advanced(new AdvancedBox(draft, this))
{
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_reveal->setObjectName(QStringLiteral("revealSecretButton"));
    m_scopeId->setObjectName(QStringLiteral("scopeIdEdit"));
    m_msgid->setObjectName(QStringLiteral("msgidEdit"));
    m_newMsgid->setObjectName(QStringLiteral("newMsgidButton"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_errorCode->setObjectName(QStringLiteral("errorCodeCombo"));
    m_errorText->setObjectName(QStringLiteral("errorTextEdit"));

    // Target.
    for (const Target &t : targets())
        m_target->addItem(t.label, int(t.kind));
    m_baseUrl->setPlaceholderText(tr("https://host[:port][/prefix]"));
    m_baseUrl->setAccessibleName(tr("Base URL"));

    // Secret: masked, revealed only while the toggle is on; it lives in the draft's memory only.
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("the channel secret (kept in memory only)"));
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_reveal->setToolTip(tr("Show or hide the secret (screenshots always mask it)"));
    m_reveal->setAccessibleName(tr("Reveal the secret"));

    m_scopeId->setPlaceholderText(tr("CHANNEL-UUID_ACCOUNT-UUID"));
    m_msgid->setPlaceholderText(tr("the message's UUID"));
    m_newMsgid->setToolTip(tr("Put a fresh random UUID in msgid"));

    // Status: Sent is shown but cannot be chosen, since Kommo sets it itself.
    auto *statusModel = new QStandardItemModel(m_status);
    for (const delivery::StatusInfo &info : delivery::statuses()) {
        auto *item =
            new QStandardItem(info.value ? tr("%1 (%2)").arg(info.label).arg(*info.value) : info.label);
        item->setData(info.value ? QVariant(*info.value) : QVariant(), Qt::UserRole);
        item->setToolTip(info.value
                             ? info.description
                             : tr("Kommo sets Sent itself when the message leaves Kommo; an integration "
                                  "cannot send it."));
        item->setEnabled(info.value.has_value());
        statusModel->appendRow(item);
    }
    m_status->setModel(statusModel);

    m_errorCode->addItem(tr("(none)"), QVariant());
    for (const delivery::ErrorCodeInfo &info : delivery::errorCodes()) {
        m_errorCode->addItem(tr("%1 \u2014 %2").arg(info.code).arg(info.meaning), info.code);
        m_errorCode->setItemData(m_errorCode->count() - 1, info.meaning, Qt::ToolTipRole);
    }
    m_errorText->setPlaceholderText(tr("shown to the Kommo user; required with 905"));

    // Long item texts (the error codes' meanings) must not widen the form: the popup shows them in full.
    for (QComboBox *combo : {m_target, m_status, m_errorCode}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    m_errorCode->view()->setMinimumWidth(m_errorCode->fontMetrics().averageCharWidth() * 60);

    // Layout: one group for where it goes, one for what it says.
    auto *where = new QGroupBox(tr("Where"), this);
    auto *whereForm = new QFormLayout(where);
    auto *what = new QGroupBox(tr("What"), this);
    auto *whatForm = new QFormLayout(what);
    for (QFormLayout *form : {whereForm, whatForm}) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setVerticalSpacing(4);
    }
    const auto addRow = [this](QFormLayout *form, const QString &label, QWidget *field, QWidget *buddy,
                               QStringList fields) {
        auto *caption = new QLabel(label, form->parentWidget());
        caption->setBuddy(buddy);
        form->addRow(caption, field);
        auto *badge = new FindingBadge(std::move(fields), form->parentWidget());
        badge->setObjectName(QStringLiteral("finding_") + buddy->objectName());
        form->addRow(QString(), badge);
        m_badges.append(badge);
    };
    addRow(whereForm, tr("&Target:"), row(where, {m_target, m_baseUrl}, 1), m_target,
           {QStringLiteral("base_url")});
    addRow(whereForm, tr("&Secret:"), row(where, {m_secret, m_reveal}), m_secret, {QStringLiteral("secret")});
    addRow(whereForm, tr("sc&ope_id:"), m_scopeId, m_scopeId, {QStringLiteral("scope_id")});
    addRow(whatForm, tr("ms&gid:"), row(what, {m_msgid, m_newMsgid}), m_msgid, {QStringLiteral("msgid")});
    addRow(whatForm, tr("Stat&us:"), m_status, m_status, {QStringLiteral("delivery_status")});
    addRow(whatForm, tr("Error &code:"), m_errorCode, m_errorCode, {QStringLiteral("error_code")});
    addRow(whatForm, tr("Error t&ext:"), m_errorText, m_errorText, {QStringLiteral("error")});
    addRow(whatForm, tr("Date:"), m_dateBox, m_dateBox->dateEdit(), {QStringLiteral("date")});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(where);
    layout->addWidget(what);
    layout->addWidget(m_advanced);
    layout->addStretch(1);

    // A sensible tab order: top to bottom, each field before its helper button.
    setTabChain({m_target, m_baseUrl, m_secret, m_reveal, m_scopeId, m_msgid, m_newMsgid, m_status,
                 m_errorCode, m_errorText, m_dateBox->followButton(), m_dateBox->fixedButton(),
                 m_dateBox->resignButton(), m_dateBox->dateEdit(), m_advanced->foldButton()});

    // Widgets to draft.
    connect(m_target, &QComboBox::activated, this, &InputsPane::onTargetChosen);
    connect(m_baseUrl, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setBaseUrl(text); });
    connect(m_secret, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setSecret(text.toUtf8()); });
    connect(m_reveal, &QToolButton::toggled, this, &InputsPane::updateSecretEcho);
    connect(m_scopeId, &QLineEdit::textEdited, m_draft, &RequestDraft::setScopeId);
    connect(m_msgid, &QLineEdit::textEdited, m_draft, &RequestDraft::setMsgid);
    connect(m_newMsgid, &QPushButton::clicked, this,
            [this] { m_draft->setMsgid(QUuid::createUuid().toString(QUuid::WithoutBraces)); });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant value = m_status->itemData(index);
        if (value.isValid())
            m_draft->setDeliveryStatus(value.toInt());
    });
    connect(m_errorCode, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant code = m_errorCode->itemData(index);
        m_draft->setErrorCode(code.isValid() ? std::optional<int>(code.toInt()) : std::nullopt);
    });
    connect(m_errorText, &QLineEdit::textEdited, m_draft, &RequestDraft::setErrorText);

    // Draft to widgets.
    connect(m_draft, &RequestDraft::changed, this, &InputsPane::syncFromDraft);
    syncFromDraft();
}

TargetKind InputsPane::targetKind() const
{
    return TargetKind(m_target->currentData().toInt());
}

void InputsPane::chooseTarget(TargetKind kind)
{
    m_target->setCurrentIndex(m_target->findData(int(kind)));
    onTargetChosen();
}

void InputsPane::onTargetChosen()
{
    const TargetKind kind = targetKind();
    for (const Target &t : targets()) {
        if (t.kind == kind && !t.baseUrl.isEmpty())
            m_draft->setBaseUrl(t.baseUrl);
    }
    if (kind == TargetKind::Sandbox) {
        if (m_sandboxUrl.isValid())
            m_draft->setBaseUrl(m_sandboxUrl.toString());
        else
            Q_EMIT sandboxWanted();
    }
    // Focus stays where the person put it: moving it to the URL field made the next Tab land in the
    // secret, and the URL was typed there.
    syncFromDraft();
}

void InputsPane::setSandboxUrl(const QUrl &url)
{
    m_sandboxUrl = url;
    if (targetKind() == TargetKind::Sandbox)
        m_draft->setBaseUrl(url.toString());
}

void InputsPane::setSecretMasked(bool masked)
{
    if (masked == m_forceMask)
        return;
    m_forceMask = masked;
    // For a picture: the field shows a fixed number of dots, so that not even the secret's length shows.
    // Signals are blocked, so the draft never sees the stand-in; the real text comes back unchanged.
    const QSignalBlocker blocker(m_secret);
    if (masked) {
        m_unmaskedSecret = m_secret->text();
        m_unmaskedCursor = m_secret->cursorPosition();
        m_secret->setText(m_unmaskedSecret.isEmpty() ? QString() : QString(maskedLength, u'x'));
    } else {
        m_secret->setText(m_unmaskedSecret);
        m_secret->setCursorPosition(m_unmaskedCursor);
        m_unmaskedSecret.fill(u'\0');
        m_unmaskedSecret.clear();
    }
    updateSecretEcho();
}

void InputsPane::updateSecretEcho()
{
    const bool shown = m_reveal->isChecked() && !m_forceMask;
    m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(m_reveal->isChecked() ? tr("Hide") : tr("Show"));
}

QWidget *InputsPane::lastInTabOrder() const
{
    return m_advanced->foldButton();
}

void InputsPane::syncFromDraft()
{
    // The target shown follows the base URL, except while the sandbox is still starting.
    const QString url = m_draft->baseUrl();
    // A custom target stays custom, even when its URL happens to be a known host.
    if (targetKind() != TargetKind::Custom &&
        !(targetKind() == TargetKind::Sandbox && !m_sandboxUrl.isValid())) {
        TargetKind kind = TargetKind::Custom;
        for (const Target &t : targets()) {
            if (!t.baseUrl.isEmpty() && t.baseUrl == url)
                kind = t.kind;
        }
        if (m_sandboxUrl.isValid() && url == m_sandboxUrl.toString())
            kind = TargetKind::Sandbox;
        const QSignalBlocker blocker(m_target);
        m_target->setCurrentIndex(m_target->findData(int(kind)));
    }
    setTextIfDifferent(m_baseUrl, url);
    m_baseUrl->setReadOnly(targetKind() != TargetKind::Custom);
    setTextIfDifferent(m_secret, QString::fromUtf8(m_draft->secret()));
    setTextIfDifferent(m_scopeId, m_draft->scopeId());
    setTextIfDifferent(m_msgid, m_draft->msgid());
    {
        const QSignalBlocker blocker(m_status);
        m_status->setCurrentIndex(m_status->findData(m_draft->deliveryStatus()));
    }
    {
        const QSignalBlocker blocker(m_errorCode);
        const std::optional<int> code = m_draft->errorCode();
        m_errorCode->setCurrentIndex(code ? std::max(0, m_errorCode->findData(*code)) : 0);
    }
    setTextIfDifferent(m_errorText, m_draft->errorText());

    // error_code and error belong to the Error status only.
    const bool isError = m_draft->deliveryStatus() == delivery::errorStatusValue;
    m_errorCode->setEnabled(isError);
    m_errorText->setEnabled(isError);
    const bool textRequired = isError && m_draft->errorCode() == delivery::otherErrorCode;
    m_errorText->setPlaceholderText(textRequired ? tr("required with 905: shown to the Kommo user")
                                                 : tr("optional; shown to the Kommo user"));

    for (FindingBadge *badge : std::as_const(m_badges))
        badge->showFindings(m_draft->current().findings);
}

} // namespace kommo::ui

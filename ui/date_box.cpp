#include "ui/date_box.h"

#include "core/signing/httpdate.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QTimer>

namespace kommo::ui {

DateBox::DateBox(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_follow(new QRadioButton(tr("Fo&llow the clock"), this))
    , m_fixed(new QRadioButton(tr("F&ixed"), this))
    , m_dateEdit(new QLineEdit(this))
    , m_resign(new QPushButton(tr("Re-sign now"), this))
    , m_countdown(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_follow->setObjectName(QStringLiteral("dateFollowClock"));
    m_fixed->setObjectName(QStringLiteral("dateFixed"));
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_resign->setObjectName(QStringLiteral("resignButton"));
    m_countdown->setObjectName(QStringLiteral("dateCountdown"));
    m_dateEdit->setAccessibleName(tr("Date"));
    m_dateEdit->setPlaceholderText(tr("e.g. Wed, 07 Dec 2022 16:00:00 +0000"));
    m_resign->setToolTip(tr("Stamp a fresh Date from the clock and sign again"));
    m_follow->setToolTip(tr("The Date is taken from the clock, and taken again at the moment of sending"));
    m_fixed->setToolTip(tr("Keep the Date as typed, to reproduce an old request byte for byte"));

    auto *group = new QButtonGroup(this);
    group->addButton(m_follow);
    group->addButton(m_fixed);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_follow, 0, 0);
    layout->addWidget(m_fixed, 0, 1);
    layout->addWidget(m_dateEdit, 1, 0, 1, 2);
    layout->addWidget(m_resign, 1, 2);
    layout->addWidget(m_countdown, 2, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    m_countdown->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    connect(m_follow, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_draft->setDateMode(RequestDraft::DateMode::FollowClock);
    });
    connect(m_fixed, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_draft->setDateMode(RequestDraft::DateMode::Fixed);
    });
    connect(m_dateEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setFixedDate(text.toUtf8()); });
    connect(m_resign, &QPushButton::clicked, m_draft, &RequestDraft::stampNow);
    connect(m_draft, &RequestDraft::changed, this, &DateBox::syncFromDraft);
    connect(m_timer, &QTimer::timeout, this, &DateBox::updateCountdown);
    m_timer->start(1000);
    syncFromDraft();
}

void DateBox::syncFromDraft()
{
    const bool fixed = m_draft->dateMode() == RequestDraft::DateMode::Fixed;
    {
        const QSignalBlocker a(m_follow), b(m_fixed);
        m_follow->setChecked(!fixed);
        m_fixed->setChecked(fixed);
    }
    m_dateEdit->setReadOnly(!fixed);
    const QString shown = QString::fromUtf8(m_draft->current().spec.date);
    if (m_dateEdit->text() != shown) {
        const QSignalBlocker blocker(m_dateEdit);
        m_dateEdit->setText(shown);
    }
    updateCountdown();
}

void DateBox::updateCountdown()
{
    if (m_draft->dateMode() == RequestDraft::DateMode::FollowClock) {
        m_countdown->setText(tr("Stamped again when the request is sent."));
        return;
    }
    const Result<httpdate::Parsed> parsed = httpdate::parse(m_draft->current().spec.date);
    if (!parsed) {
        m_countdown->setText(tr("Not a valid Date: the API will reject it."));
        return;
    }
    const qint64 left = m_draft->clock().now().secsTo(parsed->instant) + httpdate::validitySeconds;
    if (left > httpdate::validitySeconds) {
        m_countdown->setText(tr("This Date is %1 s in the future.").arg(left - httpdate::validitySeconds));
    } else if (left >= 0) {
        m_countdown->setText(
            tr("Signature valid for %1:%2 more.").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    } else {
        const qint64 ago = -left;
        m_countdown->setText(
            ago < 3600 ? tr("Expired %1 min ago: press Re-sign now to send it again.").arg((ago + 59) / 60)
                       : tr("Expired (more than an hour ago): press Re-sign now to send it "
                            "again."));
    }
}

} // namespace kommo::ui

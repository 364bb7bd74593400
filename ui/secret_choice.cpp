#include "ui/secret_choice.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QRadioButton>

namespace kommo::ui {

SecretChoice::SecretChoice(std::function<QByteArray()> formSecret, const QString &objectNamePrefix,
                           const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_formSecret(std::move(formSecret))
    , m_useForm(new QRadioButton(tr("the &form's secret"), this))
    , m_useOther(new QRadioButton(tr("&another:"), this))
    , m_other(new QLineEdit(this))
{
    m_useForm->setObjectName(objectNamePrefix + QStringLiteral("FormSecret"));
    m_useOther->setObjectName(objectNamePrefix + QStringLiteral("OtherSecret"));
    m_other->setObjectName(objectNamePrefix + QStringLiteral("OtherSecretEdit"));
    m_useForm->setChecked(true);
    m_other->setEchoMode(QLineEdit::Password);
    m_other->setPlaceholderText(placeholder);
    m_other->setAccessibleName(tr("Another secret"));
    m_other->setEnabled(false);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_useForm);
    row->addWidget(m_useOther);
    row->addWidget(m_other, 1);
    setFocusProxy(m_useForm);

    connect(m_useOther, &QRadioButton::toggled, this, [this](bool on) {
        m_other->setEnabled(on);
        if (on)
            m_other->setFocus();
        Q_EMIT changed();
    });
    connect(m_other, &QLineEdit::textChanged, this, [this] {
        if (m_useOther->isChecked())
            Q_EMIT changed();
    });
}

bool SecretChoice::usesFormSecret() const
{
    return m_useForm->isChecked();
}

QByteArray SecretChoice::secret() const
{
    return usesFormSecret() ? m_formSecret() : m_other->text().toUtf8();
}

} // namespace kommo::ui

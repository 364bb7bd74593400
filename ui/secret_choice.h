// "(•) the form's secret  ( ) another: [....]": which secret the Verify and Reproduce views use.
#pragma once

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QRadioButton;
QT_END_NAMESPACE

namespace kommo::ui {

class SecretChoice : public QWidget
{
    Q_OBJECT

public:
    // formSecret is read each time secret() is asked for; neither secret is stored anywhere but the edit.
    // objectNamePrefix names the children for tests: PREFIXFormSecret, PREFIXOtherSecret,
    // PREFIXOtherSecretEdit.
    SecretChoice(std::function<QByteArray()> formSecret, const QString &objectNamePrefix,
                 const QString &placeholder, QWidget *parent = nullptr);

    bool usesFormSecret() const;
    QByteArray secret() const;

    QRadioButton *formButton() const { return m_useForm; }
    QRadioButton *otherButton() const { return m_useOther; }
    QLineEdit *otherEdit() const { return m_other; }

Q_SIGNALS:
    // The choice changed, or the other secret while it is the one chosen.
    void changed();

private:
    std::function<QByteArray()> m_formSecret;
    QRadioButton *m_useForm;
    QRadioButton *m_useOther;
    QLineEdit *m_other;
};

} // namespace kommo::ui

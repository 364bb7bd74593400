// The Verify view: a captured request (pasted, opened, or what was just sent) checked against the API's
// rules; the checks as a list, the cause found set apart in plain words, and "Load into editor".
#pragma once

#include "core/clock.h"
#include "core/diagnosis/verify.h"

#include <QDialog>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;
QT_END_NAMESPACE

namespace kommo::ui {

class CaptureInput;
class SecretChoice;

class VerifyView : public QDialog
{
    Q_OBJECT

public:
    // formSecret reads the form's secret at each verification; it is never stored by the view.
    VerifyView(std::function<QByteArray()> formSecret, const Clock &clock, QWidget *parent = nullptr);

    enum Column
    {
        ResultColumn,
        NameColumn,
        DetailColumn
    };

    CaptureInput *input() const { return m_input; }
    SecretChoice *secretChoice() const { return m_secretChoice; }
    QCheckBox *nowCheck() const { return m_nowCheck; }
    QLineEdit *nowEdit() const { return m_nowEdit; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *causesLabel() const { return m_causes; }
    QTableWidget *checksTable() const { return m_checks; }
    QPlainTextEdit *expectedView() const { return m_expected; }
    QCheckBox *keepTargetCheck() const { return m_keepTarget; }
    QPushButton *loadButton() const { return m_load; }
    QPushButton *reproduceButton() const { return m_reproduce; }
    QPushButton *copyReportButton() const { return m_copyReport; }

    // The last verification; none while there is no request to verify.
    const std::optional<diagnosis::Verification> &verification() const { return m_verification; }
    // The report as text, as "Copy report" copies it.
    QString reportText() const;

    // What was sent, verified at once; now (when given) judges the Date's age. status is the HTTP status
    // the server answered (0: none), which the headline takes into account.
    void verifyCapture(const CapturedRequest &request, const QString &shownText,
                       const std::optional<QDateTime> &now = std::nullopt, int status = 0);

public Q_SLOTS:
    void verifyNow();
    // The form's secret may have changed: verifies again when it is the one used.
    void formSecretChanged();

Q_SIGNALS:
    void loadRequested(const kommo::CapturedRequest &request, bool keepTarget);
    void reproduceRequested(const kommo::CapturedRequest &request);
    // Something went to the clipboard (for the window's status bar).
    void copied(const QString &what);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showVerification();
    // A HAR's entries marked pass or fail with the same options, so that the failing ones stand out.
    void markEntries(const diagnosis::VerifyOptions &options);

    std::function<QByteArray()> m_formSecret;
    const Clock &m_clock;
    CaptureInput *m_input;
    SecretChoice *m_secretChoice;
    QCheckBox *m_nowCheck;
    QLineEdit *m_nowEdit;
    QLabel *m_nowError;
    QLabel *m_summary;
    QLabel *m_causes;
    QTableWidget *m_checks;
    QAction *m_copyRows;
    QPlainTextEdit *m_expected;
    QCheckBox *m_keepTarget;
    QPushButton *m_load;
    QPushButton *m_reproduce;
    QPushButton *m_copyReport;
    std::optional<diagnosis::Verification> m_verification;
    std::optional<CapturedRequest> m_request;
    int m_sentStatus = 0;        // the server's answer to the request shown, while it is what was sent
    bool m_nowFromSent = false;  // "now" was set for what was sent; another capture does not keep it
    size_t m_formSecretHash = 0; // which form secret the shown verification used (a hash, not the secret)
};

} // namespace kommo::ui

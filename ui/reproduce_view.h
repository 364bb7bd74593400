// The Reproduce view: a captured request signed again with a fresh Date (optionally another secret or
// target), the original and the re-signed request side by side with the differences marked, and Send.
#pragma once

#include "core/clock.h"
#include "core/diagnosis/reproduce.h"

#include <QDialog>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace kommo::ui {

class CaptureInput;
class SecretChoice;

class ReproduceView : public QDialog
{
    Q_OBJECT

public:
    // formSecret and editorTarget are read at each re-signing; the secret is never stored by the view.
    ReproduceView(std::function<QByteArray()> formSecret, std::function<QString()> editorTarget,
                  const Clock &clock, QWidget *parent = nullptr);

    enum Column
    {
        FieldColumn,
        OriginalColumn,
        ResignedColumn,
        ReasonColumn
    };

    CaptureInput *input() const { return m_input; }
    SecretChoice *secretChoice() const { return m_secretChoice; }
    QLineEdit *targetEdit() const { return m_target; }
    QPushButton *editorTargetButton() const { return m_editorTarget; }
    QPushButton *resignButton() const { return m_resign; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *copyReportButton() const { return m_copyReport; }
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *originalView() const { return m_original; }
    QPlainTextEdit *resignedView() const { return m_resigned; }
    QTreeWidget *differencesTree() const { return m_differences; }

    const std::optional<diagnosis::Reproduction> &reproduction() const { return m_reproduction; }
    // The fields marked in the side-by-side views: expected ones (Date, X-Signature) and the others.
    QStringList markedFields(bool expected) const;

    void reproduceCapture(const CapturedRequest &request, const QString &shownText);

public Q_SLOTS:
    // Signs again now, with a fresh Date.
    void resign();

Q_SIGNALS:
    // Send the re-signed request through the window's send path (the response shows in the response pane).
    void sendRequested(const kommo::SignedRequest &request);

private:
    void showReproduction(const diagnosis::Reproduction &r);
    void clearResult(const QString &why);

    std::function<QByteArray()> m_formSecret;
    std::function<QString()> m_editorTargetOf;
    const Clock &m_clock;
    CaptureInput *m_input;
    SecretChoice *m_secretChoice;
    QLineEdit *m_target;
    QPushButton *m_editorTarget;
    QPushButton *m_resign;
    QPushButton *m_send;
    QPushButton *m_copyReport;
    QLabel *m_summary;
    QPlainTextEdit *m_original;
    QPlainTextEdit *m_resigned;
    QTreeWidget *m_differences;
    std::optional<diagnosis::Reproduction> m_reproduction;
    QStringList m_markedExpected;
    QStringList m_markedUnexpected;
};

} // namespace kommo::ui

// Import: a cURL command, a raw request or a HAR entry, pasted or opened, shown as the editor will take it,
// then loaded into the editor.
#pragma once

#include "core/interchange/captured.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace kommo::ui {

class CaptureInput;

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(QWidget *parent = nullptr);

    CaptureInput *input() const { return m_input; }
    QPlainTextEdit *preview() const { return m_preview; }
    QCheckBox *keepTargetCheck() const { return m_keepTarget; }
    QPushButton *loadButton() const { return m_load; }

Q_SIGNALS:
    void loadRequested(const kommo::CapturedRequest &request, bool keepTarget);

private:
    void showPreview();

    CaptureInput *m_input;
    QPlainTextEdit *m_preview;
    QCheckBox *m_keepTarget;
    QPushButton *m_load;
};

} // namespace kommo::ui

// The response: status line, headers, body (pretty JSON beside the raw bytes), timings, and the diagnosis.
#pragma once

#include "core/diagnosis/response.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
QT_END_NAMESPACE

namespace kommo {
struct Exchange;
}

namespace kommo::ui {

class ResponsePane : public QWidget
{
    Q_OBJECT

public:
    explicit ResponsePane(QWidget *parent = nullptr);

    QLabel *statusLabel() const { return m_status; }
    QLabel *timingsLabel() const { return m_timings; }
    QLabel *diagnosisLabel() const { return m_diagnosis; }
    QPlainTextEdit *prettyView() const { return m_pretty; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QPlainTextEdit *headersView() const { return m_headers; }
    // Shown on a 403 only: one click verifies what was sent (verifySentRequested).
    QPushButton *verifySentButton() const { return m_verifySent; }
    // The diagnosis lines last shown (ids and texts), for tests and copying.
    const QList<diagnosis::Line> &diagnosis() const { return m_lines; }

    void showSending(const QString &where);
    void showExchange(const Exchange &exchange, const QList<diagnosis::Line> &lines);
    void showBlocked(const QString &why);

Q_SIGNALS:
    void verifySentRequested();

private:
    QLabel *m_status;
    QLabel *m_timings;
    QLabel *m_diagnosis;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_pretty;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_headers;
    QPushButton *m_verifySent;
    QByteArray m_rawBody;
    QList<diagnosis::Line> m_lines;
};

} // namespace kommo::ui

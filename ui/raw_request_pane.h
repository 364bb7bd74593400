// The raw request exactly as it will be sent and, after sending, exactly what went out.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QTabWidget;
QT_END_NAMESPACE

namespace kommo {
struct Exchange;
}

namespace kommo::ui {

class RawRequestPane : public QWidget
{
    Q_OBJECT

public:
    RawRequestPane(RequestDraft *draft, QWidget *parent = nullptr);

    QPlainTextEdit *pendingView() const { return m_pending; }
    QPlainTextEdit *sentView() const { return m_sent; }
    QTabWidget *tabs() const { return m_tabs; }

    // What the transport really wrote: its headers in order and the body.
    void showSent(const Exchange &exchange);

    // CRLF shown as a line break (the label says the wire uses CRLF); other bytes as they are.
    static QString displayRaw(const QByteArray &raw);

private:
    void syncFromDraft();

    RequestDraft *m_draft;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_pending;
    QPlainTextEdit *m_sent;
    QLabel *m_pendingInfo;
    QLabel *m_sentInfo;
    QByteArray m_sentRaw;
};

} // namespace kommo::ui

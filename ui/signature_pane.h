// The signature pane: Content-MD5, the string to sign line by line with each line's source, and X-Signature.
#pragma once

#include "core/draft/requestdraft.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QTableWidget;
QT_END_NAMESPACE

namespace kommo::ui {

class SignaturePane : public QWidget
{
    Q_OBJECT

public:
    SignaturePane(RequestDraft *draft, QWidget *parent = nullptr);

    QLineEdit *contentMd5Edit() const { return m_md5; }
    QLineEdit *signatureEdit() const { return m_signature; }
    // Five rows; column 2 holds each line's exact text.
    QTableWidget *stringToSignTable() const { return m_lines; }
    // The string to sign as the table shows it: the value cells joined by \n.
    QString shownStringToSign() const;

    static constexpr int valueColumn = 1;

private:
    void syncFromDraft();

    RequestDraft *m_draft;
    QLineEdit *m_md5;
    QLineEdit *m_signature;
    QTableWidget *m_lines;
};

} // namespace kommo::ui

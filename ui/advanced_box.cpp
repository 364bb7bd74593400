#include "ui/advanced_box.h"

#include "ui/finding_badge.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace kommo::ui {

AdvancedBox::AdvancedBox(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_fold(new QToolButton(this))
    , m_content(new QWidget(this))
    , m_method(new QComboBox(m_content))
    , m_path(new QLineEdit(m_content))
    , m_contentType(new QLineEdit(m_content))
    , m_headers(new QPlainTextEdit(m_content))
{
    m_fold->setObjectName(QStringLiteral("advancedFold"));
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_contentType->setObjectName(QStringLiteral("contentTypeEdit"));
    m_headers->setObjectName(QStringLiteral("headersEdit"));

    m_fold->setText(tr("&Advanced: method, path, Content-Type, extra headers"));
    m_fold->setCheckable(true);
    m_fold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fold->setArrowType(Qt::RightArrow);
    m_fold->setAutoRaise(true);

    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("GET"), QStringLiteral("DELETE")});
    m_path->setPlaceholderText(tr("from scope_id and msgid"));
    m_path->setToolTip(
        tr("Leave empty to build the path from scope_id and msgid; a query string may follow."));
    m_headers->setPlaceholderText(tr("Name: value, one per line (sent, not signed)"));
    m_headers->setTabChangesFocus(true);
    m_headers->setMaximumHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout(m_content);
    form->setContentsMargins(16, 0, 0, 0);
    const auto addRow = [&](const QString &label, QWidget *field, QStringList fields) {
        form->addRow(label, field);
        auto *badge = new FindingBadge(std::move(fields), m_content);
        form->addRow(QString(), badge);
        m_badges.append(badge);
    };
    addRow(tr("&Method:"), m_method, {QStringLiteral("method")});
    addRow(tr("&Path:"), m_path, {QStringLiteral("path")});
    addRow(tr("Content-T&ype:"), m_contentType, {QStringLiteral("content_type")});
    addRow(tr("Extra &headers:"), m_headers, {QStringLiteral("header:")});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_fold);
    layout->addWidget(m_content);
    m_content->setVisible(false);

    connect(m_fold, &QToolButton::toggled, this, &AdvancedBox::setUnfolded);
    connect(m_method, &QComboBox::currentTextChanged, this,
            [this](const QString &text) { m_draft->setMethod(text.toUtf8()); });
    connect(m_path, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setPathOverride(text.toUtf8()); });
    connect(m_contentType, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setContentType(text.toUtf8()); });
    connect(m_headers, &QPlainTextEdit::textChanged, this,
            [this] { m_draft->setExtraHeaders(parseHeaders(m_headers->toPlainText())); });
    connect(m_draft, &RequestDraft::changed, this, &AdvancedBox::syncFromDraft);
    syncFromDraft();
}

void AdvancedBox::setUnfolded(bool unfolded)
{
    if (m_fold->isChecked() != unfolded) {
        m_fold->setChecked(unfolded);
        return;
    }
    m_fold->setArrowType(unfolded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(unfolded);
}

QList<Header> AdvancedBox::parseHeaders(const QString &text)
{
    QList<Header> headers;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        QByteArray name = (colon < 0 ? line : line.left(colon)).toUtf8();
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1).toUtf8();
        while (value.startsWith(' ') || value.startsWith('\t'))
            value.remove(0, 1);
        headers.append({name, value});
    }
    return headers;
}

QString AdvancedBox::formatHeaders(const QList<Header> &headers)
{
    QStringList lines;
    for (const Header &h : headers)
        lines.append(QString::fromUtf8(h.name + ": " + h.value));
    return lines.join(u'\n');
}

void AdvancedBox::syncFromDraft()
{
    const auto setIfDifferent = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text) {
            const QSignalBlocker blocker(edit);
            edit->setText(text);
        }
    };
    if (m_method->currentText() != QString::fromUtf8(m_draft->method())) {
        const QSignalBlocker blocker(m_method);
        m_method->setCurrentText(QString::fromUtf8(m_draft->method()));
    }
    setIfDifferent(m_path, QString::fromUtf8(m_draft->pathOverride()));
    setIfDifferent(m_contentType, QString::fromUtf8(m_draft->contentType()));
    if (parseHeaders(m_headers->toPlainText()) != m_draft->extraHeaders()) {
        const QSignalBlocker blocker(m_headers);
        m_headers->setPlainText(formatHeaders(m_draft->extraHeaders()));
    }
    m_path->setPlaceholderText(m_draft->pathOverride().isEmpty()
                                   ? QString::fromUtf8(m_draft->current().spec.path)
                                   : tr("from scope_id and msgid"));
    for (FindingBadge *badge : std::as_const(m_badges))
        badge->showFindings(m_draft->current().findings);
    // A finding in a folded field unfolds the box, so that it is never hidden.
    for (const FindingBadge *badge : std::as_const(m_badges)) {
        if (badge->hasError())
            setUnfolded(true);
    }
}

} // namespace kommo::ui

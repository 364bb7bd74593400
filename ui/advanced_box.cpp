#include "ui/advanced_box.h"

#include "ui/finding_badge.h"
#include "ui/tab_chain.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace kommo::ui {

namespace {

// The finding fields each row shows, in row order ("header:" covers every extra header).
const QStringList &rowFields()
{
    static const QStringList fields = {QStringLiteral("method"), QStringLiteral("path"),
                                       QStringLiteral("content_type"), QStringLiteral("header:")};
    return fields;
}

bool concernsRow(const Finding &finding, const QString &field)
{
    return field.endsWith(u':') ? finding.field.startsWith(field) : finding.field == field;
}

} // namespace

AdvancedBox::AdvancedBox(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_fold(new QToolButton(this))
{
    m_fold->setObjectName(QStringLiteral("advancedFold"));
    m_fold->setText(tr("&Advanced: method, path, Content-Type, extra headers"));
    m_fold->setCheckable(true);
    m_fold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fold->setArrowType(Qt::RightArrow);
    m_fold->setAutoRaise(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_fold);

    connect(m_fold, &QToolButton::toggled, this, &AdvancedBox::setUnfolded);
    connect(m_draft, &RequestDraft::changed, this, &AdvancedBox::syncFromDraft);
    syncFromDraft();
}

AdvancedBox::Content &AdvancedBox::content()
{
    if (m_content.box)
        return m_content;
    Content &c = m_content;
    c.box = new QWidget(this);
    c.box->setVisible(false);
    c.method = new QComboBox(c.box);
    c.path = new QLineEdit(c.box);
    c.contentType = new QLineEdit(c.box);
    c.headers = new QPlainTextEdit(c.box);
    c.method->setObjectName(QStringLiteral("methodCombo"));
    c.path->setObjectName(QStringLiteral("pathEdit"));
    c.contentType->setObjectName(QStringLiteral("contentTypeEdit"));
    c.headers->setObjectName(QStringLiteral("headersEdit"));

    c.method->setEditable(true);
    c.method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("GET"), QStringLiteral("DELETE")});
    c.path->setPlaceholderText(tr("from scope_id and msgid"));
    c.path->setToolTip(
        tr("Leave empty to build the path from scope_id and msgid; a query string may follow."));
    c.headers->setPlaceholderText(tr("Name: value, one per line (sent, not signed)"));
    c.headers->setTabChangesFocus(true);
    c.headers->setMaximumHeight(c.headers->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout(c.box);
    form->setContentsMargins(16, 0, 0, 0);
    const QList<QPair<QString, QWidget *>> rows = {{tr("&Method:"), c.method},
                                                   {tr("&Path:"), c.path},
                                                   {tr("Content-T&ype:"), c.contentType},
                                                   {tr("Extra headers:"), c.headers}};
    for (qsizetype i = 0; i < rows.size(); ++i) {
        form->addRow(rows.at(i).first, rows.at(i).second);
        auto *badge = new FindingBadge({rowFields().at(i)}, c.box);
        form->addRow(QString(), badge);
        c.badges.append(badge);
    }
    static_cast<QVBoxLayout *>(layout())->addWidget(c.box);
    // Made later than the rest of the window, the fields would come last in the tab order: they follow
    // the fold button, as when they were made with it.
    setTabChain({m_fold, c.method, c.path, c.contentType, c.headers});

    connect(c.method, &QComboBox::currentTextChanged, this,
            [this](const QString &text) { m_draft->setMethod(text.toUtf8()); });
    connect(c.path, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setPathOverride(text.toUtf8()); });
    connect(c.contentType, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_draft->setContentType(text.toUtf8()); });
    connect(c.headers, &QPlainTextEdit::textChanged, this,
            [this] { m_draft->setExtraHeaders(parseHeaders(m_content.headers->toPlainText())); });
    syncFromDraft();
    return m_content;
}

void AdvancedBox::setUnfolded(bool unfolded)
{
    if (m_fold->isChecked() != unfolded) {
        m_fold->setChecked(unfolded);
        return;
    }
    m_fold->setArrowType(unfolded ? Qt::DownArrow : Qt::RightArrow);
    if (unfolded || m_content.box)
        content().box->setVisible(unfolded);
}

// A CR or LF inside one header (an imported capture can carry one) is shown as a visible symbol on the
// header's own line, so that the finding about it points at something a person can see; typing the
// symbols back gives the same bytes.
constexpr char16_t shownCr = 0x240D; // ␍
constexpr char16_t shownLf = 0x240A; // ␊

QList<Header> AdvancedBox::parseHeaders(const QString &text)
{
    QList<Header> headers;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (QString line : lines) {
        line.replace(QChar(shownCr), u'\r').replace(QChar(shownLf), u'\n');
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
    for (const Header &h : headers) {
        QString line = QString::fromUtf8(h.name + ": " + h.value);
        line.replace(u'\r', QChar(shownCr)).replace(u'\n', QChar(shownLf));
        lines.append(line);
    }
    return lines.join(u'\n');
}

void AdvancedBox::syncFromDraft()
{
    const QList<Finding> &findings = m_draft->current().findings;
    if (!m_content.box) {
        // Not made yet: nothing to show, unless an error concerns a folded field, which unfolds the box.
        for (const Finding &f : findings) {
            for (const QString &field : rowFields()) {
                if (f.severity == Severity::Error && concernsRow(f, field)) {
                    setUnfolded(true); // makes the fields, which sync themselves
                    return;
                }
            }
        }
        return;
    }
    Content &c = m_content;
    const auto setIfDifferent = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text) {
            const QSignalBlocker blocker(edit);
            edit->setText(text);
        }
    };
    if (c.method->currentText() != QString::fromUtf8(m_draft->method())) {
        const QSignalBlocker blocker(c.method);
        c.method->setCurrentText(QString::fromUtf8(m_draft->method()));
    }
    setIfDifferent(c.path, QString::fromUtf8(m_draft->pathOverride()));
    setIfDifferent(c.contentType, QString::fromUtf8(m_draft->contentType()));
    if (parseHeaders(c.headers->toPlainText()) != m_draft->extraHeaders()) {
        const QSignalBlocker blocker(c.headers);
        c.headers->setPlainText(formatHeaders(m_draft->extraHeaders()));
    }
    c.path->setPlaceholderText(m_draft->pathOverride().isEmpty()
                                   ? QString::fromUtf8(m_draft->current().spec.path)
                                   : tr("from scope_id and msgid"));
    for (FindingBadge *badge : std::as_const(c.badges))
        badge->showFindings(findings);
    // A finding in a folded field unfolds the box, so that it is never hidden.
    for (const FindingBadge *badge : std::as_const(c.badges)) {
        if (badge->hasError())
            setUnfolded(true);
    }
}

} // namespace kommo::ui

#include "ui/findings_pane.h"

#include "ui/standard_icons.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace kommo::ui {

FindingsPane::FindingsPane(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("findingsPane"));
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Findings"));
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 3 + 8);
    m_list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_summary->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT fieldActivated(item->data(Qt::UserRole).toString()); });
    connect(m_draft, &RequestDraft::changed, this, &FindingsPane::syncFromDraft);
    syncFromDraft();
}

void FindingsPane::syncFromDraft()
{
    const SignedRequest &r = m_draft->current();
    QList<Finding> sorted = r.findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding &a, const Finding &b) {
        return a.severity == Severity::Error && b.severity != Severity::Error;
    });
    m_list->clear();
    int errors = 0;
    int blocking = 0;
    for (const Finding &f : std::as_const(sorted)) {
        const bool error = f.severity == Severity::Error;
        errors += error ? 1 : 0;
        blocking += f.blocksSending ? 1 : 0;
        auto *item = new QListWidgetItem(
            standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning),
            tr("%1: %2").arg(f.field, f.message), m_list);
        item->setData(Qt::UserRole, f.field);
        item->setData(Qt::UserRole + 1, f.id);
        item->setToolTip(f.blocksSending ? tr("%1 (blocks sending)").arg(f.id) : f.id);
    }
    const int warnings = int(sorted.size()) - errors;
    if (sorted.isEmpty())
        m_summary->setText(tr("<b>Findings</b>: none; the request follows every rule the console knows."));
    else if (blocking > 0)
        m_summary->setText(
            tr("<b>Findings</b>: %1 error(s), %2 warning(s); sending is blocked until the marked "
               "ones are fixed.")
                .arg(errors)
                .arg(warnings));
    else
        m_summary->setText(
            tr("<b>Findings</b>: %1 error(s), %2 warning(s); Send still sends (testers send bad "
               "requests on purpose).")
                .arg(errors)
                .arg(warnings));
}

} // namespace kommo::ui

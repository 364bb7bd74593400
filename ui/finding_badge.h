// A mark beside one input: shown while findings concern that field, with their messages as its text.
#pragma once

#include "core/findings.h"

#include <QLabel>
#include <QStringList>

namespace kommo::ui {

class FindingBadge : public QLabel
{
    Q_OBJECT

public:
    // fields: the finding fields this badge answers for ("scope_id", "header:" as a prefix, ...).
    explicit FindingBadge(QStringList fields, QWidget *parent = nullptr);

    // Shows the findings whose field is one of ours; hides itself when there is none.
    void showFindings(const QList<Finding> &findings);
    // The messages shown, one per line (for tests and the accessible description).
    QString messages() const { return m_messages; }
    bool hasError() const { return m_hasError; }

private:
    QStringList m_fields;
    QString m_messages;
    bool m_hasError = false;
};

} // namespace kommo::ui

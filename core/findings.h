// A validation finding: what is wrong or doubtful in a request, where, and how to fix it.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kommo {

enum class Severity
{
    Warning,
    Error
};

struct Finding
{
    Severity severity = Severity::Warning;
    // The input the finding concerns, in the API's own terms: secret, scope_id, msgid, delivery_status,
    // error_code, error, body, date, content_type, method, path, base_url, or "header:Name".
    QString field;
    // A stable identifier for tools and tests, e.g. "msgid_mismatch".
    QString id;
    // A sentence for a person that says what is wrong and how to fix it.
    QString message;
    // Sending is impossible or unsafe while this finding stands (no secret, no valid URL, CR/LF/NUL in a
    // header or the path). Every other finding only warns: testers send bad requests on purpose.
    bool blocksSending = false;
};

// "error" or "warning", as the JSON output and the CLI print it.
QString severityName(Severity severity);

bool hasErrors(const QList<Finding> &findings);
bool blocksSending(const QList<Finding> &findings);

// The messages of the findings that block sending, in order: why a request cannot go out.
QStringList blockingMessages(const QList<Finding> &findings);

} // namespace kommo

#include "core/findings.h"

#include <algorithm>

namespace kommo {

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

bool hasErrors(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding &f) { return f.severity == Severity::Error; });
}

bool blocksSending(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.blocksSending; });
}

QStringList blockingMessages(const QList<Finding> &findings)
{
    QStringList messages;
    for (const Finding &f : findings) {
        if (f.blocksSending)
            messages.append(f.message);
    }
    return messages;
}

} // namespace kommo

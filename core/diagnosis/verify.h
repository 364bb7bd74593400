// Verifying a captured request: every check the API's rules allow, pass or fail, and the causes found.
#pragma once

#include "core/interchange/captured.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kommo::diagnosis {

// One check. A check that cannot be judged (no secret, no "now", body unknown) is ok with judged false.
struct Check
{
    QString name; // stable: see checkNames() and docs/verify-json.md
    bool ok = true;
    bool judged = true;
    QString detail; // a sentence for a person
};

// A known mistake whose hypothesis reproduces the captured value exactly.
struct Cause
{
    QString id;     // stable: see causeIds()
    QString detail; // a sentence for a person
};

struct Verification
{
    QList<Check> checks;
    QList<Cause> causes;
    QByteArray expectedContentMd5; // of the captured body (empty when the body is unknown)
    QByteArray expectedStringToSign;
    QByteArray expectedSignature; // empty without a secret

    bool ok() const;
    const Check *check(QStringView name) const;
};

struct VerifyOptions
{
    std::optional<QByteArray> secret; // none: the signature is not judged
    std::optional<QDateTime> now;     // none: the Date's freshness is not judged (a log's requests are old)
};

Verification verify(const CapturedRequest &request, const VerifyOptions &options);

// Every check name, in the order a verification lists them.
QStringList checkNames();

} // namespace kommo::diagnosis

#include "app/cli/console_io.h"

#include "app/cli/verb.h"

#include <QJsonDocument>

#include <cstdio>

namespace kommo::cli {

QList<Verb> &verbs()
{
    static QList<Verb> table;
    return table;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

int usageError(const QString &verb, const QString &message)
{
    printErr(QStringLiteral("kommo-status %1: %2\n").arg(verb, message));
    printErr(QStringLiteral("Try 'kommo-status %1 --help'.\n").arg(verb));
    return ExitUsage;
}

} // namespace kommo::cli

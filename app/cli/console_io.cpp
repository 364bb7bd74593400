#include "app/cli/console_io.h"

#include "app/cli/verb.h"

#include "core/signing/signing.h"

#include <QJsonDocument>

#include <cstdio>

namespace kommo::cli {

QList<Verb> &verbs()
{
    static QList<Verb> table;
    return table;
}

namespace {

QString &redactedSecret()
{
    static QString secret;
    return secret;
}

QByteArray outputBytes(const QString &text)
{
    const QString &secret = redactedSecret();
    if (secret.isEmpty() || !text.contains(secret))
        return text.toUtf8();
    return QString(text).replace(secret, QStringLiteral("[secret]")).toUtf8();
}

} // namespace

void redactFromOutput(const QByteArray &secret)
{
    redactedSecret() = secret.size() >= minimumSecretToSpot ? QString::fromUtf8(secret) : QString();
}

void printOut(const QString &text)
{
    const QByteArray bytes = outputBytes(text);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = outputBytes(text);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void printVerbHelp(const QString &verb, const QString &helpText)
{
    QString text = helpText;
    const qsizetype lineEnd = text.indexOf(u'\n');
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage) && lineEnd > 0) {
        const qsizetype optionsAt = text.indexOf(QStringLiteral(" [options]"), usage.size());
        if (optionsAt > 0 && optionsAt < lineEnd)
            text.replace(usage.size(), optionsAt - usage.size(), QStringLiteral("kommo-status ") + verb);
    }
    printOut(text);
}

int usageError(const QString &verb, const QString &message)
{
    printErr(QStringLiteral("kommo-status %1: %2\n").arg(verb, message));
    printErr(QStringLiteral("Try 'kommo-status %1 --help'.\n").arg(verb));
    return ExitUsage;
}

} // namespace kommo::cli

// Standard output and error for the verbs: UTF-8 text, flushed at once.
#pragma once

#include <QJsonObject>
#include <QString>

namespace kommo::cli {

void printOut(const QString &text);
void printErr(const QString &text);
void printJson(const QJsonObject &object);

// Prints "kommo-status VERB: message" to standard error and returns the usage exit code.
int usageError(const QString &verb, const QString &message);

} // namespace kommo::cli

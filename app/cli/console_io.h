// Standard output and error for the verbs: UTF-8 text, flushed at once.
#pragma once

#include <QJsonObject>
#include <QString>

namespace kommo::cli {

// From now on, printOut and printErr write "[secret]" wherever this secret would appear (secrets shorter
// than kommo::minimumSecretToSpot are not looked for). A last net: nothing should try to print it.
void redactFromOutput(const QByteArray &secret);

void printOut(const QString &text);
void printErr(const QString &text);
void printJson(const QJsonObject &object);

// Prints a verb's --help, its usage line naming "kommo-status VERB" whatever path the program was run by.
void printVerbHelp(const QString &verb, const QString &helpText);

// Prints "kommo-status VERB: message" to standard error and returns the usage exit code.
int usageError(const QString &verb, const QString &message);

} // namespace kommo::cli

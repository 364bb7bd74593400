// The CLI's verbs: each file under app/cli/ registers one in the table that main reads.
#pragma once

#include <QString>
#include <QStringList>

namespace kommo::cli {

// Exit codes shared by every verb.
enum ExitCode
{
    ExitOk = 0,
    ExitFindings = 1,
    ExitUsage = 2,
    ExitHttpStatus = 3,
    ExitTransport = 4
};

struct Verb
{
    const char *name;
    const char *summary; // one line for `kommo-status --help`
    // Runs the verb; arguments start with the program name followed by the verb's own arguments.
    int (*run)(const QStringList &arguments);
};

// The table of verbs, in the order they registered.
QList<Verb> &verbs();

// Put one at namespace scope in a verb's file: `static const RegisterVerb registration{{"sign", ...}};`
struct RegisterVerb
{
    explicit RegisterVerb(const Verb &verb) { verbs().append(verb); }
};

} // namespace kommo::cli

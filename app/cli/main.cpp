// kommo-status: the command-line twin of the console. It links kommo_core (and the sandbox) only.
#include "app/cli/console_io.h"
#include "app/cli/verb.h"

#include <QCoreApplication>

using namespace kommo::cli;

namespace {

QString overview()
{
    QString text = QCoreApplication::translate("kommo::cli", "Usage: kommo-status VERB [options]\n\n"
                                                             "Sign, send and verify Kommo Chat API "
                                                             "delivery-status updates.\n\nVerbs:\n");
    for (const Verb &verb : verbs())
        text +=
            QStringLiteral("  %1 %2\n").arg(QLatin1String(verb.name), -12).arg(QLatin1String(verb.summary));
    text += QCoreApplication::translate("kommo::cli", "\n'kommo-status VERB --help' describes a verb.\n");
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kommo-status"));
    QCoreApplication::setApplicationName(QStringLiteral("kommo-status-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOMMO_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == u"--help" || first == u"-h" || first == u"help") {
        printOut(overview());
        return first.isEmpty() ? ExitUsage : ExitOk;
    }
    if (first == u"--version" || first == u"-v") {
        printOut(QStringLiteral("kommo-status %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    for (const Verb &verb : verbs()) {
        if (first == QLatin1String(verb.name)) {
            arguments.removeAt(1);
            arguments[0] = QStringLiteral("kommo-status ") + first;
            return verb.run(arguments);
        }
    }
    printErr(QCoreApplication::translate("kommo::cli", "kommo-status: unknown verb \"%1\"\n\n").arg(first));
    printErr(overview());
    return ExitUsage;
}

// `kommo-status sandbox`: run the built-in sandbox on loopback until SIGINT or SIGTERM.
#include "app/cli/console_io.h"
#include "app/cli/stop_signals.h"
#include "app/cli/verb.h"

#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"

#include "core/translate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::sandbox")

Result<QByteArray> readSecretFile(const QString &name)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(
            tr("cannot read the secret file \"%1\": %2").arg(name, file.errorString()));
    const QByteArray secret = dropOneTrailingNewline(file.readAll());
    if (secret.isEmpty())
        return Result<QByteArray>::failure(tr("the secret file \"%1\" is empty").arg(name));
    return secret;
}

int runSandbox(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Run the built-in sandbox: an HTTP server on 127.0.0.1 that checks delivery-status requests the way "
        "the API does (path, method, Content-Type, Content-MD5, X-Signature, a Date within 15 minutes, the "
        "body rules) and records each status change. Its first line on standard output is its URL, "
        "http://127.0.0.1:PORT; each request is logged to standard error (never a secret). SIGINT or SIGTERM "
        "stops it.\n\nThe sandbox-only endpoints: GET /sandbox/messages, GET /sandbox/messages/{msgid} (the "
        "recorded changes) and POST /sandbox/messages/{msgid} (register a message for --strict).\n\n"
        "Exit status: 0 stopped by a signal, 2 usage error or the port cannot be used.\n\nExample:\n"
        "  kommo-status sandbox --channel SCOPE_ID=secret.txt --port 0"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), tr("The port on 127.0.0.1 (default 0: a free one)."), tr("port"),
         QStringLiteral("0")},
        {QStringLiteral("channel"),
         tr("A channel: its scope_id and the file holding its secret (repeatable)."),
         tr("SCOPE=SECRET_FILE")},
        {QStringLiteral("scope"), tr("With --secret-file: one channel's scope_id."), tr("scope_id")},
        {QStringLiteral("secret-file"), tr("With --scope: the file holding that channel's secret."),
         tr("file")},
        {QStringLiteral("message"),
         tr("Register a msgid (repeatable); with --strict only these are accepted."), tr("msgid")},
        {QStringLiteral("strict"), tr("Answer 404 for a msgid that was not registered first.")},
        {QStringLiteral("now"), tr("Fix the sandbox's clock at <date> (RFC 2822)."), tr("date")},
        {QStringLiteral("clock-offset"), tr("Move the sandbox's clock by <seconds> (may be negative)."),
         tr("seconds")},
    });
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("sandbox"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("sandbox"), parser.helpText());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("sandbox"),
                          tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    sandbox::Sandbox box;

    // Channels: --channel SCOPE=FILE, or the --scope/--secret-file pair.
    QStringList channels = parser.values(QStringLiteral("channel"));
    if (parser.isSet(QStringLiteral("scope")) != parser.isSet(QStringLiteral("secret-file")))
        return usageError(QStringLiteral("sandbox"), tr("--scope and --secret-file go together"));
    if (parser.isSet(QStringLiteral("scope")))
        channels.append(parser.value(QStringLiteral("scope")) + u'=' +
                        parser.value(QStringLiteral("secret-file")));
    for (const QString &channel : std::as_const(channels)) {
        const qsizetype equals = channel.indexOf(u'=');
        if (equals <= 0 || equals == channel.size() - 1)
            return usageError(QStringLiteral("sandbox"),
                              tr("--channel: \"%1\" is not SCOPE=SECRET_FILE").arg(channel));
        const Result<QByteArray> secret = readSecretFile(channel.mid(equals + 1));
        if (!secret)
            return usageError(QStringLiteral("sandbox"), secret.error());
        box.addChannel(channel.left(equals), *secret);
    }
    for (const QString &msgid : parser.values(QStringLiteral("message")))
        box.addMessage(msgid);
    box.setStrict(parser.isSet(QStringLiteral("strict")));

    // The clock.
    if (parser.isSet(QStringLiteral("now"))) {
        const Result<httpdate::Parsed> fixed = httpdate::parse(parser.value(QStringLiteral("now")).toUtf8());
        if (!fixed)
            return usageError(QStringLiteral("sandbox"), tr("--now: %1").arg(fixed.error()));
        box.setFixedNow(fixed->instant);
    }
    if (parser.isSet(QStringLiteral("clock-offset"))) {
        bool ok = false;
        const qint64 offset = parser.value(QStringLiteral("clock-offset")).toLongLong(&ok);
        if (!ok)
            return usageError(QStringLiteral("sandbox"),
                              tr("--clock-offset: \"%1\" is not a number of seconds")
                                  .arg(parser.value(QStringLiteral("clock-offset"))));
        box.setClockOffset(offset);
    }
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    if (!portOk || port > 65535)
        return usageError(
            QStringLiteral("sandbox"),
            tr("--port: \"%1\" is not a port number").arg(parser.value(QStringLiteral("port"))));

    // Stop cleanly on SIGINT and SIGTERM.
    StopSignals stopSignals;
    if (!stopSignals.ok())
        return usageError(QStringLiteral("sandbox"), tr("cannot watch for SIGINT and SIGTERM"));
    QObject::connect(&stopSignals, &StopSignals::received, &box, [&box] {
        box.stop();
        printErr(tr("sandbox: stopped\n"));
        QCoreApplication::quit();
    });

    const Result<quint16> bound = box.start(static_cast<quint16>(port));
    if (!bound)
        return usageError(QStringLiteral("sandbox"), bound.error());
    QObject::connect(&box, &sandbox::Sandbox::requestReceived, &box, [](const sandbox::ReceivedRequest &r) {
        // One arg() call: a %1 inside the request's own text must not be substituted again.
        printErr(QStringLiteral("%1 %2 %3 -> %4 %5\n")
                     .arg(QString::fromLatin1(httpdate::format(r.at)), report::escapeControls(r.method),
                          report::escapeControls(r.target), QString::number(r.status),
                          report::escapeControls(r.verdict)));
    });

    // The first line, flushed at once even into a pipe: scripts read the URL from it.
    printOut(box.url().toString() + u'\n');
    printErr(tr("sandbox: %n channel(s): %1%2; clock %3\n", nullptr, static_cast<int>(box.channels().size()))
                 .arg(box.channels().join(u", "), box.isStrict() ? tr("; strict") : QString(),
                      QString::fromLatin1(httpdate::format(box.now()))));
    const int code = QCoreApplication::exec();
    return code == 0 ? ExitOk : code;
}

const RegisterVerb registration{
    {"sandbox", "Run the built-in sandbox on 127.0.0.1 that checks requests the way the API does.",
     &runSandbox}};

} // namespace
} // namespace kommo::cli

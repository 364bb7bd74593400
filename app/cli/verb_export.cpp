// `kommo-status export`: one request as a cURL command, raw HTTP, HAR, or code that signs it when it runs.
#include "app/cli/console_io.h"
#include "app/cli/request_options.h"
#include "app/cli/verb.h"

#include "core/interchange/export.h"
#include "core/interchange/snippets.h"
#include "core/signing/report.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::export")

QString formatList()
{
    QStringList names;
    for (const interchange::ExportFormat f : interchange::exportFormats())
        names.append(interchange::exportFormatName(f));
    return names.join(u'|');
}

// The bytes as they are (a body need not be UTF-8), to a file or standard output.
Result<bool> writeBytes(const QString &name, const QByteArray &bytes)
{
    if (name.isEmpty() || name == u"-") {
        if (std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout) !=
                static_cast<size_t>(bytes.size()) ||
            std::fflush(stdout) != 0)
            return Result<bool>::failure(tr("cannot write to standard output"));
        return true;
    }
    QSaveFile file(name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Result<bool>::failure(tr("--output: cannot write \"%1\": %2").arg(name, file.errorString()));
    return true;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export one delivery-status request, built from the options of `sign`, as:\n"
           "  curl    a cURL command sending the exact bytes (POSIX single quotes; $'...' where the body is "
           "not "
           "printable UTF-8; a body with a NUL byte is piped in by printf)\n"
           "  http    the raw HTTP request, CRLF line ends\n"
           "  har     a HAR 1.2 log with one entry\n"
           "  php, python, node, go, csharp, shell\n"
           "          a program that signs the request itself when it runs: the secret from the environment "
           "variable KOMMO_CHANNEL_SECRET, a fresh Date, the body written once and hashed as sent\n\n"
           "No export ever holds the channel secret; Cookie and Authorization header values are masked "
           "unless "
           "--keep-credentials is given. The format details are in docs/export.md.\n\n") +
        secretHelp() +
        tr("\n\nExit status: 0 written, 1 the request has an error finding (it is still written) or the "
           "export "
           "would hold the secret (nothing is written), 2 usage error.\n\nExample:\n"
           "  kommo-status export --format python --secret-file secret.txt --scope SCOPE_ID --msgid MSGID "
           "--status read --output send_status.py"));
    parser.addHelpOption();
    addRequestOptions(parser);
    parser.addOptions({
        {QStringLiteral("format"), tr("One of %1.").arg(formatList()), tr("format")},
        {QStringLiteral("output"), tr("Write to <file> instead of standard output."), tr("file")},
        {QStringLiteral("keep-credentials"), tr("Keep Cookie and Authorization header values as they are.")},
    });
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("export"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("export"), parser.helpText());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("export"),
                          tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(QStringLiteral("format")))
        return usageError(QStringLiteral("export"), tr("--format is required: %1").arg(formatList()));
    const std::optional<interchange::ExportFormat> format =
        interchange::parseExportFormat(parser.value(QStringLiteral("format")));
    if (!format)
        return usageError(QStringLiteral("export"),
                          tr("--format: \"%1\" is not one of %2")
                              .arg(parser.value(QStringLiteral("format")), formatList()));

    const Result<RequestInput> input = readRequest(parser);
    if (!input)
        return usageError(QStringLiteral("export"), input.error());
    SignedRequest request = sign(input->spec, input->secret.secret, input->now);
    request.findings = input->secret.findings + request.findings;

    interchange::ExportOptions options;
    options.keepCredentials = parser.isSet(QStringLiteral("keep-credentials"));
    const QByteArray out = interchange::exportRequest(request, *format, options);

    // The export is built without the secret; a secret pasted into a header or the body would still leak.
    const QByteArray &secret = input->secret.secret;
    if (secret.size() >= 8 && out.contains(secret)) {
        printErr(tr("kommo-status export: nothing written: the request itself holds the channel secret (in a "
                    "header or the body), and an export must never carry it.\n"));
        return ExitFindings;
    }

    for (const Finding &f : request.findings) {
        if (f.severity == Severity::Error)
            printErr(tr("kommo-status export: warning: %1\n").arg(report::findingLine(f)));
    }
    const Result<bool> written = writeBytes(parser.value(QStringLiteral("output")), out);
    if (!written)
        return usageError(QStringLiteral("export"), written.error());
    return hasErrors(request.findings) ? ExitFindings : ExitOk;
}

const RegisterVerb registration{
    {"export", "Export a request as cURL, raw HTTP, HAR or code (PHP, Python, Node.js, Go, C#, shell).",
     &runExport}};

} // namespace
} // namespace kommo::cli

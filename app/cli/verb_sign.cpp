// `kommo-status sign`: compute the body, Content-MD5, string to sign and X-Signature of one request.
#include "app/cli/console_io.h"
#include "app/cli/request_options.h"
#include "app/cli/verb.h"

#include "core/signing/report.h"

#include "core/translate.h"

#include <QCoreApplication>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::sign")

int runSign(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sign one Kommo Chat API delivery-status request and show its body, Content-MD5, string to sign, "
           "X-Signature, headers and findings. Nothing is sent.\n\n"
           "Form: --scope, --msgid, --status and, for errors, --error-code and --error build the canonical "
           "body. "
           "Raw: --body-file signs the file's bytes exactly; --path, --method, --content-type and --header "
           "rebuild any captured request (with --body-file and --path, no --scope or --msgid is "
           "needed).\n\n") +
        secretHelp() +
        tr("\n\nExit status: 0 signed with no error finding, 1 an error finding exists (the output is still "
           "printed), 2 usage error.\n\nExample:\n  kommo-status sign --secret-file secret.txt --scope "
           "SCOPE_ID --msgid MSGID --status read"));
    parser.addHelpOption();
    addRequestOptions(parser);
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object (schema: docs/sign-json.md).")});

    if (!parser.parse(arguments))
        return usageError(QStringLiteral("sign"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("sign"), parser.helpText());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("sign"),
                          tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    const Result<RequestInput> input = readRequest(parser);
    if (!input)
        return usageError(QStringLiteral("sign"), input.error());

    SignedRequest request = sign(input->spec, input->secret.secret, input->now);
    request.findings = input->secret.findings + request.findings;
    if (parser.isSet(QStringLiteral("json")))
        printJson(report::signedRequestJson(request));
    else
        printOut(report::signedRequestText(request));
    return hasErrors(request.findings) ? ExitFindings : ExitOk;
}

const RegisterVerb registration{{"sign", "Sign a request and show every step; nothing is sent.", &runSign}};

} // namespace
} // namespace kommo::cli

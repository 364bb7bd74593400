// `kommo-status reproduce`: sign a captured request again with a fresh Date, name what else differs, and
// optionally send it.
#include "app/cli/console_io.h"
#include "app/cli/request_options.h"
#include "app/cli/send_support.h"
#include "app/cli/verb.h"

#include "core/diagnosis/reproduce.h"
#include "core/diagnosis/response.h"
#include "core/interchange/import.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"
#include "core/transport/transport.h"

#include "core/translate.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::reproduce")

constexpr qint64 maxCapture = 64 * 1024 * 1024;

// The capture in name: raw HTTP, cURL, or the entry-th Chat API request of a HAR (1-based).
Result<CapturedRequest> readCapture(const QString &name, int entry)
{
    using R = Result<CapturedRequest>;
    QFile file;
    const bool opened = name == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!opened)
        return R::failure(tr("cannot read \"%1\": %2").arg(name, file.errorString()));
    const interchange::InputKind kind = interchange::detectKind(file.peek(64 * 1024));
    if (kind == interchange::InputKind::Har) {
        interchange::HarReader reader(&file);
        CapturedRequest request;
        // entry is an index of log.entries, as verify reports it; -1 takes the first Chat API request.
        while (reader.next(request)) {
            if (entry < 0 || request.source.index == entry) {
                request.source.name = name;
                return request;
            }
        }
        if (!reader.error().isEmpty())
            return R::failure(reader.error());
        if (entry < 0)
            return R::failure(tr("\"%1\" holds no Chat API request (/v2/origin/custom/...)").arg(name));
        return R::failure(tr("\"%1\" has no Chat API request at log.entries[%2] (it has %n entries)", nullptr,
                             static_cast<int>(reader.entriesSeen()))
                              .arg(name, QString::number(entry)));
    }
    if (kind == interchange::InputKind::Unknown)
        return R::failure(tr("\"%1\" is not raw HTTP, a cURL command or a HAR file").arg(name));
    const QByteArray text = file.read(maxCapture + 1);
    if (text.size() > maxCapture)
        return R::failure(tr("\"%1\" is larger than 64 MiB").arg(name));
    Result<CapturedRequest> request =
        kind == interchange::InputKind::Curl ? interchange::parseCurl(text) : interchange::parseRawHttp(text);
    if (request)
        request.value().source.name = name;
    return request;
}

QJsonObject exchangeJson(const Exchange &exchange, const QList<diagnosis::Line> &lines)
{
    QJsonObject out{{QStringLiteral("status"), exchange.status},
                    {QStringLiteral("reason"), QString::fromUtf8(exchange.reason)},
                    {QStringLiteral("headers"), report::headersJson(exchange.responseHeaders)},
                    {QStringLiteral("body"), QString::fromUtf8(exchange.responseBody)},
                    {QStringLiteral("diagnosis"), diagnosis::linesJson(lines)}};
    out.insert(QStringLiteral("fault"),
               exchange.fault.kind == FaultKind::None
                   ? QJsonValue(QJsonValue::Null)
                   : QJsonValue(QJsonObject{{QStringLiteral("kind"), faultKindName(exchange.fault.kind)},
                                            {QStringLiteral("message"), exchange.fault.message}}));
    return out;
}

int runReproduce(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Rebuild a captured request (raw HTTP, a cURL command or a HAR entry), sign it again with a fresh "
           "Date, and show the difference from the capture: only Date and X-Signature should change, and "
           "anything else that does is named (a wrong Content-MD5, a repeated signed header, a lower-case "
           "method...). With --send the re-signed request is sent.\n\n") +
        secretHelp() +
        tr("\n\nExit status without --send: 0 only Date and X-Signature differ, 1 something else differs. "
           "With --send, as `send`: 0 a 2xx response, 3 any other HTTP status, 4 a transport failure. 2 "
           "usage "
           "error.\n\nExample:\n  kommo-status reproduce captured.txt --secret-file secret.txt --base-url "
           "http://127.0.0.1:8080 --send"));
    parser.addHelpOption();
    addSecretOptions(parser);
    parser.addOptions({
        {QStringLiteral("base-url"), tr("Send to <url> instead of the captured scheme and host."), tr("url")},
        {QStringLiteral("entry"),
         tr("For a HAR file: the request at log.entries[<n>], the index `verify` reports (default: the first "
            "Chat API request)."),
         tr("n")},
        {QStringLiteral("now"), tr("Sign with this Date (RFC 2822) instead of the clock's."), tr("date")},
        {QStringLiteral("send"), tr("Send the re-signed request.")},
        {QStringLiteral("timeout"), tr("With --send, give up after <seconds> (default 30)."), tr("seconds"),
         QStringLiteral("30")},
        {QStringLiteral("json"), tr("Print one JSON object (schema: docs/export.md).")},
    });
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The captured request; - for standard input."));
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("reproduce"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("reproduce"), parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("reproduce"), tr("give exactly one FILE (or - for standard input)"));
    if (positional.constFirst() == u"-" && parser.isSet(QStringLiteral("secret-stdin")))
        return usageError(QStringLiteral("reproduce"),
                          tr("the capture and the secret cannot both come from standard input"));

    const Result<SecretInput> secret = readSecret(parser);
    if (!secret)
        return usageError(QStringLiteral("reproduce"), secret.error());
    for (const Finding &f : secret->findings)
        printErr(tr("kommo-status reproduce: warning: %1\n").arg(f.message));

    diagnosis::ReproduceOptions options;
    options.secret = secret->secret;
    options.now = systemClock().now();
    if (parser.isSet(QStringLiteral("now"))) {
        const Result<httpdate::Parsed> now = httpdate::parse(parser.value(QStringLiteral("now")).toUtf8());
        if (!now)
            return usageError(QStringLiteral("reproduce"), tr("--now: %1").arg(now.error()));
        options.now = now->instant;
    }
    if (parser.isSet(QStringLiteral("base-url")))
        options.baseUrl = parser.value(QStringLiteral("base-url"));
    bool ok = false;
    const int entry =
        parser.isSet(QStringLiteral("entry")) ? parser.value(QStringLiteral("entry")).toInt(&ok) : -1;
    if (parser.isSet(QStringLiteral("entry")) && (!ok || entry < 0))
        return usageError(QStringLiteral("reproduce"),
                          tr("--entry: \"%1\" is not an index of log.entries (0, 1, 2 ...)")
                              .arg(parser.value(QStringLiteral("entry"))));
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600)
        return usageError(QStringLiteral("reproduce"),
                          tr("--timeout: \"%1\" is not a number of seconds up to 3600")
                              .arg(parser.value(QStringLiteral("timeout"))));

    const Result<CapturedRequest> captured = readCapture(positional.constFirst(), entry);
    if (!captured)
        return usageError(QStringLiteral("reproduce"), captured.error());
    const Result<diagnosis::Reproduction> reproduction = diagnosis::reproduce(*captured, options);
    if (!reproduction)
        return usageError(QStringLiteral("reproduce"), reproduction.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonObject object = diagnosis::reproductionJson(*reproduction);
    QString text = diagnosis::reproductionText(*reproduction);

    if (!parser.isSet(QStringLiteral("send"))) {
        const int exitCode = reproduction->onlyDateAndSignatureDiffer() ? ExitOk : ExitFindings;
        object.insert(QStringLiteral("exit_code"), exitCode);
        json ? printJson(object) : printOut(text);
        return exitCode;
    }

    // Sending: the same rules as `send`, a request that must not go out is refused.
    const SignedRequest &request = reproduction->resigned;
    if (refuseUnsendable(QStringLiteral("reproduce"), request))
        return ExitUsage;
    TransportOptions transportOptions;
    transportOptions.timeoutMs = qMax(1, static_cast<int>(timeout * 1000));
    Transport transport;
    const Result<bool> applied = transport.setOptions(transportOptions);
    if (!applied)
        return usageError(QStringLiteral("reproduce"), applied.error());
    const SendOutcome outcome = sendAndExplain(transport, request);
    const Exchange &exchange = outcome.exchange;
    const QList<diagnosis::Line> &lines = outcome.lines;
    const int exitCode = outcome.exitCode;
    if (json) {
        object.insert(QStringLiteral("response"), exchangeJson(exchange, lines));
        object.insert(QStringLiteral("exit_code"), exitCode);
        printJson(object);
        return exitCode;
    }
    text += tr("\n== Sent to %1 ==\n").arg(QString::fromUtf8(exchange.url.toEncoded()));
    if (exchange.hasResponse())
        text += report::escapeControls(exchange.statusLine()) + u'\n' +
                report::escapeControls(exchange.responseBody, true) + u'\n';
    else
        text += tr("No response: %1\n").arg(exchange.fault.message);
    for (const diagnosis::Line &l : lines)
        text += QStringLiteral("  %1: %2\n").arg(diagnosis::toneName(l.tone), report::escapeControls(l.text));
    printOut(text);
    return exitCode;
}

const RegisterVerb registration{
    {"reproduce", "Sign a captured request again with a fresh Date, show what else differs, and send it.",
     &runReproduce}};

} // namespace
} // namespace kommo::cli

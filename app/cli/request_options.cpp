#include "app/cli/request_options.h"

#include "app/cli/console_io.h"

#include "core/clock.h"
#include "core/delivery/delivery.h"
#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>

#include <cstdio>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli")

Result<QByteArray> readFileBytes(const QString &option, const QString &name)
{
    QFile file(name);
    const bool opened = name == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return Result<QByteArray>::failure(
            tr("%1: cannot read \"%2\": %3").arg(option, name, file.errorString()));
    return file.readAll();
}

} // namespace

QString secretHelp()
{
    return tr(
        "The channel secret comes from exactly one of --secret-file, --secret-env, --secret-stdin or "
        "--secret. From a file or standard input exactly one trailing newline (LF or CRLF) is dropped, as "
        "`echo secret > file` writes one; any other whitespace is kept, signed, and warned about. --secret "
        "works but other processes can read it from the command line. The secret is never printed.");
}

void addSecretOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("secret-file"),
         tr("Read the channel secret from <file> (one trailing newline dropped)."), tr("file")},
        {QStringLiteral("secret-env"), tr("Read the channel secret from the environment variable <var>."),
         tr("var")},
        {QStringLiteral("secret-stdin"),
         tr("Read the channel secret from standard input (one trailing newline "
            "dropped).")},
        {QStringLiteral("secret"), tr("The channel secret itself (visible to other processes; avoid)."),
         tr("value")},
    });
}

Result<SecretInput> readSecret(const QCommandLineParser &parser, bool required)
{
    const QStringList sources = {QStringLiteral("secret-file"), QStringLiteral("secret-env"),
                                 QStringLiteral("secret-stdin"), QStringLiteral("secret")};
    QStringList given;
    for (const QString &s : sources) {
        if (parser.isSet(s))
            given.append(QStringLiteral("--") + s);
    }
    if (given.size() > 1)
        return Result<SecretInput>::failure(
            tr("give the secret once; %1 were all given").arg(given.join(u", ")));
    SecretInput input;
    if (given.isEmpty()) {
        if (required)
            return Result<SecretInput>::failure(
                tr("no secret: give --secret-file FILE, --secret-env VAR or --secret-stdin"));
        return input;
    }

    if (parser.isSet(QStringLiteral("secret-file"))) {
        const Result<QByteArray> bytes =
            readFileBytes(QStringLiteral("--secret-file"), parser.value(QStringLiteral("secret-file")));
        if (!bytes)
            return Result<SecretInput>::failure(bytes.error());
        input.secret = dropOneTrailingNewline(*bytes);
    } else if (parser.isSet(QStringLiteral("secret-stdin"))) {
        const Result<QByteArray> bytes = readFileBytes(QStringLiteral("--secret-stdin"), QStringLiteral("-"));
        if (!bytes)
            return Result<SecretInput>::failure(bytes.error());
        input.secret = dropOneTrailingNewline(*bytes);
        input.fromStdin = true;
    } else if (parser.isSet(QStringLiteral("secret-env"))) {
        const QString name = parser.value(QStringLiteral("secret-env"));
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!environment.contains(name))
            return Result<SecretInput>::failure(tr("--secret-env: the variable %1 is not set").arg(name));
        input.secret = environment.value(name).toUtf8();
    } else {
        input.secret = parser.value(QStringLiteral("secret")).toUtf8();
        input.findings.append(
            {Severity::Warning, QStringLiteral("secret"), QStringLiteral("secret_on_command_line"),
             tr("--secret puts the secret on the command line, where other processes and the "
                "shell history can read it; prefer --secret-file or --secret-env.")});
    }
    redactFromOutput(input.secret);
    return input;
}

void addRequestOptions(QCommandLineParser &parser)
{
    addSecretOptions(parser);
    parser.addOptions({
        {QStringLiteral("scope"), tr("The channel's scope_id (two UUIDs joined by _)."), tr("scope_id")},
        {QStringLiteral("msgid"), tr("The Kommo-side message id."), tr("msgid")},
        {QStringLiteral("status"), tr("The delivery_status: delivered, read, error, 1, 2 or -1."),
         tr("status")},
        {QStringLiteral("error-code"), tr("With --status error: 901, 902, 903, 904 or 905."), tr("code")},
        {QStringLiteral("error"),
         tr("With --status error: the error text the Kommo user sees (required with "
            "905)."),
         tr("text")},
        {QStringLiteral("date"), tr("The Date header exactly as given (default: now, RFC 2822 in UTC)."),
         tr("date")},
        {QStringLiteral("now"), tr("Judge the Date's freshness against <date> instead of the clock."),
         tr("date")},
        {QStringLiteral("base-url"), tr("Where the request goes (default https://amojo.kommo.com)."),
         tr("url")},
        {QStringLiteral("body-file"),
         tr("Sign and send the bytes of <file> exactly as they are, instead of the "
            "form's body (- for standard input)."),
         tr("file")},
        {QStringLiteral("method"), tr("The HTTP method (default POST)."), tr("method")},
        {QStringLiteral("path"), tr("The request path, overriding the one built from --scope and --msgid."),
         tr("path")},
        {QStringLiteral("content-type"), tr("The Content-Type (default application/json)."), tr("type")},
        {QStringLiteral("header"), tr("An extra header, sent but not signed (repeatable)."),
         tr("Name: value")},
    });
}

Result<RequestInput> readRequest(const QCommandLineParser &parser)
{
    using R = Result<RequestInput>;
    RequestInput input;
    RequestSpec &spec = input.spec;

    if (parser.isSet(QStringLiteral("body-file")) && parser.value(QStringLiteral("body-file")) == u"-" &&
        parser.isSet(QStringLiteral("secret-stdin")))
        return R::failure(tr("--body-file - and --secret-stdin cannot both read standard input"));
    const Result<SecretInput> secret = readSecret(parser);
    if (!secret)
        return R::failure(secret.error());
    input.secret = *secret;

    // Where the body and the path come from: the form, or the raw options.
    const bool rawBody = parser.isSet(QStringLiteral("body-file"));
    const bool rawPath = parser.isSet(QStringLiteral("path"));
    const QString scope = parser.value(QStringLiteral("scope"));
    QString msgid = parser.value(QStringLiteral("msgid"));
    if (rawPath) {
        spec.path = parser.value(QStringLiteral("path")).toUtf8();
        if (!parser.isSet(QStringLiteral("msgid"))) {
            if (const auto parts = delivery::parsePath(spec.path))
                msgid = parts->msgid;
        }
    } else {
        if (!parser.isSet(QStringLiteral("scope")))
            return R::failure(tr("--scope is required (or give --path)"));
        if (!parser.isSet(QStringLiteral("msgid")))
            return R::failure(tr("--msgid is required (or give --path)"));
        spec.path = delivery::path(scope, msgid);
    }

    if (rawBody) {
        const Result<QByteArray> body =
            readFileBytes(QStringLiteral("--body-file"), parser.value(QStringLiteral("body-file")));
        if (!body)
            return R::failure(body.error());
        spec.body = *body;
    } else {
        delivery::Form form;
        form.scopeId = scope;
        form.msgid = msgid;
        if (!parser.isSet(QStringLiteral("status")))
            return R::failure(tr("--status is required: delivered, read or error (or give --body-file)"));
        const std::optional<int> status = delivery::parseStatus(parser.value(QStringLiteral("status")));
        if (!status)
            return R::failure(tr("--status: \"%1\" is not a status; use delivered, read, error, 1, 2 or -1")
                                  .arg(parser.value(QStringLiteral("status"))));
        form.deliveryStatus = *status;
        if (parser.isSet(QStringLiteral("error-code"))) {
            bool ok = false;
            const int code = parser.value(QStringLiteral("error-code")).trimmed().toInt(&ok);
            if (!ok)
                return R::failure(tr("--error-code: \"%1\" is not a number; use 901 to 905")
                                      .arg(parser.value(QStringLiteral("error-code"))));
            form.errorCode = code;
        }
        if (parser.isSet(QStringLiteral("error")))
            form.errorText = parser.value(QStringLiteral("error"));
        spec.body = delivery::canonicalBody(form);
    }

    // The signed headers and the target.
    if (parser.isSet(QStringLiteral("method")))
        spec.method = parser.value(QStringLiteral("method")).toUtf8();
    if (parser.isSet(QStringLiteral("content-type")))
        spec.contentType = parser.value(QStringLiteral("content-type")).toUtf8();
    if (parser.isSet(QStringLiteral("base-url")))
        spec.baseUrl = parser.value(QStringLiteral("base-url"));
    for (const QString &line : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return R::failure(tr("--header: \"%1\" is not \"Name: value\"").arg(line));
        QString value = line.mid(colon + 1);
        while (value.startsWith(u' ') || value.startsWith(u'\t'))
            value.remove(0, 1);
        spec.extraHeaders.append({line.left(colon).trimmed().toUtf8(), value.toUtf8()});
    }

    // The clock: --now fixes it; the Date follows it unless --date is given.
    QDateTime now = systemClock().now();
    if (parser.isSet(QStringLiteral("now"))) {
        const Result<httpdate::Parsed> fixed = httpdate::parse(parser.value(QStringLiteral("now")).toUtf8());
        if (!fixed)
            return R::failure(tr("--now: %1").arg(fixed.error()));
        now = fixed->instant;
    }
    input.now = now;
    input.dateFollowsClock = !parser.isSet(QStringLiteral("date"));
    spec.date =
        input.dateFollowsClock ? httpdate::format(now) : parser.value(QStringLiteral("date")).toUtf8();
    return input;
}

} // namespace kommo::cli

// `kommo-status verify`: check a captured request (raw HTTP, cURL or HAR) and name what is wrong with it.
#include "app/cli/console_io.h"
#include "app/cli/request_options.h"
#include "app/cli/verb.h"

#include "core/diagnosis/verify.h"
#include "core/interchange/import.h"
#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <cstdio>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::verify")

using diagnosis::Verification;

// A raw HTTP or cURL capture larger than this is not a request someone pasted.
constexpr qint64 maxTextCapture = 64 * 1024 * 1024;

QJsonArray checksJson(const Verification &v)
{
    QJsonArray checks;
    for (const diagnosis::Check &c : v.checks) {
        QJsonObject o{{QStringLiteral("name"), c.name},
                      {QStringLiteral("ok"), c.ok},
                      {QStringLiteral("detail"), c.detail}};
        if (!c.judged)
            o.insert(QStringLiteral("judged"), false);
        checks.append(o);
    }
    return checks;
}

QJsonArray causesJson(const Verification &v)
{
    QJsonArray causes;
    for (const diagnosis::Cause &c : v.causes)
        causes.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("detail"), c.detail}});
    return causes;
}

QJsonArray notesJson(const CapturedRequest &request)
{
    QJsonArray notes;
    for (const Finding &f : request.notes)
        notes.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("message"), f.message}});
    return notes;
}

QString whereTo(const CapturedRequest &request)
{
    return QString::fromUtf8(request.url.isEmpty() ? request.target : request.url);
}

QJsonObject requestJson(const CapturedRequest &request, const Verification &v)
{
    QJsonObject o{{QStringLiteral("ok"), v.ok()},
                  {QStringLiteral("kind"), captureKindName(request.source.kind)},
                  {QStringLiteral("method"), QString::fromUtf8(request.method)},
                  {QStringLiteral("url"), whereTo(request)},
                  {QStringLiteral("checks"), checksJson(v)},
                  {QStringLiteral("causes"), causesJson(v)},
                  {QStringLiteral("notes"), notesJson(request)}};
    if (request.source.index >= 0)
        o.insert(QStringLiteral("index"), request.source.index);
    if (!v.expectedContentMd5.isEmpty())
        o.insert(QStringLiteral("expected_content_md5"), QString::fromLatin1(v.expectedContentMd5));
    o.insert(QStringLiteral("expected_string_to_sign"), QString::fromUtf8(v.expectedStringToSign));
    if (!v.expectedSignature.isEmpty())
        o.insert(QStringLiteral("expected_signature"), QString::fromLatin1(v.expectedSignature));
    return o;
}

QString requestText(const CapturedRequest &request, const Verification &v)
{
    QString text = tr("Request: %1 %2\n").arg(QString::fromUtf8(request.method), whereTo(request));
    for (const diagnosis::Check &c : v.checks) {
        const QString mark = !c.judged ? tr("n/a ") : c.ok ? tr("pass") : tr("FAIL");
        text += QStringLiteral("  %1  %2 %3\n").arg(mark, c.name.leftJustified(15), c.detail);
    }
    if (!v.causes.isEmpty()) {
        text += tr("Causes:\n");
        for (const diagnosis::Cause &c : v.causes)
            text += QStringLiteral("  [%1] %2\n").arg(c.id, c.detail);
    } else if (!v.ok()) {
        text += tr("No known mistake reproduces the captured values.\n");
    }
    for (const Finding &f : request.notes)
        text += tr("  note: %1\n").arg(f.message);
    return text;
}

int verifyHar(QIODevice &device, const QString &name, const diagnosis::VerifyOptions &options, bool json)
{
    interchange::HarReader reader(&device);
    CapturedRequest request;
    // With --json each request's object is written as soon as it is verified, so that memory stays flat
    // however large the HAR; "summary" and "ok" follow the list.
    bool firstRequest = true;
    if (json)
        printOut(QStringLiteral("{\n  \"kind\": \"har\",\n  \"requests\": ["));
    QMap<QString, int> causeCounts;
    QMap<QString, int> failedChecks;
    qsizetype passed = 0;
    qsizetype failed = 0;
    while (reader.next(request)) {
        request.source.name = name;
        const Verification v = diagnosis::verify(request, options);
        v.ok() ? ++passed : ++failed;
        for (const diagnosis::Cause &c : v.causes)
            ++causeCounts[c.id];
        for (const diagnosis::Check &c : v.checks) {
            if (!c.ok)
                ++failedChecks[c.name];
        }
        if (json) {
            printOut(
                (firstRequest ? QStringLiteral("\n    ") : QStringLiteral(",\n    ")) +
                QString::fromUtf8(QJsonDocument(requestJson(request, v)).toJson(QJsonDocument::Compact)));
            firstRequest = false;
        } else if (!v.ok()) {
            printOut(QStringLiteral("log.entries[%1]: ").arg(request.source.index) + requestText(request, v) +
                     u'\n');
        }
    }
    if (!reader.error().isEmpty()) {
        if (json) {
            printOut(QStringLiteral("\n  ],\n  \"error\": %1,\n  \"ok\": false\n}\n")
                         .arg(QString::fromUtf8(
                                  QJsonDocument(QJsonArray{reader.error()}).toJson(QJsonDocument::Compact))
                                  .mid(1)
                                  .chopped(1)));
        }
        return usageError(QStringLiteral("verify"), reader.error());
    }

    const qsizetype total = passed + failed;
    if (json) {
        QJsonObject causes;
        for (auto it = causeCounts.cbegin(); it != causeCounts.cend(); ++it)
            causes.insert(it.key(), it.value());
        QJsonObject checks;
        for (auto it = failedChecks.cbegin(); it != failedChecks.cend(); ++it)
            checks.insert(it.key(), it.value());
        const QJsonObject summary{{QStringLiteral("entries"), reader.entriesSeen()},
                                  {QStringLiteral("skipped"), reader.entriesSkipped()},
                                  {QStringLiteral("requests"), total},
                                  {QStringLiteral("passed"), passed},
                                  {QStringLiteral("failed"), failed},
                                  {QStringLiteral("failed_checks"), checks},
                                  {QStringLiteral("causes"), causes}};
        // The closing part of the object begun above, indented to match.
        QString tail = QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Indented)).trimmed();
        tail.replace(u'\n', QStringLiteral("\n  "));
        printOut(QStringLiteral("%1  ],\n  \"summary\": %2,\n  \"ok\": %3\n}\n")
                     .arg(firstRequest ? QString() : QStringLiteral("\n"), tail,
                          failed == 0 && total > 0 ? QStringLiteral("true") : QStringLiteral("false")));
    } else {
        QString text =
            tr("HAR: %1 entries, %2 Chat API requests verified (%3 other entries skipped): %4 passed, %5 "
               "failed.\n")
                .arg(reader.entriesSeen())
                .arg(total)
                .arg(reader.entriesSkipped())
                .arg(passed)
                .arg(failed);
        for (auto it = causeCounts.cbegin(); it != causeCounts.cend(); ++it)
            text += tr("  cause %1: %2\n").arg(it.key()).arg(it.value());
        printOut(text);
    }
    if (total == 0) {
        printErr(tr("kommo-status verify: the HAR holds no Chat API request (/v2/origin/custom/...).\n"));
        return ExitFindings;
    }
    return failed == 0 ? ExitOk : ExitFindings;
}

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Verify a captured Kommo Chat API delivery-status request and name what is wrong with it.\n\n"
           "FILE (or - for standard input, the default) holds raw HTTP as a proxy or a log shows it, a cURL "
           "command line, or a HAR file (every entry with a Chat API path is verified, and a summary "
           "follows). "
           "The kind is detected. Nothing the input names is read, expanded or run.\n\n"
           "Checks: method, path, path_msgid, body_rules, content_type, date_format, date_zone, "
           "date_weekday, "
           "date_freshness (only with --now), content_md5, x_signature (only with a secret). Where a value "
           "does "
           "not match, the known mistakes are tried one at a time and a cause is named only when it "
           "reproduces "
           "the captured value exactly.\n\n") +
        secretHelp() +
        tr(" Reading both the request and the secret from standard input is a usage error.\n\n"
           "Exit status: 0 every check passes, 1 a check fails, 2 usage error (including input that is not a "
           "request).\n\nExample:\n  kommo-status verify --secret-file secret.txt captured.txt"));
    parser.addHelpOption();
    addSecretOptions(parser);
    parser.addOptions({
        {QStringLiteral("now"),
         tr("Judge the Date's freshness against <date> (RFC 2822); without it freshness is "
            "not judged."),
         tr("date")},
        {QStringLiteral("json"), tr("Print JSON (schema: docs/verify-json.md).")},
    });
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The captured request; - or nothing for standard input."));

    if (!parser.parse(arguments))
        return usageError(QStringLiteral("verify"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("verify"), parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(QStringLiteral("verify"),
                          tr("give one file; unexpected \"%1\"").arg(positional.at(1)));
    const QString name = positional.value(0, QStringLiteral("-"));
    if (name == u"-" && parser.isSet(QStringLiteral("secret-stdin")))
        return usageError(
            QStringLiteral("verify"),
            tr("the request and the secret cannot both come from standard input; give the request "
               "as a FILE or the secret with --secret-file or --secret-env"));

    diagnosis::VerifyOptions options;
    const Result<SecretInput> secret = readSecret(parser, false);
    if (!secret)
        return usageError(QStringLiteral("verify"), secret.error());
    for (const Finding &f : secret->findings)
        printErr(tr("kommo-status verify: warning: %1\n").arg(f.message));
    const bool secretGiven =
        parser.isSet(QStringLiteral("secret-file")) || parser.isSet(QStringLiteral("secret-env")) ||
        parser.isSet(QStringLiteral("secret-stdin")) || parser.isSet(QStringLiteral("secret"));
    if (secretGiven)
        options.secret = secret->secret;
    if (parser.isSet(QStringLiteral("now"))) {
        const Result<httpdate::Parsed> now = httpdate::parse(parser.value(QStringLiteral("now")).toUtf8());
        if (!now)
            return usageError(QStringLiteral("verify"), tr("--now: %1").arg(now.error()));
        options.now = now->instant;
    }

    QFile file;
    const bool opened = name == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!opened)
        return usageError(QStringLiteral("verify"),
                          tr("cannot read \"%1\": %2").arg(name, file.errorString()));
    const bool json = parser.isSet(QStringLiteral("json"));

    const interchange::InputKind kind = interchange::detectKind(file.peek(64 * 1024));
    if (kind == interchange::InputKind::Har)
        return verifyHar(file, name, options, json);
    if (kind == interchange::InputKind::Unknown)
        return usageError(
            QStringLiteral("verify"),
            tr("\"%1\" is not raw HTTP (a request line such as \"POST /path HTTP/1.1\"), a cURL command "
               "or a HAR file")
                .arg(name));

    const QByteArray text = file.read(maxTextCapture + 1);
    if (text.size() > maxTextCapture)
        return usageError(QStringLiteral("verify"),
                          tr("\"%1\" is larger than 64 MiB; a raw HTTP or cURL capture is "
                             "expected to be smaller")
                              .arg(name));
    Result<CapturedRequest> request =
        kind == interchange::InputKind::Curl ? interchange::parseCurl(text) : interchange::parseRawHttp(text);
    if (!request)
        return usageError(QStringLiteral("verify"), request.error());
    request.value().source.name = name;

    const Verification v = diagnosis::verify(*request, options);
    if (json)
        printJson(requestJson(*request, v));
    else
        printOut(tr("Input: %1 (%2)\n").arg(interchange::inputKindName(kind), name) +
                 requestText(*request, v) +
                 (v.ok() ? tr("Result: every check passes.\n") : tr("Result: the request fails.\n")));
    return v.ok() ? ExitOk : ExitFindings;
}

const RegisterVerb registration{
    {"verify", "Verify a captured request (raw HTTP, cURL, HAR) and name what is wrong.", &runVerify}};

} // namespace
} // namespace kommo::cli

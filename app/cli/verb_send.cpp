// `kommo-status send`: sign one request, send it, and show what went out, what came back and what it means.
#include "app/cli/console_io.h"
#include "app/cli/request_options.h"
#include "app/cli/send_support.h"
#include "app/cli/verb.h"

#include "core/diagnosis/response.h"
#include "core/signing/report.h"
#include "core/transport/transport.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace kommo::cli {
namespace {

KOMMO_DECLARE_TR("kommo::cli::send")

QJsonObject exchangeJson(const SignedRequest &request, const Exchange &exchange,
                         const QList<diagnosis::Line> &lines, int exitCode)
{
    QJsonObject sent{{QStringLiteral("method"), QString::fromLatin1(exchange.method)},
                     {QStringLiteral("url"), QString::fromUtf8(exchange.url.toEncoded())},
                     {QStringLiteral("headers"), report::headersJson(exchange.sentHeaders)},
                     {QStringLiteral("at"), exchange.sentAt.toUTC().toString(Qt::ISODate)}};
    report::insertBody(sent, exchange.sentBody);

    QJsonValue response = QJsonValue::Null;
    if (exchange.hasResponse()) {
        QJsonObject r{{QStringLiteral("status"), exchange.status},
                      {QStringLiteral("reason"), QString::fromUtf8(exchange.reason)},
                      {QStringLiteral("http_version"), QString::fromLatin1(exchange.httpVersion)},
                      {QStringLiteral("headers"), report::headersJson(exchange.responseHeaders)},
                      {QStringLiteral("truncated"), exchange.truncated}};
        report::insertBody(r, exchange.responseBody);
        response = r;
    }

    const Timings &t = exchange.timings;
    const auto ms = [](qint64 v) { return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v); };
    const QJsonObject timings{{QStringLiteral("connect_start_ms"), ms(t.connectStartMs)},
                              {QStringLiteral("tls_done_ms"), ms(t.encryptedMs)},
                              {QStringLiteral("request_sent_ms"), ms(t.requestSentMs)},
                              {QStringLiteral("first_byte_ms"), ms(t.firstByteMs)},
                              {QStringLiteral("total_ms"), ms(t.totalMs)}};

    QJsonValue fault = QJsonValue::Null;
    if (exchange.fault.kind != FaultKind::None) {
        QJsonArray problems;
        for (const TlsProblem &p : exchange.fault.tlsProblems) {
            problems.append(QJsonObject{{QStringLiteral("subject"), p.subject},
                                        {QStringLiteral("issuer"), p.issuer},
                                        {QStringLiteral("reason"), p.reason}});
        }
        fault = QJsonObject{{QStringLiteral("kind"), faultKindName(exchange.fault.kind)},
                            {QStringLiteral("message"), exchange.fault.message},
                            {QStringLiteral("tls_problems"), problems}};
    }

    return {{QStringLiteral("request"), report::signedRequestJson(request)},
            {QStringLiteral("sent"), sent},
            {QStringLiteral("response"), response},
            {QStringLiteral("timings"), timings},
            {QStringLiteral("fault"), fault},
            {QStringLiteral("diagnosis"), diagnosis::linesJson(lines)},
            {QStringLiteral("exit_code"), exitCode}};
}

QString exchangeText(const Exchange &exchange, const QList<diagnosis::Line> &lines)
{
    QString out = tr("== Sent: %1 %2 ==\n")
                      .arg(QString::fromLatin1(exchange.method), QString::fromUtf8(exchange.url.toEncoded()));
    // The head as lines (each ends in CRLF on the wire), then the body with its line breaks made visible.
    const qsizetype headEnd = exchange.sentRaw.indexOf("\r\n\r\n");
    const QByteArray head = headEnd < 0 ? exchange.sentRaw : exchange.sentRaw.left(headEnd);
    out += QString::fromUtf8(QByteArray(head).replace("\r\n", "\n")) + QStringLiteral("\n\n");
    out += exchange.sentBody.isEmpty() ? tr("(empty body)") : report::visibleText(exchange.sentBody);
    out += u'\n';

    if (exchange.hasResponse()) {
        out += tr("\n== Received ==\n");
        // Everything the server wrote is shown with its control characters escaped: a terminal must not
        // obey escape sequences that came over the network.
        out += report::escapeControls(exchange.statusLine()) + u'\n';
        for (const Header &h : exchange.responseHeaders)
            out += report::escapeControls(h.name) + QStringLiteral(": ") + report::escapeControls(h.value) +
                   u'\n';
        out += u'\n';
        out += exchange.responseBody.isEmpty() ? tr("(empty body)")
                                               : report::escapeControls(exchange.responseBody, true);
        out += u'\n';
        if (exchange.truncated)
            out += tr("(truncated at %n byte(s))\n", nullptr, static_cast<int>(exchange.responseBody.size()));
    } else {
        out += tr("\n== No response ==\n");
    }

    const Timings &t = exchange.timings;
    out += tr("\n== Timings ==\n");
    const auto line = [&out](const QString &label, qint64 ms) {
        if (ms >= 0)
            out += QStringLiteral("  %1 %2 ms\n").arg(label, -22).arg(ms);
    };
    line(tr("connect started"), t.connectStartMs);
    line(tr("TLS done"), t.encryptedMs);
    line(tr("request sent"), t.requestSentMs);
    line(tr("first byte"), t.firstByteMs);
    line(tr("total"), t.totalMs);

    out += tr("\n== Diagnosis ==\n");
    for (const diagnosis::Line &l : lines)
        out += QStringLiteral("  %1: %2\n").arg(diagnosis::toneName(l.tone), report::escapeControls(l.text));
    if (lines.isEmpty())
        out += tr("  (nothing to say)\n");
    return out;
}

int runSend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sign one delivery-status request, send it, and show the request exactly as it went out, the "
           "response "
           "(status line, headers, raw body), timings and what the response means.\n\n"
           "The options of `sign`, plus --timeout, --cacert, --proxy and --json. Without --date the Date is "
           "stamped and signed at the moment of sending. Error findings are warned about and the request is "
           "sent "
           "anyway (testers send bad requests on purpose); only a request that cannot or must not be sent "
           "(no "
           "secret, no valid URL, a line break or NUL in a header) is refused. Redirects are never "
           "followed.\n\n") +
        secretHelp() +
        tr("\n\nExit status: 0 a 2xx response, 3 any other HTTP status, 4 a transport failure (DNS, refused, "
           "timeout, TLS, closed connection), 2 usage error or a request that cannot be sent.\n\nExample:\n"
           "  kommo-status send --base-url http://127.0.0.1:8080 --secret-file secret.txt --scope SCOPE_ID "
           "--msgid MSGID --status read"));
    parser.addHelpOption();
    addRequestOptions(parser);
    parser.addOptions({
        {QStringLiteral("timeout"), tr("Give up after <seconds> (default 30)."), tr("seconds"),
         QStringLiteral("30")},
        {QStringLiteral("cacert"), tr("Also trust the PEM certificate(s) in <file> (a staging host's CA)."),
         tr("file")},
        {QStringLiteral("proxy"), tr("system (default), none, or a proxy URL such as http://host:3128."),
         tr("proxy"), QStringLiteral("system")},
        {QStringLiteral("max-response"), tr("Stop reading the response body after <bytes> (default 5 MiB)."),
         tr("bytes")},
        {QStringLiteral("json"), tr("Print one JSON object (schema: docs/send-json.md).")},
    });
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("send"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printVerbHelp(QStringLiteral("send"), parser.helpText());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("send"),
                          tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    const Result<RequestInput> input = readRequest(parser);
    if (!input)
        return usageError(QStringLiteral("send"), input.error());

    // Transport options.
    TransportOptions options;
    bool ok = false;
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600)
        return usageError(QStringLiteral("send"),
                          tr("--timeout: \"%1\" is not a number of seconds above 0 and at most 3600 "
                             "(fractions such as 0.5 work)")
                              .arg(parser.value(QStringLiteral("timeout"))));
    options.timeoutMs = qMax(1, static_cast<int>(timeout * 1000));
    if (parser.isSet(QStringLiteral("max-response"))) {
        options.maxResponseBytes = parser.value(QStringLiteral("max-response")).toLongLong(&ok);
        if (!ok || options.maxResponseBytes <= 0)
            return usageError(QStringLiteral("send"),
                              tr("--max-response: \"%1\" is not a positive number of bytes")
                                  .arg(parser.value(QStringLiteral("max-response"))));
    }
    options.caFile = parser.value(QStringLiteral("cacert"));
    const QString proxy = parser.value(QStringLiteral("proxy"));
    if (proxy == u"none") {
        options.proxyMode = ProxyMode::None;
    } else if (proxy != u"system") {
        const QUrl proxyUrl(proxy, QUrl::StrictMode);
        if (!proxyUrl.isValid() || proxyUrl.host().isEmpty() || proxyUrl.port() <= 0)
            return usageError(
                QStringLiteral("send"),
                tr("--proxy: \"%1\" is not system, none or a URL such as http://host:3128").arg(proxy));
        options.proxyMode = ProxyMode::Explicit;
        const bool socks = proxyUrl.scheme().startsWith(u"socks");
        options.proxy =
            QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                          static_cast<quint16>(proxyUrl.port()), proxyUrl.userName(), proxyUrl.password());
    }
    Transport transport;
    const Result<bool> applied = transport.setOptions(options);
    if (!applied)
        return usageError(QStringLiteral("send"), applied.error());

    // Stamp (when the Date follows the clock) and sign in one step, right before sending.
    const bool clockFixed = parser.isSet(QStringLiteral("now"));
    SignedRequest request = input->dateFollowsClock && !clockFixed
                                ? stampAndSign(input->spec, input->secret.secret, systemClock())
                                : sign(input->spec, input->secret.secret, input->now);
    request.findings = input->secret.findings + request.findings;
    if (refuseUnsendable(QStringLiteral("send"), request))
        return ExitUsage;
    // Every finding is shown before sending: a warning (a secret with a trailing space, an ignored query)
    // is often the reason for the answer that follows.
    for (const Finding &f : request.findings) {
        printErr(f.severity == Severity::Error ? tr("sending anyway: %1\n").arg(report::findingLine(f))
                                               : tr("note: %1\n").arg(report::findingLine(f)));
    }

    const SendOutcome outcome = sendAndExplain(transport, request);
    const Exchange &exchange = outcome.exchange;
    const QList<diagnosis::Line> &lines = outcome.lines;
    const int exitCode = outcome.exitCode;
    if (parser.isSet(QStringLiteral("json")))
        printJson(exchangeJson(request, exchange, lines, exitCode));
    else
        printOut(exchangeText(exchange, lines));
    return exitCode;
}

const RegisterVerb registration{
    {"send", "Sign and send a request; show what went out, what came back and what it means.", &runSend}};

} // namespace
} // namespace kommo::cli

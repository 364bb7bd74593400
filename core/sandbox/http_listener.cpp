// Qt HttpServer 6.4 behind one small class: raw requests in, the judge's answers out, a Date on each.
#include "core/sandbox/http_listener.h"

#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "core/signing/report.h"

#include "core/translate.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcSandboxServer, "kommo.sandbox.server", QtWarningMsg)

namespace kommo::sandbox {
namespace {

KOMMO_DECLARE_TR("kommo::sandbox")

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

class HttpListener::Server final : public QAbstractHttpServer
{
public:
    explicit Server(Sandbox *sandbox)
        : m_sandbox(sandbox)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QList<Header> headers;
        const auto received = request.headers();
        headers.reserve(received.size());
        for (const auto &h : received)
            headers.append({h.first, h.second});
        // 6.4 rebuilds the URL from Host; path and query, still percent-encoded, are what was requested.
        const QByteArray target =
            request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        const ReceivedRequest judged =
            m_sandbox->judge(methodName(request.method()), target.isEmpty() ? QByteArray("/") : target,
                             headers, request.body());
        write(request, socket, judged);
        qCInfo(lcSandboxServer).noquote()
            << report::escapeControls(judged.method) << report::escapeControls(judged.target) << "->"
            << judged.status << report::escapeControls(judged.verdict);
        Q_EMIT m_sandbox->requestReceived(judged);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ReceivedRequest answer;
        answer.status = 404;
        answer.verdict = tr("sandbox: no handler");
        write(request, socket, answer);
    }

private:
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const ReceivedRequest &judged)
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(judged.status));
        responder.writeHeader("Date", httpdate::format(m_sandbox->now()));
        responder.writeHeader("Server", "kommo-status-sandbox");
        if (!judged.responseBody.isEmpty())
            responder.writeHeader("Content-Type", "application/json");
        if (judged.status == 405)
            responder.writeHeader("Allow", "POST");
        responder.writeHeader("Content-Length", QByteArray::number(judged.responseBody.size()));
        responder.writeBody(judged.responseBody);
    }

    Sandbox *m_sandbox;
};

HttpListener::HttpListener(Sandbox *sandbox)
    : m_server(std::make_unique<Server>(sandbox))
{}

HttpListener::~HttpListener() = default;

Result<quint16> HttpListener::listenOnLoopback(quint16 port)
{
    // Loopback only, always: the sandbox is never reachable from another machine.
    const quint16 bound = m_server->listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        return Result<quint16>::failure(
            tr("The sandbox cannot listen on 127.0.0.1 port %1: the port is in use or not allowed.")
                .arg(port));
    }
    return bound;
}

} // namespace kommo::sandbox

// The sandbox's judge: it checks what it received with its own code, and keeps channels, messages and
// history.
#include "core/sandbox/sandbox.h"

#include "core/crypto/crypto.h"
#include "core/sandbox/http_listener.h"
#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcSandbox, "kommo.sandbox.judge", QtWarningMsg)

namespace kommo::sandbox {
namespace {

KOMMO_DECLARE_TR("kommo::sandbox")

constexpr QByteArrayView prefix("/v2/origin/custom/");
constexpr QByteArrayView suffix("/delivery_status");
constexpr QByteArrayView sandboxPrefix("/sandbox/");
constexpr qint64 windowSeconds = 15 * 60;

// The scope_id and msgid of a delivery-status path, split here rather than by the client's helper.
struct Route
{
    QString scopeId;
    QString msgid;
};

std::optional<Route> route(QByteArrayView path)
{
    if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.size() <= prefix.size() + suffix.size())
        return std::nullopt;
    const QByteArrayView middle = path.sliced(prefix.size(), path.size() - prefix.size() - suffix.size());
    const QList<QByteArray> parts = middle.toByteArray().split('/');
    if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    return Route{QUrl::fromPercentEncoding(parts[0]), QUrl::fromPercentEncoding(parts[1])};
}

// The scope_id of any path below /v2/origin/custom/ (the first segment), or nothing.
QString pathScope(QByteArrayView path)
{
    if (!path.startsWith(prefix))
        return {};
    const QByteArrayView rest = path.sliced(prefix.size());
    const qsizetype slash = rest.indexOf('/');
    return QUrl::fromPercentEncoding((slash < 0 ? rest : rest.first(slash)).toByteArray());
}

QByteArray firstHeader(const QList<Header> &headers, QByteArrayView name)
{
    for (const Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QByteArray describeMinutes(qint64 seconds)
{
    return QByteArray::number(seconds / 60) + " min " + QByteArray::number(seconds % 60) + " s";
}

// The body rules, written again on the server side: an independent reading of the API page.
std::optional<QString> bodyProblem(const QByteArray &body, const QString &pathMsgid, StatusChange &change)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return tr("the body is not a JSON object");
    const QJsonObject object = document.object();
    const QJsonValue msgid = object.value(QLatin1String("msgid"));
    if (!msgid.isString())
        return tr("msgid is missing or not a string");
    if (msgid.toString() != pathMsgid)
        return tr("the body's msgid \"%1\" differs from the path's \"%2\"").arg(msgid.toString(), pathMsgid);
    const QJsonValue status = object.value(QLatin1String("delivery_status"));
    const double statusValue = status.toDouble(0);
    if (!status.isDouble() || (statusValue != 1 && statusValue != 2 && statusValue != -1))
        return tr("delivery_status must be the number 1, 2 or -1");
    change.deliveryStatus = static_cast<int>(statusValue);
    const QJsonValue code = object.value(QLatin1String("error_code"));
    const QJsonValue text = object.value(QLatin1String("error"));
    if (change.deliveryStatus != -1) {
        if (!code.isUndefined() || !text.isUndefined())
            return tr("error_code and error are allowed only with delivery_status -1");
        return std::nullopt;
    }
    if (!code.isUndefined()) {
        const double codeValue = code.toDouble(0);
        if (!code.isDouble() || codeValue < 901 || codeValue > 905 ||
            codeValue != static_cast<int>(codeValue))
            return tr("error_code must be the number 901, 902, 903, 904 or 905");
        change.errorCode = static_cast<int>(codeValue);
    }
    if (!text.isUndefined() && !text.isString())
        return tr("error must be a string");
    if (text.isString())
        change.errorText = text.toString();
    if (change.errorCode == 905 && text.toString().trimmed().isEmpty())
        return tr("error_code 905 needs the error text in \"error\"");
    return std::nullopt;
}

QJsonObject changeJson(const StatusChange &change)
{
    QJsonObject o{{QStringLiteral("at"), QString::fromLatin1(httpdate::format(change.at))},
                  {QStringLiteral("scope_id"), change.scopeId},
                  {QStringLiteral("delivery_status"), change.deliveryStatus}};
    if (change.errorCode)
        o.insert(QStringLiteral("error_code"), *change.errorCode);
    if (change.errorText)
        o.insert(QStringLiteral("error"), *change.errorText);
    return o;
}

} // namespace

QByteArray ReceivedRequest::header(QByteArrayView name) const
{
    return firstHeader(headers, name);
}

QByteArray errorBody(int code, QByteArrayView errorType, const QString &description)
{
    const QJsonObject o{{QStringLiteral("status"), 0},
                        {QStringLiteral("error_code"), code},
                        {QStringLiteral("error_type"), QString::fromLatin1(errorType)},
                        {QStringLiteral("error_description"), description}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<kommo::sandbox::ReceivedRequest>();
}

Sandbox::~Sandbox() = default;

Result<quint16> Sandbox::start(quint16 port)
{
    stop();
    auto listener = std::make_unique<HttpListener>(this);
    const Result<quint16> bound = listener->listenOnLoopback(port);
    if (!bound)
        return bound;
    m_listener = std::move(listener);
    m_port = *bound;
    qCInfo(lcSandbox) << "sandbox listening on" << url().toString();
    return bound;
}

void Sandbox::stop()
{
    if (m_listener)
        qCInfo(lcSandbox) << "sandbox stopped";
    m_listener.reset();
    m_port = 0;
}

bool Sandbox::isRunning() const
{
    return m_listener != nullptr;
}

QUrl Sandbox::url() const
{
    if (!m_listener)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void Sandbox::addChannel(const QString &scopeId, const QByteArray &secret)
{
    m_channels.insert(scopeId, secret);
}

void Sandbox::removeChannel(const QString &scopeId)
{
    m_channels.remove(scopeId);
}

QStringList Sandbox::channels() const
{
    QStringList list = m_channels.keys();
    list.sort();
    return list;
}

void Sandbox::addMessage(const QString &msgid)
{
    m_messages.insert(msgid);
}

QDateTime Sandbox::now() const
{
    const QDateTime base = m_fixedNow ? m_fixedNow->toUTC() : QDateTime::currentDateTimeUtc();
    return base.addSecs(m_offsetSeconds);
}

QList<StatusChange> Sandbox::statusChanges(const QString &msgid) const
{
    if (msgid.isEmpty())
        return m_changes;
    QList<StatusChange> list;
    for (const StatusChange &c : m_changes) {
        if (c.msgid == msgid)
            list.append(c);
    }
    return list;
}

void Sandbox::clearHistory()
{
    m_changes.clear();
    m_received.clear();
}

void Sandbox::record(const ReceivedRequest &request)
{
    m_received.append(request);
    // Bounded: a long-running sandbox keeps the latest thousand requests.
    if (m_received.size() > 1000)
        m_received.removeFirst();
}

ReceivedRequest Sandbox::judge(QByteArrayView method, QByteArrayView target, const QList<Header> &headers,
                               const QByteArray &body)
{
    ReceivedRequest r;
    r.at = now();
    r.method = method.toByteArray();
    r.target = target.toByteArray();
    r.headers = headers;
    r.body = body;
    const auto answer = [&r](int status, QByteArrayView type, const QString &verdict, bool writeBody = true) {
        r.status = status;
        r.errorType = type.toByteArray();
        r.verdict = verdict;
        if (writeBody && !type.isEmpty())
            r.responseBody = errorBody(status, type, r.verdict);
    };
    const QByteArray path =
        r.target.left(r.target.indexOf('?') < 0 ? r.target.size() : r.target.indexOf('?'));

    // The sandbox's own endpoints, for tests and the GUI.
    if (path.startsWith(sandboxPrefix)) {
        r = handleSandboxEndpoint(std::move(r));
        record(r);
        return r;
    }

    // Which channel: the first segment below /v2/origin/custom/. Any other path gets an empty 404, as a wrong
    // path does on the real host.
    const QString scopeId = pathScope(path);
    if (scopeId.isEmpty()) {
        answer(404, {}, tr("not a Chat API path: /v2/origin/custom/{scope_id}/{msgid}/delivery_status"),
               false);
        record(r);
        return r;
    }
    const auto channel = m_channels.constFind(scopeId);
    if (channel == m_channels.constEnd()) {
        answer(404, "ORIGIN_NOT_REGISTERED", tr("origin not registered"));
        r.verdict = tr("no channel with scope_id %1 is registered in the sandbox").arg(scopeId);
        record(r);
        return r;
    }

    // The body's hash and the signature, computed from the bytes and header values as received.
    const QByteArray contentMd5 = firstHeader(headers, "Content-MD5");
    const QByteArray contentType = firstHeader(headers, "Content-Type");
    const QByteArray date = firstHeader(headers, "Date");
    const QByteArray signature = firstHeader(headers, "X-Signature");
    const Result<QByteArray> bodyMd5 = crypto::md5Hex(body);
    QByteArray toSign = r.method;
    toSign += '\n' + contentMd5 + '\n' + contentType + '\n' + date + '\n' + path;
    const Result<QByteArray> expected = crypto::hmacSha1Hex(*channel, toSign);
    if (!bodyMd5 || !expected) {
        answer(500, "SANDBOX_INTERNAL",
               tr("sandbox: hashing failed (%1)").arg(bodyMd5.error() + expected.error()));
        record(r);
        return r;
    }
    if (contentMd5 != *bodyMd5) {
        answer(403, "ORIGIN_INVALID_SIGNATURE", tr("invalid signature"));
        r.verdict = tr("Content-MD5 \"%1\" is not the MD5 of the %2 body bytes received (%3)")
                        .arg(QString::fromLatin1(contentMd5), QString::number(body.size()),
                             QString::fromLatin1(*bodyMd5));
        record(r);
        return r;
    }
    if (signature != *expected) {
        answer(403, "ORIGIN_INVALID_SIGNATURE", tr("invalid signature"));
        r.verdict = tr("X-Signature does not match the HMAC-SHA1 of the string to sign built from what was "
                       "received (method, Content-MD5, Content-Type, Date, path %1)")
                        .arg(QString::fromUtf8(path));
        record(r);
        return r;
    }

    // The Date: within 15 minutes of the sandbox's clock either way.
    const Result<httpdate::Parsed> parsedDate = httpdate::parse(date);
    if (!parsedDate) {
        answer(403, "ORIGIN_INVALID_SIGNATURE",
               tr("sandbox: the Date header \"%1\" is not an RFC 2822 date (the real API's answer is not "
                  "documented; the sandbox wrote this one)")
                   .arg(QString::fromLatin1(date)));
        record(r);
        return r;
    }
    const qint64 skew = r.at.secsTo(parsedDate->instant);
    if (skew < -windowSeconds || skew > windowSeconds) {
        answer(403, "ORIGIN_INVALID_SIGNATURE",
               tr("sandbox: the Date is %1 %2 the sandbox's clock (%3); a signature is valid for 15 minutes "
                  "(the "
                  "real API's answer to an expired Date is not documented; the sandbox wrote this one)")
                   .arg(QString::fromLatin1(describeMinutes(qAbs(skew))),
                        skew < 0 ? tr("behind") : tr("ahead of"),
                        QString::fromLatin1(httpdate::format(r.at))));
        record(r);
        return r;
    }

    // A well-signed request to another Chat API method: the sandbox implements only delivery_status.
    const std::optional<Route> where = route(path);
    if (!where) {
        answer(404, {},
               tr("the signature is valid, but the sandbox implements only "
                  "/v2/origin/custom/{scope_id}/{msgid}/delivery_status"),
               false);
        record(r);
        return r;
    }

    // A well-signed request that is not a status update.
    if (r.method != "POST") {
        answer(405, "SANDBOX_METHOD_NOT_ALLOWED",
               tr("sandbox: delivery_status accepts only POST, not %1 (the real API's answer is not "
                  "documented; the sandbox wrote this one)")
                   .arg(QString::fromLatin1(r.method)));
        record(r);
        return r;
    }
    if (contentType != "application/json") {
        answer(
            400, "SANDBOX_BAD_REQUEST",
            tr("sandbox: Content-Type must be application/json, not \"%1\" (the real API's 400 body is not "
               "documented; the sandbox wrote this one)")
                .arg(QString::fromLatin1(contentType)));
        record(r);
        return r;
    }
    StatusChange change;
    change.at = r.at;
    change.scopeId = where->scopeId;
    change.msgid = where->msgid;
    if (const std::optional<QString> problem = bodyProblem(body, where->msgid, change)) {
        answer(400, "SANDBOX_BAD_REQUEST",
               tr("sandbox: %1 (the real API's 400 body is not documented; the sandbox wrote this one)")
                   .arg(*problem));
        record(r);
        return r;
    }
    if (m_strict && !m_messages.contains(where->msgid)) {
        answer(
            404, "SANDBOX_MESSAGE_NOT_FOUND",
            tr("sandbox: no message %1 is registered and the sandbox is strict (the real API's 404 body for "
               "an unknown message is not documented; the sandbox wrote this one)")
                .arg(where->msgid));
        record(r);
        return r;
    }

    m_messages.insert(where->msgid);
    m_changes.append(change);
    answer(200, {}, tr("status of %1 set to %2").arg(where->msgid, QString::number(change.deliveryStatus)));
    record(r);
    return r;
}

ReceivedRequest Sandbox::handleSandboxEndpoint(ReceivedRequest r)
{
    // GET /sandbox/messages, GET /sandbox/messages/{msgid}, POST /sandbox/messages/{msgid} (register).
    const QByteArray path =
        r.target.left(r.target.indexOf('?') < 0 ? r.target.size() : r.target.indexOf('?'));
    const QByteArray rest = path.mid(sandboxPrefix.size());
    const auto json = [&r](int status, const QJsonObject &o, const QString &verdict) {
        r.status = status;
        r.responseBody = QJsonDocument(o).toJson(QJsonDocument::Compact);
        r.verdict = verdict;
    };
    const auto messageJson = [this](const QString &msgid) {
        QJsonArray changes;
        for (const StatusChange &c : std::as_const(m_changes)) {
            if (c.msgid == msgid)
                changes.append(changeJson(c));
        }
        return QJsonObject{{QStringLiteral("msgid"), msgid},
                           {QStringLiteral("registered"), m_messages.contains(msgid)},
                           {QStringLiteral("changes"), changes}};
    };

    if (rest == "messages" && r.method == "GET") {
        QSet<QString> ids = m_messages;
        for (const StatusChange &c : std::as_const(m_changes))
            ids.insert(c.msgid);
        QStringList sorted(ids.begin(), ids.end());
        sorted.sort();
        QJsonArray list;
        for (const QString &id : std::as_const(sorted))
            list.append(messageJson(id));
        json(200, {{QStringLiteral("sandbox"), true}, {QStringLiteral("messages"), list}},
             tr("sandbox: listed %n message(s)", nullptr, static_cast<int>(list.size())));
        return r;
    }
    if (rest.startsWith("messages/") && rest.count('/') == 1) {
        const QString msgid = QUrl::fromPercentEncoding(rest.mid(9));
        if (r.method == "POST" && !msgid.isEmpty()) {
            m_messages.insert(msgid);
            json(200, messageJson(msgid), tr("sandbox: registered message %1").arg(msgid));
            return r;
        }
        if (r.method == "GET") {
            if (!m_messages.contains(msgid) && statusChanges(msgid).isEmpty()) {
                r.status = 404;
                r.errorType = "SANDBOX_MESSAGE_NOT_FOUND";
                r.verdict = tr("sandbox: no message %1 is known to the sandbox").arg(msgid);
                r.responseBody = errorBody(404, r.errorType, r.verdict);
                return r;
            }
            json(200, messageJson(msgid), tr("sandbox: history of message %1").arg(msgid));
            return r;
        }
    }
    r.status = 404;
    r.verdict = tr("sandbox: no such sandbox endpoint; there are GET /sandbox/messages, GET and POST "
                   "/sandbox/messages/{msgid}");
    return r;
}

} // namespace kommo::sandbox

// The HAR importer: log.entries read one entry at a time through the pull reader, never the whole file.
#include "core/interchange/import.h"
#include "core/interchange/import_internal.h"
#include "core/interchange/import_json.h"

#include "core/translate.h"

#include <QBuffer>
#include <QCoreApplication>

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

using Token = JsonPullReader::Token;

} // namespace

struct HarReader::Private
{
    explicit Private(QIODevice *device)
        : json(device)
    {}

    enum class Phase
    {
        Start,
        Entries,
        Done
    };

    JsonPullReader json;
    Phase phase = Phase::Start;
    QString error;
    qsizetype seen = 0;
    qsizetype skipped = 0;

    bool failed(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        phase = Phase::Done;
        return false;
    }

    bool jsonFailed() { return failed(tr("The HAR is not valid JSON: %1").arg(json.error())); }

    // The next value must be a string; its bytes go to out.
    bool readString(QByteArray &out, const char *what)
    {
        const Token t = json.next();
        if (t == Token::String) {
            out = json.text();
            return true;
        }
        if (t == Token::Null) {
            out.clear();
            return true;
        }
        if (t == Token::Invalid)
            return jsonFailed();
        return failed(tr("Entry %1: %2 is not a string.").arg(seen).arg(QLatin1String(what)));
    }

    // Opens an object the next token must start; false when it is something else.
    bool expectObject(const char *what)
    {
        const Token t = json.next();
        if (t == Token::BeginObject)
            return true;
        if (t == Token::Invalid)
            return jsonFailed();
        return failed(tr("%1 is not a JSON object.").arg(QLatin1String(what)));
    }

    // Walks the members of an object whose '{' was just read, to its '}'. For each member, onMember(name)
    // reads the value (or skips it with skip()) and returns false to stop, having said why. Returns whether
    // the whole object was read.
    template<typename OnMember> bool readMembers(OnMember &&onMember)
    {
        for (;;) {
            const Token t = json.next();
            if (t == Token::EndObject)
                return true;
            if (t != Token::Name)
                return jsonFailed();
            if (!onMember(json.text()))
                return false;
        }
    }

    bool skip() { return json.skipValue() || jsonFailed(); }

    // Inside an object just opened, moves past the member called name (to just before its value), skipping
    // the others; missing is what the failure says when the object ends without it.
    bool seekMember(QByteArrayView name, const QString &missing)
    {
        bool found = false;
        const bool ended = readMembers([&](const QByteArray &member) {
            found = member == name;
            return !found && skip();
        });
        return found || (ended && failed(missing));
    }

    // Moves to the first element of log.entries.
    bool enterEntries()
    {
        if (!expectObject("The HAR") ||
            !seekMember("log", tr("This JSON is not a HAR: it has no log.entries.")))
            return false;
        if (!expectObject("log") ||
            !seekMember("entries", tr("This JSON is not a HAR: its log has no entries.")))
            return false;
        const Token v = json.next();
        if (v == Token::BeginArray)
            return true;
        return v == Token::Invalid ? jsonFailed() : failed(tr("log.entries is not an array."));
    }

    // After log.entries: the rest of log and of the top-level object must still be well-formed JSON.
    void finish()
    {
        phase = Phase::Done;
        while (json.depth() > 0) {
            const Token t = json.next();
            if (t == Token::Name) {
                if (!json.skipValue()) {
                    jsonFailed();
                    return;
                }
            } else if (t != Token::EndObject) {
                jsonFailed();
                return;
            }
        }
        if (json.next() != Token::End)
            jsonFailed();
    }

    bool readHeaders(CapturedRequest &request)
    {
        const Token t = json.next();
        if (t == Token::Null)
            return true;
        if (t != Token::BeginArray)
            return t == Token::Invalid ? jsonFailed()
                                       : failed(tr("Entry %1: request.headers is not an array.").arg(seen));
        for (;;) {
            const Token e = json.next();
            if (e == Token::EndArray)
                return true;
            if (e != Token::BeginObject)
                return e == Token::Invalid
                           ? jsonFailed()
                           : failed(tr("Entry %1: a request header is not an object.").arg(seen));
            Header header;
            const bool read = readMembers([&](const QByteArray &member) {
                if (member == "name")
                    return readString(header.name, "a header's name");
                if (member == "value")
                    return readString(header.value, "a header's value");
                return skip();
            });
            if (!read)
                return false;
            // HTTP/2 pseudo-headers are not headers a client sets; :authority stands in for Host.
            if (header.name.startsWith(':')) {
                if (header.name == ":authority" && request.host.isEmpty())
                    request.host = header.value;
                continue;
            }
            request.headers.append(header);
        }
    }

    bool readPostData(CapturedRequest &request)
    {
        const Token t = json.next();
        if (t == Token::Null)
            return true;
        if (t != Token::BeginObject)
            return t == Token::Invalid ? jsonFailed()
                                       : failed(tr("Entry %1: request.postData is not an object.").arg(seen));
        QByteArray encoding;
        bool hasText = false;
        bool hasParams = false;
        const bool read = readMembers([&](const QByteArray &member) {
            if (member == "text") {
                hasText = true;
                return readString(request.body, "request.postData.text");
            }
            if (member == "encoding")
                return readString(encoding, "request.postData.encoding");
            hasParams = hasParams || member == "params";
            return skip();
        });
        if (!read)
            return false;
        if (encoding == "base64") {
            // Not in HAR 1.2 for requests, but some tools store binary bodies this way.
            const auto decoded =
                QByteArray::fromBase64Encoding(request.body, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return failed(tr("Entry %1: request.postData.text is not valid base64.").arg(seen));
            request.body = *decoded;
        }
        if (!hasText && hasParams) {
            request.notes.append(detail::note(
                "har_body_params_only", tr("The entry's postData has only params, no text; the body bytes "
                                           "are not known.")));
            request.bodyFile = QStringLiteral("(postData.params)");
        }
        return true;
    }

    bool readRequest(CapturedRequest &request, QByteArray &url)
    {
        if (!expectObject("request"))
            return false;
        return readMembers([&](const QByteArray &member) {
            if (member == "method")
                return readString(request.method, "request.method");
            if (member == "url")
                return readString(url, "request.url");
            if (member == "headers")
                return readHeaders(request);
            if (member == "postData")
                return readPostData(request);
            return skip();
        });
    }

    // Reads one entry object whose '{' was just read.
    bool readEntry(CapturedRequest &request, bool &hasRequest)
    {
        QByteArray url;
        QByteArray started;
        hasRequest = false;
        const bool read = readMembers([&](const QByteArray &member) {
            if (member == "request") {
                hasRequest = true;
                return readRequest(request, url);
            }
            if (member == "startedDateTime")
                return readString(started, "startedDateTime");
            return skip();
        });
        if (!read)
            return false;
        const QByteArray hostFromPseudo = request.host;
        detail::applyUrl(request, url);
        if (request.host.isEmpty())
            request.host = hostFromPseudo.isEmpty() ? request.header("Host") : hostFromPseudo;
        request.source.kind = CaptureKind::Har;
        request.source.startedDateTime = QString::fromUtf8(started);
        return true;
    }
};

HarReader::HarReader(QIODevice *device)
    : d(std::make_unique<Private>(device))
{}

HarReader::~HarReader() = default;

bool HarReader::next(CapturedRequest &request)
{
    if (d->phase == Private::Phase::Start) {
        if (!d->enterEntries())
            return false;
        d->phase = Private::Phase::Entries;
    }
    while (d->phase == Private::Phase::Entries) {
        const Token t = d->json.next();
        if (t == Token::EndArray) {
            d->finish();
            return false;
        }
        if (t == Token::Invalid)
            return d->jsonFailed();
        const qsizetype index = d->seen++;
        if (t != Token::BeginObject) {
            // Not an entry at all: finish skipping it when it is a container.
            if (t == Token::BeginArray) {
                const qsizetype base = d->json.depth() - 1;
                while (d->json.depth() > base) {
                    if (const Token u = d->json.next(); u == Token::Invalid || u == Token::End)
                        return d->jsonFailed();
                }
            }
            ++d->skipped;
            continue;
        }
        request = CapturedRequest();
        bool hasRequest = false;
        if (!d->readEntry(request, hasRequest))
            return false;
        request.source.index = index;
        if (!hasRequest || !isChatApiPath(request.path())) {
            ++d->skipped;
            continue;
        }
        return true;
    }
    return false;
}

QString HarReader::error() const
{
    return d->error;
}

qsizetype HarReader::entriesSeen() const
{
    return d->seen;
}

qsizetype HarReader::entriesSkipped() const
{
    return d->skipped;
}

Result<QList<CapturedRequest>> parseHar(QByteArrayView text)
{
    QByteArray copy = text.toByteArray();
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    HarReader reader(&buffer);
    QList<CapturedRequest> requests;
    CapturedRequest request;
    while (reader.next(request))
        requests.append(request);
    if (!reader.error().isEmpty())
        return Result<QList<CapturedRequest>>::failure(reader.error());
    return requests;
}

} // namespace kommo::interchange

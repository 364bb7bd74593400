#include "core/diagnosis/causes.h"

#include "core/hex.h"

#include "core/crypto/crypto.h"
#include "core/delivery/delivery.h"
#include "core/signing/httpdate.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <memory>
#include <vector>

namespace kommo::diagnosis {
namespace {

KOMMO_DECLARE_TR("kommo::diagnosis")

QByteArray md5Hex(QByteArrayView data)
{
    const Result<QByteArray> r = crypto::md5Hex(data);
    return r ? *r : QByteArray();
}

QByteArray hmacHex(QByteArrayView key, QByteArrayView data)
{
    const Result<QByteArray> r = crypto::hmacSha1Hex(key, data);
    return r ? *r : QByteArray();
}

QString shown(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

// ---- JSON text walking: escapes inside strings, and an order-keeping parse for re-serializing ----

void appendUEscape(QByteArray &out, char32_t unit, bool upper)
{
    static const char lower[] = "0123456789abcdef";
    static const char upperDigits[] = "0123456789ABCDEF";
    const char *digits = upper ? upperDigits : lower;
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out.append(digits[(unit >> shift) & 0xf]);
}

// The code point of the UTF-8 sequence at s[i], and its length; a bad sequence reads as one byte.
std::pair<char32_t, int> decodeUtf8(QByteArrayView s, qsizetype i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (length == 1 || i + length > s.size())
        return {b, 1};
    char32_t cp = b & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return {b, 1};
        cp = (cp << 6) | (c & 0x3F);
    }
    return {cp, length};
}

int hex4(QByteArrayView s, qsizetype i)
{
    if (i + 4 > s.size())
        return -1;
    int v = 0;
    for (int k = 0; k < 4; ++k) {
        const int h = hexValue(s[i + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    out.append(QString::fromUcs4(&cp, 1).toUtf8());
}

struct JsonValue
{
    enum class Kind
    {
        Object,
        Array,
        String,
        Scalar
    } kind = Kind::Scalar;
    QByteArray lexeme;  // a scalar's text, or a string's text as written (quotes included)
    QByteArray decoded; // a string's value as UTF-8
    std::vector<std::pair<JsonValue, JsonValue>> members;
    std::vector<JsonValue> elements;
};

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : s(text)
    {}

    std::optional<JsonValue> document()
    {
        JsonValue v;
        if (!value(v, 0))
            return std::nullopt;
        ws();
        if (i != s.size())
            return std::nullopt;
        return v;
    }

private:
    void ws()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
            ++i;
    }

    bool string(JsonValue &v)
    {
        const qsizetype start = i++;
        v.kind = JsonValue::Kind::String;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                ++i;
                v.lexeme = s.sliced(start, i - start).toByteArray();
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                v.decoded.append(c);
                ++i;
                continue;
            }
            if (i + 1 >= s.size())
                return false;
            const char e = s[i + 1];
            const char *simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
            bool done = false;
            for (int k = 0; simple[k]; k += 2) {
                if (simple[k] == e) {
                    v.decoded.append(simple[k + 1]);
                    done = true;
                }
            }
            if (done) {
                i += 2;
                continue;
            }
            if (e != 'u')
                return false;
            int cp = hex4(s, i + 2);
            if (cp < 0)
                return false;
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                const int low = hex4(s, i + 2);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(v.decoded, static_cast<char32_t>(cp));
        }
        return false;
    }

    bool value(JsonValue &v, int depth)
    {
        if (depth > 64)
            return false;
        ws();
        if (i >= s.size())
            return false;
        const char c = s[i];
        if (c == '{' || c == '[') {
            const bool object = c == '{';
            v.kind = object ? JsonValue::Kind::Object : JsonValue::Kind::Array;
            ++i;
            ws();
            if (i < s.size() && s[i] == (object ? '}' : ']')) {
                ++i;
                return true;
            }
            for (;;) {
                if (object) {
                    JsonValue key;
                    ws();
                    if (i >= s.size() || s[i] != '"' || !string(key))
                        return false;
                    ws();
                    if (i >= s.size() || s[i] != ':')
                        return false;
                    ++i;
                    JsonValue member;
                    if (!value(member, depth + 1))
                        return false;
                    v.members.emplace_back(std::move(key), std::move(member));
                } else {
                    JsonValue element;
                    if (!value(element, depth + 1))
                        return false;
                    v.elements.push_back(std::move(element));
                }
                ws();
                if (i >= s.size())
                    return false;
                if (s[i] == ',') {
                    ++i;
                    continue;
                }
                if (s[i] == (object ? '}' : ']')) {
                    ++i;
                    return true;
                }
                return false;
            }
        }
        if (c == '"')
            return string(v);
        const qsizetype start = i;
        while (i < s.size() &&
               (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '+' || s[i] == '.'))
            ++i;
        if (i == start)
            return false;
        v.lexeme = s.sliced(start, i - start).toByteArray();
        const QByteArray &w = v.lexeme;
        if (w == "true" || w == "false" || w == "null")
            return true;
        bool ok = false;
        w.toDouble(&ok);
        return ok;
    }

    QByteArrayView s;
    qsizetype i = 0;
};

void writeValue(QByteArray &out, const JsonValue &v, Layout layout, bool sortKeys, int level)
{
    const auto indent = [&](int n) {
        out.append('\n');
        const QByteArray unit = layout == Layout::Tab       ? QByteArray("\t")
                                : layout == Layout::Indent2 ? QByteArray("  ")
                                                            : QByteArray("    ");
        for (int k = 0; k < n; ++k)
            out.append(unit);
    };
    const bool pretty = layout == Layout::Indent2 || layout == Layout::Indent4 || layout == Layout::Tab;
    const QByteArray itemSeparator = layout == Layout::Spaced ? ", " : ",";
    const QByteArray keySeparator = layout == Layout::Compact ? ":" : ": ";

    switch (v.kind) {
    case JsonValue::Kind::String:
    case JsonValue::Kind::Scalar:
        out.append(v.lexeme);
        return;
    case JsonValue::Kind::Object: {
        if (v.members.empty()) {
            out.append("{}");
            return;
        }
        std::vector<const std::pair<JsonValue, JsonValue> *> members;
        for (const auto &m : v.members)
            members.push_back(&m);
        if (sortKeys) {
            std::stable_sort(members.begin(), members.end(), [](const auto *a, const auto *b) {
                return a->first.decoded < b->first.decoded;
            });
        }
        out.append('{');
        for (size_t k = 0; k < members.size(); ++k) {
            if (k > 0)
                out.append(pretty ? QByteArray(",") : itemSeparator);
            if (pretty)
                indent(level + 1);
            out.append(members[k]->first.lexeme).append(keySeparator);
            writeValue(out, members[k]->second, layout, sortKeys, level + 1);
        }
        if (pretty)
            indent(level);
        out.append('}');
        return;
    }
    case JsonValue::Kind::Array: {
        if (v.elements.empty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (size_t k = 0; k < v.elements.size(); ++k) {
            if (k > 0)
                out.append(pretty ? QByteArray(",") : itemSeparator);
            if (pretty)
                indent(level + 1);
            writeValue(out, v.elements[k], layout, sortKeys, level + 1);
        }
        if (pretty)
            indent(level);
        out.append(']');
        return;
    }
    }
}

// Rewrites every string lexeme of a parsed value in the canonical escaping (raw UTF-8, minimal escapes).
void canonicalizeStrings(JsonValue &v)
{
    if (v.kind == JsonValue::Kind::String) {
        v.lexeme.clear();
        delivery::appendJsonString(v.lexeme, QString::fromUtf8(v.decoded));
        return;
    }
    for (auto &m : v.members) {
        canonicalizeStrings(m.first);
        canonicalizeStrings(m.second);
    }
    for (auto &e : v.elements)
        canonicalizeStrings(e);
}

QString layoutName(Layout layout)
{
    switch (layout) {
    case Layout::Compact:
        return tr("compact, with no spaces");
    case Layout::Spaced:
        return tr("with \", \" and \": \" separators");
    case Layout::Indent2:
        return tr("pretty-printed with 2 spaces");
    case Layout::Indent4:
        return tr("pretty-printed with 4 spaces");
    case Layout::Tab:
        return tr("pretty-printed with tabs");
    }
    return {};
}

// ---- the signature hypotheses ----

QByteArray join(const QList<QByteArray> &lines, QByteArrayView separator)
{
    QByteArray out;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        if (k > 0)
            out.append(separator);
        out.append(lines[k]);
    }
    return out;
}

struct Hypothesis
{
    const char *id;
    QByteArray key;
    QByteArray message;
    QString detail;
};

} // namespace

QByteArray escapeJsonText(QByteArrayView json, int escapes)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 4);
    bool inString = false;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (!inString) {
            inString = c == '"';
            out.append(c);
            ++i;
            continue;
        }
        if (c == '\\' && i + 1 < json.size()) {
            out.append(json.sliced(i, 2));
            i += 2;
            continue;
        }
        if (c == '"') {
            inString = false;
            out.append(c);
            ++i;
            continue;
        }
        if (c == '/' && (escapes & int(Escape::Slash))) {
            out.append("\\/");
            ++i;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80 &&
            (escapes & (int(Escape::Unicode) | int(Escape::UnicodeUpper)))) {
            const auto [cp, length] = decodeUtf8(json, i);
            const bool upper = escapes & int(Escape::UnicodeUpper);
            if (cp >= 0x10000) {
                appendUEscape(out, 0xD800 + ((cp - 0x10000) >> 10), upper);
                appendUEscape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), upper);
            } else {
                appendUEscape(out, cp, upper);
            }
            i += length;
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

QByteArray unescapeJsonText(QByteArrayView json, int escapes)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (!inString || c != '\\' || i + 1 >= json.size()) {
            if (c == '"')
                inString = !inString;
            out.append(c);
            ++i;
            continue;
        }
        const char e = json[i + 1];
        if (e == '/' && (escapes & int(Escape::Slash))) {
            out.append('/');
            i += 2;
            continue;
        }
        if (e == 'u' && (escapes & (int(Escape::Unicode) | int(Escape::UnicodeUpper)))) {
            int cp = hex4(json, i + 2);
            qsizetype length = 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 7 < json.size() && json[i + 6] == '\\' &&
                json[i + 7] == 'u') {
                const int low = hex4(json, i + 8);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    length = 12;
                }
            }
            // Only what ensure_ascii-style escaping produces is undone: non-ASCII, never quotes or controls.
            if (cp >= 0x80 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                appendUtf8(out, static_cast<char32_t>(cp));
                i += length;
                continue;
            }
        }
        out.append(json.sliced(i, 2));
        i += 2;
    }
    return out;
}

std::optional<QByteArray> reserialize(QByteArrayView json, Layout layout, bool sortKeys)
{
    std::optional<JsonValue> value = Parser(json).document();
    if (!value)
        return std::nullopt;
    QByteArray out;
    writeValue(out, *value, layout, sortKeys, 0);
    return out;
}

QStringList causeIds()
{
    return {QStringLiteral("md5_uppercase"),
            QStringLiteral("md5_base64"),
            QStringLiteral("body_trailing_newline"),
            QStringLiteral("body_reserialized"),
            QStringLiteral("body_escaping"),
            QStringLiteral("empty_body_form"),
            QStringLiteral("method_mismatch"),
            QStringLiteral("path_query"),
            QStringLiteral("path_host"),
            QStringLiteral("path_trailing_slash"),
            QStringLiteral("date_changed"),
            QStringLiteral("content_type_charset"),
            QStringLiteral("separator"),
            QStringLiteral("body_only_hmac"),
            QStringLiteral("secret_whitespace"),
            QStringLiteral("secret_hex_decoded"),
            QStringLiteral("secret_case")};
}

std::optional<Cause> contentMd5Cause(QByteArrayView body, QByteArrayView contentMd5)
{
    const QByteArray header = contentMd5.toByteArray();
    const QByteArray right = md5Hex(body);
    if (header.isEmpty() || header == right)
        return std::nullopt;
    const auto cause = [](const char *id, const QString &detail) {
        return std::optional<Cause>(Cause{QLatin1String(id), detail});
    };

    // The digest right, written another way.
    if (header == right.toUpper())
        return cause("md5_uppercase", tr("The Content-MD5 is the body's MD5 in upper-case hex; the API wants "
                                         "lower-case hex: %1.")
                                          .arg(shown(right)));
    const Result<QByteArray> raw = crypto::md5(body);
    if (raw && (header == raw->toBase64() || header == right.toBase64()))
        return cause("md5_base64", tr("The Content-MD5 is the body's MD5 in base64 (RFC 1864 style); the API "
                                      "wants lower-case hex: %1.")
                                       .arg(shown(right)));

    // The body hashed is the body sent with a line end added or lost.
    struct Variant
    {
        QByteArray bytes;
        QString what;
    };
    QList<Variant> newline = {{body.toByteArray() + "\n", tr("with a newline (LF) added at the end")},
                              {body.toByteArray() + "\r\n", tr("with a CRLF added at the end")}};
    if (body.endsWith("\r\n"))
        newline.append({body.chopped(2).toByteArray(), tr("without the CRLF it ends with")});
    if (body.endsWith('\n'))
        newline.append({body.chopped(1).toByteArray(), tr("without the newline (LF) it ends with")});
    for (const Variant &v : std::as_const(newline)) {
        if (md5Hex(v.bytes) == header)
            return cause(
                "body_trailing_newline",
                tr("The Content-MD5 is the MD5 of the body %1, not of the bytes sent; hash exactly the "
                   "bytes that are sent (MD5 of the body sent: %2).")
                    .arg(v.what, shown(right)));
    }

    // The same text with PHP-style escaping, or that escaping undone.
    const int slash = int(Escape::Slash);
    const int unicode = int(Escape::Unicode);
    const int unicodeUpper = int(Escape::UnicodeUpper);
    const QList<std::pair<int, QString>> escapings = {
        {slash | unicode,
         tr("\"/\" written as \"\\/\" and non-ASCII as \\uXXXX (PHP's json_encode default)")},
        {slash, tr("\"/\" written as \"\\/\"")},
        {unicode, tr("non-ASCII written as \\uXXXX")},
        {unicodeUpper, tr("non-ASCII written as \\uXXXX")},
        {slash | unicodeUpper, tr("\"/\" written as \"\\/\" and non-ASCII as \\uXXXX")}};
    for (const auto &[escapes, what] : escapings) {
        const QByteArray escaped = escapeJsonText(body, escapes);
        if (escaped != body && md5Hex(escaped) == header)
            return cause("body_escaping",
                         tr("The Content-MD5 is the MD5 of the body with %1, while the body sent "
                            "is not escaped that way; hash and send the same bytes.")
                             .arg(what));
        const QByteArray unescaped = unescapeJsonText(body, escapes);
        if (unescaped != body && md5Hex(unescaped) == header)
            return cause("body_escaping",
                         tr("The Content-MD5 is the MD5 of the body without the escaping the body "
                            "sent has (%1); hash and send the same bytes.")
                             .arg(what));
    }

    // The same data serialized another way: layout, key order, string escaping, a final newline.
    if (std::optional<JsonValue> parsed = Parser(body).document()) {
        JsonValue canonical = *parsed;
        canonicalizeStrings(canonical);
        const QList<Layout> layouts = {Layout::Compact, Layout::Spaced, Layout::Indent2, Layout::Indent4,
                                       Layout::Tab};
        for (const bool sortKeys : {false, true}) {
            for (const JsonValue *value : {&*parsed, &canonical}) {
                for (const Layout layout : layouts) {
                    QByteArray text;
                    writeValue(text, *value, layout, sortKeys, 0);
                    for (const int escapes : {0, unicode, slash | unicode}) {
                        const QByteArray written = escapes ? escapeJsonText(text, escapes) : text;
                        for (const bool newlineAtEnd : {false, true}) {
                            const QByteArray candidate = newlineAtEnd ? written + '\n' : written;
                            if (candidate == body || md5Hex(candidate) != header)
                                continue;
                            QString how = layoutName(layout);
                            if (sortKeys)
                                how += tr(", keys sorted");
                            if (escapes)
                                how += tr(", non-ASCII escaped");
                            if (newlineAtEnd)
                                how += tr(", a newline at the end");
                            return cause(
                                "body_reserialized",
                                tr("The Content-MD5 is the MD5 of the same JSON written another way "
                                   "(%1), not of the bytes sent: the body was serialized once for the "
                                   "hash and again for sending. Hash the exact bytes sent.")
                                    .arg(how));
                        }
                    }
                }
            }
        }
    }

    // An empty body hashed as if it were a JSON value.
    if (body.isEmpty()) {
        for (const char *form : {"\"\"", "{}", "null", "[]"}) {
            if (md5Hex(form) == header)
                return cause(
                    "empty_body_form",
                    tr("The body is empty but the Content-MD5 is the MD5 of %1; for an empty body it "
                       "is the MD5 of the empty string: %2.")
                        .arg(QLatin1String(form), shown(right)));
        }
    }
    return std::nullopt;
}

SignedParts signedParts(const CapturedRequest &request)
{
    SignedParts parts;
    parts.method = request.method;
    parts.contentMd5 = request.header("Content-MD5");
    parts.contentType = request.header("Content-Type");
    parts.date = request.header("Date");
    parts.path = request.path();
    parts.query = request.query();
    parts.host = request.host;
    parts.scheme = request.scheme;
    parts.url = request.url;
    parts.body = request.body;
    return parts;
}

std::optional<Cause> signatureCause(const SignedParts &parts, QByteArrayView secretView,
                                    QByteArrayView signatureView)
{
    const QByteArray secret = secretView.toByteArray();
    const QByteArray signature = signatureView.toByteArray().toLower();
    const QByteArray method = parts.method.toUpper();
    const QList<QByteArray> lines = {method, parts.contentMd5, parts.contentType, parts.date, parts.path};
    const auto lineSet = [&](int index, const QByteArray &value) {
        QList<QByteArray> changed = lines;
        changed[index] = value;
        return join(changed, "\n");
    };
    const QByteArray base = join(lines, "\n");

    // The hypotheses are tried in order and the first that reproduces the signature is the cause: a capture
    // carries one mistake, and two hypotheses giving the same key and message would be the same mistake.
    std::optional<Cause> found;
    const auto attempt = [&](const char *id, const QByteArray &key, const QByteArray &message,
                             const QString &detail) {
        if (!found && (key != secret || message != base) && hmacHex(key, message) == signature)
            found = Cause{QLatin1String(id), detail};
    };

    // The secret itself: whitespace, case, hex decoded. The secret is never quoted in a detail.
    const QList<std::pair<QByteArray, QString>> whitespace = {
        {secret + '\n', tr("a newline (LF) after it")},
        {secret + "\r\n", tr("a CRLF after it")},
        {secret + ' ', tr("a space after it")},
        {secret + '\t', tr("a tab after it")},
        {' ' + secret, tr("a space before it")},
        {'\n' + secret, tr("a newline before it")},
        {secret.trimmed(), tr("its surrounding whitespace removed")}};
    for (const auto &[key, what] : whitespace)
        attempt("secret_whitespace", key, base,
                tr("The X-Signature was made with the channel secret with %1: the key must be the secret "
                   "exactly, "
                   "with no whitespace added or removed (a file or an echo often adds a newline).")
                    .arg(what));
    attempt(
        "secret_case", secret.toUpper(), base,
        tr("The X-Signature was made with the channel secret in upper case; use the secret exactly as issued "
           "(lower-case hex)."));
    attempt("secret_case", secret.toLower(), base,
            tr("The X-Signature was made with the channel secret in lower case; use the secret exactly as "
               "issued."));
    if (secret.size() % 2 == 0 && !secret.isEmpty() &&
        std::all_of(secret.begin(), secret.end(), [](char c) { return hexValue(c) >= 0; })) {
        attempt("secret_hex_decoded", QByteArray::fromHex(secret), base,
                tr("The X-Signature was made with the channel secret decoded from hex into raw bytes; the "
                   "key is the "
                   "secret's text itself, as ASCII characters."));
    }

    if (found)
        return found;
    attempt(
        "body_only_hmac", secret, parts.body,
        tr("The X-Signature is the HMAC-SHA1 of the body alone (the scheme Kommo uses to sign its webhooks); "
           "a Chat API request signs the five-line string: method, Content-MD5, Content-Type, Date, path."));

    if (found)
        return found;
    // The method line.
    QList<QByteArray> methods = {"POST", "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    methods += {parts.method, parts.method.toLower()};
    if (!parts.method.isEmpty())
        methods.append(parts.method.left(1).toUpper() + parts.method.mid(1).toLower());
    for (const QByteArray &m : std::as_const(methods)) {
        if (m != method)
            attempt("method_mismatch", secret, lineSet(0, m),
                    tr("The X-Signature was made with the method \"%1\" in the string to sign, but the "
                       "request is "
                       "sent as %2; sign the method sent, in upper case.")
                        .arg(shown(m), shown(method)));
    }

    if (found)
        return found;
    // The path line.
    if (!parts.query.isEmpty() || parts.url.contains('?')) {
        attempt("path_query", secret, lineSet(4, parts.path + '?' + parts.query),
                tr("The X-Signature was made with the query string in the path line (\"%1\"); sign the path "
                   "without \"?\" and what follows.")
                    .arg(shown(parts.path + '?' + parts.query)));
    }
    if (parts.path.endsWith('/') && parts.path.size() > 1)
        attempt(
            "path_trailing_slash", secret, lineSet(4, parts.path.chopped(1)),
            tr("The X-Signature was made with the path without its final \"/\", but the request is sent with "
               "one; sign the path exactly as sent."));
    else
        attempt(
            "path_trailing_slash", secret, lineSet(4, parts.path + '/'),
            tr("The X-Signature was made with a \"/\" added at the end of the path; sign the path exactly as "
               "sent."));
    QList<QByteArray> hosts;
    for (const QByteArray &h : {parts.host, QByteArray("amojo.kommo.com"), QByteArray("amojo.amocrm.ru"),
                                QByteArray("amojo.amocrm.com")}) {
        if (!h.isEmpty() && !hosts.contains(h))
            hosts.append(h);
        const qsizetype colon = h.lastIndexOf(':');
        if (colon > 0 && !hosts.contains(h.first(colon)))
            hosts.append(h.first(colon));
    }
    QList<QByteArray> schemes = {parts.scheme.isEmpty() ? QByteArray("https") : parts.scheme};
    if (!schemes.contains("http"))
        schemes.append("http");
    if (!schemes.contains("https"))
        schemes.append("https");
    QList<QByteArray> withHost;
    if (!parts.url.isEmpty())
        withHost.append(parts.url);
    const QByteArray fullPath = parts.query.isEmpty() ? parts.path : parts.path + '?' + parts.query;
    for (const QByteArray &h : std::as_const(hosts)) {
        withHost.append(h + parts.path);
        for (const QByteArray &s : std::as_const(schemes)) {
            withHost.append(s + "://" + h + parts.path);
            withHost.append(s + "://" + h + fullPath);
        }
        withHost.append(h + fullPath);
        withHost.append("//" + h + parts.path);
    }
    for (const QByteArray &p : std::as_const(withHost))
        attempt(
            "path_host", secret, lineSet(4, p),
            tr("The X-Signature was made with the host in the path line (\"%1\"); the string to sign carries "
               "only the path, with no scheme or host.")
                .arg(shown(p)));

    if (found)
        return found;
    // The Content-Type line: a charset parameter on one side only.
    const qsizetype semicolon = parts.contentType.indexOf(';');
    if (semicolon >= 0) {
        attempt("content_type_charset", secret, lineSet(2, parts.contentType.first(semicolon).trimmed()),
                tr("The X-Signature was made with the Content-Type \"%1\", without the charset parameter the "
                   "request "
                   "is sent with (\"%2\"); sign the header value exactly as sent.")
                    .arg(shown(parts.contentType.first(semicolon).trimmed()), shown(parts.contentType)));
    } else {
        for (const char *suffix : {"; charset=utf-8", "; charset=UTF-8", ";charset=utf-8", ";charset=UTF-8",
                                   "; charset=utf8", "; charset=\"utf-8\""}) {
            const QByteArray signedType = parts.contentType + suffix;
            attempt("content_type_charset", secret, lineSet(2, signedType),
                    tr("The X-Signature was made with the Content-Type \"%1\", but the request is sent with "
                       "\"%2\" "
                       "(no charset); sign the header value exactly as sent.")
                        .arg(shown(signedType), shown(parts.contentType)));
        }
    }

    if (found)
        return found;
    // The separator between the five lines.
    const QList<std::pair<QByteArray, QString>> separators = {
        {"\r\n", tr("CRLF")},
        {"\\n", tr("a literal backslash and n (\"\\n\" in "
                   "single quotes)")},
        {"n", tr("the letter n")},
        {"", tr("nothing")},
        {"\n\n", tr("two newlines")}};
    for (const auto &[separator, what] : separators)
        attempt(
            "separator", secret, join(lines, separator),
            tr("The X-Signature was made with the five lines joined by %1; join them with a single newline "
               "(LF), with no newline at the end.")
                .arg(what));
    attempt("separator", secret, base + '\n',
            tr("The X-Signature was made with a newline after the last line (the path); the string to sign "
               "has no "
               "newline at the end."));

    if (found)
        return found;
    // The Date produced twice: the signed one up to a minute from the one sent.
    if (const Result<httpdate::Parsed> date = httpdate::parse(parts.date)) {
        const QByteArray zone = date->zone.toLatin1();
        const int offsetSeconds = [&]() {
            if (!zone.startsWith('+') && !zone.startsWith('-'))
                return 0;
            const int minutes = zone.mid(1, 2).toInt() * 60 + zone.mid(3, 2).toInt();
            return (zone.startsWith('-') ? -60 : 60) * minutes;
        }();
        const QLocale c = QLocale::c();
        for (int delta = 1; delta <= 60 && !found; ++delta) {
            for (const int sign : {-1, 1}) {
                const QDateTime shifted = date->instant.addSecs(sign * delta).toOffsetFromUtc(offsetSeconds);
                QByteArray text = c.toString(shifted, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1();
                text += ' ' + zone;
                attempt("date_changed", secret, lineSet(3, text),
                        tr("The X-Signature was made with the Date \"%1\", %n second(s) %2 the Date sent: "
                           "the Date "
                           "was produced twice. Take the Date once and use the same text in the header and "
                           "in the "
                           "string to sign.",
                           nullptr, delta)
                            .arg(shown(text), sign < 0 ? tr("before") : tr("after")));
            }
        }
    }
    return found;
}

} // namespace kommo::diagnosis

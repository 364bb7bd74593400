#include "core/interchange/import_json.h"

#include "core/hex.h"

#include "core/translate.h"

#include <QCoreApplication>

#include <cstring>

namespace kommo::interchange {
namespace {

KOMMO_DECLARE_TR("kommo::interchange")

constexpr qsizetype chunkSize = 1 << 20;

// Bytes that end the fast scan of a string: the quote, the backslash and the control characters.
struct StopTable
{
    bool stop[256] = {};
    constexpr StopTable()
    {
        for (int i = 0; i < 0x20; ++i)
            stop[i] = true;
        stop[static_cast<unsigned char>('"')] = true;
        stop[static_cast<unsigned char>('\\')] = true;
    }
};
constexpr StopTable stringStops;

int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexValue(p[i]);
        if (h < 0)
            return -1;
        value = value * 16 + h;
    }
    return value;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.append(static_cast<char>(0xC0 | (cp >> 6)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(static_cast<char>(0xE0 | (cp >> 12)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (cp >> 18)));
        out.append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// RFC 8259's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(const QByteArray &text)
{
    const char *p = text.constData();
    const char *end = p + text.size();
    const auto digits = [&]() {
        const char *start = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        return p > start;
    };
    if (p < end && *p == '-')
        ++p;
    if (p < end && *p == '0')
        ++p;
    else if (!digits())
        return false;
    if (p < end && *p == '.') {
        ++p;
        if (!digits())
            return false;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        if (!digits())
            return false;
    }
    return p == end;
}

} // namespace

JsonPullReader::JsonPullReader(QIODevice *device)
    : m_device(device)
{}

JsonPullReader::JsonPullReader(QByteArrayView data)
    : m_buf(QByteArray::fromRawData(data.data(), data.size()))
    , m_eof(true)
{}

bool JsonPullReader::fill(qsizetype need)
{
    while (m_buf.size() - m_pos < need) {
        if (m_eof || !m_device)
            return false;
        // Keep only the unread bytes, then read one more chunk behind them.
        if (m_pos > 0) {
            m_buf.remove(0, m_pos);
            m_consumed += m_pos;
            m_pos = 0;
        }
        const qsizetype old = m_buf.size();
        m_buf.resize(old + chunkSize);
        const qint64 n = m_device->read(m_buf.data() + old, chunkSize);
        if (n <= 0) {
            m_buf.resize(old);
            m_eof = true;
            return m_buf.size() - m_pos >= need;
        }
        m_buf.resize(old + n);
    }
    return true;
}

bool JsonPullReader::skipWhitespace()
{
    for (;;) {
        const char *data = m_buf.constData();
        const qsizetype size = m_buf.size();
        while (m_pos < size) {
            const char c = data[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return true;
            ++m_pos;
        }
        if (!fill(1))
            return false;
    }
}

JsonPullReader::Token JsonPullReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = tr("%1 (at byte %2)").arg(message).arg(offset());
    return Token::Invalid;
}

bool JsonPullReader::readString(bool decode)
{
    // m_buf[m_pos] is the opening quote. Offsets are kept relative to m_pos, since fill() may move the bytes.
    if (decode)
        m_text.resize(0);
    qsizetype rel = 1;
    for (;;) {
        const char *data = m_buf.constData();
        const qsizetype size = m_buf.size();
        qsizetype i = m_pos + rel;
        const qsizetype start = i;
        while (i < size && !stringStops.stop[static_cast<unsigned char>(data[i])])
            ++i;
        if (decode)
            m_text.append(data + start, i - start);
        rel = i - m_pos;
        if (i >= size) {
            if (!fill(rel + 1)) {
                fail(tr("a string is not closed"));
                return false;
            }
            continue;
        }
        const char c = data[i];
        if (c == '"') {
            m_pos = i + 1;
            return true;
        }
        if (c != '\\') {
            fail(tr("a string holds a raw control character"));
            return false;
        }
        if (!fill(rel + 2)) {
            fail(tr("a string is not closed"));
            return false;
        }
        data = m_buf.constData();
        const char e = data[m_pos + rel + 1];
        char simple = 0;
        switch (e) {
        case '"':
            simple = '"';
            break;
        case '\\':
            simple = '\\';
            break;
        case '/':
            simple = '/';
            break;
        case 'b':
            simple = '\b';
            break;
        case 'f':
            simple = '\f';
            break;
        case 'n':
            simple = '\n';
            break;
        case 'r':
            simple = '\r';
            break;
        case 't':
            simple = '\t';
            break;
        case 'u':
            break;
        default:
            fail(tr("a string holds an unknown escape \"\\%1\"").arg(QLatin1Char(e)));
            return false;
        }
        if (simple) {
            if (decode)
                m_text.append(simple);
            rel += 2;
            continue;
        }
        if (!fill(rel + 6)) {
            fail(tr("a \\u escape is cut short"));
            return false;
        }
        data = m_buf.constData();
        int cp = hex4(data + m_pos + rel + 2);
        if (cp < 0) {
            fail(tr("a \\u escape has a character that is not hexadecimal"));
            return false;
        }
        rel += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF && fill(rel + 6)) {
            data = m_buf.constData();
            const char *low = data + m_pos + rel;
            const int second = (low[0] == '\\' && low[1] == 'u') ? hex4(low + 2) : -1;
            if (second >= 0xDC00 && second <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (second - 0xDC00);
                rel += 6;
            }
        }
        // A surrogate left alone has no UTF-8 form; it becomes U+FFFD, as browsers write it.
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;
        if (decode)
            appendUtf8(m_text, static_cast<char32_t>(cp));
    }
}

bool JsonPullReader::readNumber()
{
    m_text.resize(0);
    for (;;) {
        if (m_pos >= m_buf.size() && !fill(1))
            break;
        const char c = m_buf.at(m_pos);
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
            break;
        m_text.append(c);
        ++m_pos;
    }
    if (!isJsonNumber(m_text)) {
        fail(tr("\"%1\" is not a JSON number").arg(QString::fromLatin1(m_text)));
        return false;
    }
    return true;
}

bool JsonPullReader::readLiteral(const char *word)
{
    const qsizetype length = static_cast<qsizetype>(std::strlen(word));
    if (!fill(length) || std::memcmp(m_buf.constData() + m_pos, word, static_cast<size_t>(length)) != 0) {
        fail(tr("an unknown word where a JSON value belongs"));
        return false;
    }
    m_text = QByteArray(word, length);
    m_pos += length;
    return true;
}

JsonPullReader::Token JsonPullReader::valueDone(Token token)
{
    m_expectValue = false;
    m_first = false;
    if (m_stack.empty())
        m_done = true;
    return token;
}

JsonPullReader::Token JsonPullReader::next()
{
    if (!m_error.isEmpty())
        return Token::Invalid;
    for (;;) {
        if (!skipWhitespace()) {
            if (m_done)
                return Token::End;
            return fail(offset() == 0 ? tr("the input is empty") : tr("the JSON text ends too early"));
        }
        if (m_done)
            return fail(tr("text follows the JSON value"));
        const char c = m_buf.at(m_pos);
        const char top = m_stack.empty() ? 0 : m_stack.back();

        // After a value inside a container: a comma, or the container's end.
        if (!m_expectValue && !m_first) {
            if (c == ',') {
                ++m_pos;
                m_expectValue = true;
                continue;
            }
            if ((c == '}' && top == '{') || (c == ']' && top == '[')) {
                ++m_pos;
                m_stack.pop_back();
                return valueDone(c == '}' ? Token::EndObject : Token::EndArray);
            }
            return fail(
                tr("expected \",\" or the end of the %1").arg(top == '{' ? tr("object") : tr("array")));
        }

        // An empty container closes at once.
        if (m_first && ((c == '}' && top == '{') || (c == ']' && top == '['))) {
            ++m_pos;
            m_stack.pop_back();
            return valueDone(c == '}' ? Token::EndObject : Token::EndArray);
        }

        // In an object, a name and its colon come before each value.
        if (top == '{' && (m_first || m_expectValue) && m_pending != Token::Name) {
            if (c != '"')
                return fail(tr("expected a name in quotes"));
            if (!readString(true))
                return Token::Invalid;
            if (!skipWhitespace() || m_buf.at(m_pos) != ':')
                return fail(tr("expected \":\" after a name"));
            ++m_pos;
            m_first = false;
            m_expectValue = true;
            m_pending = Token::Name;
            return Token::Name;
        }
        m_pending = Token::Invalid;
        m_first = false;

        switch (c) {
        case '{':
        case '[':
            if (m_stack.size() >= 512)
                return fail(tr("the JSON nests deeper than 512 levels"));
            ++m_pos;
            m_stack.push_back(c);
            m_first = true;
            m_expectValue = false;
            return c == '{' ? Token::BeginObject : Token::BeginArray;
        case '"':
            if (!readString(m_decode))
                return Token::Invalid;
            return valueDone(Token::String);
        case 't':
            return readLiteral("true") ? valueDone(Token::Bool) : Token::Invalid;
        case 'f':
            return readLiteral("false") ? valueDone(Token::Bool) : Token::Invalid;
        case 'n':
            return readLiteral("null") ? valueDone(Token::Null) : Token::Invalid;
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return readNumber() ? valueDone(Token::Number) : Token::Invalid;
            return fail(tr("expected a JSON value"));
        }
    }
}

bool JsonPullReader::skipValue()
{
    m_decode = false;
    const Token first = next();
    bool ok = first != Token::Invalid && first != Token::End && first != Token::Name &&
              first != Token::EndObject && first != Token::EndArray;
    if (ok && (first == Token::BeginObject || first == Token::BeginArray)) {
        const qsizetype base = depth() - 1;
        while (depth() > base) {
            const Token t = next();
            if (t == Token::Invalid || t == Token::End) {
                ok = false;
                break;
            }
        }
    }
    m_decode = true;
    return ok;
}

} // namespace kommo::interchange

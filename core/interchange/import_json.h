// A pull reader of JSON tokens over a device, reading in chunks: the HAR importer's streaming parser.
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <vector>

namespace kommo::interchange {

class JsonPullReader
{
public:
    enum class Token
    {
        Invalid,
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Name,
        String,
        Number,
        Bool,
        Null,
        End
    };

    explicit JsonPullReader(QIODevice *device);
    explicit JsonPullReader(QByteArrayView data); // data must outlive the reader

    // The next token; Invalid on malformed input (error() says why), End after the top-level value.
    Token next();
    // A Name's or a String's decoded UTF-8 bytes; a Number's or a Bool's text. Valid until the next call.
    const QByteArray &text() const { return m_text; }
    // Skips the value that comes next (after a Name, or an array element); false on malformed input.
    bool skipValue();
    // The depth of open objects and arrays.
    qsizetype depth() const { return static_cast<qsizetype>(m_stack.size()); }

    QString error() const { return m_error; }
    // How many input bytes were consumed so far.
    qint64 offset() const { return m_consumed + m_pos; }

private:
    bool fill(qsizetype need);
    bool skipWhitespace();
    bool readString(bool decode);
    bool readNumber();
    bool readLiteral(const char *word);
    Token fail(const QString &message);
    Token valueDone(Token token);

    QIODevice *m_device = nullptr;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    bool m_eof = false;

    std::vector<char> m_stack; // '{' or '['
    bool m_expectValue = true; // the next token is a value (or, first in an array, its end)
    bool m_first = false;      // just after '{' or '['
    bool m_done = false;       // the top-level value is complete
    bool m_decode = true;      // false while skipping: strings are scanned, not decoded
    Token m_pending = Token::Invalid;
    QByteArray m_text;
    QString m_error;
};

} // namespace kommo::interchange

// A value or a message meant for a person: how functions in core report failure.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace kommo {

template<typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}

    static Result failure(QString message)
    {
        Result r;
        r.m_error = std::move(message);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }

    // Empty when ok(); otherwise a sentence that says what went wrong.
    const QString &error() const { return m_error; }

private:
    Result() = default;

    std::optional<T> m_value;
    QString m_error;
};

} // namespace kommo

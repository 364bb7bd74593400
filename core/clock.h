// Where "now" comes from: injected everywhere so that tests and reproductions can fix it.
#pragma once

#include <QDateTime>

namespace kommo {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock stopped at one instant, optionally moved later by hand.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime instant)
        : m_instant(std::move(instant))
    {}
    QDateTime now() const override { return m_instant; }
    void set(QDateTime instant) { m_instant = std::move(instant); }

private:
    QDateTime m_instant;
};

// The process-wide system clock.
const Clock &systemClock();

} // namespace kommo

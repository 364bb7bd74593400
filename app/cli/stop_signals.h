// SIGINT and SIGTERM as a Qt signal, for verbs that must stop cleanly (sandbox) or cancel (send).
#pragma once

#include <QObject>

#include <csignal>
#include <memory>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace kommo::cli {

// While one exists, SIGINT and SIGTERM only write a byte to a pipe (all a signal handler may safely do);
// the event loop reads it and emits received(). The previous handlers come back when it is destroyed.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    StopSignals();
    ~StopSignals() override;

    bool ok() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
};

} // namespace kommo::cli

#include "ui/first_paint.h"

#include <QEvent>
#include <QTimer>

namespace kommo::ui {
namespace {

const char paintedProperty[] = "kommo_first_frame_painted";

// Watches one window for its first paint event; a zero timer then runs the task, since the paint event is
// seen before the widgets have drawn and the frame has gone to the screen.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(QWidget *window, std::function<void()> task)
        : QObject(window)
        , m_task(std::move(task))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            watched->setProperty(paintedProperty, true);
            QTimer::singleShot(0, watched, std::move(m_task));
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_task;
};

} // namespace

void afterFirstPaint(QWidget *window, std::function<void()> task)
{
    if (window->property(paintedProperty).toBool())
        QTimer::singleShot(0, window, std::move(task));
    else
        new FirstPaintWatcher(window, std::move(task));
}

} // namespace kommo::ui

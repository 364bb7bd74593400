// Start-up work that the first frame does not need: run once the window's first frame is on screen.
#pragma once

#include <QWidget>

#include <functional>

namespace kommo::ui {

// Runs task once, one event-loop turn after window's first paint event (so after that frame is flushed);
// never if the window is destroyed before it paints. A window that has painted already runs it at the next
// turn of the event loop.
void afterFirstPaint(QWidget *window, std::function<void()> task);

} // namespace kommo::ui

// Sets a widget tab order from one list instead of a setTabOrder call per pair.
#pragma once

#include <QWidget>

#include <initializer_list>

namespace kommo::ui {

// Tab moves from each widget to the next in the list.
inline void setTabChain(std::initializer_list<QWidget *> chain)
{
    QWidget *previous = nullptr;
    for (QWidget *next : chain) {
        if (previous)
            QWidget::setTabOrder(previous, next);
        previous = next;
    }
}

} // namespace kommo::ui

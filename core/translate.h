// tr() for code outside QObject classes: one translation context per component.
#pragma once

#include <QCoreApplication>
#include <QString>

// Declares, in the current namespace, tr(text, disambiguation, n) translating in the given context.
#define KOMMO_DECLARE_TR(Context)                                                                            \
    [[maybe_unused]] inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)   \
    {                                                                                                        \
        return QCoreApplication::translate(Context, text, disambiguation, n);                                \
    }

// The places a request can go: the API's hosts, the built-in sandbox, or any base URL.
#pragma once

#include <QList>
#include <QString>

namespace kommo::ui {

enum class TargetKind
{
    Kommo,
    AmoCrmRu,
    AmoCrmCom,
    Sandbox,
    Custom
};

struct Target
{
    TargetKind kind;
    QString label;
    QString baseUrl; // empty for the sandbox (known once started) and custom
};

const QList<Target> &targets();

} // namespace kommo::ui

#include "ui/targets.h"

#include <QCoreApplication>

namespace kommo::ui {

const QList<Target> &targets()
{
    static const QList<Target> list = {
        {TargetKind::Kommo, QCoreApplication::translate("kommo::ui", "Kommo"),
         QStringLiteral("https://amojo.kommo.com")},
        {TargetKind::AmoCrmRu, QCoreApplication::translate("kommo::ui", "amoCRM (.ru)"),
         QStringLiteral("https://amojo.amocrm.ru")},
        {TargetKind::AmoCrmCom, QCoreApplication::translate("kommo::ui", "amoCRM (.com)"),
         QStringLiteral("https://amojo.amocrm.com")},
        {TargetKind::Sandbox, QCoreApplication::translate("kommo::ui", "Built-in sandbox"), QString()},
        {TargetKind::Custom, QCoreApplication::translate("kommo::ui", "Custom URL"), QString()},
    };
    return list;
}

} // namespace kommo::ui

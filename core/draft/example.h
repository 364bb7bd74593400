// The API page's cURL example (SPEC.md): what `--example` fills in. Its secret is public, from the page.
#pragma once

#include <QByteArray>
#include <QString>

namespace kommo::example {

inline const QString scopeId =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
inline const QString msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
inline constexpr int deliveryStatus = 2; // Read
// The page's own example secret, not a real channel's; printed on the public API page.
inline const QByteArray secret = QByteArrayLiteral("fb50586ff7b68cd831fe0ef356345903f644c0d2");

} // namespace kommo::example

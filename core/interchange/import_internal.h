// Helpers the importers share; not part of the interchange API.
#pragma once

#include "core/interchange/captured.h"

namespace kommo::interchange::detail {

// Fills scheme, host, target and url of request from an absolute URL ("https://host/path?q#f") or from a
// target alone ("/path?q"). The fragment is dropped: it never goes on the wire.
void applyUrl(CapturedRequest &request, QByteArrayView url);

Finding note(const char *id, const QString &message);

} // namespace kommo::interchange::detail

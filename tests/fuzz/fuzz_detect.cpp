// libFuzzer entry: input-kind detection on any first bytes, as verify, reproduce and the console call it.
#include "core/interchange/import.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace kommo;
    const QByteArrayView head(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)interchange::inputKindName(interchange::detectKind(head));
    (void)interchange::isChatApiPath(head);
    return 0;
}

// libFuzzer entry: the cURL command-line importer on any bytes (quoting, continuations, options).
#include "core/interchange/import.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace kommo;
    const QByteArrayView text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Result<CapturedRequest> r = interchange::parseCurl(text);
    if (r) {
        (void)r->path();
        (void)r->query();
        (void)r->header("X-Signature");
    }
    return 0;
}

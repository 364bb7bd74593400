// libFuzzer entry: the raw HTTP importer on any bytes. It must return a request or an error, never crash.
#include "core/interchange/import.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace kommo;
    const QByteArrayView text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Result<CapturedRequest> r = interchange::parseRawHttp(text);
    if (r) {
        // The accessors read what the importer stored; exercise them too.
        (void)r->path();
        (void)r->query();
        (void)r->header("Content-MD5");
        (void)r->headerCount("Date");
    }
    return 0;
}

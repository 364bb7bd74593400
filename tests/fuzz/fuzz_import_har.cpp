// libFuzzer entry: the streaming HAR reader over a QBuffer, reading every entry until the end or an error.
#include "core/interchange/import.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace kommo;
    QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    interchange::HarReader reader(&buffer);
    CapturedRequest request;
    qsizetype read = 0;
    while (reader.next(request)) {
        ++read;
        (void)request.path();
    }
    // Each request the reader returns is an entry it saw: a count below would mean lost bookkeeping.
    if (read + reader.entriesSkipped() > reader.entriesSeen())
        __builtin_trap();
    (void)reader.error();
    return 0;
}

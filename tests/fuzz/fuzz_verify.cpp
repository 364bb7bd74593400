// libFuzzer entry: what `kommo-status verify` does with a file: detect the kind, import, verify every request
// with a fixed secret and a fixed "now", so that failing values run the cause search.
#include "core/diagnosis/verify.h"
#include "core/interchange/import.h"

#include <QBuffer>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

namespace {

kommo::diagnosis::VerifyOptions fixedOptions()
{
    kommo::diagnosis::VerifyOptions options;
    // The API page's example secret (tests/data/signing.json), so that seeds exported from the vectors pass
    // and mutated ones fail in ways a cause may explain.
    options.secret = QByteArray("fb50586ff7b68cd831fe0ef356345903f644c0d2");
    options.now = QDateTime(QDate(2022, 12, 12), QTime(10, 31), QTimeZone::utc());
    return options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace kommo;
    static const diagnosis::VerifyOptions options = fixedOptions();
    QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // The CLI detects from the first 64 KiB, as here.
    const interchange::InputKind kind =
        interchange::detectKind(QByteArrayView(bytes).first(qMin<qsizetype>(bytes.size(), 64 * 1024)));
    switch (kind) {
    case interchange::InputKind::Har: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        interchange::HarReader reader(&buffer);
        CapturedRequest request;
        while (reader.next(request))
            (void)diagnosis::verify(request, options).ok();
        break;
    }
    case interchange::InputKind::Curl:
    case interchange::InputKind::RawHttp: {
        const Result<CapturedRequest> r = kind == interchange::InputKind::Curl
                                              ? interchange::parseCurl(bytes)
                                              : interchange::parseRawHttp(bytes);
        if (r)
            (void)diagnosis::verify(*r, options).ok();
        break;
    }
    case interchange::InputKind::Unknown:
        break;
    }
    return 0;
}

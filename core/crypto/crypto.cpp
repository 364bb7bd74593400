// OpenSSL stays inside this file: callers see QByteArray and Result only.
#include "core/crypto/crypto.h"

#include "core/translate.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>

Q_LOGGING_CATEGORY(lcCrypto, "kommo.core.crypto")

namespace kommo::crypto {
namespace {

KOMMO_DECLARE_TR("kommo::crypto")

// The text of OpenSSL's most recent error, for a message a person can report.
QString lastOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return tr("no detail from OpenSSL");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

template<typename T> Result<T> fail(const char *what)
{
    const QString message = tr("%1 failed: %2").arg(QLatin1String(what), lastOpenSslError());
    qCWarning(lcCrypto) << message;
    return Result<T>::failure(message);
}

// Fetched once: fetching an algorithm is far more costly than using it.
const EVP_MD *md5Algorithm()
{
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "MD5", nullptr),
                                                                    &EVP_MD_free);
    return md.get();
}

EVP_MAC *hmacAlgorithm()
{
    static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(
        EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
    return mac.get();
}

} // namespace

Result<QByteArray> md5(QByteArrayView data)
{
    const EVP_MD *algorithm = md5Algorithm();
    if (!algorithm)
        return fail<QByteArray>("Loading MD5");

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), digest, &length, algorithm, nullptr) != 1)
        return fail<QByteArray>("MD5");
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length));
}

Result<QByteArray> hmacSha1(QByteArrayView key, QByteArrayView data)
{
    EVP_MAC *algorithm = hmacAlgorithm();
    if (!algorithm)
        return fail<QByteArray>("Loading HMAC");

    // One context per thread, re-keyed on every call: creating a context costs as much as the MAC itself.
    using Context = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;
    thread_local Context context(nullptr, &EVP_MAC_CTX_free);
    if (!context) {
        context.reset(EVP_MAC_CTX_new(algorithm));
        if (!context)
            return fail<QByteArray>("Creating the HMAC context");
        char digestName[] = "SHA1";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
            OSSL_PARAM_construct_end(),
        };
        if (EVP_MAC_CTX_set_params(context.get(), params) != 1) {
            context.reset();
            return fail<QByteArray>("Choosing SHA1 for HMAC");
        }
    }

    // A null key pointer means "keep the previous key" to OpenSSL, so an empty key still gets a real address.
    static const unsigned char emptyKey[1] = {0};
    const auto *keyBytes = key.isEmpty() ? emptyKey : reinterpret_cast<const unsigned char *>(key.data());
    if (EVP_MAC_init(context.get(), keyBytes, static_cast<size_t>(key.size()), nullptr) != 1)
        return fail<QByteArray>("HMAC-SHA1 key set-up");
    if (EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<size_t>(data.size())) != 1)
        return fail<QByteArray>("HMAC-SHA1");

    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (EVP_MAC_final(context.get(), mac, &length, sizeof mac) != 1)
        return fail<QByteArray>("HMAC-SHA1 finish");
    return QByteArray(reinterpret_cast<const char *>(mac), static_cast<qsizetype>(length));
}

Result<QByteArray> md5Hex(QByteArrayView data)
{
    Result<QByteArray> digest = md5(data);
    if (!digest)
        return digest;
    return digest->toHex();
}

Result<QByteArray> hmacSha1Hex(QByteArrayView key, QByteArrayView data)
{
    Result<QByteArray> mac = hmacSha1(key, data);
    if (!mac)
        return mac;
    return mac->toHex();
}

} // namespace kommo::crypto

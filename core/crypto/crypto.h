// MD5 and HMAC-SHA1 for the Chat API signature, through OpenSSL 3's EVP interface.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace kommo::crypto {

// Raw 16-byte MD5 digest of data.
Result<QByteArray> md5(QByteArrayView data);

// Raw 20-byte HMAC-SHA1 of data keyed with key (an empty key is allowed).
Result<QByteArray> hmacSha1(QByteArrayView key, QByteArrayView data);

// The same, as lowercase hex: the form the API's headers carry.
Result<QByteArray> md5Hex(QByteArrayView data);
Result<QByteArray> hmacSha1Hex(QByteArrayView key, QByteArrayView data);

} // namespace kommo::crypto

// MD5 and HMAC-SHA1 against published test vectors (RFC 1321, RFC 2202) and edge cases.
#include "core/crypto/crypto.h"

#include <QTest>

using namespace kommo;

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void md5_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray() << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
        QTest::newRow("a") << QByteArray("a") << QByteArray("0cc175b9c0f1b6a831c399e269772661");
        QTest::newRow("abc") << QByteArray("abc") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
        QTest::newRow("digits")
            << QByteArray("12345678901234567890123456789012345678901234567890123456789012345678901234567890")
            << QByteArray("57edf4a22be3c955ac49da2e2107b67a");
    }

    void md5()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        const Result<QByteArray> digest = crypto::md5Hex(input);
        QVERIFY(digest.ok());
        QCOMPARE(*digest, hex);
        QCOMPARE(crypto::md5(input)->size(), 16);
    }

    void hmacSha1_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("rfc2202-1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                   << QByteArray("b617318655057264e28bc0b6fb378c8ef146be00");
        QTest::newRow("rfc2202-2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                   << QByteArray("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        QTest::newRow("rfc2202-6-long-key")
            << QByteArray(80, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("aa4ae5e15272d00e95705637ce8a3b55ed402112");
        // Checked with: printf '' | openssl dgst -sha1 -hmac '' -> fbdb1d1b18aa6c08324b7d64b71fb76370690e1d
        QTest::newRow("empty-key-empty-data")
            << QByteArray() << QByteArray() << QByteArray("fbdb1d1b18aa6c08324b7d64b71fb76370690e1d");
    }

    void hmacSha1()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, hex);
        const Result<QByteArray> mac = crypto::hmacSha1Hex(key, data);
        QVERIFY2(mac.ok(), qPrintable(mac.error()));
        QCOMPARE(*mac, hex);
        QCOMPARE(crypto::hmacSha1(key, data)->size(), 20);
    }

    void keysDoNotLeakBetweenCalls()
    {
        // A context is never reused: a call with another key gives that key's answer, in any order.
        const QByteArray a = *crypto::hmacSha1Hex("key-a", "data");
        const QByteArray b = *crypto::hmacSha1Hex("key-b", "data");
        QVERIFY(a != b);
        QCOMPARE(*crypto::hmacSha1Hex("key-a", "data"), a);
        QCOMPARE(*crypto::hmacSha1Hex("", "data"), *crypto::hmacSha1Hex("", "data"));
        QVERIFY(*crypto::hmacSha1Hex("", "data") != a);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"

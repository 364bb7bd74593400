// The cost of one recompute (body, Content-MD5, string to sign, X-Signature, raw request, findings)
// against the floor measured in the same run: one bare EVP MD5 plus one HMAC-SHA1 of the same bytes.
#include "core/delivery/delivery.h"
#include "core/signing/signing.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kommo;

namespace {

volatile std::size_t sink = 0; // keeps the optimizer from dropping the work

// The floor: what any signer must do at least, with algorithms fetched once as a careful caller would.
void floorOnce(const QByteArray &body, const QByteArray &key, const QByteArray &stringToSign, EVP_MD *md,
               EVP_MAC *mac)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    EVP_Digest(body.constData(), static_cast<size_t>(body.size()), digest, &digestLength, md, nullptr);
    EVP_MAC_CTX *context = EVP_MAC_CTX_new(mac);
    char digestName[] = "SHA1";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
                                 OSSL_PARAM_construct_end()};
    EVP_MAC_init(context, reinterpret_cast<const unsigned char *>(key.constData()),
                 static_cast<size_t>(key.size()), params);
    EVP_MAC_update(context, reinterpret_cast<const unsigned char *>(stringToSign.constData()),
                   static_cast<size_t>(stringToSign.size()));
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outLength = 0;
    EVP_MAC_final(context, out, &outLength, sizeof out);
    EVP_MAC_CTX_free(context);
    sink = sink + digestLength + outLength + out[0];
}

template<typename F> double medianNanoseconds(F &&work, int batches, int perBatch)
{
    std::vector<double> samples;
    samples.reserve(static_cast<size_t>(batches));
    for (int b = 0; b < batches; ++b) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < perBatch; ++i)
            work();
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / perBatch);
    }
    std::nth_element(samples.begin(), samples.begin() + static_cast<long>(samples.size() / 2), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int batches = 51;
    const int perBatch = 2000;

    delivery::Form form;
    form.scopeId =
        QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
    form.msgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
    form.deliveryStatus = -1;
    form.errorCode = 905;
    form.errorText = QStringLiteral("Número não registrado");
    const QByteArray secret = "fb50586ff7b68cd831fe0ef356345903f644c0d2";
    const QByteArray date = "Mon, 12 Dec 2022 10:30:00 +0000";
    const QDateTime now = QDateTime(QDate(2022, 12, 12), QTime(10, 31), Qt::UTC);

    RequestSpec sample = formRequest(form);
    sample.date = date;
    const SignedRequest reference = sign(sample, secret, now);

    EVP_MD *md = EVP_MD_fetch(nullptr, "MD5", nullptr);
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);

    // The three are interleaved, round after round, so that all see the same machine load.
    std::vector<double> renderRatios;
    std::vector<double> signRatios;
    for (int round = 0; round < 5; ++round) {
        const double floorNs = medianNanoseconds(
            [&] { floorOnce(reference.spec.body, secret, reference.stringToSign, md, mac); }, batches,
            perBatch);
        // One recompute as the issue counts it: body, MD5, string to sign, signature, raw request.
        const double renderNs = medianNanoseconds(
            [&] {
                RequestSpec spec = formRequest(form);
                spec.date = date;
                const SignedRequest r = render(spec, secret);
                sink = sink + static_cast<std::size_t>(r.rawRequest.size());
            },
            batches, perBatch);
        // The same plus every validation rule (what the console runs on each keystroke).
        const double signNs = medianNanoseconds(
            [&] {
                RequestSpec spec = formRequest(form);
                spec.date = date;
                const SignedRequest r = sign(spec, secret, now);
                sink = sink + static_cast<std::size_t>(r.rawRequest.size() + r.findings.size());
            },
            batches, perBatch / 4);
        renderRatios.push_back(renderNs / floorNs);
        signRatios.push_back(signNs / floorNs);
        std::printf("round %d: floor %.0f ns, recompute %.0f ns (x%.2f), recompute+rules %.0f ns (x%.2f)\n",
                    round + 1, floorNs, renderNs, renderNs / floorNs, signNs, signNs / floorNs);
    }
    std::sort(renderRatios.begin(), renderRatios.end());
    std::sort(signRatios.begin(), signRatios.end());
    std::printf("bench_sign: median ratio recompute/floor = %.2f (goal <= 3.00)\n", renderRatios[2]);
    std::printf("bench_sign: median ratio recompute+rules/floor = %.2f (no goal; shown for honesty)\n",
                signRatios[2]);

    EVP_MAC_free(mac);
    EVP_MD_free(md);
    return 0;
}

// Median latency of one send to the sandbox over a kept-alive connection, against curl sending the same
// precomputed request N times in one process over one connection, to the same sandbox in the same run.
#include "core/sandbox/sandbox.h"
#include "core/signing/httpdate.h"
#include "core/transport/transport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kommo;

namespace {

constexpr int perRound = 200;
constexpr int rounds = 5;

double median(std::vector<double> values)
{
    std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2), values.end());
    return values[values.size() / 2];
}

// Our transport: N sequential sends of one signed request; QNetworkAccessManager keeps the connection alive.
std::vector<double> ours(Transport &transport, const SignedRequest &request, int count)
{
    std::vector<double> micros;
    micros.reserve(static_cast<size_t>(count));
    QEventLoop loop;
    int status = 0;
    const QMetaObject::Connection c =
        QObject::connect(&transport, &Transport::finished, &loop, [&](const Exchange &e) {
            status = e.status;
            loop.quit();
        });
    for (int i = 0; i < count; ++i) {
        QElapsedTimer timer;
        timer.start();
        transport.send(request);
        loop.exec();
        micros.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0);
        if (status != 200)
            qFatal("the sandbox answered %d", status);
    }
    QObject::disconnect(c);
    return micros;
}

// curl: one process, the same URL N times (one connection, reused), time_total of each transfer.
std::vector<double> curl(const SignedRequest &request, const QString &bodyFile, int count)
{
    QStringList args = {QStringLiteral("--silent"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                        QStringLiteral("--write-out"), QStringLiteral("%{http_code} %{time_total}\\n")};
    for (const char *name : {"Date", "Content-Type", "Content-MD5", "X-Signature"})
        args << QStringLiteral("--header")
             << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(request.header(name));
    args << QStringLiteral("--data-binary") << u'@' + bodyFile;
    for (int i = 0; i < count; ++i)
        args << QStringLiteral("--output") << QStringLiteral("/dev/null") << request.url.toString();
    QProcess process;
    process.start(QStringLiteral("/usr/bin/curl"), args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        qFatal("curl failed: %s", process.readAllStandardError().constData());
    std::vector<double> micros;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 2)
            continue;
        if (parts[0] != "200")
            qFatal("the sandbox answered curl with %s", parts[0].constData());
        micros.push_back(parts[1].toDouble() * 1e6);
    }
    if (static_cast<int>(micros.size()) != count)
        qFatal("curl reported %d transfers, not %d", static_cast<int>(micros.size()), count);
    return micros;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString scope =
        QStringLiteral("11111111-1111-4111-8111-111111111111_22222222-2222-4222-8222-222222222222");
    const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";
    const QDateTime date(QDate(2026, 12, 3), QTime(10, 0), QTimeZone::utc());

    // The sandbox serves from a thread of its own, so neither client shares an event loop with it.
    QThread serverThread;
    QObject context;
    context.moveToThread(&serverThread);
    serverThread.start();
    sandbox::Sandbox *box = nullptr;
    QUrl url;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            box = new sandbox::Sandbox;
            box->addChannel(scope, secret);
            box->setFixedNow(date);
            if (!box->start(0).ok())
                qFatal("the sandbox cannot start");
            url = box->url();
        },
        Qt::BlockingQueuedConnection);

    RequestSpec spec = formRequest(delivery::Form{
        scope, QStringLiteral("33333333-3333-4333-8333-333333333333"), 2, std::nullopt, std::nullopt});
    spec.baseUrl = url.toString();
    spec.date = httpdate::format(date);
    const SignedRequest request = sign(spec, secret, date);

    QTemporaryDir dir;
    const QString bodyFile = dir.filePath(QStringLiteral("body.json"));
    QFile file(bodyFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(spec.body) != spec.body.size())
        qFatal("cannot write the body");
    file.close();

    Transport transport;
    TransportOptions options;
    options.proxyMode = ProxyMode::None;
    transport.setOptions(options);
    ours(transport, request, 20); // warm-up: connection open, code paged in
    curl(request, bodyFile, 20);

    std::vector<double> ourMedians, curlMedians, ratios;
    for (int r = 0; r < rounds; ++r) {
        const double o = median(ours(transport, request, perRound));
        const double c = median(curl(request, bodyFile, perRound));
        ourMedians.push_back(o);
        curlMedians.push_back(c);
        ratios.push_back(o / c);
        std::printf("round %d: kommo Transport %.1f us, curl %.1f us, ratio %.2f\n", r + 1, o, c, o / c);
    }
    std::printf("\nmedian of %d rounds of %d sends each (one kept-alive connection each):\n", rounds,
                perRound);
    std::printf("  curl (baseline)      %8.1f us\n", median(curlMedians));
    std::printf("  kommo::Transport     %8.1f us\n", median(ourMedians));
    std::printf("  ratio (ours / curl)  %8.2f   (goal: at most 1.00)\n", median(ratios));

    QMetaObject::invokeMethod(
        &context, [&] { delete box; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}

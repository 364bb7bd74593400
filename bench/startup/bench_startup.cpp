// Time from process start to the first painted window, kommo-status-console --example against a bare Qt
// window program built in the same tree, both in the same run on the same display; and idle memory of each.
// Run it under a display, e.g. `xvfb-run -a build-bench/bench/startup/bench_startup`.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample
{
    double paintedMs = -1;
    double rssKb = -1;
};

// Starts program, waits for its "painted" line (the wall time from start to that line), then for its idle
// memory line and its exit.
Sample runOnce(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(QProcess::nullDevice());
    Sample sample;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray out;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(50);
        out += process.readAllStandardOutput();
        if (sample.paintedMs < 0 && out.contains("painted\n"))
            sample.paintedMs = double(timer.nsecsElapsed()) / 1e6;
        if (timer.elapsed() > 30000) {
            process.kill();
            process.waitForFinished();
            break;
        }
    }
    const qsizetype at = out.indexOf("rss_kb ");
    if (at >= 0)
        sample.rssKb = out.mid(at + 7, out.indexOf('\n', at) - at - 7).trimmed().toDouble();
    return sample;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::fprintf(stderr, "bench_startup: no display; run it as `xvfb-run -a %s`\n", argv[0]);
        return 2;
    }
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    const QString gui = QStringLiteral(KOMMO_GUI);
    const QString bare = QStringLiteral(KOMMO_BARE_WINDOW);
    const QStringList guiArguments = {QStringLiteral("--example"), QStringLiteral("--size"),
                                      QStringLiteral("1024x700"), QStringLiteral("--startup-probe")};

    // One warm-up each (page cache, fontconfig cache), then interleaved rounds.
    runOnce(bare, {});
    runOnce(gui, guiArguments);
    std::vector<double> bareMs, guiMs, bareRss, guiRss, ratios;
    for (int i = 0; i < rounds; ++i) {
        const Sample b = runOnce(bare, {});
        const Sample g = runOnce(gui, guiArguments);
        if (b.paintedMs < 0 || g.paintedMs < 0) {
            std::fprintf(stderr, "bench_startup: a program did not paint (round %d)\n", i);
            return 1;
        }
        bareMs.push_back(b.paintedMs);
        guiMs.push_back(g.paintedMs);
        bareRss.push_back(b.rssKb);
        guiRss.push_back(g.rssKb);
        ratios.push_back(g.paintedMs / b.paintedMs);
    }
    std::printf("rounds: %d (interleaved, after one warm-up each)\n", rounds);
    std::printf("start to first paint, bare Qt window:              median %.1f ms\n", median(bareMs));
    std::printf("start to first paint, kommo-status-console --example: median %.1f ms\n", median(guiMs));
    std::printf("ratio (median of per-round ratios): %.2f  (goal <= 1.30)\n", median(ratios));
    std::printf("idle RSS after 1 s, bare window: %.0f KiB; console: %.0f KiB; ratio %.2f\n", median(bareRss),
                median(guiRss), median(guiRss) / median(bareRss));
    return 0;
}

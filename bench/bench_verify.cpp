// Batch verification of a large HAR: `kommo-status verify` against the team's Python baseline, same file,
// same run. Prints requests per second, peak memory (ru_maxrss of each child) and the ratio, for two HAR
// sizes.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>
#include <vector>

extern char **environ;

namespace {

struct Run
{
    int exitCode = -1;
    double seconds = 0;
    long peakKiB = 0;
};

// Runs a program with its output sent to /dev/null and returns its wall time and peak resident memory.
Run run(const QStringList &command)
{
    std::vector<QByteArray> storage;
    for (const QString &part : command)
        storage.push_back(part.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    Run result;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.peakKiB = usage.ru_maxrss;
    posix_spawn_file_actions_destroy(&actions);
    return result;
}

QString firstExisting(const QStringList &candidates)
{
    for (const QString &c : candidates) {
        if (QFileInfo::exists(c))
            return QFileInfo(c).canonicalFilePath();
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString here = QCoreApplication::applicationDirPath();
    const QString env = qEnvironmentVariable("KOMMO_BENCH_BASELINES");
    const QString baselines = firstExisting(
        {env, here + QStringLiteral("/../../../shared/bench"), QStringLiteral("/work/shared/bench")});
    const QString cli = firstExisting({here + QStringLiteral("/../app/kommo-status")});
    if (baselines.isEmpty() || cli.isEmpty()) {
        std::fprintf(stderr,
                     "bench_verify: cannot find shared/bench (set KOMMO_BENCH_BASELINES) or kommo-status\n");
        return 2;
    }
    QTemporaryDir dir;
    const QStringList sizes = app.arguments().size() > 1
                                  ? app.arguments().mid(1)
                                  : QStringList{QStringLiteral("20000"), QStringLiteral("100000")};

    std::printf("HAR batch verification: kommo-status verify vs py_verify.py (same file, same run)\n");
    std::printf("%9s %9s | %8s %10s %9s | %8s %10s %9s | %6s\n", "entries", "HAR MiB", "ours s", "req/s",
                "peak MiB", "py s", "req/s", "peak MiB", "ratio");
    for (const QString &size : sizes) {
        const QString har = dir.filePath(QStringLiteral("bench-%1.har").arg(size));
        const QString secret = dir.filePath(QStringLiteral("secret-%1.txt").arg(size));
        const Run made =
            run({QStringLiteral("python3"), baselines + QStringLiteral("/make_har.py"), size, har, secret});
        if (made.exitCode != 0) {
            std::fprintf(stderr, "bench_verify: make_har.py failed\n");
            return 1;
        }
        const double n = size.toDouble();
        const double mib = static_cast<double>(QFileInfo(har).size()) / (1024.0 * 1024.0);
        // Best of three for each, interleaved, since the machine is shared.
        Run ours;
        Run python;
        for (int round = 0; round < 3; ++round) {
            const Run o = run({cli, QStringLiteral("verify"), QStringLiteral("--secret-file"), secret, har});
            const Run p =
                run({QStringLiteral("python3"), baselines + QStringLiteral("/py_verify.py"), har, secret});
            if (o.exitCode < 0 || o.exitCode > 1 || p.exitCode != 0) {
                std::fprintf(stderr, "bench_verify: a verifier failed (exit %d / %d)\n", o.exitCode,
                             p.exitCode);
                return 1;
            }
            if (round == 0 || o.seconds < ours.seconds)
                ours = o;
            if (round == 0 || p.seconds < python.seconds)
                python = p;
        }
        std::printf("%9.0f %9.1f | %8.3f %10.0f %9.1f | %8.3f %10.0f %9.1f | %5.2fx\n", n, mib, ours.seconds,
                    n / ours.seconds, ours.peakKiB / 1024.0, python.seconds, n / python.seconds,
                    python.peakKiB / 1024.0, python.seconds / ours.seconds);
        QFile::remove(har);
    }
    std::printf("ratio = Python seconds / kommo-status seconds (best of 3 each); goal: 10x\n");
    return 0;
}

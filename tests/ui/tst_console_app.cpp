// The kommo-status-console executable as a real process: help without a display, the no-display message, and
// the main job's picture (--example --send --screenshot) with a 200 from the sandbox.
#include "testsupport.h"

#include <QImage>
#include <QTemporaryDir>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runGui(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KOMMO_GUI), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        qFatal("the console did not run");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    return env;
}

} // namespace

class TestConsoleApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionNeedNoDisplay()
    {
        const Run help = runGui({QStringLiteral("--help")}, withoutDisplay());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--example"));
        QVERIFY(help.out.contains("--screenshot"));
        const Run version = runGui({QStringLiteral("--version")}, withoutDisplay());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("kommo-status-console " KOMMO_VERSION));
    }

    void noDisplaySaysSo()
    {
        const Run run = runGui({QStringLiteral("--example")}, withoutDisplay());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no display"), run.err.constData());
        QVERIFY(run.err.contains("xvfb-run"));
    }

    void badOptionsAreUsageErrors()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QCOMPARE(runGui({QStringLiteral("--palette"), QStringLiteral("purple")}, env).exitCode, 2);
        QCOMPARE(runGui({QStringLiteral("--size"), QStringLiteral("big")}, env).exitCode, 2);
    }

    // The main job: the filled window with a 200 from the in-process sandbox, saved as a picture.
    void exampleSendScreenshot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kommo.ui.send.info=true"));
        const Run run =
            runGui({QStringLiteral("--example"), QStringLiteral("--send"), QStringLiteral("--screenshot"),
                    shot, QStringLiteral("--size"), QStringLiteral("1024x700"), QStringLiteral("--palette"),
                    QStringLiteral("dark")},
                   env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The send controller logs each exchange's status (never the secret).
        QVERIFY2(run.err.contains(" 200 "), run.err.constData());
        QVERIFY(!run.err.contains("fb50586ff7b68cd831fe0ef356345903f644c0d2"));
        QImage image;
        QVERIFY(image.load(shot));
        QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1024, 700));
        // A screenshot run writes no settings.
        QVERIFY(
            !QFile::exists(dir.filePath(QStringLiteral("config/kommo-status/kommo-status-console.conf"))));
    }
};

QTEST_GUILESS_MAIN(TestConsoleApp)
#include "tst_console_app.moc"

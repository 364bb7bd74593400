// kommo-status-console: parses its arguments first (so --help and --version need no display), then opens the
// console window.
#include "core/crypto/crypto.h"
#include "ui/capture_input.h"
#include "ui/capture_tools.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/verify_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>
#include <thread>

#ifdef KOMMO_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

Q_LOGGING_CATEGORY(lcGui, "kommo.app.gui")

namespace {

constexpr int exitUsage = 2;

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("kommo::gui", text);
}

// Qt's own platform option on the command line (-platform NAME or --platform=NAME).
bool hasPlatformArgument(const QStringList &arguments)
{
    return std::any_of(arguments.begin(), arguments.end(), [](const QString &a) {
        return a == u"-platform" || a == u"--platform" || a.startsWith(u"-platform=") ||
               a.startsWith(u"--platform=");
    });
}

// On the first paint of the watched window: prints "painted", then after a second of idling the resident
// memory, and quits (for bench/startup).
class StartupProbe : public QObject
{
public:
    explicit StartupProbe(const QElapsedTimer &startup)
        : m_startup(startup)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            qCDebug(lcGui) << "startup: first paint event" << m_startup.nsecsElapsed() / 1000 << "us";
            QTimer::singleShot(0, this, [this] {
                qCDebug(lcGui) << "startup: painted" << m_startup.nsecsElapsed() / 1000 << "us";
                print(stdout, QStringLiteral("painted\n"));
                QTimer::singleShot(1000, [] {
                    QFile status(QStringLiteral("/proc/self/status"));
                    if (status.open(QIODevice::ReadOnly)) {
                        const QByteArray text = status.readAll();
                        const qsizetype at = text.indexOf("VmRSS:");
                        print(stdout,
                              QStringLiteral("rss_kb %1\n")
                                  .arg(QString::fromLatin1(text.mid(at + 6, text.indexOf('\n', at) - at - 6))
                                           .remove(QStringLiteral("kB"))
                                           .trimmed()));
                    }
                    QCoreApplication::quit();
                });
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_startup;
    bool m_painted = false;
};

} // namespace

int main(int argc, char **argv)
{
    // Startup checkpoints (QT_LOGGING_RULES="kommo.app.gui.debug=true"): where the time to the first paint
    // goes.
    QElapsedTimer startup;
    startup.start();
    QCoreApplication::setOrganizationName(QStringLiteral("kommo-status"));
    QCoreApplication::setApplicationName(QStringLiteral("kommo-status-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOMMO_VERSION));

    // 1. Arguments, before any QApplication exists.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "The desktop console for Kommo Chat API delivery-status updates: enter a channel secret, scope_id, "
        "msgid and status; see the body, Content-MD5, string to sign, X-Signature and raw request live; "
        "send to Kommo, amoCRM or the built-in sandbox."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Show the version and exit."));
    const QCommandLineOption exampleOption(
        QStringLiteral("example"), tr("Fill in the API page's cURL example (status Read) and choose the "
                                      "built-in sandbox. Never touches the keychain."));
    const QCommandLineOption sendOption(QStringLiteral("send"),
                                        tr("Send the request once the window is up."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              tr("Save the window as a PNG once it is loaded (with --send, "
                                                 "once the response has arrived) and exit. "
                                                 "The secret is masked in the picture."),
                                              tr("FILE"));
    const QCommandLineOption paletteOption(QStringLiteral("palette"), tr("light, dark or system."),
                                           tr("NAME"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), tr("The window size, e.g. 1024x700."),
                                        tr("WxH"));
    QCommandLineOption probeOption(
        QStringLiteral("startup-probe"),
        tr("Print \"painted\" at the first paint, then the idle memory, and exit."));
    probeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {help, version, exampleOption, sendOption, screenshotOption, paletteOption, sizeOption, probeOption});
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
                                          tr("Open the Verify view on a captured request (raw HTTP, a cURL "
                                             "command or a HAR) once the window is up; with --screenshot "
                                             "the picture is of the view."),
                                          tr("FILE"));
    parser.addOption(verifyOption);
    // Qt's own options (-platform, -style...) are accepted and passed on to QApplication.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QCommandLineOption platformOption(QStringLiteral("platform"), QString(), QStringLiteral("name"));
    platformOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(platformOption);
    if (!parser.parse(arguments)) {
        print(stderr, QStringLiteral("kommo-status-console: %1\n").arg(parser.errorText()));
        return exitUsage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: kommo-status-console"));
        print(stdout, text);
        return 0;
    }
    if (parser.isSet(version)) {
        print(stdout, QStringLiteral("kommo-status-console %1\n").arg(QStringLiteral(KOMMO_VERSION)));
        return 0;
    }
    std::optional<kommo::ui::PaletteChoice> palette;
    if (parser.isSet(paletteOption)) {
        palette = kommo::ui::parsePalette(parser.value(paletteOption));
        if (!palette) {
            print(stderr, tr("kommo-status-console: --palette takes light, dark or system, not \"%1\".\n")
                              .arg(parser.value(paletteOption)));
            return exitUsage;
        }
    }
    QSize size;
    if (parser.isSet(sizeOption)) {
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$")).match(parser.value(sizeOption));
        if (!m.hasMatch()) {
            print(stderr, tr("kommo-status-console: --size takes WIDTHxHEIGHT, e.g. 1024x700.\n"));
            return exitUsage;
        }
        size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }

    // 2. A display: without one (and without a platform chosen) QApplication would abort.
    if (!hasPlatformArgument(arguments) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        print(stderr,
              tr("kommo-status-console: no display (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                 "Run it under a desktop session, under `xvfb-run -a kommo-status-console ...`, or with "
                 "QT_QPA_PLATFORM=offscreen together with --screenshot FILE.\n"
                 "The command-line twin `kommo-status` needs no display.\n"));
        return exitUsage;
    }

    // 3. The window. Debug output stays off unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("kommo.*.debug=false"));
    // Start-up work that the first frame needs but the GUI thread does not have to do runs on another core
    // meanwhile (see docs/benchmarks.md): fontconfig's configuration and font list, the largest single cost
    // of any Qt window's start, overlaps QApplication's connection to the display; OpenSSL's MD5 and
    // HMAC-SHA1 are fetched for the first signature.
    std::thread warmUp([] {
#ifdef KOMMO_HAVE_FONTCONFIG
        FcInit();
#endif
        (void)kommo::crypto::md5(QByteArrayView());
        (void)kommo::crypto::hmacSha1(QByteArrayView(), QByteArrayView());
    });
    QApplication app(argc, argv);
    // Qt's font database initialises fontconfig itself on the first text: ours must be done by then.
    warmUp.join();
    qCDebug(lcGui) << "startup: QApplication" << startup.nsecsElapsed() / 1000 << "us";
    // The TLS back end (a plugin and OpenSSL's SSL library) is needed by the in-process sandbox's HTTP
    // server and by any https target; it loads beside the window's construction (Qt guards it with a mutex).
    QThreadPool::globalInstance()->start([] {
        // The image-format plugins, which the toolbar's first icons look through.
        (void)QImageReader::supportedImageFormats();
        if (QSslSocket::supportsSsl())
            (void)QSslConfiguration::defaultConfiguration();
    });
    const QString screenshot = parser.value(screenshotOption);
    const bool probe = parser.isSet(probeOption);
    kommo::ui::MainWindowOptions options;
    options.useSettings = screenshot.isEmpty() && !probe;
    kommo::ui::MainWindow window(options);
    qCDebug(lcGui) << "startup: window built" << startup.nsecsElapsed() / 1000 << "us";
    if (palette)
        window.setPaletteChoice(*palette, false);
    if (size.isValid())
        window.resize(size);
    if (parser.isSet(exampleOption))
        window.loadExample();
    qCDebug(lcGui) << "startup: example loaded" << startup.nsecsElapsed() / 1000 << "us";

    StartupProbe startupProbe(startup);
    if (probe)
        window.installEventFilter(&startupProbe);
    window.show();
    qCDebug(lcGui) << "startup: shown" << startup.nsecsElapsed() / 1000 << "us";
    QTimer::singleShot(0, &window, [&startup] {
        qCDebug(lcGui) << "startup: first event-loop turn" << startup.nsecsElapsed() / 1000 << "us";
    });

    // --verify: the Verify view, made only when asked for, on the file's exact bytes.
    QWidget *verifyView = nullptr;
    if (parser.isSet(verifyOption)) {
        kommo::ui::VerifyView *view = window.captureTools()->verifyView();
        if (!view->input()->openFile(parser.value(verifyOption))) {
            print(stderr, QStringLiteral("kommo-status-console: %1\n").arg(view->input()->error()));
            return exitUsage;
        }
        if (size.isValid())
            view->resize(std::min(size.width() - 40, 1200), std::min(size.height() - 40, 820));
        window.captureTools()->showVerify();
        verifyView = view;
    }

    int status = 0;
    if (!screenshot.isEmpty()) {
        const auto shoot = [&] {
            // One more turn of the event loop so that the last change is laid out and painted.
            QTimer::singleShot(150, &window, [&] {
                const QImage picture = verifyView ? verifyView->grab().toImage() : window.capture();
                if (!picture.save(screenshot, "PNG")) {
                    print(stderr,
                          tr("kommo-status-console: cannot write the screenshot %1\n").arg(screenshot));
                    status = 1;
                } else {
                    qCInfo(lcGui) << "screenshot saved to" << screenshot;
                }
                QCoreApplication::exit(status);
            });
        };
        if (parser.isSet(sendOption)) {
            QObject::connect(&window, &kommo::ui::MainWindow::exchangeShown, &window, shoot);
            // A safety net: a picture of whatever is there after 20 s, and a failing exit status.
            QTimer::singleShot(20000, &window, [&] {
                print(stderr,
                      tr("kommo-status-console: no response within 20 s; saving the window as it is.\n"));
                status = 3;
                shoot();
            });
        } else {
            QTimer::singleShot(0, &window, shoot);
        }
    }
    if (parser.isSet(sendOption))
        QTimer::singleShot(0, &window, &kommo::ui::MainWindow::send);
    const int code = app.exec();
    return status != 0 ? status : code;
}

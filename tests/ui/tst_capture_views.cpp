// Verify, Import, Export and Reproduce driven through the real main window: pasted captures with known
// mistakes, "Load into editor", every export format, the 403 one-click against the in-process sandbox, and
// the reproduce view's marks.
#include "core/crypto/crypto.h"
#include "core/diagnosis/verify.h"
#include "core/interchange/export.h"
#include "core/signing/httpdate.h"
#include "testsupport.h"
#include "ui/advanced_box.h"
#include "ui/capture_input.h"
#include "ui/capture_tools.h"
#include "ui/export_menu.h"
#include "ui/import_dialog.h"
#include "ui/inputs_pane.h"
#include "ui/mainwindow.h"
#include "ui/reproduce_view.h"
#include "ui/response_pane.h"
#include "ui/sandbox_dock.h"
#include "ui/secret_choice.h"
#include "ui/verify_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace kommo;
using namespace kommo::ui;

namespace {

// Values of this test's own: a channel, a message and a secret nobody else uses.
const QByteArray scope = "5b0c3a1e-7d2f-4c8a-9e61-0a1b2c3d4e5f_8f7e6d5c-4b3a-4291-8877-665544332211";
const QByteArray msgid = "0d9c8b7a-6f5e-4d3c-8b2a-190817263544";
const QByteArray secret = "test-channel-secret-31c4";
const QByteArray date = "Thu, 03 Dec 2026 10:00:00 +0000";
const QByteArray deliveryPath = "/v2/origin/custom/" + scope + "/" + msgid + "/delivery_status";
const QByteArray compactBody = "{\"msgid\":\"" + msgid + "\",\"delivery_status\":2}";

// The page's example channel, which the sandbox target holds when the example is typed.
const QString exampleScope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QString exampleMsgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
const QString exampleSecret = QStringLiteral("fb50586ff7b68cd831fe0ef356345903f644c0d2");

QByteArray md5(const QByteArray &bytes)
{
    return *crypto::md5Hex(bytes);
}

// A raw HTTP capture as a client would have sent it: the headers' values as given, signed over them.
struct Capture
{
    QByteArray method = "POST";
    QByteArray target = deliveryPath;
    QByteArray host = "amojo.kommo.com";
    QByteArray contentType = "application/json";
    QByteArray contentMd5; // empty: the body's
    QByteArray body = compactBody;
    QList<Header> extra;
    QByteArray signingSecret = secret;

    QByteArray md5Header() const { return contentMd5.isEmpty() ? md5(body) : contentMd5; }
    QByteArray signature() const
    {
        const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        return *crypto::hmacSha1Hex(signingSecret,
                                    stringToSign(method.toUpper(), md5Header(), contentType, date, path));
    }
    QByteArray text() const
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\n";
        out += "Host: " + host + "\n";
        out += "Date: " + date + "\n";
        out += "Content-Type: " + contentType + "\n";
        out += "Content-MD5: " + md5Header() + "\n";
        out += "X-Signature: " + signature() + "\n";
        for (const Header &h : extra)
            out += h.name + ": " + h.value + "\n";
        return out + "\n" + body;
    }
};

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void paste(CaptureInput *input, const QByteArray &text)
{
    input->textEdit()->setPlainText(QString::fromUtf8(text));
    input->readNow();
}

QString checkResult(VerifyView *view, const QString &name)
{
    QTableWidget *table = view->checksTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, VerifyView::NameColumn)->text() == name)
            return table->item(row, VerifyView::ResultColumn)->data(Qt::UserRole).toString();
    }
    return QStringLiteral("absent");
}

} // namespace

class TestCaptureViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    MainWindowOptions options()
    {
        MainWindowOptions o;
        o.useSettings = false;
        return o;
    }

    // The page's example typed into the window, sent to the in-process sandbox.
    void typeExample(MainWindow &window)
    {
        InputsPane *in = window.inputs();
        typeInto(in->secretEdit(), exampleSecret);
        typeInto(in->scopeIdEdit(), exampleScope);
        typeInto(in->msgidEdit(), exampleMsgid);
        in->chooseTarget(TargetKind::Sandbox);
        QVERIFY(window.draft().baseUrl().startsWith(u"http://127.0.0.1:"));
    }

    void sendAndWait(MainWindow &window)
    {
        QSignalSpy shown(&window, &MainWindow::exchangeShown);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown.wait(10000));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The views cost nothing at startup: none exists before it is asked for.
    void viewsAreMadeOnFirstUse()
    {
        MainWindow window(options());
        QVERIFY(window.findChildren<VerifyView *>().isEmpty());
        QVERIFY(window.findChildren<ImportDialog *>().isEmpty());
        QVERIFY(window.findChildren<ReproduceView *>().isEmpty());
        QVERIFY(!window.captureTools()->hasVerifyView());
        window.captureTools()->verifyAction()->trigger();
        QCOMPARE(window.findChildren<VerifyView *>().size(), 1);
    }

    void verifyNamesTheCause_data()
    {
        QTest::addColumn<QByteArray>("capture");
        QTest::addColumn<QString>("cause"); // empty: none
        QTest::addColumn<QString>("failedCheck");

        Capture correct;
        QTest::newRow("correct") << correct.text() << QString() << QString();

        Capture upper;
        upper.contentMd5 = md5(upper.body).toUpper();
        QTest::newRow("upper-case Content-MD5")
            << upper.text() << QStringLiteral("md5_uppercase") << QStringLiteral("content_md5");

        // Hashed compact, then serialized again with ", " and ": " for sending.
        Capture spaced;
        spaced.contentMd5 = md5(compactBody);
        spaced.body = "{\"msgid\": \"" + msgid + "\", \"delivery_status\": 2}";
        QTest::newRow("re-serialized body")
            << spaced.text() << QStringLiteral("body_reserialized") << QStringLiteral("content_md5");

        Capture whitespace;
        whitespace.signingSecret = secret + '\n';
        QTest::newRow("secret with a newline")
            << whitespace.text() << QStringLiteral("secret_whitespace") << QStringLiteral("x_signature");
    }

    // A pasted capture with a known mistake shows exactly that cause, in core's words and with its id.
    void verifyNamesTheCause()
    {
        QFETCH(QByteArray, capture);
        QFETCH(QString, cause);
        QFETCH(QString, failedCheck);
        MainWindow window(options());
        window.show();
        typeInto(window.inputs()->secretEdit(), QString::fromLatin1(secret));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        VerifyView *view = window.findChild<VerifyView *>();
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        paste(view->input(), capture);

        QVERIFY(view->verification().has_value());
        // What core says about the same capture is what the view shows.
        const CapturedRequest parsed = *view->input()->current();
        const diagnosis::Verification expected = diagnosis::verify(parsed, {secret, std::nullopt});
        const diagnosis::Verification &shown = *view->verification();
        QCOMPARE(shown.causes.size(), expected.causes.size());
        if (cause.isEmpty()) {
            QVERIFY(shown.causes.isEmpty());
            QVERIFY(!view->causesLabel()->isVisible());
            QVERIFY(view->summaryLabel()->text().contains(u"Every judged check passes"));
            QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("pass"));
            QCOMPARE(checkResult(view, QStringLiteral("content_md5")), QStringLiteral("pass"));
        } else {
            QCOMPARE(shown.causes.size(), 1);
            QCOMPARE(shown.causes.first().id, cause);
            QCOMPARE(shown.causes.first().detail, expected.causes.first().detail);
            QVERIFY(view->causesLabel()->isVisible());
            const QString label = view->causesLabel()->text();
            QVERIFY2(label.contains(u'[' + cause + u']'), qPrintable(label));
            QVERIFY2(label.contains(expected.causes.first().detail.toHtmlEscaped()), qPrintable(label));
            QCOMPARE(checkResult(view, failedCheck), QStringLiteral("fail"));
            QVERIFY(view->reportText().contains(cause));
            // Everything is copyable: the report, and the selected checks with Ctrl+C.
            QTest::mouseClick(view->copyReportButton(), Qt::LeftButton);
            QVERIFY(QApplication::clipboard()->text().contains(u'[' + cause + u']'));
            view->checksTable()->selectAll();
            view->checksTable()->setFocus();
            QTest::keyClick(view->checksTable(), Qt::Key_C, Qt::ControlModifier);
            QVERIFY(
                QApplication::clipboard()->text().contains(QStringLiteral("FAIL\t") + failedCheck + u'\t'));
        }
        QCOMPARE(checkResult(view, QStringLiteral("date_freshness")), QStringLiteral("not_judged"));
        // Freshness judged against a "now" an hour after the Date fails.
        view->nowCheck()->setChecked(true);
        typeInto(view->nowEdit(), QStringLiteral("Thu, 03 Dec 2026 11:00:00 +0000"));
        QCOMPARE(checkResult(view, QStringLiteral("date_freshness")), QStringLiteral("fail"));
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(!view->isVisible());
    }

    // A HAR's entries are listed to pick from, each marked pass or fail; the picked one is verified.
    void verifyHarEntries()
    {
        MainWindow window(options());
        window.show();
        typeInto(window.inputs()->secretEdit(), QString::fromLatin1(secret));
        VerifyView *view = window.captureTools()->verifyView();
        view->show();
        RequestSpec good;
        good.path = deliveryPath;
        good.date = date;
        good.body = compactBody;
        const QJsonObject goodEntry = interchange::harEntry(sign(good, secret, std::nullopt));
        const QJsonObject badEntry = interchange::harEntry(sign(good, "another-secret", std::nullopt));
        paste(view->input(), QJsonDocument(interchange::harLog({goodEntry, badEntry, goodEntry})).toJson());
        QListWidget *entries = view->input()->entryList();
        QCOMPARE(entries->count(), 3);
        QCOMPARE(entries->item(0)->data(Qt::UserRole).toBool(), true);
        QCOMPARE(entries->item(1)->data(Qt::UserRole).toBool(), false);
        QVERIFY(entries->item(1)->text().startsWith(u"\u2716"));
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("pass"));
        entries->setCurrentRow(1);
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("fail"));
        QCOMPARE(view->input()->current()->source.index, 1);
    }

    // Without the form's secret the signature is not judged; another secret typed in the view judges it.
    void verifyWithAnotherSecret()
    {
        MainWindow window(options());
        window.show();
        VerifyView *view = window.captureTools()->verifyView();
        view->show();
        paste(view->input(), Capture().text());
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("not_judged"));
        view->secretChoice()->otherButton()->setChecked(true);
        typeInto(view->secretChoice()->otherEdit(), QStringLiteral("wrong"));
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("fail"));
        typeInto(view->secretChoice()->otherEdit(), QString::fromLatin1(secret));
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("pass"));
    }

    void loadIntoEditor_data()
    {
        QTest::addColumn<QByteArray>("capture");
        QTest::addColumn<bool>("advanced");
        Capture plain;
        QTest::newRow("form body") << plain.text() << false;
        Capture advanced;
        advanced.method = "post";
        advanced.target = deliveryPath + "?trace=1";
        advanced.host = "staging.example.test:8443";
        advanced.contentType = "application/json; charset=utf-8";
        advanced.body = "{\"msgid\": \"" + msgid +
                        "\", \"delivery_status\": -1, \"error_code\": 905, "
                        "\"error\": \"Получатель \\\"недоступен\\\"\"}\n";
        advanced.extra = {{"X-Request-Id", "r-42"}, {"Cookie", "session=abc"}};
        QTest::newRow("advanced fields") << advanced.text() << true;
    }

    // "Load into editor" rebuilds the same request: body bytes, path, method, Content-Type, extra headers,
    // and signing with the same secret and Date gives the captured X-Signature.
    void loadIntoEditor()
    {
        QFETCH(QByteArray, capture);
        QFETCH(bool, advanced);
        MainWindow window(options());
        window.show();
        typeInto(window.inputs()->secretEdit(), QString::fromLatin1(secret));
        VerifyView *view = window.captureTools()->verifyView();
        view->show();
        paste(view->input(), capture);
        const CapturedRequest captured = *view->input()->current();
        QVERIFY(view->loadButton()->isEnabled());
        QTest::mouseClick(view->loadButton(), Qt::LeftButton);

        const SignedRequest &r = window.draft().current();
        QCOMPARE(r.spec.body, captured.body);
        QCOMPARE(r.target, captured.target);
        QCOMPARE(r.method, captured.method.toUpper());
        QCOMPARE(window.draft().method(), captured.method);
        QCOMPARE(r.spec.contentType, captured.header("Content-Type"));
        QCOMPARE(r.spec.date, date);
        QCOMPARE(r.url.host(), QString::fromLatin1(captured.host.split(':').first()));
        QCOMPARE(r.signature, captured.header("X-Signature"));
        QCOMPARE(r.contentMd5, captured.header("Content-MD5"));
        for (const Header &h : captured.headers) {
            if (h.name != "Host" && h.name != "Content-Length")
                QCOMPARE(r.header(h.name), h.value);
        }
        QCOMPARE(window.draft().secret(), secret); // the capture never touches the secret

        // The advanced fields show what was loaded and are unfolded when used.
        AdvancedBox *box = window.inputs()->advancedBox();
        QCOMPARE(box->pathEdit()->isVisible(), advanced);
        if (advanced) {
            QCOMPARE(box->pathEdit()->text().toUtf8(), captured.target);
            QCOMPARE(box->contentTypeEdit()->text().toUtf8(), captured.header("Content-Type"));
            QVERIFY(box->headersEdit()->toPlainText().contains(u"X-Request-Id: r-42"));
            QCOMPARE(window.draft().bodyMode(), RequestDraft::BodyMode::Raw);
        } else {
            QCOMPARE(window.draft().bodyMode(), RequestDraft::BodyMode::Form);
            QCOMPARE(window.inputs()->scopeIdEdit()->text().toUtf8(), scope);
            QCOMPARE(window.inputs()->msgidEdit()->text().toUtf8(), msgid);
        }
    }

    // Import takes a cURL command and a HAR entry (the one picked), through the same loading.
    void importCurlAndHar()
    {
        MainWindow window(options());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
        ImportDialog *dialog = window.findChild<ImportDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        RequestSpec spec;
        spec.baseUrl = QStringLiteral("https://amojo.kommo.com");
        spec.path = deliveryPath;
        spec.date = date;
        spec.body = "{\"msgid\":\"" + msgid + "\",\"delivery_status\":1}";
        spec.extraHeaders = {{"X-Trace", "curl-1"}};
        const SignedRequest curlRequest = sign(spec, secret, std::nullopt);
        paste(dialog->input(), interchange::curlCommand(curlRequest));
        QVERIFY(dialog->preview()->toPlainText().contains(u"X-Trace: curl-1"));
        QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
        QVERIFY(!dialog->isVisible()); // loading closes the dialog
        QCOMPARE(window.draft().current().spec.body, spec.body);
        QCOMPARE(window.draft().deliveryStatus(), 1);
        QCOMPARE(window.draft().extraHeaders().value(0), (Header{"X-Trace", "curl-1"}));

        // A HAR of two entries: the second is picked and loaded.
        RequestSpec second = spec;
        second.body = "{\"msgid\":\"" + msgid + "\",\"delivery_status\":2}";
        second.extraHeaders = {{"X-Trace", "har-2"}};
        const QByteArray har =
            QJsonDocument(interchange::harLog({interchange::harEntry(curlRequest),
                                               interchange::harEntry(sign(second, secret, std::nullopt))}))
                .toJson();
        window.captureTools()->importAction()->trigger();
        paste(dialog->input(), har);
        QListWidget *entries = dialog->input()->entryList();
        QVERIFY(entries->isVisible());
        QCOMPARE(entries->count(), 2);
        entries->setCurrentRow(1);
        QVERIFY(dialog->preview()->toPlainText().contains(u"X-Trace: har-2"));
        QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
        QCOMPARE(window.draft().current().spec.body, second.body);
        QCOMPARE(window.draft().deliveryStatus(), 2);
        QCOMPARE(window.draft().extraHeaders().value(0), (Header{"X-Trace", "har-2"}));

        // Something that is no request: nothing to load, and a sentence that says so.
        window.captureTools()->importAction()->trigger();
        paste(dialog->input(), "hello");
        QVERIFY(!dialog->loadButton()->isEnabled());
        QVERIFY(dialog->input()->statusLabel()->text().contains(u"not raw HTTP"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }

    // A pasted body keeps every byte, a no-break space and a tab included.
    void pasteKeepsBytes()
    {
        MainWindow window(options());
        ImportDialog *dialog = window.captureTools()->importDialog();
        Capture c;
        c.body = "{\"msgid\":\"" + msgid +
                 "\",\"delivery_status\":-1,\"error_code\":905,\"error\":\"a\xc2\xa0"
                 "b\tc\"}";
        paste(dialog->input(), c.text());
        QVERIFY(dialog->input()->current().has_value());
        QCOMPARE(dialog->input()->current()->body, c.body);
    }

    // Opening a file reads its exact bytes (a CR in the body survives, which a text editor would not keep).
    void openFileKeepsBytes()
    {
        MainWindow window(options());
        ImportDialog *dialog = window.captureTools()->importDialog();
        dialog->show();
        Capture c;
        c.body = "{\"msgid\":\"" + msgid + "\",\"delivery_status\":2}\r\n";
        QByteArray text = c.text();
        text.chop(c.body.size());
        text.replace("\n", "\r\n");
        text += c.body;
        QFile file(m_dir.filePath(QStringLiteral("capture.http")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        dialog->input()->setOpenFileNameProvider([&] { return file.fileName(); });
        QTest::mouseClick(dialog->input()->openButton(), Qt::LeftButton);
        QVERIFY(dialog->input()->current().has_value());
        QCOMPARE(dialog->input()->current()->body, c.body);
        QVERIFY(dialog->input()->statusLabel()->text().contains(u"capture.http"));

        // Dropped on the text, the same file is opened the same way.
        paste(dialog->input(), "hello");
        QVERIFY(!dialog->input()->current().has_value());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file.fileName())});
        QWidget *viewport = dialog->input()->textEdit()->viewport();
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(dialog->input()->current().has_value());
        QCOMPARE(dialog->input()->current()->body, c.body);
    }

    // Every format reaches the clipboard without the secret; credentials are masked unless kept.
    void exportEveryFormat()
    {
        const QString canary = QStringLiteral("canary-secret-e6b1f07d");
        MainWindow window(options());
        window.show();
        ImportDialog *dialog = window.captureTools()->importDialog();
        Capture c;
        c.extra = {{"Cookie", "session=cookie-value-9a"}, {"Authorization", "Bearer token-value-9a"}};
        paste(dialog->input(), c.text());
        QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
        typeInto(window.inputs()->secretEdit(), canary);
        QCOMPARE(window.draft().secret(), canary.toUtf8());

        ExportMenu *menu = window.captureTools()->exportMenu();
        QVERIFY(window.menuBar()->actions().contains(menu->menuAction()));
        QVERIFY(!menu->keepCredentialsAction()->isChecked());
        const QList<interchange::ExportFormat> formats = interchange::exportFormats();
        QCOMPARE(formats.size(), 9);
        for (interchange::ExportFormat format : formats) {
            const QString name = interchange::exportFormatName(format);
            QApplication::clipboard()->clear();
            menu->copyAction(format)->trigger();
            const QString text = QApplication::clipboard()->text();
            QVERIFY2(!text.isEmpty(), qPrintable(name));
            QVERIFY2(!text.contains(canary), qPrintable(name));
            QVERIFY2(!text.contains(u"cookie-value-9a"), qPrintable(name));
            QVERIFY2(!text.contains(u"token-value-9a"), qPrintable(name));
            QVERIFY2(text.contains(u"[masked]"), qPrintable(name));
        }
        QVERIFY(QApplication::clipboard()->text().contains(u"KOMMO_CHANNEL_SECRET")); // the shell snippet

        menu->keepCredentialsAction()->trigger();
        menu->copyAction(interchange::ExportFormat::Curl)->trigger();
        QString curl = QApplication::clipboard()->text();
        QVERIFY(curl.contains(u"session=cookie-value-9a"));
        QVERIFY(curl.contains(u"Bearer token-value-9a"));
        QVERIFY(!curl.contains(canary));
        menu->keepCredentialsAction()->trigger();

        // To a file, through the seam instead of a native dialog.
        QString suggested;
        const QString path = m_dir.filePath(QStringLiteral("exported.py"));
        menu->setSaveFileNameProvider([&](const QString &name) {
            suggested = name;
            return path;
        });
        menu->saveAction(interchange::ExportFormat::Python)->trigger();
        QCOMPARE(suggested, QStringLiteral("delivery_status.py"));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray bytes = saved.readAll();
        QCOMPARE(bytes, menu->exportText(interchange::ExportFormat::Python));
        QVERIFY(!bytes.contains(canary.toUtf8()));
        QVERIFY(!bytes.contains("cookie-value-9a"));
        // A canceled dialog writes nothing.
        menu->setSaveFileNameProvider([](const QString &) { return QString(); });
        QVERIFY(!menu->saveToFile(interchange::ExportFormat::Go));
    }

    // On a 403, one click verifies exactly what was sent, with the form's secret.
    void verifyWhatWasSentOn403()
    {
        MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        typeExample(window);
        window.sandboxDock()->followCheck()->setChecked(false); // the sandbox keeps the page's secret
        typeInto(window.inputs()->secretEdit(), QStringLiteral("not-the-channel-secret"));
        QPushButton *why = window.responsePane()->verifySentButton();
        QVERIFY(!why->isVisible());
        sendAndWait(window);
        QVERIFY2(window.responsePane()->statusLabel()->text().contains(u"403"),
                 qPrintable(window.responsePane()->statusLabel()->text()));
        QVERIFY(why->isVisible());

        // The integrator finds the channel's real secret and puts it in the form, then clicks.
        typeInto(window.inputs()->secretEdit(), exampleSecret);
        QTest::mouseClick(why, Qt::LeftButton);
        VerifyView *view = window.findChild<VerifyView *>();
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        QVERIFY(view->input()->isFixed());
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("fail"));
        QCOMPARE(checkResult(view, QStringLiteral("content_md5")), QStringLiteral("pass"));
        // Exactly what went out: the sent X-Signature and body.
        const Exchange &sent = *window.captureTools()->lastExchange();
        QCOMPARE(view->input()->current()->header("X-Signature"), sent.sentHeaders.value(4).value);
        QCOMPARE(view->input()->current()->body, sent.sentBody);
        QVERIFY(view->summaryLabel()->text().contains(u"403"));
        // Freshness is judged against the server's Date: a request just sent is fresh.
        QVERIFY(view->nowCheck()->isChecked());
        QCOMPARE(checkResult(view, QStringLiteral("date_freshness")), QStringLiteral("pass"));

        // With the secret it was signed with, every check passes, and the headline says what that means.
        typeInto(window.inputs()->secretEdit(), QStringLiteral("not-the-channel-secret"));
        QCOMPARE(checkResult(view, QStringLiteral("x_signature")), QStringLiteral("pass"));
        QVERIFY(view->summaryLabel()->text().contains(u"another secret"));

        // Another capture pasted is judged without the sent request's "now" (a log's requests are old).
        paste(view->input(), Capture().text());
        QVERIFY(!view->input()->isFixed());
        QVERIFY(!view->nowCheck()->isChecked());
        QCOMPARE(checkResult(view, QStringLiteral("date_freshness")), QStringLiteral("not_judged"));
        QVERIFY(!view->summaryLabel()->text().contains(u"403"));

        // A 200 hides the button again.
        window.sandboxDock()->followCheck()->setChecked(true);
        sendAndWait(window);
        QVERIFY(window.responsePane()->statusLabel()->text().contains(u"200"));
        QVERIFY(!why->isVisible());
    }

    // A correct capture re-signed differs in Date and X-Signature only; a broken one names the other field.
    void reproduceMarksDifferences()
    {
        MainWindow window(options());
        window.show();
        typeInto(window.inputs()->secretEdit(), QString::fromLatin1(secret));
        window.captureTools()->reproduceAction()->trigger();
        ReproduceView *view = window.findChild<ReproduceView *>();
        QVERIFY(view);
        QVERIFY(view->isVisible());

        paste(view->input(), Capture().text());
        QVERIFY(view->reproduction().has_value());
        QVERIFY(view->reproduction()->onlyDateAndSignatureDiffer());
        QCOMPARE(view->markedFields(true),
                 (QStringList{QStringLiteral("header:Date"), QStringLiteral("header:X-Signature")}));
        QVERIFY(view->markedFields(false).isEmpty());
        QCOMPARE(view->originalView()->extraSelections().size(), 2);
        QCOMPARE(view->resignedView()->extraSelections().size(), 2);
        QVERIFY(view->summaryLabel()->text().contains(u"Only Date and X-Signature differ"));
        QVERIFY(view->originalView()->toPlainText().contains(QString::fromLatin1("Date: " + date)));
        QVERIFY(!view->resignedView()->toPlainText().contains(QString::fromLatin1("Date: " + date)));

        Capture broken;
        broken.contentMd5 = md5(broken.body).toUpper();
        paste(view->input(), broken.text());
        QVERIFY(!view->reproduction()->onlyDateAndSignatureDiffer());
        QCOMPARE(view->markedFields(false), QStringList{QStringLiteral("header:Content-MD5")});
        QVERIFY(view->summaryLabel()->text().contains(u"header:Content-MD5"));
        QCOMPARE(view->differencesTree()->topLevelItemCount(), 3);
        QVERIFY(view->originalView()->extraSelections().size() == 3);
        QTest::mouseClick(view->copyReportButton(), Qt::LeftButton);
        const QString report = QApplication::clipboard()->text();
        QVERIFY(report.contains(u"UNEXPECTED header:Content-MD5"));
        QVERIFY(!report.contains(QString::fromLatin1(secret)));
    }

    // Reproduce re-signs for the editor's target (the sandbox) and Send uses the window's send path.
    void reproduceAndSendToTheSandbox()
    {
        MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        typeExample(window);
        Capture c;
        c.target = "/v2/origin/custom/" + exampleScope.toLatin1() + "/" + exampleMsgid.toLatin1() +
                   "/delivery_status";
        c.body = "{\"msgid\":\"" + exampleMsgid.toLatin1() + "\",\"delivery_status\":2}";
        c.signingSecret = exampleSecret.toLatin1();
        ReproduceView *view = window.captureTools()->reproduceView();
        view->show();
        paste(view->input(), c.text());
        QTest::mouseClick(view->editorTargetButton(), Qt::LeftButton);
        QCOMPARE(view->targetEdit()->text(), window.draft().baseUrl());
        QVERIFY(view->reproduction()->onlyDateAndSignatureDiffer()); // a URL asked for is expected to differ
        QVERIFY(view->reproduction()->resigned.url.toString().startsWith(u"http://127.0.0.1:"));
        QVERIFY(view->sendButton()->isEnabled());

        QSignalSpy shown(&window, &MainWindow::exchangeShown);
        QTest::mouseClick(view->sendButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QVERIFY2(window.responsePane()->statusLabel()->text().contains(u"200"),
                 qPrintable(window.responsePane()->statusLabel()->text()));
        QCOMPARE(window.captureTools()->lastExchange()->sentBody, c.body);
    }

    // kommo-status-console --verify FILE opens the Verify view on the file; with --screenshot, a picture of
    // it.
    void consoleVerifyOption()
    {
        Capture upper;
        upper.contentMd5 = md5(upper.body).toUpper();
        QFile capture(m_dir.filePath(QStringLiteral("upper.http")));
        QVERIFY(capture.open(QIODevice::WriteOnly));
        capture.write(upper.text());
        capture.close();
        const QString picture = m_dir.filePath(QStringLiteral("verify.png"));
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(KOMMO_GUI),
                      {QStringLiteral("--verify"), capture.fileName(), QStringLiteral("--size"),
                       QStringLiteral("1024x700"), QStringLiteral("--screenshot"), picture});
        QVERIFY(console.waitForFinished(20000));
        QCOMPARE(console.exitCode(), 0);
        const QImage image(picture);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), QSize(984, 660));

        console.start(QStringLiteral(KOMMO_GUI),
                      {QStringLiteral("--verify"), m_dir.filePath(QStringLiteral("none"))});
        QVERIFY(console.waitForFinished(20000));
        QCOMPARE(console.exitCode(), 2);
        QVERIFY(console.readAllStandardError().contains("Cannot read"));
    }

    // Keyboard: the menus carry the shortcuts, Esc closes the views, Ctrl+E opens the Export menu.
    void keyboard()
    {
        MainWindow window(options());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        CaptureTools *tools = window.captureTools();
        QCOMPARE(tools->verifyAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+V")));
        QCOMPARE(tools->importAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));
        QCOMPARE(tools->exportAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
        auto *diagnose = window.menuBar()->findChild<QMenu *>(QStringLiteral("diagnoseMenu"));
        QVERIFY(diagnose);
        QVERIFY(diagnose->actions().contains(tools->verifyAction()));
        QVERIFY(diagnose->actions().contains(tools->importAction()));
        QVERIFY(diagnose->actions().contains(tools->reproduceAction()));
        // The menus come before Help.
        QCOMPARE(window.menuBar()->actions().last()->text(), QObject::tr("&Help"));

        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        ReproduceView *reproduce = window.findChild<ReproduceView *>();
        QVERIFY(reproduce);
        QTRY_VERIFY(reproduce->isVisible());
        QTest::keyClick(reproduce, Qt::Key_Escape);
        QVERIFY(!reproduce->isVisible());

        // Tab goes from the capture to the secret choice, and on to the results and the buttons.
        VerifyView *verify = tools->verifyView();
        verify->show();
        verify->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(verify));
        verify->input()->textEdit()->setFocus();
        QTest::keyClick(verify->input()->textEdit(), Qt::Key_Tab);
        QVERIFY2(verify->focusWidget() == verify->secretChoice()->formButton(),
                 verify->focusWidget()->metaObject()->className());
        QWidget *w = verify->secretChoice()->formButton();
        QList<QWidget *> order;
        for (int i = 0; i < 500 && w; ++i) {
            w = w->nextInFocusChain();
            if (w == verify->secretChoice()->formButton())
                break;
            if (w->focusPolicy() & Qt::TabFocus)
                order.append(w);
        }
        QVERIFY(order.contains(verify->checksTable()));
        QVERIFY(order.indexOf(verify->checksTable()) < order.indexOf(verify->loadButton()));
        QVERIFY(order.indexOf(verify->nowCheck()) < order.indexOf(verify->checksTable()));
        QTest::keyClick(verify, Qt::Key_Escape);
        QVERIFY(!verify->isVisible());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(window.menuBar()->activeAction(), tools->exportMenu()->menuAction());
        QTRY_VERIFY(tools->exportMenu()->isVisible());
        QTest::keyClick(tools->exportMenu(), Qt::Key_Escape);
    }
};

QTEST_MAIN(TestCaptureViews)
#include "tst_capture_views.moc"

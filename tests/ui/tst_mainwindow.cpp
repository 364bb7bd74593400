// The console's main window driven as a person would: typing, dropdown picks, Send, the sandbox, the layout.
#include "core/signing/httpdate.h"
#include "testsupport.h"
#include "ui/advanced_box.h"
#include "ui/body_pane.h"
#include "ui/date_box.h"
#include "ui/finding_badge.h"
#include "ui/findings_pane.h"
#include "ui/first_paint.h"
#include "ui/inputs_pane.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/raw_request_pane.h"
#include "ui/response_pane.h"
#include "ui/sandbox_dock.h"
#include "ui/signature_pane.h"
#include "ui/standard_icons.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace kommo;
using namespace kommo::ui;

namespace {

const QString exampleScope =
    QStringLiteral("f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38");
const QString exampleMsgid = QStringLiteral("3419eef6-2aa3-464c-b6e4-4386d0f8f3ca");
const QString exampleSecret = QStringLiteral("fb50586ff7b68cd831fe0ef356345903f644c0d2");

template<typename T> T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

// Types text key by key; QTest::keyClicks only knows Latin-1, so other characters go as key events that carry
// their text, the way an input method delivers them.
void typeText(QWidget *widget, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, char(c.unicode()));
            continue;
        }
        QString unit(c);
        if (c.isHighSurrogate() && i + 1 < text.size())
            unit += text.at(++i);
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, unit, Qt::NoModifier);
    }
}

// Selects everything in a line edit and types text over it, key by key.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    typeText(edit, text);
}

void pick(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

// The string to sign exactly as the table shows it: the value cells joined by line feeds.
QString tableText(QTableWidget *table)
{
    QStringList lines;
    for (int row = 0; row < table->rowCount(); ++row)
        lines.append(table->item(row, SignaturePane::valueColumn)->text());
    return lines.join(u'\n');
}

// Pixels that differ clearly (more than a faint anti-aliasing shade) between two pictures of one size.
qsizetype differingPixels(const QImage &a, const QImage &b)
{
    qsizetype count = 0;
    for (int y = 0; y < std::min(a.height(), b.height()); ++y) {
        for (int x = 0; x < std::min(a.width(), b.width()); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                    std::abs(qBlue(p) - qBlue(q)) >
                60)
                ++count;
        }
    }
    return count;
}

bool listHasField(QListWidget *list, const QString &field)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == field)
            return true;
    }
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    MainWindowOptions options(const Clock *clock = nullptr)
    {
        MainWindowOptions o;
        o.clock = clock;
        o.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        return o;
    }

    // Types the API page's example into the window and chooses the sandbox from the dropdown.
    void typeExample(MainWindow &window)
    {
        InputsPane *in = window.inputs();
        typeInto(in->secretEdit(), exampleSecret);
        typeInto(in->scopeIdEdit(), exampleScope);
        typeInto(in->msgidEdit(), exampleMsgid);
        pick(in->statusCombo(), 2);
        pick(in->targetCombo(), int(TargetKind::Sandbox));
        Q_EMIT in->targetCombo()->activated(in->targetCombo()->currentIndex());
    }

    void sendAndWait(MainWindow &window)
    {
        QSignalSpy shown(&window, &MainWindow::exchangeShown);
        QVERIFY(window.sendAction()->isEnabled());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.statusBar()->clearMessage();
        // Into the focused field, as a person presses it: the window's shortcut must still win.
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown.wait(10000));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void formVectors_data() { test::addVectorRows(test::Vectors::WithForm); }

    // Each form vector typed into the widgets, with dropdown picks and a fixed Date, shows the vector's
    // bytes.
    void formVectors()
    {
        QFETCH(QJsonObject, vector);
        const QJsonObject form = vector.value(u"form").toObject();
        const QString date = vector.value(u"date").toString();
        FixedClock clock(httpdate::parse(date.toLatin1())->instant.addSecs(60));
        MainWindow window(options(&clock));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InputsPane *in = window.inputs();

        typeInto(in->secretEdit(), vector.value(u"secret").toString());
        typeInto(in->scopeIdEdit(), form.value(u"scope_id").toString());
        typeInto(in->msgidEdit(), form.value(u"msgid").toString());
        pick(in->statusCombo(), form.value(u"delivery_status").toInt());
        if (form.contains(u"error_code"))
            pick(in->errorCodeCombo(), form.value(u"error_code").toInt());
        if (form.contains(u"error"))
            typeInto(in->errorTextEdit(), form.value(u"error").toString());
        // On the radio's indicator, which a click always hits.
        QTest::mouseClick(in->dateBox()->fixedButton(), Qt::LeftButton, {},
                          QPoint(8, in->dateBox()->fixedButton()->height() / 2));
        typeInto(in->dateBox()->dateEdit(), date);

        const QByteArray body = vector.value(u"body").toString().toUtf8();
        QCOMPARE(window.bodyPane()->editor()->toPlainText().toUtf8(), body);
        QVERIFY(window.bodyPane()->bytesLabel()->text().startsWith(QString::number(body.size()) + u' '));
        QCOMPARE(window.signaturePane()->contentMd5Edit()->text(), vector.value(u"content_md5").toString());
        QCOMPARE(tableText(window.signaturePane()->stringToSignTable()),
                 vector.value(u"string_to_sign").toString());
        QCOMPARE(window.signaturePane()->shownStringToSign(), vector.value(u"string_to_sign").toString());
        QCOMPARE(window.signaturePane()->signatureEdit()->text(), vector.value(u"signature").toString());
        const QString raw = window.rawRequestPane()->pendingView()->toPlainText();
        QVERIFY(
            raw.contains(QStringLiteral("X-Signature: ") + vector.value(u"signature").toString() + u'\n'));
        QVERIFY(raw.contains(QStringLiteral("Date: ") + date + u'\n'));
        QVERIFY(raw.endsWith(QString::fromUtf8(body)));
        QVERIFY(!window.findingsPane()->list()->count() || !hasErrors(window.draft().current().findings));
    }

    // The body pane shows what is invisible: a raw body with a trailing newline says so.
    void rawBodyEditing()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        BodyPane *body = window.bodyPane();
        QVERIFY(body->editor()->isReadOnly());
        QTest::mouseClick(body->rawMode(), Qt::LeftButton, {}, QPoint(8, body->rawMode()->height() / 2));
        QVERIFY(!body->editor()->isReadOnly());
        const QByteArray generated = window.draft().generatedBody();
        QCOMPARE(body->editor()->toPlainText().toUtf8(), generated);
        body->editor()->setFocus();
        body->editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(body->editor(), Qt::Key_Return);
        QCOMPARE(window.draft().current().spec.body, generated + '\n');
        QVERIFY(body->bytesLabel()->text().contains(u"newline"));
        QVERIFY(window.signaturePane()->contentMd5Edit()->text() !=
                QStringLiteral("b78f5baf6b4a03e53ff0fdb137f89f38"));
        QTest::keyClick(body->editor(), Qt::Key_Backspace);
        QCOMPARE(window.signaturePane()->contentMd5Edit()->text(),
                 QStringLiteral("b78f5baf6b4a03e53ff0fdb137f89f38"));
    }

    void sendToSandbox()
    {
        MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        typeExample(window);
        QVERIFY(window.draft().baseUrl().startsWith(u"http://127.0.0.1:"));
        sendAndWait(window);

        QVERIFY2(window.responsePane()->statusLabel()->text().contains(u"200"),
                 qPrintable(window.responsePane()->statusLabel()->text()));
        QVERIFY(window.responsePane()->diagnosisLabel()->text().contains(u"updated"));
        const QString sent = window.rawRequestPane()->sentView()->toPlainText();
        QVERIFY(
            sent.contains(QStringLiteral("X-Signature: ") + window.signaturePane()->signatureEdit()->text()));
        QVERIFY(!sent.contains(exampleSecret));
        QTreeWidget *received = window.sandboxDock()->list();
        QCOMPARE(received->topLevelItemCount(), 1);
        QCOMPARE(received->topLevelItem(0)->text(1), QStringLiteral("200"));
        QTRY_VERIFY(!window.busyIndicator()->isVisible());
        QVERIFY(!window.cancelAction()->isEnabled());
    }

    // A secret that differs from the sandbox's channel: the response pane shows the 403 diagnosis.
    void wrongSecretShows403()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        window.sandboxDock()->followCheck()->setChecked(false); // the sandbox keeps the page's secret
        typeInto(window.inputs()->secretEdit(), QStringLiteral("not-the-channel-secret"));
        sendAndWait(window);

        QVERIFY2(window.responsePane()->statusLabel()->text().contains(u"403"),
                 qPrintable(window.responsePane()->statusLabel()->text()));
        bool invalidSignature = false;
        for (const diagnosis::Line &line : window.responsePane()->diagnosis())
            invalidSignature = invalidSignature || line.id == u"invalid_signature";
        QVERIFY(invalidSignature);
        QVERIFY(window.responsePane()->rawView()->toPlainText().contains(u"ORIGIN_INVALID_SIGNATURE"));
        QVERIFY(window.responsePane()->prettyView()->toPlainText().contains(u"\n  \"error_code\": 403"));
    }

    void sendBlockedWithoutSecret()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        auto *signature = window.findChild<QLineEdit *>(QStringLiteral("signatureEdit"));
        QVERIFY(signature);
        QVERIFY(!signature->text().isEmpty());
        typeInto(window.inputs()->secretEdit(), QString());
        QVERIFY(!window.sendAction()->isEnabled());
        QVERIFY(window.sendAction()->toolTip().contains(u"secret"));
        // No X-Signature is shown for an empty key: it would sign nothing real.
        QVERIFY(signature->text().isEmpty());
        // Ctrl+Return on a blocked request says why, instead of doing nothing.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.statusBar()->clearMessage();
        QTest::keyClick(window.inputs()->secretEdit(), Qt::Key_Return, Qt::ControlModifier);
        const QString said = window.statusBar()->currentMessage();
        QVERIFY2(said.startsWith(QObject::tr("Cannot send")) && said.contains(u"secret"), qPrintable(said));
        window.send(); // even when asked directly, nothing leaves
        QCOMPARE(window.responsePane()->statusLabel()->text(), QObject::tr("Not sent"));
        QCOMPARE(window.sandboxDock()->list()->topLevelItemCount(), 0);
    }

    void errorWidgetsFollowTheStatus()
    {
        MainWindow window(options());
        window.show();
        InputsPane *in = window.inputs();
        pick(in->statusCombo(), 2);
        QVERIFY(!in->errorCodeCombo()->isEnabled());
        QVERIFY(!in->errorTextEdit()->isEnabled());
        pick(in->statusCombo(), -1);
        QVERIFY(in->errorCodeCombo()->isEnabled());
        QVERIFY(in->errorTextEdit()->isEnabled());
        pick(in->statusCombo(), 1);
        QVERIFY(!in->errorCodeCombo()->isEnabled());
        // Sent is listed but cannot be chosen; its tooltip says why.
        auto *model = qobject_cast<QStandardItemModel *>(in->statusCombo()->model());
        QVERIFY(model);
        QStandardItem *sent = model->item(0);
        QVERIFY(!sent->isEnabled());
        QVERIFY(sent->toolTip().contains(u"Kommo sets"));
    }

    void findingsComeAndGo()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        QListWidget *list = window.findingsPane()->list();
        auto *scopeBadge = child<FindingBadge>(&window, "finding_scopeIdEdit");
        QVERIFY(!listHasField(list, QStringLiteral("scope_id")));
        QVERIFY(!scopeBadge->isVisible());

        typeInto(window.inputs()->scopeIdEdit(), QStringLiteral("not-a-scope"));
        QVERIFY(listHasField(list, QStringLiteral("scope_id")));
        QVERIFY(scopeBadge->isVisible());
        QVERIFY(!scopeBadge->messages().isEmpty());
        typeInto(window.inputs()->scopeIdEdit(), exampleScope);
        QVERIFY(!listHasField(list, QStringLiteral("scope_id")));
        QVERIFY(!scopeBadge->isVisible());

        // 905 needs its text: the finding stands until the text is typed.
        pick(window.inputs()->statusCombo(), -1);
        pick(window.inputs()->errorCodeCombo(), 905);
        QVERIFY(hasErrors(window.draft().current().findings));
        QVERIFY(
            window.sendAction()->isEnabled()); // a bad request still goes out: testers send them on purpose
        typeInto(window.inputs()->errorTextEdit(), QStringLiteral("Recipient unreachable"));
        QVERIFY(!hasErrors(window.draft().current().findings));
    }

    // The lazily resolved standard icons draw exactly the style's pictures, at every size the window uses.
    void standardIconsMatchTheStyle()
    {
        // As under Xvfb: no desktop theme, Qt's fallback one (the offscreen platform may name none).
        const QString theme = QIcon::themeName();
        QIcon::setThemeName(QStringLiteral("hicolor"));
        const auto restore = qScopeGuard([&] { QIcon::setThemeName(theme); });
        for (QStyle::StandardPixmap which : {QStyle::SP_MediaPlay, QStyle::SP_BrowserStop,
                                             QStyle::SP_MessageBoxCritical, QStyle::SP_MessageBoxWarning}) {
            const QIcon ours = standardIcon(which);
            const QIcon style = QApplication::style()->standardIcon(which);
            QVERIFY(!ours.isNull());
            for (int size : {16, 24, 32}) {
                const QImage a = ours.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
                const QImage b = style.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
                QVERIFY2(!a.isNull() && a == b,
                         qPrintable(QStringLiteral("icon %1 at %2").arg(which).arg(size)));
            }
        }
    }

    // Start-up work deferred past the first frame runs after that frame, not at the first event-loop turn.
    void afterFirstPaintWaitsForTheFrame()
    {
        QWidget window;
        window.resize(200, 100);
        int runs = 0;
        bool paintedBefore = false;
        afterFirstPaint(&window, [&] {
            ++runs;
            paintedBefore = window.property("kommo_first_frame_painted").toBool();
        });
        QTest::qWait(20);
        QCOMPARE(runs, 0); // not shown, never painted: nothing runs
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(runs, 1);
        QVERIFY(paintedBefore);
        window.update();
        QTest::qWait(20);
        QCOMPARE(runs, 1);                         // once only
        afterFirstPaint(&window, [&] { ++runs; }); // asked after the first frame: the next turn
        QTRY_COMPARE(runs, 2);
    }

    // The advanced fields are made on first use (not for the first frame); an error in one of them still
    // unfolds the box, shows beside its field, and the fields edit the request and follow the fold button in
    // the tab order.
    // Alt+letter must reach exactly one thing in the window: a letter shared by two labels, buttons, tabs or
    // menu titles only moves focus between them (and once picked the wrong body mode).
    void mnemonicsAreUnique()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        child<QToolButton>(&window, "advancedFold")->click(); // the advanced fields exist from here on

        const auto letterOf = [](const QString &text) -> QChar {
            for (qsizetype i = 0; i + 1 < text.size(); ++i) {
                if (text.at(i) == u'&') {
                    if (text.at(i + 1) == u'&') {
                        ++i;
                        continue;
                    }
                    return text.at(i + 1).toUpper();
                }
            }
            return {};
        };
        QMap<QChar, QStringList> owners;
        const auto note = [&](const QString &text) {
            const QChar letter = letterOf(text);
            if (!letter.isNull())
                owners[letter].append(text);
        };
        for (const QAction *menu : window.menuBar()->actions())
            note(menu->text());
        for (const QLabel *label : window.findChildren<QLabel *>()) {
            if (label->buddy())
                note(label->text());
        }
        for (const QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
            if (!qobject_cast<const QToolButton *>(button))
                note(button->text());
        }
        for (const QTabWidget *tabs : window.findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i)
                note(tabs->tabText(i));
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(QString(it.key()) + QStringLiteral(": ") +
                                                        it.value().join(QStringLiteral(" | "))));
        QVERIFY(owners.size() > 12); // the test really saw the window's inputs
    }

    // A line break inside one imported header stays on that header's line, visible, and the bytes survive.
    void lineBreakInAHeaderIsVisible()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        const QList<Header> evil = {{"X-Evil", "a\r\nInjected: yes"}};
        window.draft().setExtraHeaders(evil);
        AdvancedBox *box = window.inputs()->advancedBox();
        QVERIFY(box->headersEdit()->isVisible()); // the blocking finding unfolded the group
        const QString shown = box->headersEdit()->toPlainText();
        QVERIFY2(!shown.contains(u'\n'), qPrintable(shown));
        QCOMPARE(shown, QStringLiteral("X-Evil: a\u240D\u240AInjected: yes"));
        QCOMPARE(AdvancedBox::parseHeaders(shown), evil);
        QCOMPARE(window.draft().extraHeaders(), evil);
        QVERIFY(!window.sendAction()->isEnabled());
    }

    void advancedFieldsAppearForTheirErrors()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        auto *fold = child<QToolButton>(&window, "advancedFold");
        QVERIFY(!fold->isChecked());
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("headersEdit")));

        window.draft().setExtraHeaders({{"X Bad", "1"}}); // a space: not a header name, blocks sending
        QVERIFY(fold->isChecked());
        AdvancedBox *box = window.inputs()->advancedBox();
        QVERIFY(box->headersEdit()->isVisible());
        QCOMPARE(box->headersEdit()->toPlainText(), QStringLiteral("X Bad: 1"));
        bool shown = false;
        for (const FindingBadge *badge : box->findChildren<FindingBadge *>())
            shown = shown || (badge->isVisible() && badge->messages().contains(u"X Bad"));
        QVERIFY(shown);
        QWidget *next = fold->nextInFocusChain();
        QVERIFY(next == box->methodCombo() || box->methodCombo()->isAncestorOf(next));

        typeInto(box->contentTypeEdit(), QStringLiteral("application/json; charset=utf-8"));
        QCOMPARE(window.draft().current().spec.contentType, QByteArray("application/json; charset=utf-8"));
        box->headersEdit()->clear();
        QVERIFY(window.draft().extraHeaders().isEmpty());
        fold->click();
        QVERIFY(!box->headersEdit()->isVisible());
    }

    // At 1024x700 every input, Send and each pane is on screen at no less than its minimum size hint.
    void fitsAt1024x700()
    {
        MainWindow window(options());
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        typeExample(window);
        sendAndWait(window); // the sandbox dock is open too
        QTest::qWait(50);
        for (QWidget *w : window.findChildren<QWidget *>())
            if (w->isVisible() && w->minimumSizeHint().height() > 120)
                qWarning() << "MIN" << w->metaObject()->className() << w->objectName() << w->minimumSizeHint()
                           << w->minimumSize() << w->size();
        QCOMPARE(window.size(), QSize(1024, 700));

        InputsPane *in = window.inputs();
        QList<QWidget *> widgets = {in->targetCombo(),
                                    in->baseUrlEdit(),
                                    in->secretEdit(),
                                    in->revealButton(),
                                    in->scopeIdEdit(),
                                    in->msgidEdit(),
                                    in->newMsgidButton(),
                                    in->statusCombo(),
                                    in->errorCodeCombo(),
                                    in->errorTextEdit(),
                                    in->dateBox()->followButton(),
                                    in->dateBox()->fixedButton(),
                                    in->dateBox()->dateEdit(),
                                    in->dateBox()->resignButton(),
                                    child<QWidget>(&window, "advancedFold"),
                                    window.bodyPane(),
                                    window.bodyPane()->rawMode(),
                                    window.signaturePane(),
                                    window.signaturePane()->stringToSignTable(),
                                    window.rawRequestPane(),
                                    window.responsePane(),
                                    window.findingsPane(),
                                    window.sandboxDock()};
        auto *toolbar = child<QToolBar>(&window, "mainToolBar");
        widgets.append(toolbar->widgetForAction(window.sendAction()));
        const QRect windowRect = window.rect();
        for (QWidget *w : std::as_const(widgets)) {
            const QString name = w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                                           : w->objectName();
            QVERIFY2(w->isVisible(), qPrintable(name));
            const QSize min = w->minimumSizeHint().expandedTo(w->minimumSize());
            QVERIFY2(w->width() >= min.width() && w->height() >= min.height(),
                     qPrintable(QStringLiteral("%1: %2x%3 < %4x%5")
                                    .arg(name)
                                    .arg(w->width())
                                    .arg(w->height())
                                    .arg(min.width())
                                    .arg(min.height())));
            // Entirely on screen: not clipped by a scroll area or the window's edge.
            QCOMPARE(w->visibleRegion().boundingRect(), w->rect());
            const QRect inWindow(w->mapTo(&window, QPoint(0, 0)), w->size());
            QVERIFY2(windowRect.contains(inWindow), qPrintable(name));
        }
    }

    // The picture masks the secret even while it is revealed on screen.
    void screenshotMasksSecret()
    {
        MainWindow window(options());
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        typeExample(window);
        QLineEdit *secret = window.inputs()->secretEdit();
        window.inputs()->scopeIdEdit()->setFocus(); // no blinking cursor in the secret field
        window.inputs()->revealButton()->setChecked(true);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        const QImage revealed = secret->grab().toImage();

        const QImage shot = window.capture();
        QCOMPARE(secret->echoMode(), QLineEdit::Normal); // back as it was on screen
        const qreal dpr = shot.devicePixelRatio();
        const QRect area(secret->mapTo(&window, QPoint(0, 0)) * dpr, secret->size() * dpr);
        const QImage inShot = shot.copy(area).convertToFormat(QImage::Format_RGB32);

        window.inputs()->revealButton()->setChecked(false);
        QCOMPARE(secret->text(), exampleSecret); // the field and the draft kept the real secret
        QCOMPARE(window.draft().secret(), exampleSecret.toUtf8());
        window.inputs()->setSecretMasked(true); // the picture's stand-in, as capture() draws it
        const QImage masked = secret->grab().toImage().convertToFormat(QImage::Format_RGB32);
        // A secret of another length gives the very same picture: the length does not show either.
        window.inputs()->setSecretMasked(false);
        typeInto(secret, QStringLiteral("short"));
        window.inputs()->scopeIdEdit()->setFocus(); // as before: no focus frame or cursor in the field
        window.inputs()->setSecretMasked(true);
        QCOMPARE(secret->grab().toImage().convertToFormat(QImage::Format_RGB32), masked);
        window.inputs()->setSecretMasked(false);
        QCOMPARE(secret->text(), QStringLiteral("short"));
        QCOMPARE(inShot.size(), masked.size());
        // Rendering through the window and through the field alone may differ in a few edge pixels.
        const qsizetype fromMasked = differingPixels(inShot, masked);
        const qsizetype fromRevealed =
            differingPixels(inShot, revealed.convertToFormat(QImage::Format_RGB32));
        QVERIFY2(fromMasked * 100 < inShot.width() * inShot.height(),
                 qPrintable(QString::number(fromMasked)));
        QVERIFY2(fromRevealed > 10 * std::max<qsizetype>(fromMasked, 20),
                 qPrintable(QStringLiteral("%1 vs %2").arg(fromRevealed).arg(fromMasked)));
    }

    // The window remembers its size, splitters and palette, and never the secret.
    void settingsNeverHoldTheSecret()
    {
        const QString canary = QStringLiteral("canary-secret-5f1e2d");
        const QString file = m_dir.filePath(QStringLiteral("remember.ini"));
        MainWindowOptions o;
        o.settingsFile = file;
        {
            MainWindow window(o);
            window.resize(1100, 720);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            typeInto(window.inputs()->secretEdit(), canary);
            window.setPaletteChoice(PaletteChoice::Dark);
            window.close();
        }
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(canary.toUtf8()));
        QVERIFY(!bytes.contains(canary.toUtf8().toBase64()));
        {
            MainWindow window(o);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), QSize(1100, 720));
            QCOMPARE(currentPalette(), PaletteChoice::Dark);
            QVERIFY(window.inputs()->secretEdit()->text().isEmpty());
            window.setPaletteChoice(PaletteChoice::Light);
        }
    }

    void copyAsCurlHasTheExactRequest()
    {
        MainWindow window(options());
        window.show();
        typeExample(window);
        window.copyCurlAction()->trigger();
        const QString curl = QApplication::clipboard()->text();
        const SignedRequest &r = window.draft().current();
        QVERIFY(curl.startsWith(u"curl "));
        QVERIFY(curl.contains(QStringLiteral("'X-Signature: ") + QString::fromLatin1(r.signature) + u'\''));
        QVERIFY(curl.contains(QStringLiteral("--data-raw '") + QString::fromUtf8(r.spec.body) + u'\''));
        QVERIFY(!curl.contains(exampleSecret));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

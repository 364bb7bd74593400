// A captured request typed, pasted or opened from a file (raw HTTP, a cURL command or a HAR), read as the
// text changes; for a HAR, the list of its Chat API entries to pick one from.
#pragma once

#include "core/interchange/capture_text.h"

#include <QWidget>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
QT_END_NAMESPACE

namespace kommo::ui {

class CaptureInput : public QWidget
{
    Q_OBJECT

public:
    explicit CaptureInput(QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QListWidget *entryList() const { return m_entries; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *pasteButton() const { return m_paste; }
    QLabel *statusLabel() const { return m_status; }

    // The request chosen (the only one of raw HTTP or cURL, the selected entry of a HAR); none while the
    // input is empty or cannot be read.
    std::optional<CapturedRequest> current() const;
    // Why the input cannot be read (a sentence), or empty.
    QString error() const { return m_error; }
    // Every request read (a HAR's Chat API entries, in the order of the entry list).
    const QList<CapturedRequest> &requests() const { return m_set.requests; }

    // Reads the text now instead of after the short pause that typing gets.
    void readNow();
    // Opens a file (up to 8 MiB): its exact bytes are read, not the text the editor shows.
    bool openFile(const QString &path);
    // A request that exists already (what was sent): kept exactly until the text is edited.
    void setCapture(const CapturedRequest &request, const QString &shownText);
    // Whether the request is still the one given to setCapture (the text was not edited since).
    bool isFixed() const { return m_source == Source::Fixed; }

    // Test seam: what "Open…" asks for instead of a native file dialog.
    void setOpenFileNameProvider(std::function<QString()> provider) { m_openProvider = std::move(provider); }

Q_SIGNALS:
    // The chosen request changed (or the input became unreadable).
    void captureChanged();

protected:
    // A file dropped on the text is opened (its exact bytes); dropped text goes into the editor as usual.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextEdited();
    void readBytes(const QByteArray &bytes, const QString &name);
    void showStatus();

    QPlainTextEdit *m_text;
    QListWidget *m_entries;
    QPushButton *m_open;
    QPushButton *m_paste;
    QLabel *m_status;
    QTimer *m_debounce;
    std::function<QString()> m_openProvider;

    // What the requests were read from, when it is not the text itself (a file's bytes, an exchange).
    enum class Source
    {
        Text,
        FileBytes,
        Fixed
    };
    Source m_source = Source::Text;
    QString m_fileName;
    interchange::CaptureSet m_set;
    QString m_error;
    bool m_settingText = false;
};

} // namespace kommo::ui

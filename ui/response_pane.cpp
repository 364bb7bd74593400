#include "ui/response_pane.h"

#include "core/transport/transport.h"
#include "ui/copy_button.h"
#include "ui/text_views.h"
#include "ui/visible_text.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

QString toneColor(diagnosis::Tone tone)
{
    switch (tone) {
    case diagnosis::Tone::Success:
        return QStringLiteral("#2e9e4f");
    case diagnosis::Tone::Warning:
        return QStringLiteral("#c98a10");
    case diagnosis::Tone::Error:
        return QStringLiteral("#d03a3a");
    case diagnosis::Tone::Info:
        break;
    }
    return QString();
}

QString toneMark(diagnosis::Tone tone)
{
    switch (tone) {
    case diagnosis::Tone::Success:
        return QStringLiteral("\u2714");
    case diagnosis::Tone::Warning:
        return QStringLiteral("\u26A0");
    case diagnosis::Tone::Error:
        return QStringLiteral("\u2716");
    case diagnosis::Tone::Info:
        break;
    }
    return QStringLiteral("\u2139");
}

// Indents valid JSON text without parsing it into objects, so that keys keep the order they arrived in.
QString indentJson(const QByteArray &json)
{
    QByteArray out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] { out.append('\n').append(QByteArray(depth * 2, ' ')); };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            // Empty containers stay on one line.
            qsizetype j = i + 1;
            while (j < json.size() && QByteArrayView(" \t\r\n").contains(json.at(j)))
                ++j;
            if (j < json.size() && (json.at(j) == '}' || json.at(j) == ']')) {
                out.append(c).append(json.at(j));
                i = j;
                break;
            }
            out.append(c);
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        default:
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

QString ms(qint64 value)
{
    return value < 0 ? QStringLiteral("\u2014") : QStringLiteral("%1 ms").arg(value);
}

} // namespace

ResponsePane::ResponsePane(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_timings(new QLabel(this))
    , m_diagnosis(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_pretty(new QPlainTextEdit(this))
    , m_raw(new QPlainTextEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_verifySent(new QPushButton(tr("Why 403? Verify what was sent"), this))
{
    setObjectName(QStringLiteral("responsePane"));
    m_status->setObjectName(QStringLiteral("responseStatusLabel"));
    m_timings->setObjectName(QStringLiteral("responseTimingsLabel"));
    m_diagnosis->setObjectName(QStringLiteral("responseDiagnosisLabel"));
    m_pretty->setObjectName(QStringLiteral("responsePrettyEdit"));
    m_raw->setObjectName(QStringLiteral("responseRawEdit"));
    m_headers->setObjectName(QStringLiteral("responseHeadersEdit"));
    m_tabs->setObjectName(QStringLiteral("responseTabs"));

    QFont bold = m_status->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_status->setFont(bold);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosis->setWordWrap(true);
    m_diagnosis->setTextFormat(Qt::RichText);
    m_diagnosis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosis->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_timings->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    for (QPlainTextEdit *view : {m_pretty, m_raw, m_headers}) {
        view->setReadOnly(true);
        makeByteView(view, view != m_headers, view == m_raw);
    }
    m_pretty->setAccessibleName(tr("Response body, pretty JSON"));
    m_raw->setAccessibleName(tr("Response body, raw bytes"));
    m_headers->setAccessibleName(tr("Response headers"));

    auto *bodies = new QSplitter(Qt::Horizontal, this);
    bodies->setObjectName(QStringLiteral("responseBodySplitter"));
    bodies->setChildrenCollapsible(false);
    const auto titled = [this](const QString &title, QWidget *view, QWidget *extra) {
        auto *w = new QWidget(this);
        auto *head = new QHBoxLayout;
        head->addWidget(new QLabel(title, w), 1);
        if (extra)
            head->addWidget(extra);
        auto *layout = new QVBoxLayout(w);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addLayout(head);
        layout->addWidget(view, 1);
        return w;
    };
    bodies->addWidget(titled(tr("Pretty JSON"), m_pretty, nullptr));
    bodies->addWidget(titled(tr("Raw bytes"), m_raw,
                             new CopyButton(
                                 tr("the response body"), [this] { return m_rawBody; }, this)));
    m_tabs->addTab(bodies, tr("&Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->setDocumentMode(true);

    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("<b>Response</b>"), this));
    head->addWidget(m_status);
    head->addStretch(1);
    m_verifySent->setObjectName(QStringLiteral("verifySentButton"));
    m_verifySent->setToolTip(tr("Run the verifier on exactly what was sent, with the form's secret"));
    m_verifySent->hide();
    connect(m_verifySent, &QPushButton::clicked, this, &ResponsePane::verifySentRequested);
    head->addWidget(m_verifySent);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(m_timings);
    layout->addWidget(m_diagnosis);
    layout->addWidget(m_tabs, 1);

    m_status->setText(tr("Nothing sent yet"));
    m_timings->setText(tr("Press Send (Ctrl+Return) to send the request."));
}

void ResponsePane::showSending(const QString &where)
{
    m_status->setText(tr("Sending\u2026"));
    m_verifySent->hide();
    m_timings->setText(tr("To %1. Esc cancels.").arg(where));
    m_diagnosis->clear();
    m_lines.clear();
}

void ResponsePane::showBlocked(const QString &why)
{
    m_status->setText(tr("Not sent"));
    m_verifySent->hide();
    m_timings->clear();
    m_diagnosis->setText(QStringLiteral("<span style='color:%1'>\u2716 %2</span>")
                             .arg(toneColor(diagnosis::Tone::Error), why.toHtmlEscaped()));
}

void ResponsePane::showExchange(const Exchange &exchange, const QList<diagnosis::Line> &lines)
{
    m_lines = lines;
    m_rawBody = exchange.responseBody;
    m_verifySent->setVisible(exchange.status == 403);
    if (exchange.hasResponse()) {
        m_status->setText(QString::fromLatin1(exchange.statusLine()));
    } else {
        m_status->setText(tr("No response"));
    }
    const Timings &t = exchange.timings;
    QString timings = tr("First byte %1 \u00b7 total %2").arg(ms(t.firstByteMs), ms(t.totalMs));
    if (t.connectStartMs >= 0)
        timings += tr(" \u00b7 new connection at %1").arg(ms(t.connectStartMs));
    if (t.encryptedMs >= 0)
        timings += tr(" \u00b7 TLS done at %1").arg(ms(t.encryptedMs));
    timings += tr(" \u00b7 body %1").arg(byteSummary(exchange.responseBody));
    if (exchange.truncated)
        timings += tr(" (truncated at the size limit)");
    m_timings->setText(timings);

    QStringList html;
    for (const diagnosis::Line &line : lines) {
        const QString color = toneColor(line.tone);
        const QString text = toneMark(line.tone) + u' ' + line.text.toHtmlEscaped();
        html.append(color.isEmpty() ? text
                                    : QStringLiteral("<span style='color:%1'>%2</span>").arg(color, text));
    }
    m_diagnosis->setText(html.join(QStringLiteral("<br>")));

    QString headers;
    for (const Header &h : exchange.responseHeaders)
        headers += QString::fromUtf8(h.name + ": " + h.value) + u'\n';
    m_headers->setPlainText(
        exchange.hasResponse() ? QString::fromLatin1(exchange.statusLine()) + u'\n' + headers : QString());
    m_raw->setPlainText(QString::fromUtf8(exchange.responseBody));
    QJsonParseError error;
    QJsonDocument::fromJson(exchange.responseBody, &error); // only to know whether it is JSON
    if (exchange.responseBody.isEmpty())
        m_pretty->setPlainText(tr("(no body)"));
    else if (error.error == QJsonParseError::NoError)
        m_pretty->setPlainText(indentJson(exchange.responseBody));
    else
        m_pretty->setPlainText(tr("(not JSON: %1)").arg(error.errorString()));
}

} // namespace kommo::ui

#include "ui/raw_request_pane.h"

#include "core/transport/transport.h"
#include "ui/copy_button.h"
#include "ui/text_views.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kommo::ui {
namespace {

QWidget *page(QWidget *parent, QLabel *info, QPlainTextEdit *view, CopyButton *copy)
{
    auto *w = new QWidget(parent);
    auto *head = new QHBoxLayout;
    head->addWidget(info, 1);
    head->addWidget(copy);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(view, 1);
    return w;
}

} // namespace

RawRequestPane::RawRequestPane(RequestDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_tabs(new QTabWidget(this))
    , m_pending(new QPlainTextEdit(this))
    , m_sent(new QPlainTextEdit(this))
    , m_pendingInfo(new QLabel(this))
    , m_sentInfo(new QLabel(tr("Nothing sent yet."), this))
{
    setObjectName(QStringLiteral("rawRequestPane"));
    m_pending->setObjectName(QStringLiteral("rawRequestEdit"));
    m_sent->setObjectName(QStringLiteral("sentRequestEdit"));
    m_sentInfo->setObjectName(QStringLiteral("sentInfoLabel"));
    m_tabs->setObjectName(QStringLiteral("rawRequestTabs"));
    for (QPlainTextEdit *view : {m_pending, m_sent}) {
        view->setReadOnly(true);
        makeByteView(view, false);
    }
    m_pending->setAccessibleName(tr("Raw request"));
    m_sent->setAccessibleName(tr("Request as sent"));
    // One line each, so that the request keeps the room; the full text is in the tooltip.
    for (QLabel *info : {m_pendingInfo, m_sentInfo})
        info->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_tabs->addTab(page(this, m_pendingInfo, m_pending,
                        new CopyButton(
                            tr("the raw request"), [this] { return m_draft->current().rawRequest; }, this)),
                   tr("Raw re&quest"));
    m_tabs->addTab(page(this, m_sentInfo, m_sent,
                        new CopyButton(
                            tr("the request as sent"), [this] { return m_sentRaw; }, this)),
                   tr("As sent"));
    m_tabs->setDocumentMode(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_draft, &RequestDraft::changed, this, &RawRequestPane::syncFromDraft);
    syncFromDraft();
}

QString RawRequestPane::displayRaw(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return QString::fromUtf8(raw);
    QByteArray head = raw.first(end + 2);
    head.replace("\r\n", "\n");
    return QString::fromUtf8(head + '\n' + raw.mid(end + 4));
}

void RawRequestPane::syncFromDraft()
{
    const SignedRequest &r = m_draft->current();
    const QString shown = displayRaw(r.rawRequest);
    if (m_pending->toPlainText() != shown)
        m_pending->setPlainText(shown);
    m_pendingInfo->setText(r.canSend() ? tr("%n byte(s), CRLF line ends", nullptr, int(r.rawRequest.size()))
                                       : tr("Cannot be sent as it is: see the findings."));
    m_pendingInfo->setToolTip(r.canSend() ? tr("%n byte(s) as the socket will carry them (CRLF line ends).",
                                               nullptr, int(r.rawRequest.size()))
                                          : QString());
}

void RawRequestPane::showSent(const Exchange &exchange)
{
    m_sentRaw = exchange.sentRaw;
    m_sent->setPlainText(displayRaw(exchange.sentRaw));
    const QString at = QLocale::c().toString(exchange.sentAt.toUTC(), QStringLiteral("HH:mm:ss 'UTC'"));
    // Nothing reached the server when the connection itself failed: say so rather than "sent".
    const bool reachedServer = exchange.hasResponse() || exchange.timings.requestSentMs >= 0;
    m_sentInfo->setText(reachedServer
                            ? tr("Sent %1, %n header(s)", nullptr, int(exchange.sentHeaders.size())).arg(at)
                            : tr("Not sent (%1): what would have gone out").arg(at));
    m_sentInfo->setToolTip(reachedServer ? tr("Sent at %1, %n header(s), every one shown, to %2", nullptr,
                                              int(exchange.sentHeaders.size()))
                                               .arg(at, exchange.url.toString())
                                         : exchange.fault.message);
    m_tabs->setCurrentIndex(1);
}

} // namespace kommo::ui

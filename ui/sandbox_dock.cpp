#include "ui/sandbox_dock.h"

#include "ui/raw_request_pane.h"
#include "ui/text_views.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kommo::ui {

SandboxDock::SandboxDock(QWidget *parent)
    : QDockWidget(tr("Sandbox: received requests"), parent)
    , m_follow(new QCheckBox(tr("The sandbox's channel follows the form's scope_id and secret"), this))
    , m_list(new QTreeWidget(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sandboxDock"));
    m_list->setObjectName(QStringLiteral("sandboxRequestList"));
    m_detail->setObjectName(QStringLiteral("sandboxRequestDetail"));
    m_list->setHeaderLabels({tr("Time"), tr("Answer"), tr("Method"), tr("Target"), tr("Verdict")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_detail->setReadOnly(true);
    makeByteView(m_detail, false, false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("sandboxSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_follow->setObjectName(QStringLiteral("sandboxFollowCheck"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Turn off to keep the channel the sandbox holds now: a different secret typed in "
                            "the form then earns the 403 a wrong secret gets."));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_follow);
    layout->addWidget(splitter, 1);
    setWidget(content);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &SandboxDock::showDetail);
}

void SandboxDock::addRequest(const sandbox::ReceivedRequest &request)
{
    m_requests.append(request);
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(0, QLocale::c().toString(request.at.toUTC(), QStringLiteral("HH:mm:ss")));
    item->setText(1, QString::number(request.status));
    item->setText(2, QString::fromLatin1(request.method));
    item->setText(3, QString::fromUtf8(request.target));
    item->setText(4, request.verdict);
    item->setToolTip(4, request.verdict);
    item->setData(0, Qt::UserRole, int(m_requests.size() - 1));
    m_list->setCurrentItem(item);
}

void SandboxDock::showDetail()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const sandbox::ReceivedRequest &r = m_requests.at(item->data(0, Qt::UserRole).toInt());
    QString text = QString::fromUtf8(r.method + ' ' + r.target) + u'\n';
    for (const Header &h : r.headers)
        text += QString::fromUtf8(h.name + ": " + h.value) + u'\n';
    text += u'\n' + QString::fromUtf8(r.body) + u'\n';
    text += tr("\n\u2192 answered %1: %2\n").arg(r.status).arg(r.verdict);
    text += QString::fromUtf8(r.responseBody);
    m_detail->setPlainText(text);
}

} // namespace kommo::ui

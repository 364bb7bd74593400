#include "ui/export_menu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLoggingCategory>
#include <QMimeData>

Q_LOGGING_CATEGORY(lcExportMenu, "kommo.ui.export")

namespace kommo::ui {
namespace {

using interchange::ExportFormat;

QString formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Curl:
        return ExportMenu::tr("c&URL command");
    case ExportFormat::Http:
        return ExportMenu::tr("&Raw HTTP");
    case ExportFormat::Har:
        return ExportMenu::tr("&HAR");
    case ExportFormat::Php:
        return ExportMenu::tr("&PHP");
    case ExportFormat::Python:
        return ExportMenu::tr("P&ython");
    case ExportFormat::Node:
        return ExportMenu::tr("&Node.js");
    case ExportFormat::Go:
        return ExportMenu::tr("&Go");
    case ExportFormat::CSharp:
        return ExportMenu::tr("&C#");
    case ExportFormat::Shell:
        return ExportMenu::tr("S&hell (openssl and curl)");
    }
    return QString();
}

bool isSnippet(ExportFormat format)
{
    return format != ExportFormat::Curl && format != ExportFormat::Http && format != ExportFormat::Har;
}

} // namespace

ExportMenu::ExportMenu(std::function<SignedRequest()> request, QWidget *parent)
    : QMenu(tr("E&xport"), parent)
    , m_request(std::move(request))
    , m_keepCredentials(new QAction(tr("&Keep credentials (Cookie, Authorization)"), this))
{
    setObjectName(QStringLiteral("exportMenu"));
    m_keepCredentials->setObjectName(QStringLiteral("exportKeepCredentials"));
    m_keepCredentials->setCheckable(true);
    m_keepCredentials->setToolTip(
        tr("Off: Cookie, Authorization and Proxy-Authorization values are replaced by [masked]"));
    setToolTipsVisible(true);

    addSection(tr("Copy to the clipboard"));
    QMenu *save = new QMenu(tr("&Save to a file"), this);
    save->setObjectName(QStringLiteral("exportSaveMenu"));
    for (ExportFormat format : interchange::exportFormats()) {
        const QString name = interchange::exportFormatName(format);
        QAction *copy = addAction(formatLabel(format));
        copy->setObjectName(QStringLiteral("exportCopy_") + name);
        copy->setToolTip(
            isSnippet(format)
                ? tr("A program that signs the request itself when it runs, with the secret from "
                     "KOMMO_CHANNEL_SECRET")
                : tr("The exact request, signed now (valid for 15 minutes from its Date)"));
        connect(copy, &QAction::triggered, this, [this, format] { copyToClipboard(format); });
        m_copyActions.append(copy);

        QAction *file = save->addAction(formatLabel(format));
        file->setObjectName(QStringLiteral("exportSave_") + name);
        connect(file, &QAction::triggered, this, [this, format] { saveToFile(format); });
        m_saveActions.append(file);
    }
    addSeparator();
    addMenu(save);
    addSeparator();
    addAction(m_keepCredentials);
}

QAction *ExportMenu::copyAction(ExportFormat format) const
{
    return m_copyActions.value(interchange::exportFormats().indexOf(format));
}

QAction *ExportMenu::saveAction(ExportFormat format) const
{
    return m_saveActions.value(interchange::exportFormats().indexOf(format));
}

QByteArray ExportMenu::exportText(ExportFormat format) const
{
    interchange::ExportOptions options;
    options.keepCredentials = m_keepCredentials->isChecked();
    // The request carries no secret: exports cannot hold it whatever the format.
    return interchange::exportRequest(m_request(), format, options);
}

bool ExportMenu::copyToClipboard(ExportFormat format)
{
    const QByteArray text = exportText(format);
    auto *mime = new QMimeData;
    mime->setData(QStringLiteral("text/plain;charset=utf-8"), text);
    mime->setText(QString::fromUtf8(text));
    QApplication::clipboard()->setMimeData(mime);
    Q_EMIT exported(
        isSnippet(format)
            ? tr("The %1 program is on the clipboard; it reads the secret from KOMMO_CHANNEL_SECRET.")
                  .arg(interchange::exportFormatName(format))
            : tr("The %1 export is on the clipboard; its signature is valid for 15 minutes from its "
                 "Date.")
                  .arg(interchange::exportFormatName(format)));
    return true;
}

bool ExportMenu::saveToFile(ExportFormat format)
{
    const QString suggested = QStringLiteral("delivery_status.") + interchange::exportFileSuffix(format);
    const QString path =
        m_saveProvider ? m_saveProvider(suggested)
                       : QFileDialog::getSaveFileName(parentWidget(), tr("Export the request"), suggested);
    if (path.isEmpty())
        return false;
    const Result<bool> written = interchange::writeExportFile(path, exportText(format));
    if (!written) {
        Q_EMIT exported(written.error());
        return false;
    }
    qCInfo(lcExportMenu) << "exported" << interchange::exportFormatName(format) << "to" << path;
    Q_EMIT exported(tr("Saved the %1 export to %2.").arg(interchange::exportFormatName(format), path));
    return true;
}

} // namespace kommo::ui

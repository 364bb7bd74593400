// The Export menu: the current request in every format core exports (cURL, raw HTTP, HAR and the code
// snippets), to the clipboard or to a file. Never the secret; credentials masked unless kept on purpose.
#pragma once

#include "core/interchange/export.h"

#include <QMenu>

#include <functional>

namespace kommo::ui {

class ExportMenu : public QMenu
{
    Q_OBJECT

public:
    // request is read at the moment of each export.
    ExportMenu(std::function<SignedRequest()> request, QWidget *parent = nullptr);

    QAction *keepCredentialsAction() const { return m_keepCredentials; }
    QAction *copyAction(interchange::ExportFormat format) const;
    QAction *saveAction(interchange::ExportFormat format) const;

    // The text a format exports now, as the actions copy or save it.
    QByteArray exportText(interchange::ExportFormat format) const;
    bool copyToClipboard(interchange::ExportFormat format);
    // Asks for a file name (through the provider when one is set) and writes the export; false when
    // canceled or not written.
    bool saveToFile(interchange::ExportFormat format);

    // Test seam: what "Save" asks for instead of a native dialog; gets a suggested name, returns a path or
    // "".
    void setSaveFileNameProvider(std::function<QString(const QString &suggested)> provider)
    {
        m_saveProvider = std::move(provider);
    }

Q_SIGNALS:
    // A sentence for the status bar (copied, saved, or why not).
    void exported(const QString &message);

private:
    std::function<SignedRequest()> m_request;
    std::function<QString(const QString &)> m_saveProvider;
    QAction *m_keepCredentials;
    QList<QAction *> m_copyActions;
    QList<QAction *> m_saveActions;
};

} // namespace kommo::ui

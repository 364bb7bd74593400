// A dock that shows what the built-in sandbox received and what it answered, request by request.
#pragma once

#include "core/sandbox/sandbox.h"

#include <QDockWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QPlainTextEdit;
class QTreeWidget;
QT_END_NAMESPACE

namespace kommo::ui {

class SandboxDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit SandboxDock(QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPlainTextEdit *detail() const { return m_detail; }
    QCheckBox *followCheck() const { return m_follow; }

public Q_SLOTS:
    void addRequest(const kommo::sandbox::ReceivedRequest &request);

private:
    void showDetail();

    QCheckBox *m_follow;
    QTreeWidget *m_list;
    QPlainTextEdit *m_detail;
    QList<sandbox::ReceivedRequest> m_requests;
};

} // namespace kommo::ui

// Shared by the tests: the signing vectors, the CLI as a real process, and finding matchers.
#pragma once

#include "core/findings.h"
#include "core/signing/signing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace kommo::test {

// The vectors of tests/data/signing.json (a copy of shared/vectors/signing.json).
inline QJsonArray signingVectors()
{
    QFile file(QStringLiteral(KOMMO_TEST_DATA "/signing.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the signing vectors");
    return QJsonDocument::fromJson(file.readAll()).array();
}

// A data column "vector" with one row per signing vector (or per vector that has a form), named by its id.
enum class Vectors
{
    All,
    WithForm
};
inline void addVectorRows(Vectors which = Vectors::All)
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonArray all = signingVectors();
    if (all.size() < 11)
        qFatal("the signing vectors are missing");
    for (const QJsonValue &v : all) {
        if (which == Vectors::All || v.toObject().contains(u"form"))
            QTest::newRow(v.toObject().value(u"id").toString().toUtf8().constData()) << v.toObject();
    }
}

// The request a vector describes as raw parts: its exact body bytes, path, method, Content-Type and Date.
inline RequestSpec vectorRawSpec(const QJsonObject &v)
{
    RequestSpec spec;
    spec.path = v.value(u"path").toString().toUtf8();
    spec.body = v.value(u"body").toString().toUtf8();
    spec.method = v.value(u"method").toString().toUtf8();
    spec.contentType = v.value(u"content_type").toString().toUtf8();
    spec.date = v.value(u"date").toString().toUtf8();
    return spec;
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the CLI with arguments, feeding input to its standard input, and waits (up to 60 s) for it to end.
inline ProcessResult runCli(const QStringList &arguments, const QByteArray &input = {},
                            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KOMMO_CLI), arguments);
    if (!process.waitForStarted(10000))
        qFatal("the CLI did not start");
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("the CLI did not finish");
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The words of an expectation such as "error: the body msgid differs from the msgid in the path".
inline QStringList significantWords(const QString &text)
{
    static const QSet<QString> stop = {QStringLiteral("the"),  QStringLiteral("and"),  QStringLiteral("from"),
                                       QStringLiteral("with"), QStringLiteral("for"),  QStringLiteral("not"),
                                       QStringLiteral("than"), QStringLiteral("that"), QStringLiteral("its")};
    QStringList words;
    const QStringList parts =
        text.toLower().split(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), Qt::SkipEmptyParts);
    for (const QString &w : parts) {
        if (w.size() >= 3 && !stop.contains(w))
            words.append(w);
    }
    return words;
}

// Whether one finding (severity, field, id, message) answers a vector's expect_finding, written as
// "SEVERITY: words". The severity must match, and the finding's text must hold most of the words.
inline bool matchesExpectation(const QString &severity, const QString &findingText,
                               const QString &expectation)
{
    const qsizetype colon = expectation.indexOf(u':');
    const QString wanted = expectation.left(colon).trimmed().toLower();
    if (wanted != severity)
        return false;
    const QStringList words = significantWords(expectation.mid(colon + 1));
    const QString haystack = findingText.toLower();
    qsizetype found = 0;
    for (const QString &w : words) {
        if (haystack.contains(w))
            ++found;
    }
    return !words.isEmpty() && found * 10 >= words.size() * 7;
}

inline bool hasExpectedFinding(const QList<Finding> &findings, const QString &expectation)
{
    for (const Finding &f : findings) {
        if (matchesExpectation(severityName(f.severity), f.field + u' ' + f.id + u' ' + f.message,
                               expectation))
            return true;
    }
    return false;
}

inline bool hasExpectedFinding(const QJsonArray &findings, const QString &expectation)
{
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        const QString text = f.value(u"field").toString() + u' ' + f.value(u"id").toString() + u' ' +
                             f.value(u"message").toString();
        if (matchesExpectation(f.value(u"severity").toString(), text, expectation))
            return true;
    }
    return false;
}

} // namespace kommo::test

// A captured request loaded into the editor: which draft field takes which captured value, so that the
// console rebuilds the very same request (to fix and re-send it), and what was sent seen as a capture.
#pragma once

#include "core/delivery/delivery.h"
#include "core/draft/requestdraft.h"
#include "core/findings.h"
#include "core/interchange/captured.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace kommo {

struct Exchange;

// What the draft takes from a capture. The secret is never part of it: the capture does not hold it.
struct DraftFields
{
    std::optional<QString> baseUrl; // scheme://host of the capture; none when the capture names no host
    QString scopeId;                // from a delivery-status path; empty otherwise
    QString msgid;
    delivery::Form form;            // the body read as the form, where it is one
    bool formBody = false;          // the form's canonical body is byte for byte the captured body
    QByteArray rawBody;             // the captured body, exact bytes (used when formBody is false)
    QByteArray method;              // as captured
    QByteArray pathOverride;        // empty when the form's path is exactly the captured target
    QByteArray contentType;         // as captured (empty when the capture has none)
    std::optional<QByteArray> date; // as captured; none when the capture has no Date
    QList<Header> extraHeaders;     // every captured header the console does not compute, in order
    // What does not carry over as captured, in sentences (a Host that differs from the URL, ...).
    QList<Finding> notes;
};

// The draft's fields for a captured request. Fails (with a sentence) when the body is unknown (a cURL @file).
Result<DraftFields> draftFieldsFromCapture(const CapturedRequest &captured);

struct LoadOptions
{
    // Keep the editor's target (base URL) instead of the capture's host: to re-send a capture to the sandbox.
    bool keepBaseUrl = false;
};

// Applies the fields through the draft's setters in one batch (one changed signal). The secret, and the
// scope_id and msgid when the path names none, stay as they are. A captured Date is kept fixed, so that
// signing with the same secret gives the captured X-Signature; "Re-sign now" then stamps a fresh one.
void applyDraftFields(RequestDraft &draft, const DraftFields &fields, const LoadOptions &options = {});

// Both steps; fails like draftFieldsFromCapture and then changes nothing.
Result<DraftFields> loadCapture(RequestDraft &draft, const CapturedRequest &captured,
                                const LoadOptions &options = {});

// What went out in an exchange, as a capture: the sent headers in order, the sent body, the URL's target.
CapturedRequest captureFromExchange(const Exchange &exchange);

} // namespace kommo

// SPDX-License-Identifier: MIT
//
// delivery_status.h: the delivery-status parts of a message (RFC 3464 message/delivery-status,
// RFC 6533 message/global-delivery-status) found in its MIME tree and read into recipients,
// whatever the container's declared report-type, also inside a forwarded message/rfc822. Some
// servers write one part per recipient. Without such a part, RFC 3464 fields written into the
// human-readable text stand in for it (fields_in_text.h). Also the returned original's
// From/To/Subject/Date/Message-ID, for the report's `original`.

#ifndef BOUNCETOLK_DSN_DELIVERY_STATUS_H_
#define BOUNCETOLK_DSN_DELIVERY_STATUS_H_

#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/report.h"
#include "mime/mime_walk.h"
#include "view/message_view.h"

namespace bouncetolk {

/// Reads the recipients of every delivery-status part of \a root, in pre-order, numbered from
/// 1. The first part sets \a report's per-message fields, format "rfc3464" and original (from
/// that part's siblings), unless \a report has a format already. When the parts name no
/// recipient, the fields in the view's text are read instead (format "rfc3464-text"). Problems
/// found in the parts are appended to \a report.
std::vector<RecipientResult> ReadDeliveryStatusParts(const Entity& root, const MessageView& view,
                                                     const AnalyzeOptions& options, Report* report);

/// Fills the empty fields of \a o from the header block \a headers of a returned original.
void FillOriginal(const std::vector<Field>& headers, OriginalMessage* o);

/// Fills \a original from the first child of \a container that holds the returned message or
/// its headers (ReturnedHeaders()); leaves it alone when there is none.
void FindOriginal(const Entity& container, const AnalyzeOptions& options,
                  OriginalMessage* original);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_DELIVERY_STATUS_H_

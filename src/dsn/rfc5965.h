// SPDX-License-Identifier: MIT
//
// rfc5965.h: ARF feedback reports (RFC 5965: multipart/report; report-type=feedback-report with
// a message/feedback-report part), read into a Report of kind kFeedback: Feedback-Type, and one
// recipient per Original-Rcpt-To (or Removal-Recipient, or the returned message's To). Also
// Apple Mail's one-click unsubscribe mail (X-Apple-Unsubscribe: true), which mailbox providers
// send instead of an ARF opt-out report. No status code: nothing failed.

#ifndef BOUNCETOLK_DSN_RFC5965_H_
#define BOUNCETOLK_DSN_RFC5965_H_

#include "bouncetolk/options.h"
#include "bouncetolk/report.h"
#include "mime/mime_walk.h"

namespace bouncetolk {

/// Fills \a report (kind, feedback_type, recipients) when \a root is a feedback report and
/// returns true; returns false and leaves \a report alone otherwise.
bool ReadFeedbackReport(const Entity& root, const AnalyzeOptions& options, Report* report);

/// A feedback recipient: reason feedback, no status, nothing failed.
RecipientResult MakeFeedbackRecipient(std::string_view address, int index);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_RFC5965_H_

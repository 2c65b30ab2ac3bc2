// SPDX-License-Identifier: MIT
//
// fields_in_text.h: reports that write RFC 3464 per-recipient fields ("Final-Recipient:",
// "Action:", "Status:", "Diagnostic-Code:") into the human-readable text instead of a
// message/delivery-status part (Amazon WorkMail's "Technical report:", some gateways that
// flatten multipart/report, or whose MIME boundary is broken). The fields are read with the
// delivery-status parser of rfc3464.h; analyze.cpp uses them in place of the missing part
// (format "rfc3464-text").

#ifndef BOUNCETOLK_DSN_FIELDS_IN_TEXT_H_
#define BOUNCETOLK_DSN_FIELDS_IN_TEXT_H_

#include <vector>

#include "bouncetolk/report.h"
#include "view/message_view.h"

namespace bouncetolk {

/// The recipients of the RFC 3464 fields in the view's text, numbered from 1, from the first
/// line that is one of Reporting-MTA, Final-Recipient, Original-Recipient or Action on.
/// Groups without a recipient are left out. Empty when the text has no such fields.
std::vector<RecipientResult> DecodeFieldsInText(const MessageView& view);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_FIELDS_IN_TEXT_H_

// SPDX-License-Identifier: MIT
//
// rfc3834.cpp: see rfc3834.h.

#include "dsn/rfc3834.h"

#include "common/address.h"
#include "common/text.h"
#include "view/markers.h"

namespace bouncetolk {

bool ReadAutoReply(const MessageView& view, Report* report) {
  if (!HasMarker(view, "autoreply") || HasMarker(view, "generic")) return false;
  // RFC 3834 section 5: "auto-generated" is a notification, not a reply.
  const std::string submitted = AsciiLowerCopy(Trim(view.Header("Auto-Submitted")));
  if (submitted.compare(0, 14, "auto-generated") == 0 && view.normalized_subject.empty())
    return false;
  const std::vector<std::string> from = AllAddresses(view.from);
  RecipientResult r;
  r.index = 1;
  r.recipient = from.empty() ? std::string() : from.front();
  r.recipient_type = "rfc822";
  r.reason = Reason::kVacation;
  r.permanence = Permanence::kSuccess;
  r.text_id = "reason:vacation";
  r.diagnostic = RepairUtf8(CollapseSpace(view.text.substr(0, 500)));
  report->kind = MessageKind::kAutoReply;
  report->format = "rfc3834";
  report->recipients.push_back(std::move(r));
  return true;
}

}  // namespace bouncetolk

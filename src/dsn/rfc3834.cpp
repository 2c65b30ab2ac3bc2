// SPDX-License-Identifier: MIT
//
// rfc3834.cpp: see rfc3834.h.

#include "dsn/rfc3834.h"

#include "common/address.h"
#include "common/text.h"
#include "rules/rule_table.h"
#include "view/markers.h"

namespace bouncetolk {

bool IsClearAutoReply(const MessageView& view) {
  const auto rows = view.tables->lhost_by_reader.find(std::string_view("autoreply-prefix"));
  if (rows == view.tables->lhost_by_reader.end()) return false;
  bool prefix = false;
  for (int i : rows->second) {
    const LhostMarker& m = view.tables->lhost_markers[static_cast<std::size_t>(i)];
    prefix |= m.field == MarkerField::kSubject &&
              view.normalized_subject.compare(0, m.pattern.size(), m.pattern) == 0;
  }
  if (!prefix) return false;
  // A bounce about an auto-reply ("Undeliverable: Automatic reply: ...") starts otherwise; a
  // bounce sender or a report header still wins.
  const std::string from = AsciiLowerCopy(view.from);
  for (std::string_view bounce_sender : {"mailer-daemon", "postmaster", "mail delivery"}) {
    if (from.find(bounce_sender) != std::string::npos) return false;
  }
  return view.Header("X-MS-Exchange-Message-Is-Ndr").empty() &&
         view.Header("X-Failed-Recipients").empty();
}

bool ReadAutoReply(const MessageView& view, Report* report) {
  const bool clear = IsClearAutoReply(view);
  if (!clear && (!HasMarker(view, "autoreply") || HasMarker(view, "generic"))) return false;
  // RFC 3834 section 5: "auto-generated" is a notification, not a reply.
  const std::string submitted = AsciiLowerCopy(Trim(view.Header("Auto-Submitted")));
  if (!clear && submitted.compare(0, 14, "auto-generated") == 0 && view.normalized_subject.empty())
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

// SPDX-License-Identifier: MIT
//
// messagingserver.cpp: Oracle (Sun ONE, iPlanet) Messaging Server ("This report relates to a
// message you sent with the following header fields:"). Each recipient is a group of
// "Recipient address:", "Original address:", "Reason:", "Diagnostic code:" and "Remote
// system:" lines; the original address is the one the sender wrote.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeMessagingServer(const MessageView& view) {
  std::vector<RecipientResult> out;
  std::string_view text =
      TextAfterLine(view.text, "cannot be delivered to the following recipients");
  if (text.empty()) text = view.text;
  std::string address;
  std::string details;
  auto flush = [&] {
    if (address.empty()) return;
    if (out.size() < view.max_recipients) AppendRecipient(address, details, &out);
    address.clear();
    details.clear();
  };
  for (const std::string_view raw : SplitLines(text)) {
    const std::string_view line = Trim(raw);
    if (StartsWithIgnoreCase(line, "recipient address:")) {
      flush();
      const AddressSpan span = FindAddress(line);
      if (span.found()) address = std::string(line.substr(span.begin, span.end - span.begin));
    } else if (StartsWithIgnoreCase(line, "original address:")) {
      const AddressSpan span = FindAddress(line);
      if (span.found()) address = std::string(line.substr(span.begin, span.end - span.begin));
    } else if (!line.empty()) {
      details.append(line).push_back('\n');
    }
  }
  flush();
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// exim.cpp: Exim's bounce ("Mail delivery failed: returning message to sender") and delay
// warning ("Warning: message ... delayed"). Exim lists each failed address indented under
// "The following address(es) failed:", followed by its error lines ("host mx [ip]: 550 ...",
// "SMTP error from remote mail server after RCPT TO:<a>:", "retry timeout exceeded").
// X-Failed-Recipients names the addresses when the text does not. GMX and other Exim-based
// services reuse the format.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeExim(const MessageView& view) {
  std::vector<AddressBlock> blocks = SplitAtRecipients(view.text, view.max_recipients);
  // X-Failed-Recipients lists exactly the failed addresses; other addresses the text names
  // ("A message sent by <a@b>") are not recipients.
  const std::vector<std::string> failed = AllAddresses(view.Header("X-Failed-Recipients"));
  std::vector<AddressBlock> listed;
  for (const AddressBlock& b : blocks) {
    for (const std::string& f : failed) {
      if (EqualsIgnoreCase(f, b.address)) listed.push_back(b);
    }
  }
  std::vector<RecipientResult> out = RecipientsFromBlocks(listed.empty() ? blocks : listed);
  if (!out.empty()) return out;
  // Nothing in the text: the header lists the failed addresses, the text holds the error.
  return RecipientsFromHeader(view, "X-Failed-Recipients", view.text);
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// gmail.cpp: Gmail's plain-text notices from mailer-daemon@googlemail.com ("Delivery to the
// following recipient failed permanently:" / "has been delayed:"), the address indented on its
// own line, then "Technical details of permanent failure:" and the remote server's reply
// ("The error that the other server returned was: 550 5.1.1 ..."). Newer Gmail notices
// ("** Address not found **") carry a delivery-status part and are read by rfc3464; this
// reader adds their text, which names the address inside a sentence.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeGmail(const MessageView& view) {
  std::vector<RecipientResult> out = RecipientsFromBlocks(
      SplitAtRecipients(TextBeforeLine(view.text, "original message"), view.max_recipients));
  if (!out.empty()) return out;
  // Newer notices name the address in a sentence ("Your message wasn't delivered to a@b
  // because the address couldn't be found"): X-Failed-Recipients, else the first address.
  out = RecipientsFromHeader(view, "X-Failed-Recipients", view.text);
  if (out.empty()) {
    const AddressSpan first = FindAddress(view.text);
    if (first.found())
      AppendRecipient(view.text.substr(first.begin, first.end - first.begin), view.text, &out);
  }
  return out;
}

}  // namespace bouncetolk

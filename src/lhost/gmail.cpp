// SPDX-License-Identifier: MIT
//
// gmail.cpp: Gmail's plain-text notices from mailer-daemon@googlemail.com ("Delivery to the
// following recipient failed permanently:" / "has been delayed:"), the address indented on its
// own line, then "Technical details of permanent failure:" and the remote server's reply
// ("The error that the other server returned was: 550 5.1.1 ..."). Newer Gmail notices carry a
// delivery-status part and are read by rfc3464; this reader adds their text.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

bool DetectGmail(const MessageView& view) { return HasMarker(view, "gmail"); }

std::vector<RecipientResult> DecodeGmail(const MessageView& view) {
  return RecipientsFromBlocks(SplitAtRecipients(TextBeforeLine(view.text, "original message")));
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// postfix.cpp: Postfix bounces without their delivery-status part (stripped by a relay or
// forwarded as text): "This is the mail system at host ...", then one paragraph per address,
// "<a@b>: host mx[ip] said: 550 5.1.1 ... (in reply to RCPT TO command)".

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

bool DetectPostfix(const MessageView& view) { return HasMarker(view, "postfix"); }

std::vector<RecipientResult> DecodePostfix(const MessageView& view) { return DecodeRecipientBlocks(view); }

}  // namespace bouncetolk

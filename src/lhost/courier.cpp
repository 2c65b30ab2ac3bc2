// SPDX-License-Identifier: MIT
//
// courier.cpp: the Courier mail server ("running the Courier mail server"). Each address is a
// line "<a@b>:" followed by the remote host and an SMTP transcript (">>> RCPT TO:<a@b>",
// "<<< 550 5.1.1 ..."). Courier usually adds a delivery-status part; this reader supplies the
// text when it does not.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeCourier(const MessageView& view) {
  return DecodeRecipientBlocks(view);
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// dragonfly.cpp: the DragonFly Mail Agent (dma) "This is the DragonFly Mail Agent ... There was
// an error delivering your mail to <a@b>." followed by "mx [ip] did not like our RCPT TO:" and
// the remote reply (multi-line replies separated by blank lines), or "unable to deliver" for
// messages that expired in the queue.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeDragonFly(const MessageView& view) {
  return DecodeRecipientBlocks(view);
}

}  // namespace bouncetolk

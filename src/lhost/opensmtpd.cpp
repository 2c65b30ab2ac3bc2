// SPDX-License-Identifier: MIT
//
// opensmtpd.cpp: OpenSMTPD's "Delivery status notification" ("This is the MAILER-DAEMON, please
// DO NOT REPLY to this e-mail."). Each failed recipient is one line "a@b: 550 5.1.1 ...", listed
// under "the following list of recipients:".

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeOpenSmtpd(const MessageView& view) {
  return DecodeRecipientBlocks(view);
}

}  // namespace bouncetolk

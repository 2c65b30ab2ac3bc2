// SPDX-License-Identifier: MIT
//
// notes.cpp: Lotus Notes / IBM Domino SMTP MTA ("Undeliverable message", "------- Failure
// Reasons --------"). Notes writes the reason FIRST and the address after it:
//   ------- Failure Reasons  --------
//   User not listed in public Name & Address Book
//   kijitora@example.com
// so each address takes the lines since the previous address. The reason is often in the
// server's language (ISO-2022-JP for Japanese Notes), decoded to UTF-8 before matching.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeNotes(const MessageView& view) {
  return RecipientsAfterTheirErrors(TextAfterLine(view.text, "failure reasons"), IsAddressOnlyLine,
                                    nullptr, view.max_recipients);
}

}  // namespace bouncetolk

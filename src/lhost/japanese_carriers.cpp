// SPDX-License-Identifier: MIT
//
// japanese_carriers.cpp: Japanese mobile carriers and ISPs (au/EZweb, KDDI au one net, NTT
// docomo, BIGLOBE), whose notices are partly in ISO-2022-JP or Shift_JIS and list the address
// either alone on a line ("<a@b>", "   ----- The following addresses had delivery problems
// -----") or after a lead-in ("Could not be delivered to: <a@b>"), with the reason in the
// following lines ("As their mailbox is full.") or, for EZweb, in the lines above it.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeJapaneseCarriers(const MessageView& view) {
  std::vector<RecipientResult> out = DecodeRecipientBlocks(view);
  // EZweb also writes the reason ABOVE the address ("The user(s) account is disabled.").
  const std::vector<RecipientResult> above =
      RecipientsAfterTheirErrors(view.text, IsAddressOnlyLine, nullptr, view.max_recipients);
  for (RecipientResult& r : out) {
    if (!r.diagnostic.empty()) continue;
    for (const RecipientResult& a : above) {
      if (EqualsIgnoreCase(a.recipient, r.recipient)) r.diagnostic = a.diagnostic;
    }
  }
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// exchange.cpp: Microsoft Exchange (5.5/2000/2003 "did not reach the following recipient(s)",
// 2007 and later "Delivery has failed to these recipients or groups"), Outlook.com and
// Office 365, in English and in Dutch ("Onbestelbaar", "Het bericht kan niet worden bezorgd",
// "Diagnostische gegevens voor beheerders"). Recipients are lines that start with the address
// ("a@b on <date>", "a@b<mailto:a@b>"); the address repeats under the diagnostic section
// with the remote reply ("Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
// Dutch "Externe server heeft '...' geretourneerd"), and both land in one block. The newest
// Office 365 layout names the address only in a sentence ("Your message to a@b couldn't be
// delivered"): then the first address of the text is the recipient.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeExchange(const MessageView& view) {
  std::vector<RecipientResult> out = DecodeRecipientBlocks(view);
  if (!out.empty()) return out;
  const AddressSpan first = FindAddress(view.text);
  if (first.found())
    AppendRecipient(view.text.substr(first.begin, first.end - first.begin), view.text, &out);
  return out;
}

}  // namespace bouncetolk

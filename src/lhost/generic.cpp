// SPDX-License-Identifier: MIT
//
// generic.cpp: the last reader, for formats no other reader knows. It runs only on messages
// that look like a bounce (a bounce subject or sender from lhost.tsv, or X-Failed-Recipients)
// and takes the addresses that start a line, or end one after a lead-in, in the text before
// the returned original, each with the lines that follow it. A block without any text is not
// a failure report. Addresses quoted from the returned message are never taken: the text is
// cut before it, and quoted header lines ("To: a@b") are skipped.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

bool DetectGeneric(const MessageView& view) {
  return HasMarker(view, "generic") || !view.Header("X-Failed-Recipients").empty();
}

std::vector<RecipientResult> DecodeGeneric(const MessageView& view) {
  std::vector<AddressBlock> blocks = SplitAtRecipients(view.text);
  std::vector<AddressBlock> kept;
  for (AddressBlock& b : blocks) {
    if (!Trim(b.text).empty()) kept.push_back(std::move(b));
  }
  if (!kept.empty()) return RecipientsFromBlocks(kept);
  return RecipientsFromHeader(view, "X-Failed-Recipients", view.text);
}

}  // namespace bouncetolk

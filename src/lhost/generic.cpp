// SPDX-License-Identifier: MIT
//
// generic.cpp: the last reader, for formats no other reader knows. It runs only on messages
// that look like a bounce (a bounce subject or sender from lhost.tsv, or X-Failed-Recipients)
// and takes the addresses that start a line, or end one after a lead-in, in the text before
// the returned original, each with the lines that follow it. A block without any text is not
// a failure report. When no line starts with an address, an address inside a line that says
// it failed is taken, and last the envelope recipient of a "RCPT TO:" line. Addresses quoted from
// the returned message are never taken: the text is cut before it, and quoted header lines ("To:
// a@b") are skipped.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"
#include "smtp/diagnostic.h"
#include "view/markers.h"

namespace bouncetolk {

namespace {

// Second pass for prose that names the address inside a sentence ("SMTP Server <mx> rejected
// recipient <a@b> (Error following RCPT command)", "[Status: Error, Address: <a@b>, ResponseCode
// 421, ...]"): a line with an address and a failure word ("failure" rows of lhost.tsv) or an
// SMTP code, taken with the lines that follow it up to a blank line. The bounce's own
// addressee (the original sender) is never a recipient.
std::vector<RecipientResult> AddressesInFailureLines(const MessageView& view) {
  const std::vector<std::string> to = AllAddresses(view.Header("To"));
  const std::vector<std::string_view> lines = SplitLines(view.text);
  std::vector<RecipientResult> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string normalized = NormalizeForMatch(lines[i]);
    if (!LineHasMarker(*view.tables, "failure", normalized) && !ExtractCodes(lines[i]).reply)
      continue;
    for (const std::string& address : AllAddresses(lines[i])) {
      if (!to.empty() && EqualsIgnoreCase(address, to.front())) continue;
      std::string text;
      for (std::size_t j = i; j < lines.size() && (j == i || !Trim(lines[j]).empty()); ++j) {
        text.append(lines[j]).push_back('\n');
      }
      AppendRecipient(address, text, &out);
    }
  }
  return out;
}

// Third pass: a report that lists the SMTP envelope of the failed message ("Message details:
// ... MAIL FROM: a@b / RCPT TO: c@d", as Verizon's vtext.com gateway writes it) names the
// recipient only there. The RCPT TO line is the envelope, not a header quoted from the
// returned message; the whole text is its diagnostic.
std::vector<RecipientResult> EnvelopeRecipients(const MessageView& view) {
  std::vector<RecipientResult> out;
  for (const std::string_view line : SplitLines(view.text)) {
    const std::string_view trimmed = Trim(line);
    if (!StartsWithIgnoreCase(trimmed, "rcpt to:")) continue;
    for (const std::string& address : AllAddresses(trimmed.substr(8)))
      AppendRecipient(address, view.text, &out);
  }
  return out;
}

}  // namespace

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
  std::vector<RecipientResult> out = AddressesInFailureLines(view);
  if (!out.empty()) return out;
  out = EnvelopeRecipients(view);
  if (!out.empty()) return out;
  return RecipientsFromHeader(view, "X-Failed-Recipients", view.text);
}

}  // namespace bouncetolk

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
// addressee (the original sender) is never a recipient. The recipients of one paragraph share
// its lines: each of their n texts is cut at SharedTextBytes(n), so a paragraph of 20,000 such
// lines costs no more than a few times its size.
std::vector<RecipientResult> AddressesInFailureLines(const MessageView& view) {
  const std::vector<std::string> to = AllAddresses(view.Header("To"), 1);
  const std::vector<std::string_view> lines = SplitLines(view.text);
  struct Hit {
    std::size_t line;
    std::string address;
  };
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < lines.size() && hits.size() < view.max_recipients; ++i) {
    const std::string normalized = NormalizeForMatch(lines[i]);
    if (!LineHasMarker(*view.tables, "failure", normalized) && !ExtractCodes(lines[i]).reply)
      continue;
    for (std::string& address : AllAddresses(lines[i])) {
      if (!to.empty() && EqualsIgnoreCase(address, to.front())) continue;
      if (hits.size() < view.max_recipients) hits.push_back(Hit{i, std::move(address)});
    }
  }
  std::vector<RecipientResult> out;
  for (std::size_t h = 0; h < hits.size();) {
    // The hits of one paragraph: up to the first blank line after the first of them.
    std::size_t end = hits[h].line + 1;
    while (end < lines.size() && !Trim(lines[end]).empty()) ++end;
    std::size_t last = h;
    while (last < hits.size() && hits[last].line < end) ++last;
    const std::size_t max_bytes = SharedTextBytes(last - h);
    for (; h < last; ++h) {
      std::string text;
      for (std::size_t j = hits[h].line; j < end && text.size() <= max_bytes; ++j)
        text.append(lines[j]).push_back('\n');
      AppendRecipient(hits[h].address, CutText(text, max_bytes), &out);
    }
  }
  return out;
}

// Third pass: a report that lists the SMTP envelope of the failed message ("Message details:
// ... MAIL FROM: a@b / RCPT TO: c@d", as Verizon's vtext.com gateway writes it) names the
// recipient only there. The RCPT TO line is the envelope, not a header quoted from the
// returned message; the whole text is its diagnostic, shared by all such recipients.
std::vector<RecipientResult> EnvelopeRecipients(const MessageView& view) {
  std::vector<std::string> addresses;
  for (const std::string_view line : SplitLines(view.text)) {
    const std::string_view trimmed = Trim(line);
    if (!StartsWithIgnoreCase(trimmed, "rcpt to:")) continue;
    for (std::string& address : AllAddresses(trimmed.substr(8))) {
      if (addresses.size() < view.max_recipients) addresses.push_back(std::move(address));
    }
  }
  std::vector<RecipientResult> out;
  AppendSharedRecipients(addresses, view.text, &out);
  return out;
}

}  // namespace

bool DetectGeneric(const MessageView& view) {
  return HasMarker(view, "generic") || !view.Header("X-Failed-Recipients").empty();
}

std::vector<RecipientResult> DecodeGeneric(const MessageView& view) {
  std::vector<AddressBlock> blocks = SplitAtRecipients(view.text, view.max_recipients);
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

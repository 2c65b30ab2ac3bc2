// SPDX-License-Identifier: MIT
//
// sendmail.cpp: Sendmail's "Returned mail: ..." text, as old (V5, 8.x without DSN) versions
// write it and as modern ones put it beside their delivery-status part. Two layouts:
//   - "----- The following addresses had permanent fatal errors -----" then "<a@b>" and
//     "(reason: 550 5.1.1 ...)": one block per address (the shared block splitter);
//   - "----- Transcript of session follows -----" with SMTP dialogue (">>> RCPT To:<a@b>",
//     "<<< 550 ...") closed by a line "554 <a@b>... reason" per failed address. The dialogue
//     lines before such a line belong to that address.
// When the transcript names no address at all (V5: "421 host (smtp)... Deferred"), the
// recipients of the returned message's To header are the failed ones: the only place the
// format names them.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {
namespace {

// "554 <a@b>... 550 Host unknown": the address and the text after "...".
bool ParseErrorLine(std::string_view line, std::string* address, std::string* rest) {
  line = Trim(line);
  if (line.size() < 5 || !IsDigit(line[0]) || !IsDigit(line[1]) || !IsDigit(line[2]) ||
      line[3] != ' ') {
    return false;
  }
  std::string_view tail = Trim(line.substr(4));
  if (tail.empty() || tail[0] != '<') return false;
  const AddressSpan span = FindAddress(tail);
  if (span.begin != 1) return false;
  *address = std::string(tail.substr(span.begin, span.end - span.begin));
  std::string_view after = tail.substr(span.end);
  while (!after.empty() &&
         (after[0] == '>' || after[0] == '.' || after[0] == ',' || IsBlank(after[0]))) {
    after.remove_prefix(1);
  }
  // "554 <a@b>... 550 Host unknown": the inner reply is the remote's; "554 <a@b>... Service
  // unavailable": the leading code is the only one.
  const bool inner_code =
      after.size() >= 3 && IsDigit(after[0]) && IsDigit(after[1]) && IsDigit(after[2]);
  *rest = inner_code ? std::string(after) : std::string(line.substr(0, 4)) + std::string(after);
  return true;
}

std::vector<RecipientResult> DecodeTranscript(const MessageView& view,
                                              std::string_view transcript) {
  std::string trailing;
  std::vector<RecipientResult> out =
      RecipientsAfterTheirErrors(transcript, ParseErrorLine, &trailing, view.max_recipients);
  if (out.empty() && !Trim(trailing).empty()) {
    std::vector<std::string> to = view.original_to;
    if (to.size() > view.max_recipients) to.resize(view.max_recipients);
    AppendSharedRecipients(to, trailing, &out);
  }
  return out;
}

}  // namespace

std::vector<RecipientResult> DecodeSendmail(const MessageView& view) {
  std::vector<AddressBlock> blocks = SplitAtRecipients(
      TextBeforeLine(view.text, "transcript of session follows"), view.max_recipients);
  std::vector<RecipientResult> transcript =
      DecodeTranscript(view, TextAfterLine(view.text, "transcript of session follows"));
  // An address listed without a "(reason: ...)" line takes its error from the transcript.
  for (AddressBlock& b : blocks) {
    if (!Trim(b.text).empty()) continue;
    for (const RecipientResult& t : transcript) {
      if (EqualsIgnoreCase(t.recipient, b.address)) b.text = t.diagnostic;
    }
  }
  return blocks.empty() ? transcript : RecipientsFromBlocks(blocks);
}

}  // namespace bouncetolk

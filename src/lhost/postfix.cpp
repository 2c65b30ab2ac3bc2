// SPDX-License-Identifier: MIT
//
// postfix.cpp: Postfix bounces without their delivery-status part (stripped by a relay or
// forwarded as text): "This is the mail system at host ...", then one paragraph per address,
// "<a@b>: host mx[ip] said: 550 5.1.1 ... (in reply to RCPT TO command)". Also the notice
// Postfix's SMTP server sends the postmaster ("Postfix SMTP server: errors from host[ip]"): a
// transcript of " In:" and " Out:" lines, where the recipient is the address of "In: RCPT TO:"
// and the diagnostic the server's error replies ("Out: 451 4.3.0 Error: queue file write
// error").

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {
namespace {

std::vector<RecipientResult> DecodeServerTranscript(std::string_view transcript,
                                                    std::size_t max_recipients) {
  std::vector<std::string> recipients;
  std::string errors;
  for (const std::string_view raw : SplitLines(transcript)) {
    const std::string_view line = Trim(raw);
    if (StartsWithIgnoreCase(line, "in:")) {
      const std::string_view command = Trim(line.substr(3));
      if (!StartsWithIgnoreCase(command, "rcpt to:")) continue;
      const AddressSpan span = FindAddress(command);
      if (span.found() && recipients.size() < max_recipients)
        recipients.emplace_back(command.substr(span.begin, span.end - span.begin));
    } else if (StartsWithIgnoreCase(line, "out:")) {
      const std::string_view reply = Trim(line.substr(4));
      if (!reply.empty() && (reply[0] == '4' || reply[0] == '5'))
        errors.append(reply).push_back('\n');
    }
  }
  std::vector<RecipientResult> out;
  if (errors.empty()) return out;
  AppendSharedRecipients(recipients, errors, &out);
  return out;
}

}  // namespace

std::vector<RecipientResult> DecodePostfix(const MessageView& view) {
  std::vector<RecipientResult> out = DecodeRecipientBlocks(view);
  if (!out.empty()) return out;
  return DecodeServerTranscript(TextAfterLine(view.text, "transcript of session follows"),
                                view.max_recipients);
}

}  // namespace bouncetolk

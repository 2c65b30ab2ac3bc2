// SPDX-License-Identifier: MIT
//
// filters.cpp: mail filters and gateways that return mail in their own words: m-FILTER
// ("-------server message" / "-------SMTP command" sections), McAfee ("--- The following
// addresses had delivery problems ---", "<a@b>   (reason)"), Mimecast ("-- a@b"), Symantec
// MessageLabs, Barracuda, Trend Micro InterScan, SurfControl, MailMarshal, ActiveHunter, Amavis and
// MailFoundry. All list the address at the start of a line with the reason on the same or
// the following lines; m-FILTER alone puts the failed command on the line after its
// "SMTP command" header.

#include "common/text.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeFilters(const MessageView& view) {
  std::vector<RecipientResult> out = DecodeRecipientBlocks(view);
  const std::string_view command_section = Trim(TextAfterLine(view.text, "-------smtp command"));
  const SmtpCommand command =
      FindCommand("after " + std::string(command_section.substr(0, command_section.find('\n'))));
  for (RecipientResult& r : out) {
    if (r.command == SmtpCommand::kNone) r.command = command;
  }
  return out;
}

}  // namespace bouncetolk

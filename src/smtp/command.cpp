// SPDX-License-Identifier: MIT
//
// command.cpp: see command.h.

#include "smtp/command.h"

#include "common/address.h"
#include "common/text.h"

namespace bouncetolk {

SmtpCommand NormalizeCommand(std::string_view command) {
  std::string c = AsciiLowerCopy(command);
  // A case-insensitive pattern also matches U+017F (long s) for "s" ("ſtarttls").
  for (std::size_t at = c.find("\xC5\xBF"); at != std::string::npos; at = c.find("\xC5\xBF", at))
    c.replace(at, 2, "s");
  if (c.compare(0, 4, "rcpt") == 0) return SmtpCommand::kRcpt;
  if (c.compare(0, 4, "mail") == 0) return SmtpCommand::kMail;
  if (c == "data" || c == "end of data" || c == "bdat") return SmtpCommand::kData;
  if (c == "connect" || c == "initial connection") return SmtpCommand::kConn;
  if (c == "helo") return SmtpCommand::kHelo;
  if (c == "ehlo") return SmtpCommand::kEhlo;
  if (c == "starttls") return SmtpCommand::kStartTls;
  if (c == "auth") return SmtpCommand::kAuth;
  return SmtpCommand::kNone;
}

TranscriptCommands::TranscriptCommands(std::string_view text) {
  // Most texts hold no transcript at all.
  if (text.find(">>> ") == std::string_view::npos) return;
  SmtpCommand command = SmtpCommand::kNone;  // the last ">>>" command, normalised
  std::vector<std::string> addresses;        // the addresses that command names, lower case
  std::size_t refusals = 0;
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (line.substr(0, 4) == ">>> ") {
      const std::string_view sent = Trim(line.substr(4));
      command = NormalizeCommand(sent.substr(0, sent.find_first_of(" :")));
      addresses.clear();
      if (command == SmtpCommand::kRcpt) {
        for (const std::string& a : AllAddresses(sent)) addresses.push_back(AsciiLowerCopy(a));
      }
      continue;
    }
    if (line.size() < 7 || line.substr(0, 4) != "<<< " || command == SmtpCommand::kNone) continue;
    const char first = line[4];
    if ((first != '4' && first != '5') || !IsDigit(line[5]) || !IsDigit(line[6])) continue;
    // Under PIPELINING (RFC 2920) the replies to RCPT arrive after ">>> DATA" is written, so a
    // refusal after DATA in a transcript does not show which command it answered.
    if (command == SmtpCommand::kMail && first_mail_ == SIZE_MAX) first_mail_ = refusals;
    if (command == SmtpCommand::kRcpt) {
      for (const std::string& a : addresses) first_rcpt_.emplace(a, refusals);  // first one kept
    }
    ++refusals;
  }
}

SmtpCommand TranscriptCommands::For(std::string_view address) const {
  std::size_t rcpt = SIZE_MAX;
  if (!address.empty()) {
    const auto it = first_rcpt_.find(AsciiLowerCopy(address));
    if (it != first_rcpt_.end()) rcpt = it->second;
  }
  if (rcpt == SIZE_MAX && first_mail_ == SIZE_MAX) return SmtpCommand::kNone;
  return rcpt < first_mail_ ? SmtpCommand::kRcpt : SmtpCommand::kMail;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// command.h: the SMTP command a bounce says failed (SmtpCommand of report.h, written in the
// output field `command` as "RCPT", "MAIL", "DATA", "EHLO", "HELO", "STARTTLS", "AUTH",
// "CONN"), and the command a quoted session transcript shows was refused. The vendor readers
// find commands in prose (lhost/lhost_common.h FindCommand); analyze.cpp reads the transcript
// for recipients of a delivery-status part.

#ifndef BOUNCETOLK_SMTP_COMMAND_H_
#define BOUNCETOLK_SMTP_COMMAND_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bouncetolk/report.h"

namespace bouncetolk {

/// A command as bounces write it ("rcpt to", "MAIL FROM", "end of data", "bdat", "initial
/// connection", any case): kRcpt, kMail, kData, kConn, ...; kNone for any other word.
SmtpCommand NormalizeCommand(std::string_view command);

/// The SMTP command a session transcript ("... while talking to host:", ">>> RCPT To:<a@b>",
/// "<<< 550 ...", as Sendmail and others quote it) shows was refused for an address: kRcpt
/// when the first 4xx/5xx "<<<" reply that concerns it follows a RCPT naming the address,
/// kMail when it follows MAIL FROM. Never kData: under PIPELINING the replies to RCPT come
/// after DATA was sent. kNone when the text holds no such transcript. The text is read once
/// for every recipient of a message, however many ask (a text with 1000 recipients
/// and a long transcript was read 1000 times).
/// An address is named by a RCPT line when it is one of the line's addresses (ASCII case
/// ignored).
class TranscriptCommands {
 public:
  explicit TranscriptCommands(std::string_view text);
  /// The refused command for \a address, as above.
  SmtpCommand For(std::string_view address) const;

 private:
  std::size_t first_mail_ = SIZE_MAX;  ///< ordinal of the first refusal after MAIL
  /// lower-cased address -> ordinal of the first refusal after a RCPT naming it
  std::unordered_map<std::string, std::size_t> first_rcpt_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SMTP_COMMAND_H_

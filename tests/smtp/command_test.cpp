// SPDX-License-Identifier: MIT
// Tests for src/smtp/command.cpp: command names, and the command a session transcript shows
// was refused.

#include "smtp/command.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

TEST(SmtpCommandTest, NormalizeCommand) {
  const struct {
    const char* written;
    const char* want;
  } cases[] = {
      {"rcpt to", "RCPT"},
      {"MAIL FROM", "MAIL"},
      {"end of data", "DATA"},
      {"bdat", "DATA"},
      {"initial connection", "CONN"},
      {"ehlo", "EHLO"},
      {"StartTLS", "STARTTLS"},
      {"auth", "AUTH"},
      {"HELO", "HELO"},
      // A case-insensitive pattern matches U+017F (long s) for "s".
      {"\xC5\xBFtarttl\xC5\xBF", "STARTTLS"},
      // Not a command whose failure the output names.
      {"quit", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SmtpCommandToken(NormalizeCommand(c.written)), c.want) << c.written;
  }
}

TEST(SmtpCommandTest, CommandFromTranscript) {
  const std::string rcpt =
      "... while talking to mx.example.org.:\n"
      ">>> MAIL From:<jan@example.nl>\n"
      "<<< 250 2.1.0 OK\n"
      ">>> RCPT To:<goed@example.org>\n"
      "<<< 250 2.1.5 OK\n"
      ">>> RCPT To:<Weg@Example.org>\n"
      "<<< 550 5.1.1 <weg@example.org>... User unknown\n";
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript(rcpt, "weg@example.org")),
            "RCPT");  // address case ignored
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript(rcpt, "goed@example.org")),
            "");  // its RCPT was accepted
  const std::string mail =
      ">>> MAIL From:<jan@example.nl>\n"
      "<<< 553 5.1.8 Domain of sender address does not exist\n";
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript(mail, "wie@example.org")), "MAIL");
  // Pipelined: the RCPT refusal arrives after DATA was sent; DATA is never concluded.
  const std::string pipelined =
      ">>> DATA\n"
      "<<< 550 5.5.0 Invalid recipient\n"
      "<<< 554 5.5.1 Error: no valid recipients\n";
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript(pipelined, "wie@example.org")), "");
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript("550 5.1.1 User unknown\n", "wie@example.org")),
            "");
  EXPECT_EQ(SmtpCommandToken(CommandFromTranscript(">>> RCPT To:<a@b.nl>\n<<< 5", "a@b.nl")),
            "");  // cut short
}

}  // namespace
}  // namespace bouncetolk

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
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands(rcpt).For("weg@example.org")),
            "RCPT");  // address case ignored
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands(rcpt).For("goed@example.org")),
            "");  // its RCPT was accepted
  const std::string mail =
      ">>> MAIL From:<jan@example.nl>\n"
      "<<< 553 5.1.8 Domain of sender address does not exist\n";
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands(mail).For("wie@example.org")), "MAIL");
  // Pipelined: the RCPT refusal arrives after DATA was sent; DATA is never concluded.
  const std::string pipelined =
      ">>> DATA\n"
      "<<< 550 5.5.0 Invalid recipient\n"
      "<<< 554 5.5.1 Error: no valid recipients\n";
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands(pipelined).For("wie@example.org")), "");
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands("550 5.1.1 User unknown\n").For("wie@example.org")),
            "");
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands(">>> RCPT To:<a@b.nl>\n<<< 5").For("a@b.nl")),
            "");  // cut short
}

TEST(SmtpCommandTest, TranscriptReadOnceForManyRecipients) {
  const TranscriptCommands t(
      ">>> MAIL FROM:<me@x.nl>\n<<< 250 ok\n"
      ">>> RCPT TO:<a@b.nl>\n<<< 550 5.1.1 unknown\n"
      ">>> RCPT TO:<ab@b.nl>\n<<< 250 ok\n"
      ">>> RCPT TO:<c@b.nl>\n<<< 452 4.2.2 full\n");
  EXPECT_EQ(SmtpCommandToken(t.For("A@B.nl")), "RCPT");
  EXPECT_EQ(SmtpCommandToken(t.For("c@b.nl")), "RCPT");
  EXPECT_EQ(SmtpCommandToken(t.For("b@b.nl")), "");  // not a substring match of ab@b.nl
  EXPECT_EQ(SmtpCommandToken(t.For("ab@b.nl")), "");
  const TranscriptCommands mail(">>> MAIL FROM:<me@x.nl>\n<<< 553 sender refused\n");
  EXPECT_EQ(SmtpCommandToken(mail.For("anyone@b.nl")), "MAIL");
  EXPECT_EQ(SmtpCommandToken(TranscriptCommands("no transcript").For("a@b.nl")), "");
}

}  // namespace
}  // namespace bouncetolk

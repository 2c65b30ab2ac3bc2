// SPDX-License-Identifier: MIT
// Tests for src/lhost/lhost_common.cpp: recipient lines, remote hosts, failed commands.

#include "lhost/lhost_common.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(LhostCommonTest, SplitAtRecipients) {
  const std::string text =
      "Intro text without addresses.\n"
      "<a@example.nl>:\n"
      "550 5.1.1 <a@example.nl>... User unknown\n"
      "\"b@example.nl\": 552 Mailbox full\n"
      "To: quoted@example.nl\n"
      ">>> RCPT TO:<transcript@example.nl>\n"
      "MAIL FROM:<sender@example.nl>\n"
      "For further assistance, please contact <postmaster@example.nl>\n"
      "  * c@example.nl\n"
      "Could not be delivered to: <d@example.nl>\n"
      "  shared error\n"
      "<a@example.nl>: second mention\n";
  const std::vector<AddressBlock> blocks = SplitAtRecipients(text);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].address, "a@example.nl");
  EXPECT_NE(blocks[0].text.find("User unknown"), std::string::npos);
  EXPECT_NE(blocks[0].text.find("second mention"), std::string::npos);  // merged by address
  EXPECT_EQ(blocks[1].address, "b@example.nl");
  EXPECT_EQ(blocks[1].text.substr(0, 16), "552 Mailbox full");
  EXPECT_EQ(blocks[2].address, "c@example.nl");
  EXPECT_EQ(blocks[3].address, "d@example.nl");
  EXPECT_EQ(blocks[2].text, blocks[3].text);  // an empty block borrows the next block's text
}

TEST(LhostCommonTest, RemoteHost) {
  const struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"host mx.example.nl [192.0.2.1]: 550 no", "mx.example.nl"},
      {"remote host 192.0.2.7 said: 550 no", "192.0.2.7"},
      {"... while talking to mx2.example.nl.:\n>>> DATA", "mx2.example.nl"},
      {"Server mx22.example.org[192.0.2.222] failed with: 550", "mx22.example.org"},
      {"mx.example.com [192.0.2.30] did not like our RCPT TO:", "mx.example.com"},
      {"nothing here", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FindRemoteHost(c.text), c.want) << c.text;
}

TEST(LhostCommonTest, Command) {
  const struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"SMTP error from remote mail server after RCPT TO:<a@b>:", "RCPT"},
      {"(in reply to end of DATA command)", "DATA"},
      {"SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=1", "MAIL"},
      {"after initial connection: 554", "CONN"},
      {"Mailbox Full [RCPT_TO]", "RCPT"},
      {"did not like our final DATA:", "DATA"},
      {">>> EHLO example.nl", "EHLO"},
      {"550 user unknown", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(SmtpCommandToken(FindCommand(c.text)), c.want) << c.text;
}

TEST(LhostCommonTest, TextAroundMarkerLines) {
  const std::string text = "one\n--- Transcript ---\ntwo\n";
  EXPECT_EQ(TextAfterLine(text, "transcript"), "two\n");
  EXPECT_EQ(TextBeforeLine(text, "transcript"), "one\n");
  EXPECT_EQ(TextAfterLine(text, "absent"), "");
  EXPECT_EQ(TextBeforeLine(text, "absent"), text);
}

TEST(LhostCommonTest, RegexGatesKeepRe2CaseFolding) {
  // The regexes run only when their literals occur; RE2 also matches 's' to the long s and
  // 'k' to the Kelvin sign, so a text with those still reaches the regex.
  EXPECT_EQ(FindRemoteHost("remote host mx.example.com said: 550 no"), "mx.example.com");
  EXPECT_EQ(FindRemoteHost("remote host mx.example.com \xC5\xBF"
                           "aid: 550 no"),
            "mx.example.com");
  EXPECT_EQ(FindRemoteHost("while tal\xE2\x84\xAAing to mx.example.com.:"), "mx.example.com");
  EXPECT_EQ(FindRemoteHost("HOST mx.example.com [192.0.2.1]"), "mx.example.com");
  EXPECT_EQ(FindRemoteHost("no host named here"), "");
  EXPECT_EQ(FindCommand("550 error after RCPT TO"), SmtpCommand::kRcpt);
  EXPECT_EQ(FindCommand("after end of data"), SmtpCommand::kData);
  EXPECT_EQ(FindCommand("after \xC5\xBF"
                        "tarttls"),
            SmtpCommand::kStartTls);  // found, and read as the command the pattern matched
  EXPECT_EQ(FindCommand("nothing to see"), SmtpCommand::kNone);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/analyze.cpp: bounces a person forwarded to the helpdesk (as an attachment, or
// inline), and forwarded mail that holds no bounce.

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kForwardedAsAttachment[] =
    "From: Klant <klant@example.nl>\n"
    "To: helpdesk@hosting.example.nl\n"
    "Subject: Fwd: Mail delivery failed: returning message to sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"fw\"\n"
    "\n"
    "--fw\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Hallo, wat betekent deze melding?\n"
    "--fw\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example.nl>\n"
    "To: klant@example.nl\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: info@opgeheven.example.com\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  info@opgeheven.example.com\n"
    "    host mx.opgeheven.example.com [192.0.2.8]\n"
    "    SMTP error from remote mail server after RCPT TO:<info@opgeheven.example.com>:\n"
    "    550 5.1.1 <info@opgeheven.example.com>: Recipient address rejected: User unknown\n"
    "--fw--\n";

const char kForwardedInlineDutch[] =
    "From: Klant <klant@example.nl>\n"
    "To: helpdesk@hosting.example.nl\n"
    "Subject: Doorst: failure notice\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Zie hieronder.\n"
    "\n"
    "---------- Doorgestuurd bericht ---------\n"
    "Van: MAILER-DAEMON@mail.example.nl\n"
    "Datum: ma 2 mrt 2026 om 10:00\n"
    "Onderwerp: failure notice\n"
    "Aan: klant@example.nl\n"
    "\n"
    "Hi. This is the qmail-send program at mail.example.nl.\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n"
    "\n"
    "<vol@example.org>:\n"
    "Remote host said: 552 5.2.2 <vol@example.org>: Mailbox full\n";

const char kForwardedOrdinaryMail[] =
    "From: Klant <klant@example.nl>\n"
    "Subject: Fwd: vergadering\n"
    "\n"
    "---------- Forwarded message ---------\n"
    "From: Collega <collega@example.nl>\n"
    "Subject: vergadering\n"
    "\n"
    "Morgen om tien uur.\n";

TEST(AnalyzeTest, ForwardedBounces) {
  const VendorCase cases[] = {
      {"forwarded as attachment", kForwardedAsAttachment, "exim",
       {{"info@opgeheven.example.com", "5.1.1", 550, "userunknown", "RCPT", "mx.opgeheven.example.com"}}},
      {"forwarded inline, Dutch Gmail", kForwardedInlineDutch, "qmail",
       {{"vol@example.org", "5.2.2", 552, "mailboxfull", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(AnalyzeTest, ForwardedOrdinaryMailIsNotABounce) {
  const Report report = Analyze(kForwardedOrdinaryMail, TestRules());
  EXPECT_EQ(report.kind, MessageKind::kNotABounce);
  EXPECT_TRUE(report.recipients.empty());
}

}  // namespace
}  // namespace bouncetolk

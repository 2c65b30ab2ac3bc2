// SPDX-License-Identifier: MIT
// Tests for src/lhost/gmail.cpp and googlegroups.cpp (messages written for this test).

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kGmailPermanent[] =
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
    "To: jan@gmail.example.com\n"
    "Subject: Delivery Status Notification (Failure)\n"
    "X-Failed-Recipients: nobody@example.nl\n"
    "\n"
    "Delivery to the following recipient failed permanently:\n"
    "\n"
    "     nobody@example.nl\n"
    "\n"
    "Technical details of permanent failure:\n"
    "Google tried to deliver your message, but it was rejected by the server for the recipient\n"
    "domain example.nl by mx.example.nl. [192.0.2.25].\n"
    "\n"
    "The error that the other server returned was:\n"
    "550 5.1.1 <nobody@example.nl>: Recipient address rejected: User unknown in virtual mailbox "
    "table\n"
    "\n"
    "----- Original message -----\n"
    "\n"
    "Received: by 10.0.0.1 with SMTP id x1\n"
    "To: nobody@example.nl\n";

const char kGmailDelay[] =
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
    "Subject: Delivery Status Notification (Delay)\n"
    "Date: Mon, 24 Nov 2014 17:15:56 +0100\n"
    "\n"
    "This is an automatically generated Delivery Status Notification\n"
    "\n"
    "THIS IS A WARNING MESSAGE ONLY.\n"
    "\n"
    "YOU DO NOT NEED TO RESEND YOUR MESSAGE.\n"
    "\n"
    "Delivery to the following recipient has been delayed:\n"
    "\n"
    "     traag@example.nl\n"
    "\n"
    "Message will be retried for 2 more day(s)\n"
    "\n"
    "Technical details of temporary failure:\n"
    "The recipient server did not accept our requests to connect.\n"
    "[mx.example.nl. 192.0.2.25: timed out]\n";

// Google Groups writes in the poster's language; the group address is in the header only.
const char kGoogleGroupsDutch[] =
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
    "Subject: Delivery Status Notification (Failure)\n"
    "X-Failed-Recipients: leden@googlegroups.com\n"
    "Content-Type: text/plain; charset=\"UTF-8\"\n"
    "\n"
    "Hallo jan@example.nl,\n"
    "\n"
    "De groep die u probeerde te bereiken (leden) bestaat mogelijk niet, of u hebt geen\n"
    "toestemming om berichten in de groep te plaatsen.\n"
    "\n"
    "Google Groups\n";

TEST(GmailTest, Table) {
  const VendorCase cases[] = {
      {"permanent failure",
       kGmailPermanent,
       "gmail",
       {{"nobody@example.nl", "5.1.1", 550, "userunknown", "", "mx.example.nl"}}},
      {"delay", kGmailDelay, "gmail", {{"traag@example.nl", "4.0.0", 0, "", "", ""}}},
      {"Google Groups, Dutch",
       kGoogleGroupsDutch,
       "googlegroups",
       {{"leden@googlegroups.com", "", 0, "rejected", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(GmailTest, DelayIsTemporary) {
  const Report report = Analyze(kGmailDelay, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(ActionWord(report.recipients[0]), "delayed");
  EXPECT_EQ(report.recipients[0].permanence, Permanence::kTemporary);
  // "Message will be retried for 2 more day(s)", counted from the notice's Date.
  EXPECT_EQ(report.recipients[0].will_retry_until, "Wed, 26 Nov 2014 17:15:56 +0100");
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/lhost/exim.cpp: Exim bounces and delay warnings (messages written for this test).

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kEximUnknownUser[] =
    "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example.nl>\n"
    "To: jan@klant.example.nl\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: piet@bestaatniet.example.com\n"
    "Auto-Submitted: auto-replied\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  piet@bestaatniet.example.com\n"
    "    host mx1.bestaatniet.example.com [192.0.2.10]\n"
    "    SMTP error from remote mail server after RCPT TO:<piet@bestaatniet.example.com>:\n"
    "    550 5.1.1 <piet@bestaatniet.example.com>: Recipient address rejected: User unknown\n"
    "\n"
    "------ This is a copy of the message, including all the headers. ------\n"
    "\n"
    "Return-path: <jan@klant.example.nl>\n"
    "From: jan@klant.example.nl\n"
    "To: piet@bestaatniet.example.com, kees@elders.example.org\n"
    "Subject: offerte\n"
    "\n"
    "Beste Piet,\n";

// The sender's own address appears above the list ("A message sent by <a@b>"); only the
// address of X-Failed-Recipients failed. The error is a queue expiry without any code.
const char kEximSenderAbove[] =
    "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example.nl>\n"
    "Subject: Mail delivery failed\n"
    "X-Failed-Recipients: info@traag.example.be\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message sent by\n"
    "\n"
    "  <jan@klant.example.nl>\n"
    "\n"
    "could not be delivered to one or more of its recipients. The following\n"
    "address(es) failed:\n"
    "\n"
    "  info@traag.example.be\n"
    "    retry timeout exceeded\n"
    "\n"
    "------ This is a copy of the message, including all the headers. ------\n"
    "To: info@traag.example.be\n";

const char kEximDelay[] =
    "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example.nl>\n"
    "Subject: Warning: message 1rA2bC-0003xY-Q1 delayed 24 hours\n"
    "X-Failed-Recipients: info@traag.example.be\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "A message that you sent has not yet been delivered to one or more of its\n"
    "recipients after more than 24 hours on the queue on mx.hosting.example.nl.\n"
    "\n"
    "  info@traag.example.be\n"
    "    host mx.traag.example.be [192.0.2.55]: 451 4.3.0 Temporary local problem\n"
    "\n"
    "No action is required on your part. Delivery attempts will continue for\n"
    "some time, and this warning may be repeated at intervals if the message\n"
    "remains undelivered.\n";

// Hosted Exim (GoDaddy's secureserver.net) gives no code, only a sentence that lists possible
// causes; "blacklisted" in it must not make it a block of the sending IP.
const char kEximAccountOrDomain[] =
    "From: Mail Delivery System <MAILER-DAEMON@p3plsmtp.example.net>\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  info@nergens.example.com\n"
    "    The mail server could not deliver mail to info@nergens.example.com.  The account or "
    "domain may "
    "not exist, they may be blacklisted, or missing the proper dns entries.\n";

// An ACL that refuses a listed envelope address (not the connecting IP).
const char kEximAddressBlacklisted[] =
    "From: Mail Delivery System <MAILER-DAEMON@mx.hosting.example.nl>\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  info@ontvanger.example.com\n"
    "    \"Sorry, you are sending to/from an address that has been blacklisted\"\n";

TEST(EximTest, Table) {
  const VendorCase cases[] = {
      {"unknown user after RCPT",
       kEximUnknownUser,
       "exim",
       {{"piet@bestaatniet.example.com", "5.1.1", 550, "userunknown", "RCPT",
         "mx1.bestaatniet.example.com"}}},
      {"sender above the list is no recipient",
       kEximSenderAbove,
       "exim",
       {{"info@traag.example.be", "5.0.0", 0, "expired", "", ""}}},
      {"delay warning", kEximDelay, "exim", {{"info@traag.example.be", "4.3.0", 451, "", "", ""}}},
      {"account or domain may not exist",
       kEximAccountOrDomain,
       "exim",
       {{"info@nergens.example.com", "5.0.0", 0, "hostunknown", "", ""}}},
      {"envelope address blacklisted",
       kEximAddressBlacklisted,
       "exim",
       {{"info@ontvanger.example.com", "5.0.0", 0, "rejected", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(EximTest, DelayWarningIsTemporary) {
  const Report report = Analyze(kEximDelay, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(ActionWord(report.recipients[0]), "delayed");
  EXPECT_EQ(report.recipients[0].permanence, Permanence::kTemporary);
  EXPECT_FALSE(report.recipients[0].hard_bounce);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/lhost/postfix.cpp: a Postfix bounce without its DSN part, and the smtpd notice
// to the postmaster with an In:/Out: transcript.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kPostfixText[] =
    "From: MAILER-DAEMON@mail.example.nl (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "\n"
    "This is the mail system at host mail.example.nl.\n"
    "\n"
    "I'm sorry to have to inform you that your message could not\n"
    "be delivered to one or more recipients. It's attached below.\n"
    "\n"
    "For further assistance, please send mail to postmaster.\n"
    "\n"
    "<eva@example.org>: host mx.example.org[192.0.2.40] said: 552 5.2.2 <eva@example.org>:\n"
    "    Mailbox full (in reply to RCPT TO command)\n";

const char kSmtpdNotice[] =
    "From: MAILER-DAEMON@mx.example.nl (Mail Delivery System)\n"
    "Subject: Postfix SMTP server: errors from client.example.net[192.0.2.9]\n"
    "\n"
    "Transcript of session follows.\n"
    "\n"
    " Out: 220 mx.example.nl ESMTP\n"
    " In:  MAIL FROM:<sender@example.net>\n"
    " Out: 250 2.1.0 Ok\n"
    " In:  RCPT TO:<bob@example.nl>\n"
    " Out: 250 2.1.5 Ok\n"
    " In:  DATA\n"
    " Out: 451 4.3.0 Error: queue file write error\n";

TEST(PostfixTest, Table) {
  const VendorCase cases[] = {
      {"bounce text without DSN; 'please contact postmaster' is no recipient",
       kPostfixText,
       "postfix",
       {{"eva@example.org", "5.2.2", 552, "mailboxfull", "RCPT", "mx.example.org"}}},
      {"smtpd notice", kSmtpdNotice, "postfix", {{"bob@example.nl", "4.3.0", 451, "", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/dsn/fields_in_text.cpp, and for reports whose MIME structure is broken or
// split: RFC 3464 fields in the text part, a boundary that never occurs, two DSN parts.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

// Amazon WorkMail style: the fields are written into the text part.
const char kFieldsInText[] =
    "From: MAILER-DAEMON@eu-west-1.amazonses.example.com\n"
    "Subject: Delivery Status Notification (Failure)\n"
    "X-Mailer: Amazon WorkMail\n"
    "\n"
    "An error occurred while trying to deliver the mail to the following recipients:\n"
    "vol@example.nl\n"
    "\n"
    "Technical report:\n"
    "\n"
    "Reporting-MTA: dns; a1-1.smtp-out.example.com\n"
    "\n"
    "Action: failed\n"
    "Final-Recipient: rfc822; vol@example.nl\n"
    "Diagnostic-Code: smtp; 552 5.2.2 <vol@example.nl>... Mailbox Full\n"
    "Status: 5.2.2\n";

// The Content-Type names a boundary that never occurs (a relay rewrote it).
const char kLostBoundary[] =
    "From: MAILER-DAEMON@mail.example.nl (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"AAA.1\"\n"
    "\n"
    "--AAA.2\n"
    "Content-Type: text/plain\n"
    "\n"
    "This is the mail system at host mail.example.nl.\n"
    "\n"
    "<weg@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <weg@example.org>: User\n"
    "    unknown (in reply to RCPT TO command)\n"
    "--AAA.2--\n";

const char kTwoParts[] =
    "From: MAILER-DAEMON@example.nl\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
    "\n"
    "--b\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; example.nl\n\n"
    "Final-Recipient: rfc822; een@example.org\nAction: failed\nStatus: 5.1.1\n"
    "--b\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; example.nl\n\n"
    "Final-Recipient: rfc822; twee@example.org\nAction: failed\nStatus: 5.2.2\n"
    "--b--\n";

TEST(FieldsInTextTest, Table) {
  const VendorCase cases[] = {
      {"fields in the text part",
       kFieldsInText,
       "rfc3464-text",
       {{"vol@example.nl", "5.2.2", 552, "mailboxfull", "", ""}}},
      {"boundary never occurs",
       kLostBoundary,
       "postfix",
       {{"weg@example.org", "5.1.1", 550, "userunknown", "RCPT", "mx.example.org"}}},
      {"two delivery-status parts",
       kTwoParts,
       "rfc3464",
       {{"een@example.org", "5.1.1", 0, "userunknown", "", ""},
        {"twee@example.org", "5.2.2", 0, "mailboxfull", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

}  // namespace
}  // namespace bouncetolk

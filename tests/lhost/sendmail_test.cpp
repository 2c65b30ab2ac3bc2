// SPDX-License-Identifier: MIT
// Tests for src/lhost/sendmail.cpp: Sendmail returned mail without a delivery-status part.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kSendmailFatal[] =
    "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.nl>\n"
    "Subject: Returned mail: see transcript for details\n"
    "\n"
    "The original message was received at Mon, 2 Mar 2026 10:00:00 +0100\n"
    "\n"
    "   ----- The following addresses had permanent fatal errors -----\n"
    "<onbekend@example.org>\n"
    "    (reason: 550 5.1.1 <onbekend@example.org>... User unknown)\n"
    "\n"
    "   ----- Transcript of session follows -----\n"
    "... while talking to mx.example.org.:\n"
    ">>> RCPT To:<onbekend@example.org>\n"
    "<<< 550 5.1.1 <onbekend@example.org>... User unknown\n"
    "550 5.1.1 <onbekend@example.org>... User unknown\n";

// Old Sendmail: only a transcript; the error line per address closes the dialogue before it.
const char kSendmailV5[] =
    "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.nl>\n"
    "Subject: Returned mail: User unknown\n"
    "\n"
    "   ----- Transcript of session follows -----\n"
    "While talking to mx.example.org:\n"
    ">>> MAIL From:<jan@example.nl>\n"
    "<<< 550 Insecure Mail Relay\n"
    "554 <kees@example.org>... Remote protocol error\n"
    "   ----- Unsent message follows -----\n"
    "Received: by relay.example.nl\n"
    "To: kees@example.org\n";

TEST(SendmailTest, Table) {
  const VendorCase cases[] = {
      {"permanent fatal errors",
       kSendmailFatal,
       "sendmail",
       {{"onbekend@example.org", "5.1.1", 550, "userunknown", "", ""}}},
      {"V5 transcript",
       kSendmailV5,
       "sendmail",
       {{"kees@example.org", "5.0.0", 550, "norelaying", "MAIL", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

}  // namespace
}  // namespace bouncetolk

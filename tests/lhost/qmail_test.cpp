// SPDX-License-Identifier: MIT
// Tests for src/lhost/qmail.cpp: qmail-send and Yahoo!-style failure notices.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kQmail[] =
    "From: MAILER-DAEMON@mail.example.nl\n"
    "Subject: failure notice\n"
    "\n"
    "Hi. This is the qmail-send program at mail.example.nl.\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n"
    "\n"
    "<vol@postbus.example.com>:\n"
    "192.0.2.7 does not like recipient.\n"
    "Remote host said: 552 5.2.2 <vol@postbus.example.com>: Mailbox full\n"
    "Giving up on 192.0.2.7.\n"
    "\n"
    "<weg@elders.example.org>:\n"
    "Sorry, I couldn't find any host named elders.example.org. (#5.1.2)\n"
    "\n"
    "<info@geenmx.example.org>:\n"
    "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)\n"
    "\n"
    "--- Below this line is a copy of the message.\n"
    "\n"
    "Return-Path: <jan@example.nl>\n"
    "To: vol@postbus.example.com, weg@elders.example.org, ander@example.net\n";

const char kYahooStyle[] =
    "From: MAILER-DAEMON@yahoo.example.com\n"
    "Subject: Failure Notice\n"
    "\n"
    "Sorry, we were unable to deliver your message to the following address.\n"
    "\n"
    "<marie@example.fr>:\n"
    "Remote host said: 550 5.1.1 <marie@example.fr>... User unknown [RCPT_TO]\n"
    "\n"
    "--- Below this line is a copy of the message.\n";

TEST(QmailTest, Table) {
  const VendorCase cases[] = {
      {"two recipients, each with its own error",
       kQmail,
       "qmail",
       {{"vol@postbus.example.com", "5.2.2", 552, "mailboxfull", "", ""},
        {"weg@elders.example.org", "5.1.2", 0, "hostunknown", "", ""},
        // The name exists but has neither MX nor address: it accepts no mail (qmail-remote's
        // perm_nomx), unlike the name that does not exist at all above.
        {"info@geenmx.example.org", "5.4.4", 0, "notaccept", "", ""}}},
      {"Yahoo! derived format",
       kYahooStyle,
       "qmail",
       {{"marie@example.fr", "5.1.1", 550, "userunknown", "RCPT", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

}  // namespace
}  // namespace bouncetolk

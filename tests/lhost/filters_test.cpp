// SPDX-License-Identifier: MIT
// Tests for src/lhost/filters.cpp: m-FILTER and McAfee style notices.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kMFilter[] =
    "From: POSTMASTER <postmaster@example.jp>\n"
    "Subject: failure notice\n"
    "X-Mailer: m-FILTER\n"
    "\n"
    "kenji@example.co.jp\n"
    "\n"
    "-------server message\n"
    "550 5.1.1 <kenji@example.co.jp>: Recipient address rejected: User unknown in local recipient "
    "table\n"
    "\n"
    "-------SMTP command\n"
    "RCPT TO:<kenji@example.co.jp>\n"
    "\n"
    "-------original message\n"
    "To: kenji@example.co.jp\n";

const char kMcAfee[] =
    "From: <MAILER-DAEMON@gateway.example.nl>\n"
    "Subject: Delivery Status\n"
    "\n"
    "    --- The following addresses had delivery problems ---\n"
    "\n"
    "<lisa@example.nl>   (552 Mailbox over quota lisa@example.nl)\n";

// Mimecast lists the address after "-- ".
const char kMimecast[] =
    "From: \"postmaster\" <postmaster@example.nl>\n"
    "Subject: [Postmaster] Email Delivery Failure\n"
    "\n"
    "This is an automated alert notification. Please do not reply.\n"
    "\n"
    "An email that you attempted to send to the following address could not be delivered:\n"
    "\n"
    "-- piet@example.org\n"
    "\n"
    "The problem appears to be :\n"
    "\n"
    "-- Recipient email address is possibly incorrect\n"
    "\n"
    "Additional information follows :\n"
    "\n"
    "-- 550 5.1.1 User unknown\n";

TEST(FiltersTest, Table) {
  const VendorCase cases[] = {
      {"m-FILTER names the command on its own line",
       kMFilter,
       "filters",
       {{"kenji@example.co.jp", "5.1.1", 550, "userunknown", "RCPT", ""}}},
      {"McAfee", kMcAfee, "filters", {{"lisa@example.nl", "5.0.0", 552, "mailboxfull", "", ""}}},
      {"Mimecast",
       kMimecast,
       "filters",
       {{"piet@example.org", "5.1.1", 550, "userunknown", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

}  // namespace
}  // namespace bouncetolk

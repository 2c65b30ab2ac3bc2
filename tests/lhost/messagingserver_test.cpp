// SPDX-License-Identifier: MIT
// Tests for src/lhost/messagingserver.cpp: Oracle Messaging Server text without a DSN part.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kMessagingServer[] =
    "From: postmaster@example.net\n"
    "Subject: Delivery Notification: Delivery has failed\n"
    "\n"
    "This report relates to a message you sent with the following header fields:\n"
    "\n"
    "  Message-id: <1@example.nl>\n"
    "  To: ruud@example.net\n"
    "\n"
    "Your message cannot be delivered to the following recipients:\n"
    "\n"
    "  Recipient address: ruud@mailhost.example.net\n"
    "  Original address: ruud@example.net\n"
    "  Reason: Remote SMTP server has rejected address\n"
    "  Diagnostic code: smtp;552 5.2.2 Mailbox over quota\n"
    "  Remote system: dns;mailhost.example.net\n";

TEST(MessagingServerTest, Table) {
  ExpectCase({"original address wins",
              kMessagingServer,
              "messagingserver",
              {{"ruud@example.net", "5.2.2", 552, "mailboxfull", "", "mailhost.example.net"}}});
}

}  // namespace
}  // namespace bouncetolk

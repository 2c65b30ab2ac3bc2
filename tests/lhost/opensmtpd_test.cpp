// SPDX-License-Identifier: MIT
// Tests for src/lhost/opensmtpd.cpp.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kOpenSmtpd[] =
    "From: Mailer Daemon <MAILER-DAEMON@mx.example.nl>\n"
    "Subject: Delivery status notification: error\n"
    "\n"
    "    Hi!\n"
    "\n"
    "    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n"
    "\n"
    "    An error has occurred while attempting to deliver a message for\n"
    "    the following list of recipients:\n"
    "\n"
    "sophie@example.com: 550 5.1.1 The email account that you tried to reach does not exist.\n"
    "\n"
    "    Below is a copy of the original message:\n"
    "\n"
    "To: sophie@example.com\n";

TEST(OpenSmtpdTest, Table) {
  ExpectCase({"one line per recipient",
              kOpenSmtpd,
              "opensmtpd",
              {{"sophie@example.com", "5.1.1", 550, "userunknown", "", ""}}});
}

}  // namespace
}  // namespace bouncetolk

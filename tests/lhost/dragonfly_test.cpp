// SPDX-License-Identifier: MIT
// Tests for src/lhost/dragonfly.cpp: the DragonFly Mail Agent, multi-line reply with blank lines.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kDma[] =
    "From: MAILER-DAEMON <>\n"
    "Subject: Mail delivery failed\n"
    "\n"
    "This is the DragonFly Mail Agent v0.13 at host.example.nl.\n"
    "\n"
    "There was an error delivering your mail to <tom@example.com>.\n"
    "\n"
    "mx.example.com [192.0.2.30] did not like our RCPT TO:\n"
    "550-5.7.26 Unauthenticated email from example.nl is not accepted due to domain's\n"
    "\n"
    "550 5.7.26 DMARC policy.\n"
    "\n"
    "Message headers follow.\n"
    "\n"
    "To: <tom@example.com>\n";

TEST(DragonFlyTest, Table) {
  ExpectCase({"DMARC rejection",
              kDma,
              "dragonfly",
              {{"tom@example.com", "5.7.26", 550, "authfailure", "RCPT", "mx.example.com"}}});
}

}  // namespace
}  // namespace bouncetolk

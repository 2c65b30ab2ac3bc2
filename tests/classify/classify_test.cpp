// SPDX-License-Identifier: MIT
// Tests for src/classify/classify.cpp: the transaction facts that outrank a wording
// (docs/precedence.md): an accepted address, a local mailer's exit, a refusal before MAIL.

#include "classify/classify.h"

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

TEST(ClassifyTest, TransactionFacts) {
  const struct {
    const char* name;
    const char* diagnostic;
    const char* diagnostic_type;
    const char* status;
    const char* command;
    const char* want;
  } cases[] = {
      {"user unknown at RCPT", "550 5.1.1 User unknown", "smtp", "5.1.1", "RCPT", "userunknown"},
      {"user unknown after DATA: a filter", "550 User unknown", "smtp", "5.0.0", "DATA", "filtered"},
      {"user unknown under X.2.1, command unknown", "550 5.2.1 User unknown", "smtp", "5.2.1", "", "filtered"},
      {"user unknown under X.2.1 at RCPT", "550 5.2.1 User unknown", "smtp", "5.2.1", "RCPT", "userunknown"},
      {"X-Unix exit status", "75", "x-unix", "4.0.0", "", "mailererror"},
      {"refused at EHLO without a reason", "550 Rejected", "smtp", "5.0.0", "EHLO", "blocked"},
      {"refused at RCPT without a reason", "550 Rejected", "smtp", "5.0.0", "RCPT", "undefined"},
      {"no route, given up", "connect to mx.example.net[192.0.2.1]:25: No route to host", "", "5.0.0", "CONN",
       "expired"},
      {"no route, still retrying", "connect to mx.example.net[192.0.2.1]:25: No route to host", "", "4.0.0", "CONN",
       "networkerror"},
      {"connections not accepted, still retrying", "The recipient server did not accept our requests to connect.", "",
       "4.0.0", "CONN", "expired"},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = "failed";
    r.diagnostic = c.diagnostic;
    r.diagnostic_type = c.diagnostic_type;
    r.status = c.status;
    r.status_source = StatusSource::kDiagnosticCode;
    r.reply_code = c.diagnostic_type == std::string("smtp") ? std::optional<int>(550) : std::nullopt;
    r.command = c.command;
    Classify(TestRules().tables(), "", "", &r);
    EXPECT_EQ(ReasonToken(r.reason), c.want) << c.name;
  }
}

}  // namespace
}  // namespace bouncetolk

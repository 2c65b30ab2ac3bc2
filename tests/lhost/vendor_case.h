// SPDX-License-Identifier: MIT
//
// vendor_case.h: the table row shared by the vendor reader tests: a small message we wrote,
// and what Analyze() must make of it (format, and per recipient address, status, reply code,
// reason, command). Fields left empty are not checked.

#ifndef BOUNCETOLK_TESTS_LHOST_VENDOR_CASE_H_
#define BOUNCETOLK_TESTS_LHOST_VENDOR_CASE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "bouncetolk/bouncetolk.h"
#include "lhost/lhost.h"
#include "mime/mime_walk.h"
#include "rules/rule_table.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {

/// What one recipient must read as.
struct WantRecipient {
  std::string address;
  std::string status;   ///< "" = not checked
  int reply = -1;       ///< -1 = not checked, 0 = must have none
  std::string reason;   ///< "" = not checked
  std::string command;  ///< "" = not checked
  std::string remote;   ///< "" = not checked
};

/// One table row.
struct VendorCase {
  std::string name;
  std::string message;
  std::string format;  ///< Report::format
  std::vector<WantRecipient> want;
};

/// The one recipient \a message reads as (an empty result, and a test failure, when there is
/// not exactly one).
inline RecipientResult SoleRecipient(std::string_view message) {
  const Report report = Analyze(message, TestRules());
  EXPECT_EQ(report.recipients.size(), 1u);
  return report.recipients.size() == 1 ? report.recipients[0] : RecipientResult();
}

/// Checks one case with "got X, want Y" messages.
inline void ExpectCase(const VendorCase& c) {
  SCOPED_TRACE(c.name);
  const Report report = Analyze(c.message, TestRules());
  EXPECT_EQ(report.format, c.format) << "format";
  ASSERT_EQ(report.recipients.size(), c.want.size()) << "recipients";
  for (std::size_t i = 0; i < c.want.size(); ++i) {
    const RecipientResult& got = report.recipients[i];
    const WantRecipient& want = c.want[i];
    EXPECT_EQ(got.index, static_cast<int>(i + 1));
    EXPECT_EQ(got.recipient, want.address);
    if (!want.status.empty()) {
      EXPECT_EQ(got.status, want.status) << want.address;
    }
    if (want.reply == 0) {
      EXPECT_FALSE(got.reply_code.has_value()) << want.address;
    }
    if (want.reply > 0) {
      EXPECT_EQ(got.reply_code.value_or(0), want.reply) << want.address;
    }
    if (!want.reason.empty()) {
      EXPECT_EQ(ReasonToken(got.reason), want.reason) << want.address;
    }
    if (!want.command.empty()) {
      EXPECT_EQ(SmtpCommandToken(got.command), want.command) << want.address;
    }
    if (!want.remote.empty()) {
      EXPECT_EQ(got.remote_mta, want.remote) << want.address;
    }
  }
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_TESTS_LHOST_VENDOR_CASE_H_

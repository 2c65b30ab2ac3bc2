// SPDX-License-Identifier: MIT
// Tests for src/dsn/delivery_status.cpp: the delivery-status parts of a MIME tree.

#include "dsn/delivery_status.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

std::vector<RecipientResult> Read(const std::string& message, Report* report) {
  const Entity root = ParseMime(message, AnalyzeOptions(), &report->problems);
  const MessageView view = BuildMessageView(root, TestRules().tables(), AnalyzeOptions());
  return ReadDeliveryStatusParts(root, view, AnalyzeOptions(), report);
}

TEST(DeliveryStatusTest, EveryPartNumberedInOrderWithTheOriginal) {
  // Two delivery-status parts (one per recipient, as some servers write them), the first with
  // the returned headers beside it.
  const std::string message =
      "Subject: Undelivered Mail\nContent-Type: multipart/report; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nIt failed.\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.nl\n\n"
      "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"
      "--b\nContent-Type: text/rfc822-headers\n\nFrom: jan@example.nl\nSubject: offerte\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Final-Recipient: rfc822; b@example.org\nAction: delayed\nStatus: 4.4.1\n"
      "--b--\n";
  Report report;
  const std::vector<RecipientResult> got = Read(message, &report);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].recipient, "a@example.org");
  EXPECT_EQ(got[0].index, 1);
  EXPECT_EQ(got[1].recipient, "b@example.org");
  EXPECT_EQ(got[1].index, 2);
  EXPECT_EQ(report.format, "rfc3464");
  EXPECT_EQ(report.per_message.reporting_mta, "mx.example.nl");
  EXPECT_EQ(report.original.subject, "offerte");
  EXPECT_EQ(report.original.from, "jan@example.nl");
}

TEST(DeliveryStatusTest, FieldsInTheTextStandInForAMissingPart) {
  Report report;
  const std::vector<RecipientResult> got = Read(
      "Subject: x\n\nTechnical report:\n\nFinal-Recipient: rfc822; a@example.org\n"
      "Action: failed\nStatus: 5.2.2\n",
      &report);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].recipient, "a@example.org");
  EXPECT_EQ(report.format, "rfc3464-text");
}

TEST(DeliveryStatusTest, NoPartNoFields) {
  Report report;
  EXPECT_TRUE(Read("Subject: hello\n\nJust a message.\n", &report).empty());
  EXPECT_EQ(report.format, "");
}

}  // namespace
}  // namespace bouncetolk

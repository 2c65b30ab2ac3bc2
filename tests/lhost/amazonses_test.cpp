// SPDX-License-Identifier: MIT
// Tests for src/lhost/amazonses.cpp: SES notifications through SNS (JSON bodies, folded).

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kBounce[] =
    "From: AWS Notifications <no-reply@sns.amazonaws.com>\n"
    "Subject: AWS Notification Message\n"
    "X-SES-Outgoing: 2026.03.02-192.0.2.1\n"
    "\n"
    "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
    "\"bouncedRecipients\":[{\"emailAd\n"
    "dress\":\"gone@example.nl\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":"
    "\"smtp; 550 5.1.1 us\n"
    "er unknown\"}],\"reportingMTA\":\"dns; a1-2.smtp-out.example.com\"}}\n";

const char kComplaint[] =
    "From: AWS Notifications <no-reply@sns.amazonaws.com>\n"
    "Subject: AWS Notification Message\n"
    "\n"
    "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{"
    "\"emailAddress\":\"boos@example.nl\"}],"
    "\"complaintFeedbackType\":\"abuse\"}}\n";

TEST(AmazonSesTest, Table) {
  const VendorCase cases[] = {
      {"bounce", kBounce, "amazonses", {{"gone@example.nl", "5.1.1", 550, "userunknown", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(AmazonSesTest, ComplaintIsFeedback) {
  const Report report = Analyze(kComplaint, TestRules());
  EXPECT_EQ(report.kind, MessageKind::kFeedback);
  EXPECT_EQ(report.feedback_type, "abuse");
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.recipients[0].recipient, "boos@example.nl");
  EXPECT_EQ(report.recipients[0].reason, Reason::kFeedback);
}

}  // namespace
}  // namespace bouncetolk

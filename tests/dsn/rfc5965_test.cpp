// SPDX-License-Identifier: MIT
// Tests for src/dsn/rfc5965.cpp: ARF feedback reports.

#include "dsn/rfc5965.h"

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kArf[] =
    "From: feedback@isp.example.net\n"
    "Subject: Abuse report\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf\"\n"
    "\n"
    "--arf\n"
    "Content-Type: text/plain\n"
    "\n"
    "This is an email abuse report.\n"
    "--arf\n"
    "Content-Type: message/feedback-report\n"
    "\n"
    "Feedback-Type: abuse\n"
    "User-Agent: ExampleFBL/1.0\n"
    "Version: 1\n"
    "Original-Rcpt-To: klacht@isp.example.net\n"
    "Original-Rcpt-To: tweede@isp.example.net\n"
    "Source-IP: 192.0.2.1\n"
    "\n"
    "--arf\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: nieuwsbrief@example.nl\n"
    "To: klacht@isp.example.net\n"
    "Subject: Aanbieding\n"
    "\n"
    "Koop nu!\n"
    "--arf--\n";

const char kArfNoRcpt[] =
    "From: fbl@isp.example.net\n"
    "Subject: FW: x\n"
    "Content-Type: multipart/report; report-type=feedback-report; boundary=\"b\"\n"
    "\n"
    "--b\n"
    "Content-Type: message/feedback-report\n"
    "\n"
    "Feedback-Type: opt-out\n"
    "Removal-Recipient: weg@example.net\n"
    "\n"
    "--b--\n";

TEST(Rfc5965Test, FeedbackReport) {
  const Report report = Analyze(kArf, TestRules());
  EXPECT_EQ(report.kind, MessageKind::kFeedback);
  EXPECT_EQ(report.format, "arf");
  EXPECT_EQ(report.feedback_type, "abuse");
  ASSERT_EQ(report.recipients.size(), 2u);
  EXPECT_EQ(report.recipients[0].recipient, "klacht@isp.example.net");
  EXPECT_EQ(report.recipients[1].index, 2);
  for (const RecipientResult& r : report.recipients) {
    EXPECT_EQ(r.reason, Reason::kFeedback);
    EXPECT_FALSE(r.hard_bounce);
    EXPECT_TRUE(r.status.empty());  // nothing failed: no status code
  }
}

TEST(Rfc5965Test, RemovalRecipient) {
  const Report report = Analyze(kArfNoRcpt, TestRules());
  EXPECT_EQ(report.feedback_type, "opt-out");
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.recipients[0].recipient, "weg@example.net");
}

TEST(Rfc5965Test, AppleUnsubscribeIsOptOut) {
  const Report report = Analyze(
      "From: iemand@icloud.example.com\nTo: optout-123@lijst.example.nl\nSubject: unsubscribe\n"
      "Auto-Submitted: auto-replied\nX-Apple-Unsubscribe: true\n\nApple Mail sent this email to "
      "unsubscribe.\n",
      TestRules());
  EXPECT_EQ(report.kind, MessageKind::kFeedback);
  EXPECT_EQ(report.feedback_type, "opt-out");
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.recipients[0].recipient, "optout-123@lijst.example.nl");
}

}  // namespace
}  // namespace bouncetolk

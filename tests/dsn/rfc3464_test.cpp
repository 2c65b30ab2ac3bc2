// SPDX-License-Identifier: MIT
// Tests for src/dsn/rfc3464.cpp: RFC 3464 field groups.

#include "dsn/rfc3464.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(Rfc3464Test, SplitTyped) {
  struct Case {
    const char* in;
    const char* type;
    const char* rest;
  } cases[] = {
      {"rfc822; a@b", "rfc822", "a@b"},
      {"RFC822;a@b", "rfc822", "a@b"},
      {"dns; mx.example", "dns", "mx.example"},
      {"smtp; 550 5.1.1 x; y", "smtp", "550 5.1.1 x; y"},
      {"X-Postfix; host not found", "x-postfix", "host not found"},
      {"utf-8; j\xC3\xB6rg@x", "utf-8", "j\xC3\xB6rg@x"},
      {"a@b", "", "a@b"},
      {"<a;b@c>", "", "<a;b@c>"},
  };
  for (const auto& c : cases) {
    std::string type, rest;
    SplitTyped(c.in, &type, &rest);
    EXPECT_EQ(type, c.type) << c.in;
    EXPECT_EQ(rest, c.rest) << c.in;
  }
}

TEST(Rfc3464Test, NormalizeAction) {
  EXPECT_EQ(NormalizeAction(" FAILED "), "failed");
  EXPECT_EQ(NormalizeAction("deliverable"), "delivered");
  EXPECT_EQ(NormalizeAction("expired"), "delayed");
  EXPECT_EQ(NormalizeAction("failure"), "failed");
}

// Parsed once into DsnAction; a word outside RFC 3464 is not lost: the output shows it as
// written (lower case), as it did when the field was a string, and it counts as no failure
// word (the permanence then comes from the codes).
TEST(Rfc3464Test, ReadAction) {
  const struct {
    const char* value;
    DsnAction want;
    const char* word;
  } cases[] = {
      {"failed", DsnAction::kFailed, "failed"},
      {" Delayed ", DsnAction::kDelayed, "delayed"},
      {"relayed", DsnAction::kRelayed, "relayed"},
      {"expanded", DsnAction::kExpanded, "expanded"},
      {"failure", DsnAction::kFailed, "failed"},
      {"expired", DsnAction::kDelayed, "delayed"},
      {"deliverable", DsnAction::kDelivered, "delivered"},
      {"Bounced", DsnAction::kOther, "bounced"},
      {"", DsnAction::kNone, ""},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    ReadAction(c.value, &r);
    EXPECT_EQ(r.action, c.want) << c.value;
    EXPECT_EQ(ActionWord(r), c.word) << c.value;
  }
  RecipientResult r;
  ReadAction("bounced", &r);
  ReadAction("failed", &r);  // a second Action field: the other word goes
  EXPECT_EQ(r.action_other, "");
  EXPECT_EQ(DsnActionToken(DsnAction::kOther), "other");
  EXPECT_FALSE(ParseDsnAction("other").has_value());
  EXPECT_FALSE(ParseDsnAction("").has_value());
}

TEST(Rfc3464Test, AllFields) {
  const std::string text =
      "Original-Envelope-Id: abc+2B1\nReporting-MTA: dns; mta.example\nDSN-Gateway: dns; "
      "gw.example\n"
      "Received-From-MTA: dns; in.example\nArrival-Date: Mon, 1 Jan 2026 10:00:00 +0000\n"
      "X-Postfix-Queue-ID: Q1\n\n"
      "Original-Recipient: rfc822; x+2By@example\nFinal-Recipient: rfc822; <y@example>\nAction: "
      "delayed\n"
      "Status: 4.4.1 (timeout)\nRemote-MTA: dns; mx.example\nDiagnostic-Code: smtp; 451 4.4.1\n  "
      "timeout\n"
      "Last-Attempt-Date: Mon, 1 Jan 2026 11:00:00 +0000\nFinal-Log-ID: L1\n"
      "Will-Retry-Until: Fri, 5 Jan 2026 10:00:00 +0000\nX-Actual-Recipient: rfc822; z@example\n";
  std::vector<Problem> problems;
  const DsnFields d = ParseDeliveryStatus(text, AnalyzeOptions(), &problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(d.per_message.original_envelope_id, "abc+1");
  EXPECT_EQ(d.per_message.reporting_mta, "mta.example");
  EXPECT_EQ(d.per_message.reporting_mta_type, "dns");
  EXPECT_EQ(d.per_message.dsn_gateway, "gw.example");
  EXPECT_EQ(d.per_message.received_from_mta, "in.example");
  EXPECT_EQ(d.per_message.arrival_date, "Mon, 1 Jan 2026 10:00:00 +0000");
  ASSERT_EQ(d.per_message.extension_fields.size(), 1u);
  ASSERT_EQ(d.recipients.size(), 1u);
  const RecipientResult& r = d.recipients[0];
  EXPECT_EQ(r.index, 1);
  EXPECT_EQ(r.original_recipient, "x+y@example");
  EXPECT_EQ(r.recipient, "y@example");
  EXPECT_EQ(ActionWord(r), "delayed");
  EXPECT_EQ(r.status_field, "4.4.1");
  EXPECT_EQ(r.remote_mta, "mx.example");
  EXPECT_EQ(r.diagnostic_type, "smtp");
  EXPECT_EQ(r.diagnostic, "451 4.4.1 timeout");
  EXPECT_EQ(r.last_attempt_date, "Mon, 1 Jan 2026 11:00:00 +0000");
  EXPECT_EQ(r.final_log_id, "L1");
  EXPECT_EQ(r.will_retry_until, "Fri, 5 Jan 2026 10:00:00 +0000");
  ASSERT_EQ(r.extension_fields.size(), 1u);
  EXPECT_EQ(r.extension_fields[0].name, "X-Actual-Recipient");
}

TEST(Rfc3464Test, BadStatusAndMissingRecipient) {
  std::vector<Problem> problems;
  const DsnFields d =
      ParseDeliveryStatus("Final-Recipient: rfc822; a@b\nStatus: 05.1.1\n\nAction: failed\n",
                          AnalyzeOptions(), &problems);
  ASSERT_EQ(d.recipients.size(), 2u);
  EXPECT_EQ(d.recipients[0].status_field, "");
  ASSERT_GE(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, ErrorCode::kBadStatus);
  EXPECT_EQ(problems[1].code, ErrorCode::kMissingFinalRecipient);
}

// AOL writes the per-message fields and every recipient into one group, without blank lines.
TEST(Rfc3464Test, RunTogetherGroups) {
  const std::string text =
      "Reporting-MTA: dns; omr.example.com\nArrival-Date: Fri, 21 Nov 2014 17:24:04 -0500\n"
      "Final-Recipient: rfc822; a@example.jp\nOriginal-Recipient: rfc822;a@example.jp\nAction: "
      "failed\n"
      "Status: 5.2.2\nDiagnostic-Code: smtp; 550 5.2.2 <a@example.jp>... Mailbox Full\n"
      "Final-Recipient: rfc822; b@example.jp\nOriginal-Recipient: rfc822;b@example.jp\nAction: "
      "failed\n"
      "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <b@example.jp>... User Unknown\n";
  std::vector<Problem> problems;
  const DsnFields d = ParseDeliveryStatus(text, AnalyzeOptions(), &problems);
  EXPECT_EQ(d.per_message.reporting_mta, "omr.example.com");
  ASSERT_EQ(d.recipients.size(), 2u);
  EXPECT_EQ(d.recipients[0].recipient, "a@example.jp");
  EXPECT_EQ(d.recipients[0].original_recipient, "a@example.jp");
  EXPECT_EQ(d.recipients[0].status_field, "5.2.2");
  EXPECT_EQ(d.recipients[1].recipient, "b@example.jp");
  EXPECT_EQ(d.recipients[1].status_field, "5.1.1");
  EXPECT_EQ(d.recipients[1].index, 2);
}

TEST(Rfc3464Test, RecipientLimit) {
  std::string text = "Reporting-MTA: dns; x\n";
  for (int i = 0; i < 50; ++i) text += "\nFinal-Recipient: rfc822; r" + std::to_string(i) + "@x\n";
  AnalyzeOptions o;
  o.max_recipients = 10;
  std::vector<Problem> problems;
  const DsnFields d = ParseDeliveryStatus(text, o, &problems);
  EXPECT_EQ(d.recipients.size(), 10u);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.back().code, ErrorCode::kTooManyRecipients);
}

}  // namespace
}  // namespace bouncetolk

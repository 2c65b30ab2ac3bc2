// SPDX-License-Identifier: MIT
//
// summary_test.cpp: BatchSummary and SuppressionList (batch.h): totals equal the inputs and
// the recipients, stable ordering, diagnostic keys without addresses, unique sorted addresses
// and the --since cut-off.

#include <gtest/gtest.h>

#include "bouncetolk/batch.h"

namespace bouncetolk {
namespace {

RecipientResult Rcpt(std::string address, std::string status, Reason reason, bool hard,
                     Permanence permanence = Permanence::kPermanent) {
  RecipientResult r;
  r.recipient = std::move(address);
  r.status = std::move(status);
  r.reason = reason;
  r.hard_bounce = hard;
  r.permanence = permanence;
  r.diagnostic = "550 " + r.status + " <" + r.recipient + ">: no such user";
  return r;
}

Report Bounce(std::vector<RecipientResult> recipients, std::string date = "") {
  Report rep;
  rep.kind = MessageKind::kBounce;
  rep.date = std::move(date);
  rep.recipients = std::move(recipients);
  return rep;
}

std::uint64_t Sum(const std::vector<CountRow>& rows) {
  std::uint64_t n = 0;
  for (const auto& r : rows) n += r.count;
  return n;
}

TEST(BatchSummary, TotalsMatchInputsAndRecipients) {
  BatchSummary s;
  s.Add(Bounce(
      {Rcpt("a@Example.com", "5.1.1", Reason::kUserUnknown, true),
       Rcpt("b@example.com", "4.2.2", Reason::kMailboxFull, false, Permanence::kTemporary)}));
  s.Add(Bounce({Rcpt("c@example.org", "5.1.1", Reason::kUserUnknown, true)}));
  Report not_bounce;
  s.Add(not_bounce);
  Report unreadable;
  unreadable.kind = MessageKind::kUnreadable;
  unreadable.problems.push_back(Problem{ErrorCode::kEmpty, ""});
  s.Add(unreadable);

  EXPECT_EQ(s.messages(), 4u);
  EXPECT_EQ(Sum(s.ByKind()), 4u);
  EXPECT_EQ(s.recipients(), 3u);
  for (const auto& table :
       {s.ByReason(), s.ByStatus(), s.ByDomain(), s.ByParty(), s.ByHardSoft()}) {
    EXPECT_EQ(Sum(table), 3u);
  }
  ASSERT_EQ(s.ByError().size(), 1u);
  EXPECT_EQ(s.ByError()[0].key, "empty");
  const auto domains = s.ByDomain();
  EXPECT_EQ(domains[0].key, "example.com");  // lower-cased, most frequent first
  EXPECT_EQ(domains[0].count, 2u);
  const auto hs = s.ByHardSoft();
  EXPECT_EQ(hs[0].key, "hard");
  EXPECT_EQ(hs[1].key, "soft");
  const auto diags = s.TopDiagnostics(1);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].key, "550 5.1.1 <…>: no such user");
  EXPECT_EQ(diags[0].count, 2u);
}

TEST(DiagnosticKey, ReplacesAddressesAndCuts) {
  EXPECT_EQ(DiagnosticKey("550  5.1.1\n <x@y.z>... User unknown"), "550 5.1.1 <…>... User unknown");
  EXPECT_EQ(DiagnosticKey("mailbox x@y.z, is full"), "mailbox <…>, is full");
  const std::string key = DiagnosticKey(std::string(400, 'a'));
  EXPECT_EQ(key, std::string(BatchSummary::kMaxDiagnosticBytes, 'a') + "…");
}

TEST(SuppressionList, UniqueSortedHardOnly) {
  SuppressionList list;
  list.Add(Bounce({Rcpt("zed@example.com", "5.1.1", Reason::kUserUnknown, true),
                   Rcpt("soft@example.com", "4.2.2", Reason::kMailboxFull, false)}));
  list.Add(Bounce({Rcpt("<Ann@EXAMPLE.com>", "5.1.1", Reason::kUserUnknown, true),
                   Rcpt("zed@example.com", "5.1.1", Reason::kUserUnknown, true)}));
  EXPECT_EQ(list.addresses(), (std::vector<std::string>{"Ann@example.com", "zed@example.com"}));
}

TEST(SuppressionList, SinceKeepsNewAndUndated) {
  SuppressionList list(ParseDate("2026-01-01"));
  list.Add(Bounce({Rcpt("old@example.com", "5.1.1", Reason::kUserUnknown, true)},
                  "Wed, 31 Dec 2025 23:00:00 +0000"));
  list.Add(Bounce({Rcpt("new@example.com", "5.1.1", Reason::kUserUnknown, true)},
                  "Thu, 1 Jan 2026 00:30:00 +0100"));
  list.Add(Bounce({Rcpt("nodate@example.com", "5.1.1", Reason::kUserUnknown, true)}));
  Report arrival = Bounce({Rcpt("arrival@example.com", "5.1.1", Reason::kUserUnknown, true)});
  arrival.per_message.arrival_date = "Fri, 2 Jan 2026 08:00:00 +0000";
  list.Add(arrival);
  // 00:30 +0100 is 23:30 UTC on 31 December: too old.
  EXPECT_EQ(list.addresses(),
            (std::vector<std::string>{"arrival@example.com", "nodate@example.com"}));
  EXPECT_EQ(list.too_old(), 2u);
}

Report Complaint(std::string address, std::string type, std::string date = "") {
  Report rep;
  rep.kind = MessageKind::kFeedback;
  rep.feedback_type = std::move(type);
  rep.date = std::move(date);
  RecipientResult r;
  r.recipient = std::move(address);
  r.reason = Reason::kFeedback;
  r.outcome = Outcome::kFeedback;  // as Analyze() decides for a feedback report
  r.permanence = Permanence::kSuccess;
  rep.recipients.push_back(r);
  return rep;
}

TEST(SuppressionList, ComplaintsAreSuppressionsWithTheirOwnReason) {
  SuppressionList list;
  list.Add(Complaint("spam@example.com", "abuse", "Tue, 3 Mar 2026 08:00:00 +0000"), "arf.eml");
  list.Add(Complaint("optout@example.com", "opt-out"));
  list.Add(Complaint("notspam@example.com", "not-spam"));
  list.Add(Complaint("dkim@example.com", "auth-failure"));
  EXPECT_EQ(list.addresses(), (std::vector<std::string>{"optout@example.com", "spam@example.com"}));
  const SuppressionEntry& e = list.entries().at("spam@example.com");
  EXPECT_EQ(e.reason, "feedback");
  EXPECT_EQ(e.outcome, "feedback");
  EXPECT_EQ(e.status, "");
  EXPECT_EQ(e.timestamp, "2026-03-03T08:00:00Z");
  EXPECT_EQ(e.source, "arf.eml");
}

TEST(SuppressionList, LatestReportOfAnAddressWins) {
  SuppressionList list;
  Report old_bounce = Bounce({Rcpt("a@example.com", "5.1.1", Reason::kUserUnknown, true)},
                             "Mon, 2 Mar 2026 08:00:00 +0000");
  Report new_bounce = Bounce({Rcpt("A@Example.com", "5.1.6", Reason::kHasMoved, true)},
                             "Tue, 3 Mar 2026 08:00:00 +0000");
  list.Add(new_bounce, "new.eml");
  list.Add(old_bounce, "old.eml");
  list.Add(Bounce({Rcpt("a@example.com", "5.1.2", Reason::kHostUnknown, true)}), "undated.eml");
  ASSERT_EQ(list.entries().size(), 2u);  // "A@example.com" and "a@example.com": local parts
  const SuppressionEntry& e = list.entries().at("A@example.com");
  EXPECT_EQ(e.source, "new.eml");
  EXPECT_EQ(e.reason, "hasmoved");
  EXPECT_EQ(e.outcome, "failed");
  EXPECT_EQ(list.entries().at("a@example.com").source, "old.eml");  // dated beats undated
}

TEST(SuppressionList, AddressesInTheFormAnMtaLookupMatches) {
  EXPECT_EQ(NormalizeAddress(" <\"jan\"@Example.COM> "), "jan@example.com");
  EXPECT_EQ(NormalizeAddress("\"jan.de.vries\"@x.nl"), "jan.de.vries@x.nl");
  EXPECT_EQ(NormalizeAddress("\"j\\an\"@x.nl"), "jan@x.nl");  // a quoted pair
  EXPECT_EQ(NormalizeAddress("\"jan de vries\"@x.nl"), "\"jan de vries\"@x.nl");
  EXPECT_EQ(NormalizeAddress("\"jan..vries\"@x.nl"), "\"jan..vries\"@x.nl");
  EXPECT_EQ(NormalizeAddress("\".jan\"@x.nl"), "\".jan\"@x.nl");
  EXPECT_EQ(NormalizeAddress("\"a@b\"@x.nl"), "\"a@b\"@x.nl");
  EXPECT_EQ(NormalizeAddress("\"j\xc3\xa9r\xc3\xb4me\"@x.nl"), "j\xc3\xa9r\xc3\xb4me@x.nl");
  EXPECT_EQ(NormalizeAddress("postmaster"), "postmaster");
}

TEST(SuppressionList, AddressesWithControlsAreMarkedInvalid) {
  SuppressionList list;
  list.Add(Bounce({Rcpt("jan\x1b]52;c;eA==\x07@example.com", "5.1.1", Reason::kUserUnknown, true),
                   Rcpt("ok@example.com", "5.1.1", Reason::kUserUnknown, true)}));
  EXPECT_FALSE(list.entries().begin()->second.valid);
  EXPECT_TRUE(list.entries().at("ok@example.com").valid);
}

}  // namespace
}  // namespace bouncetolk

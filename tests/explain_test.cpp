// SPDX-License-Identifier: MIT
// Tests for src/explain.cpp: explain lists the status-words row and the concept rule that match
// a text, in the order the classifier weighs them (docs/precedence.md).

#include "bouncetolk/explain.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

std::vector<std::string> RuleIds(const ExplainResult& r) {
  std::vector<std::string> ids;
  for (const ExplainHit& h : r.hits) ids.push_back(h.rule_id);
  return ids;
}

TEST(ExplainTest, ACodeWithItsVendorsWordsComesFirst) {
  const ExplainResult r =
      Explain("550 5.4.1 Recipient address rejected: Access denied", TestRules());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().rule_id, "status-word:ms-dbeb-541");
  EXPECT_EQ(r.hits.front().kind, "status-word");
  EXPECT_EQ(*r.hits.front().reason, Reason::kUserUnknown);
}

TEST(ExplainTest, TheCodesMeaningAtTheServerFamilyTheTextNames) {
  const ExplainResult google =
      Explain("host gmail-smtp-in.l.google.com said: 421 4.7.23 rate limited", TestRules());
  ASSERT_FALSE(google.hits.empty());
  EXPECT_EQ(google.hits.front().rule_id, "status-word:google-ptr-temporary");
  EXPECT_EQ(*google.hits.front().reason, Reason::kRequirePtr);
  // The concept rule ("rate limited") comes after the codes: it does not decide beside them.
  EXPECT_EQ(RuleIds(google).back(), "concept:sending-rate");
  // Without a Google host the code is read as the registry says.
  const ExplainResult other = Explain("421 4.7.23 rate limited", TestRules());
  for (const ExplainHit& h : other.hits) EXPECT_NE(h.kind, "status-word") << h.rule_id;
}

TEST(ExplainTest, AConceptRuleWhenNoPhraseMatches) {
  const ExplainResult r = Explain("Empfänger existiert nicht", TestRules());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().rule_id, "concept:recipient-not-found");
  EXPECT_EQ(r.hits.front().kind, "concept");
  EXPECT_TRUE(r.found);
}

}  // namespace
}  // namespace bouncetolk

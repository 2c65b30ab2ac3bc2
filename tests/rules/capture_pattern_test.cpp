// SPDX-License-Identifier: MIT
//
// capture_pattern_test.cpp: CapturePattern (rules/capture_pattern.h): the first group that took
// part in the match, line anchors, and patterns that do not compile.

#include "rules/capture_pattern.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

TEST(CapturePatternTest, FirstParticipatingGroup) {
  const CapturePattern p(R"(host (\S+) said|\[(rcpt_to)\])");
  ASSERT_TRUE(p.ok());
  std::string got;
  int group = 0;
  ASSERT_TRUE(p.FirstCapture("Remote HOST mx.example.nl said: 550", &got, &group));
  EXPECT_EQ(got, "mx.example.nl");
  EXPECT_EQ(group, 1);
  ASSERT_TRUE(p.FirstCapture("Mailbox full [RCPT_TO]", &got, &group));
  EXPECT_EQ(got, "RCPT_TO");
  EXPECT_EQ(group, 2);
  EXPECT_FALSE(p.FirstCapture("nothing", &got));
}

TEST(CapturePatternTest, LineAnchorsAndBadPatterns) {
  const CapturePattern line(R"(^(\w+) did not like)");
  std::string got;
  ASSERT_TRUE(line.FirstCapture("first line\nmx did not like us", &got));
  EXPECT_EQ(got, "mx");
  const CapturePattern bad("(unclosed");
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(bad.FirstCapture("unclosed", &got));
}

}  // namespace
}  // namespace bouncetolk

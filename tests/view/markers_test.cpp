// SPDX-License-Identifier: MIT
// Tests for src/view/markers.cpp: the boundary lines and marker rows of lhost.tsv.

#include "view/markers.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

TEST(MarkersTest, BoundaryLines) {
  const RuleTables& t = TestRules().tables();
  const std::string text =
      "See below.\n  ---------- Forwarded message ---------\nFrom: x\n"
      "--- Below this line is a copy of the message.\nReturn-Path: <a@b>\n";
  std::size_t forward_after = 0;
  std::size_t original_at = 0;
  FindBoundaryLines(t, text, &forward_after, &original_at);
  EXPECT_EQ(text.substr(forward_after, 8), "From: x\n");
  EXPECT_EQ(text.substr(original_at, 13), "--- Below thi");
  FindBoundaryLines(t, "no boundary here\n", &forward_after, &original_at);
  EXPECT_EQ(forward_after, 17u);
  EXPECT_EQ(original_at, 17u);
}

TEST(MarkersTest, LineHasMarker) {
  const RuleTables& t = TestRules().tables();
  EXPECT_TRUE(LineHasMarker(t, "failure", "delivery to <a@b.example> failed"));
  EXPECT_FALSE(LineHasMarker(t, "failure", "hello a@b.example"));
  EXPECT_FALSE(LineHasMarker(t, "no-such-reader", "failed"));
}

}  // namespace
}  // namespace bouncetolk

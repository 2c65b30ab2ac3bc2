// SPDX-License-Identifier: MIT
// Mirrors src/mime/line_clamp.cpp: long lines are broken, long folded fields lose their
// excess continuation lines, and ordinary text passes unchanged (no copy).

#include "mime/line_clamp.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(LineClampTest, Table) {
  struct Case {
    const char* name;
    std::string in;
    std::string want;  // empty: unchanged
    bool broken;
    bool dropped;
  } cases[] = {
      {"ordinary", "A: b\n c\n\nbody\n", "", false, false},
      {"empty", "", "", false, false},
      {"long line broken", "A: 0123456789\n", "A: 01\n23456\n789\n", true, false},
      {"long last line without LF", "0123456789ab", "01234\n56789\nab", true, false},
      {"folded field cut", "A: 12\n 345\n 678\n 9\nB: x\n", "A: 12\n 345\n 678\nB: x\n", false,
       true},
      {"piece starting with a blank is a continuation", "A: 12 456789\n", "A: 12\n 4567\n89\n",
       true, false},
      {"new field restarts the count", "A: 123456\nB: 123456\n", "", false, false},
  };
  for (const Case& c : cases) {
    const ClampedText got = ClampLines(c.in, {c.name[0] == 'n' ? 10u : 5u, 10, 1000});
    EXPECT_EQ(got.text, c.want) << c.name;
    EXPECT_EQ(got.lines_broken, c.broken) << c.name;
    EXPECT_EQ(got.continuation_dropped, c.dropped) << c.name;
  }
}

TEST(LineClampTest, FiftyMebibyteLineIsLinear) {
  const std::string in = "X: " + std::string(50u << 20, 'a') + "\n";
  const ClampedText got = ClampLines(in, {8192, 65536, 1000});
  EXPECT_TRUE(got.lines_broken);
  EXPECT_LT(got.text.size(), in.size() + in.size() / 8192 + 2);
}

TEST(LineClampTest, CutBeforeTooManyFieldLines) {
  const ClampedText got = ClampLines("A: 1\nB: 2\n\nnot a field\nC: 3\nD: 4\n", {100, 100, 3});
  EXPECT_TRUE(got.cut);
  EXPECT_EQ(got.text, "A: 1\nB: 2\n\nnot a field\nC: 3\n");
  EXPECT_FALSE(ClampLines("A: 1\nB: 2\n", {100, 100, 2}).cut);
}

// The shortcut for short texts must not skip a text that just reaches a limit.
TEST(LineClampTest, TextsAtTheLimits) {
  // One line one byte over max_line_bytes, in a text of max_line_bytes + 1 bytes.
  EXPECT_TRUE(ClampLines("0123456789a", {10, 100, 100}).lines_broken);
  EXPECT_FALSE(ClampLines("0123456789", {10, 100, 100}).lines_broken);
  // A continuation after a field of max_field_bytes (10), in the shortest such text.
  EXPECT_TRUE(ClampLines("A: 1234567\n 9", {100, 10, 100}).continuation_dropped);
  EXPECT_FALSE(ClampLines("A: 123456\n 9", {100, 10, 100}).continuation_dropped);
  // The shortest text with max_field_lines + 1 field lines: "a:" lines, 2k - 1 bytes.
  EXPECT_TRUE(ClampLines(":\n:\n:", {100, 100, 2}).cut);
  EXPECT_FALSE(ClampLines(":\n:", {100, 100, 2}).cut);
}

}  // namespace
}  // namespace bouncetolk

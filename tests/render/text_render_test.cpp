// SPDX-License-Identifier: MIT
// Tests for src/render/text_render.cpp: colour decisions, wrapping, terminal safety.

#include "render/text_render.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(TextRenderTest, ColourDecision) {
  struct Case {
    const char* mode;
    bool tty;
    const char* no_color;
    const char* term;
    bool want;
  } cases[] = {
      {"auto", true, nullptr, "xterm", true},
      {"auto", false, nullptr, "xterm", false},
      {"auto", true, "1", "xterm", false},
      {"auto", true, "", "xterm", true},  // NO_COLOR must be non-empty to count
      {"auto", true, nullptr, "dumb", false},
      {"always", false, "1", "dumb", true},
      {"never", true, nullptr, "xterm", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ShouldUseColor(c.mode, c.tty, c.no_color, c.term), c.want)
        << c.mode << " tty=" << c.tty << " NO_COLOR=" << (c.no_color ? c.no_color : "(unset)");
  }
}

TEST(TextRenderTest, Wrap) {
  EXPECT_EQ(Wrap("aaa bbb ccc", 0, 0, 0), "aaa bbb ccc");
  EXPECT_EQ(Wrap("aaaa bbbb cccc dddd eeee ffff", 0, 2, 24), "aaaa bbbb cccc dddd eeee\n  ffff");
  // Counted in code points, not bytes.
  EXPECT_EQ(Wrap("ééééé ééééé ééééé ééééé", 0, 0, 23), "ééééé ééééé ééééé ééééé");
}

TEST(TextRenderTest, TerminalSafe) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"plain", "plain"},
      {"a\x1b[31mred", "a\xE2\x90\x9B[31mred"},  // ESC -> U+241B
      {"\x1b]8;;http://x\x07link", "\xE2\x90\x9B]8;;http://x\xE2\x90\x87link"},
      {"bell\x07", "bell\xE2\x90\x87"},
      {"del\x7f", "del\xE2\x90\xA1"},
      {"c1\xC2\x9B", "c1\\u{9B}"},
      {"bidi\xE2\x80\xAE"
       "evil",
       "bidi\\u{202E}evil"},
      {"tab\tnewline\n", "tab newline "},
      {"bad\xFFutf8", "bad\xEF\xBF\xBDutf8"},  // invalid UTF-8 shows as U+FFFD
  };
  for (const auto& c : cases) EXPECT_EQ(TerminalSafe(c.in), c.want) << c.in;
  EXPECT_EQ(TerminalSafe("keep\nnewline", true), "keep\nnewline");
}

}  // namespace
}  // namespace bouncetolk

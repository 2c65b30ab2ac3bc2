// SPDX-License-Identifier: MIT
// Mirrors src/render/terminal_safe.cpp and the escaping of src/render/json.cpp: nothing taken
// from a message may act on a terminal, and JSON keeps every character (escaped) losslessly.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bouncetolk/render.h"
#include "render/json.h"

namespace bouncetolk {
namespace {

TEST(TerminalSafeTest, Table) {
  struct Case {
    const char* name;
    std::string in;
    std::string want;
  } cases[] = {
      {"plain Dutch", "Onbestelbaar: café", "Onbestelbaar: café"},
      {"CSI colour and clear", "\x1b[31mrood\x1b[2J", "␛[31mrood␛[2J"},
      {"OSC 8 hyperlink", "\x1b]8;;http://x.example/\x1b\\klik\x1b]8;;\x1b\\",
       "␛]8;;http://x.example/␛\\klik␛]8;;␛\\"},
      {"OSC 0 title with BEL", "\x1b]0;title\x07", "␛]0;title␇"},
      {"C1 CSI as UTF-8",
       "a\xc2\x9b"
       "31mb",
       "a\\u{9B}31mb"},
      {"C1 CSI as a raw byte",
       "a\x9b"
       "31mb",
       "a\xef\xbf\xbd"
       "31mb"},
      {"NEL and other C1", "\xc2\x85\xc2\x9d", "\\u{85}\\u{9D}"},
      {"RLO bidi override", "jan\xe2\x80\xaegnp.exe", "jan\\u{202E}gnp.exe"},
      {"isolates", "\xe2\x81\xa6x\xe2\x81\xa9", "\\u{2066}x\\u{2069}"},
      {"zero width space",
       "a\xe2\x80\x8b"
       "b",
       "a\\u{200B}b"},
      {"line separator",
       "a\xe2\x80\xa8"
       "b",
       "a\\u{2028}b"},
      {"tag character", "a\xf3\xa0\x80\x81", "a\\u{E0001}"},
      {"DEL, and NUL (U+FFFD like invalid bytes)", std::string("a\x7f\0b", 4),
       "a␡\xef\xbf\xbd"
       "b"},
      {"CR", "a\rb", "a␍b"},
      {"tab and newline become spaces", "a\tb\nc", "a b c"},
  };
  for (const Case& c : cases) EXPECT_EQ(TerminalSafe(c.in), c.want) << c.name;
  EXPECT_EQ(TerminalSafe("a\tb\nc", true), "a\tb\nc");
}

TEST(JsonEscapeTest, ControlsBidiAndInvalidUtf8) {
  struct Case {
    const char* name;
    std::string in;
    std::string want_json;
    std::string want_value;  // after parsing
  } cases[] = {
      {"ESC", "\x1b[2J", "\"\\u001b[2J\"", "\x1b[2J"},
      {"BEL and DEL", "\x07\x7f", "\"\\u0007\\u007f\"", "\x07\x7f"},
      {"C1 CSI",
       "\xc2\x9b"
       "1m",
       "\"\\u009b1m\"",
       "\xc2\x9b"
       "1m"},
      {"RLO", "\xe2\x80\xae", "\"\\u202e\"", "\xe2\x80\xae"},
      {"LRE", "\xe2\x80\xaa", "\"\\u202a\"", "\xe2\x80\xaa"},
      {"line separator", "\xe2\x80\xa8", "\"\\u2028\"", "\xe2\x80\xa8"},
      {"en dash stays",
       "a\xe2\x80\x93"
       "b",
       "\"a\xe2\x80\x93"
       "b\"",
       "a\xe2\x80\x93"
       "b"},
      {"no-break space stays", "\xc2\xa0", "\"\xc2\xa0\"", "\xc2\xa0"},
      {"invalid UTF-8 repaired",
       "a\xff"
       "b",
       "\"a\xef\xbf\xbd"
       "b\"",
       "a\xef\xbf\xbd"
       "b"},
      {"NUL", std::string("a\0b", 3),
       "\"a\xef\xbf\xbd"
       "b\"",
       "a\xef\xbf\xbd"
       "b"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendJsonString(&out, c.in);
    EXPECT_EQ(out, c.want_json) << c.name;
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), c.want_value) << c.name;
  }
}

}  // namespace
}  // namespace bouncetolk

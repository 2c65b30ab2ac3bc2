// SPDX-License-Identifier: MIT
// Tests for src/mime/charset.cpp: charsets of vendor texts and diagnostics.

#include "mime/charset.h"

#include <gtest/gtest.h>

#include "common/text.h"

namespace bouncetolk {
namespace {

TEST(CharsetTest, ToUtf8) {
  const struct {
    const char* name;
    const char* bytes;
    const char* charset;
    const char* want;
  } cases[] = {
      {"latin-1", "caf\xe9", "iso-8859-1", "caf\xc3\xa9"},
      {"windows-1252 quotes", "\x93ok\x94", "windows-1252", "\xe2\x80\x9cok\xe2\x80\x9d"},
      {"shift_jis", "\x88\xb6\x90\xe6", "shift_jis", "\xe5\xae\x9b\xe5\x85\x88"},
      {"iso-2022-jp labelled", "\x1b$B08@h\x1b(B", "iso-2022-jp", "\xe5\xae\x9b\xe5\x85\x88"},
      // Raw ISO-2022-JP in an unlabelled Diagnostic-Code (Lotus Domino, Japanese Sendmail).
      {"iso-2022-jp unlabelled", "\x1b$B08@h\x1b(B unknown", "",
       "\xe5\xae\x9b\xe5\x85\x88 unknown"},
      {"iso-2022-jp labelled us-ascii", "x \x1b$B08@h\x1b(B", "us-ascii",
       "x \xe5\xae\x9b\xe5\x85\x88"},
      {"plain ascii", "550 5.1.1 user unknown", "", "550 5.1.1 user unknown"},
  };
  for (const auto& c : cases) EXPECT_EQ(ToUtf8(c.bytes, c.charset), c.want) << c.name;
}

TEST(CharsetTest, BrokenInputStaysValidUtf8) {
  for (const char* charset :
       {"", "utf-8", "iso-2022-jp", "shift_jis", "euc-jp", "no-such-charset"}) {
    EXPECT_TRUE(IsValidUtf8(ToUtf8("a\xff\x1b$B\x82\x1b(Bz\x80", charset))) << charset;
  }
}

TEST(CharsetTest, EncodedWords) {
  EXPECT_EQ(DecodeHeaderValue("=?ISO-2022-JP?B?GyRCMDhAaBsoQg==?= niet bezorgd"),
            "\xe5\xae\x9b\xe5\x85\x88 niet bezorgd");
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?q?Onbestelbaar=3A?= =?utf-8?q?_test?="),
            "Onbestelbaar: test");
}

TEST(CharsetTest, AsciiInAsciiCompatibleCharsetsPassesAsItIs) {
  // Plain ASCII skips iconv in these charsets: the result must be what iconv gave.
  const std::string ascii = "User unknown: <a@b.example> (550 5.1.1)\n\tmore\\text~";
  for (const char* cs :
       {"iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "iso-2022-jp", "euc-jp", "koi8-r"}) {
    bool known = false;
    EXPECT_EQ(ToUtf8(ascii, cs, &known), ascii) << cs;
    EXPECT_TRUE(known) << cs;
  }
  // Shift sequences, NUL and 8-bit bytes still go through iconv.
  EXPECT_EQ(ToUtf8("\x1b$B$3$s\x1b(B", "iso-2022-jp"), "\xE3\x81\x93\xE3\x82\x93");
  EXPECT_EQ(ToUtf8("caf\xE9", "iso-8859-1"), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8(std::string("a\0b", 3), "iso-8859-1"),
            "a\xEF\xBF\xBD"
            "b");
  bool known = true;
  ToUtf8("plain", "x-no-such-charset", &known);
  EXPECT_FALSE(known);
}

// iconv gets the text a piece at a time (linear whatever the invalid bytes): sequences and
// escape sequences cut by the end of a piece are converted whole, and the shift state of
// ISO-2022-JP carries over.
TEST(CharsetTest, LongTextsAcrossIconvPieces) {
  std::string hiragana_a;
  for (int i = 0; i < 5000; ++i) hiragana_a += "\xE3\x81\x82";  // U+3042
  for (const std::string& lead : {std::string("x"), std::string("xy")}) {
    std::string euc = lead;
    for (int i = 0; i < 5000; ++i) euc += "\xA4\xA2";
    EXPECT_EQ(ToUtf8(euc, "euc-jp"), lead + hiragana_a) << lead.size();
    std::string jis = lead;
    for (int i = 0; i < 3000; ++i) jis += "\x1b$B\x24\x22\x1b(B";
    std::string want = lead;
    for (int i = 0; i < 3000; ++i) want += "\xE3\x81\x82";
    EXPECT_EQ(ToUtf8(jis, "iso-2022-jp"), want) << lead.size();
  }
  // An invalid byte in each piece: marked, and the rest converted.
  std::string latin;
  for (int i = 0; i < 3000; ++i) latin += "caf\xE9 ";
  std::string utf8;
  for (int i = 0; i < 3000; ++i) utf8 += "caf\xC3\xA9 ";
  EXPECT_EQ(ToUtf8(latin, "iso-8859-1"), utf8);
  EXPECT_EQ(ToUtf8("\xA4\xA2\xA4", "euc-jp"), "\xE3\x81\x82\xEF\xBF\xBD");  // cut at the end
}

}  // namespace
}  // namespace bouncetolk

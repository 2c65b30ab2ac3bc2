// SPDX-License-Identifier: MIT
// Table tests for src/common/text.cpp.

#include "common/text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace bouncetolk {
namespace {

TEST(TextTest, NormalizeLineEndings) {
  struct Case {
    const char* name;
    std::string in, want;
  } cases[] = {
      {"lf", "a\nb\n", "a\nb\n"},
      {"crlf", "a\r\nb\r\n", "a\nb\n"},
      {"cr only", "a\rb\r", "a\nb\n"},
      {"mixed", "a\r\n\rb\n\r\n", "a\n\nb\n\n"},
      {"empty", "", ""},
      {"lone cr at end", "x\r", "x\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeLineEndings(c.in), c.want) << c.name;
}

TEST(TextTest, NormalizeForMatch) {
  EXPECT_EQ(NormalizeForMatch("  User   Unknown\n\tin TABLE "), "user unknown in table");
  EXPECT_EQ(NormalizeForMatch(""), "");
}

TEST(TextTest, DecodeXtext) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"ENV+2B42+3D7", "ENV+42=7"}, {"piet+2Bnews@x", "piet+news@x"},
      {"john+ab@x", "john+ab@x"},  // lower-case hex is no xtext escape (RFC 3461 section 4)
      {"trailing+2", "trailing+2"}, {"+", "+"},
  };
  for (const auto& c : cases) EXPECT_EQ(DecodeXtext(c.in), c.want) << c.in;
}

TEST(TextTest, DecodeUtf8AddrXtext) {
  EXPECT_EQ(DecodeUtf8AddrXtext("j\\x{00F6}rg@x"), "j\xC3\xB6rg@x");
  EXPECT_EQ(DecodeUtf8AddrXtext("bad\\x{ZZ}"), "bad\\x{ZZ}");
  EXPECT_EQ(DecodeUtf8AddrXtext("open\\x{00F6"), "open\\x{00F6");
}

TEST(TextTest, RepairUtf8) {
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));
  EXPECT_EQ(RepairUtf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(RepairUtf8(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));      // overlong
}

TEST(TextTest, Utf8AsciiRunsOfEightBytes) {
  // ASCII is checked eight bytes at a time: a NUL or an 8-bit byte at every offset of a
  // longer text must still be seen, and a sequence split across two words still checked.
  const std::string ascii(40, 'a');
  EXPECT_TRUE(IsValidUtf8(ascii));
  EXPECT_EQ(RepairUtf8(ascii), ascii);
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    for (const std::string& bad :
         {std::string(1, '\0'), std::string("\xE9"), std::string("\xC3")}) {
      std::string s = ascii;
      s.replace(at, 1, bad);
      EXPECT_FALSE(IsValidUtf8(s)) << at;
      std::string want = ascii;
      want.replace(at, 1, "\xEF\xBF\xBD");
      EXPECT_EQ(RepairUtf8(s), want) << at;
    }
    std::string good = ascii;
    good.replace(at, 1, "\xC3\xA9");
    EXPECT_TRUE(IsValidUtf8(good)) << at;
    EXPECT_EQ(RepairUtf8(good), good) << at;
  }
}

TEST(TextTest, StripComments) {
  EXPECT_EQ(StripComments("5.1.1 (user unknown)"), "5.1.1 ");
  EXPECT_EQ(StripComments("a (b (c) d) e"), "a  e");
  EXPECT_EQ(StripComments("\"(quoted)\" x"), "\"(quoted)\" x");
  EXPECT_EQ(StripComments("unclosed (comment"), "unclosed ");
}

TEST(TextTest, StripAnglesAndCase) {
  EXPECT_EQ(StripAngles("  <a@b>  "), "a@b");
  EXPECT_EQ(StripAngles("a@b"), "a@b");
  EXPECT_TRUE(EqualsIgnoreCase("Final-Recipient", "FINAL-RECIPIENT"));
  EXPECT_EQ(FindIgnoreCase("xx Multipart/Report", "multipart/"), 3u);
}

TEST(TextTest, FindIgnoreCaseAgreesWithASimpleSearch) {
  // Candidates are found with memchr for both cases of the first character; compare with a
  // plain search over every start, on texts mixing both cases and near misses.
  auto simple = [](std::string_view hay, std::string_view needle, std::size_t from) {
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
      if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return i;
    }
    return std::string_view::npos;
  };
  const std::string hay = "Tt tT  ttX The tHE then THE_ tx 5.1.1 5.1 .1 ta";
  for (const char* needle :
       {"t", "the", "the_", "tx", "5.1.1", ".1", "ta", "tax", "x", "e", "nope"}) {
    for (std::size_t from = 0; from <= hay.size() + 1; ++from) {
      EXPECT_EQ(FindIgnoreCase(hay, needle, from), simple(hay, needle, from))
          << needle << " from " << from;
    }
  }
  // Runs of either case of the first character (the remembered candidates of both cases).
  std::uint32_t seed = 14;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int k = 0; k < 40; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += "bBoOx"[(seed >> 16) % 5];
    }
    for (const char* needle : {"b", "bo", "bob", "ob", "x"}) {
      for (std::size_t from = 0; from <= text.size(); from += 3) {
        EXPECT_EQ(FindIgnoreCase(text, needle, from), simple(text, needle, from))
            << text << " " << needle << " from " << from;
      }
    }
  }
  EXPECT_EQ(FindIgnoreCase("", "a"), std::string_view::npos);
  EXPECT_EQ(FindIgnoreCase("ab", "abc"), std::string_view::npos);
  EXPECT_EQ(FindIgnoreCase("ab", "", 1), 1u);
}

TEST(TextTest, CutTextKeepsUtf8Whole) {
  EXPECT_EQ(Utf8Prefix("ab\xC3\xA9", 3), "ab");  // é is not split
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(CutText("abcdef", 10), "abcdef");
  EXPECT_EQ(CutText("abcdefghij", 6), "abc\xE2\x80\xA6");  // 6 bytes with the ellipsis
  EXPECT_EQ(SharedTextBytes(1), 64u << 10);
  EXPECT_EQ(SharedTextBytes(0), 64u << 10);
  EXPECT_EQ(SharedTextBytes(4), 16u << 10);
  EXPECT_EQ(SharedTextBytes(1000), 1u << 10);  // never less than 1 KiB
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// json_test.cpp: AppendJsonString() (render/json.h): escapes, U+2028/U+2029, UTF-8 repair, and
// the same result wherever a special byte falls relative to the 8-byte blocks of the fast scan.

#include "render/json.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(AppendJsonString, Table) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"", "\"\""},
      {"plain ascii text", "\"plain ascii text\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"tab\there\nnew\rret", "\"tab\\there\\nnew\\rret\""},
      {std::string("nul\0x", 5), "\"nul\xEF\xBF\xBDx\""},  // NUL is repaired to U+FFFD first
      {"\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\""},
      {"line\xE2\x80\xA8sep\xE2\x80\xA9", "\"line\\u2028sep\\u2029\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"bad \xFF byte", "\"bad \xEF\xBF\xBD byte\""},
      // Issue 14: every invisible formatting character TerminalSafe() shows is escaped too.
      {"\xC2\x9B"
       "31m \xC2\x90",
       "\"\\u009b31m \\u0090\""},  // C1 CSI and DCS
      {"\xE2\x80\xAE"
       "exe \xE2\x81\xA6"
       "a\xE2\x81\xA9",
       "\"\\u202eexe \\u2066a\\u2069\""},
      {"\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", "\"\\u200e\\u200f\\u061c\""},  // LRM RLM ALM
      {"\xE2\x80\x8B\xEF\xBB\xBF\xEF\xBF\xB9", "\"\\u200b\\ufeff\\ufff9\""},
      {"tag\xF3\xA0\x80\x81", "\"tag\\udb40\\udc01\""},  // U+E0001 as a surrogate pair
      // Neighbours of those lead bytes stay as they are.
      {"\xC2\xA0\xD8\xA7\xE2\x82\xAC\xEF\xBC\x81\xF3\xA1\x80\x80",
       "\"\xC2\xA0\xD8\xA7\xE2\x82\xAC\xEF\xBC\x81\xF3\xA1\x80\x80\""},
  };
  for (const Case& c : cases) EXPECT_EQ(Json(c.in), c.want) << c.in;
}

TEST(AppendJsonString, SpecialByteAtEveryPosition) {
  for (std::size_t len = 1; len <= 24; ++len) {
    for (std::size_t at = 0; at < len; ++at) {
      for (char special : {'"', '\\', '\n', '\x7f'}) {
        std::string in(len, 'x');
        in[at] = special;
        std::string want = "\"";
        for (char c : in) {
          if (c == '"')
            want += "\\\"";
          else if (c == '\\')
            want += "\\\\";
          else if (c == '\n')
            want += "\\n";
          else if (c == '\x7f')
            want += "\\u007f";
          else
            want += c;
        }
        want += "\"";
        EXPECT_EQ(Json(in), want) << "len " << len << " at " << at;
      }
    }
  }
}

}  // namespace
}  // namespace bouncetolk

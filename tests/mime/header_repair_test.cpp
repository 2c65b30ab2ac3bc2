// SPDX-License-Identifier: MIT
// Mirrors src/mime/header_repair.cpp: a parameter line that continues an unfolded Content-Type
// or Content-Disposition gets its blank back; everything else passes unchanged (no copy).
// The whole pipeline on such a report: tests/lhost/generic_test.cpp.

#include "mime/header_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

TEST(HeaderRepairTest, Table) {
  const struct {
    const char* name;
    std::string in;
    std::string want;  // empty: unchanged
  } cases[] = {
      {"unfolded boundary", "Content-Type: multipart/mixed;\nboundary=\"b\"\n\n--b\n",
       "Content-Type: multipart/mixed;\n\tboundary=\"b\"\n\n--b\n"},
      {"disposition", "Content-Disposition: attachment;\nfilename=a.txt\n",
       "Content-Disposition: attachment;\n\tfilename=a.txt\n"},
      {"after a folded line of the same field",
       "Content-Type: text/plain;\n charset=us-ascii;\nformat=flowed\n",
       "Content-Type: text/plain;\n charset=us-ascii;\n\tformat=flowed\n"},
      {"properly folded", "Content-Type: multipart/mixed;\n boundary=\"b\"\n", ""},
      {"another field", "Subject: a;\nb=c\n", ""},
      {"next line is a field", "Content-Type: text/plain;\nX-Note: a=b\n", ""},
      {"next line is prose", "Content-Type: text/plain;\nthis is text = b\n", ""},
      {"blank line after", "Content-Type: text/plain;\n\nboundary=x\n", ""},
      {"semicolon at the very end", "Content-Type: text/plain;", ""},
      {"semicolon first", ";\nboundary=x\n", ""},
      {"folded line of another field", "Subject: a\n b;\nc=d\n", ""},
      {"empty", "", ""},
  };
  for (const auto& c : cases) {
    const std::optional<std::string> got = RepairParameterFolding(c.in);
    if (c.want.empty()) {
      EXPECT_FALSE(got.has_value()) << c.name;
    } else {
      ASSERT_TRUE(got.has_value()) << c.name;
      EXPECT_EQ(*got, c.want) << c.name;
    }
  }
}

// Many folded lines each ending in ';' before a parameter line: the walk back to the field
// line is bounded, so the result is plain "no repair", quickly.
TEST(HeaderRepairTest, LongFoldedFieldIsBounded) {
  std::string in = "Content-Type: text/plain;\n";
  for (int i = 0; i < 100000; ++i) in += " a=b;\n";
  in += "c=d\n";
  EXPECT_FALSE(RepairParameterFolding(in).has_value());
}

}  // namespace
}  // namespace bouncetolk

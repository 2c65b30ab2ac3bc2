// SPDX-License-Identifier: MIT
// Mirrors src/render/separated.cpp: RFC 4180 quoting for CSV, no quoting for TSV, controls
// shown as pictures, and no cell a spreadsheet would run as a formula.

#include "render/separated.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

std::string Csv(std::string_view v) {
  std::string out;
  AppendSeparatedCell(&out, v, ',');
  return out;
}

std::string Tsv(std::string_view v) {
  std::string out;
  AppendSeparatedCell(&out, v, '\t');
  return out;
}

TEST(SeparatedTest, Quoting) {
  EXPECT_EQ(Csv("550 5.1.1 User unknown"), "550 5.1.1 User unknown");
  EXPECT_EQ(Csv("a, b"), "\"a, b\"");
  EXPECT_EQ(Csv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Csv("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(Tsv("a\tb\nc"), "a b c");
}

TEST(SeparatedTest, FormulasStayText) {
  EXPECT_EQ(Csv("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(Csv("+31 20 123"), "'+31 20 123");
  EXPECT_EQ(Csv("-ERR mailbox unavailable"), "'-ERR mailbox unavailable");
  EXPECT_EQ(Csv("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(Tsv("=1+1"), "'=1+1");
  EXPECT_EQ(Csv("5.1.1 a=b"), "5.1.1 a=b");  // only the first character counts
  EXPECT_EQ(Csv(""), "");
}

}  // namespace
}  // namespace bouncetolk

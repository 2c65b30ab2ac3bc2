// SPDX-License-Identifier: MIT
// Tests for src/common/field_block.cpp: the field-block grouping (ScanFieldGroups) and the
// fields read with it (ReadFieldGroups).

#include "common/field_block.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bouncetolk {
namespace {

TEST(FieldBlockTest, GroupsFoldingAndGarbage) {
  const std::string text =
      "Reporting-MTA: dns;\n  mx.example\n\n\n"
      "Final-Recipient: rfc822; a@b\nnot a field line\n Action: continuation?\nStatus: 5.1.1\n\n"
      "Final-Recipient: rfc822; c@d\n";
  const auto groups = ReadFieldGroups(text, FieldBlockOptions());
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].fields[0].value, "dns; mx.example");
  ASSERT_EQ(groups[1].fields.size(), 2u);  // the continuation after a garbage line is dropped
  EXPECT_EQ(*FindField(groups[1].fields, "status"), "5.1.1");
  EXPECT_EQ(groups[2].line, 10);
}

TEST(FieldBlockTest, Limits) {
  FieldBlockOptions o;
  o.max_field_bytes = 10;
  o.max_groups = 2;
  const auto groups = ReadFieldGroups("A: 0123456789abcdef\n more\n\nB: 1\n\nC: 2\n", o);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].fields[0].value.size(), 10u);
}

// Records what ScanFieldGroups reports, one string per call.
struct Recorder {
  std::string_view text;
  std::vector<std::string> events;
  std::size_t stop_after = 100;
  bool BeginGroup(int line, std::size_t offset) {
    if (stop_after-- == 0) return false;
    events.push_back("begin " + std::to_string(line) + " @" + std::to_string(offset));
    return true;
  }
  void Field(std::string_view name, std::string_view rest) {
    events.push_back("field " + std::string(name) + "=" + std::string(rest));
  }
  void Continuation(std::string_view line) { events.push_back("more " + std::string(line)); }
  void EndGroup(std::size_t end) { events.push_back("end @" + std::to_string(end)); }
};

TEST(FieldBlockTest, ScanReportsGroupsAsByteRanges) {
  const std::string text =
      "# comment\nId: a\nTitle: one\n  two\r\nnot a field\n more?\n\n \t \nId: b\n#x\nFix:\n";
  Recorder r;
  ScanFieldGroups(text, true, r);
  const std::vector<std::string> want = {
      "begin 2 @10", "field Id= a", "field Title= one", "more   two",  // " more?" follows no field
      "end @53",     "begin 9 @58", "field Id= b",      "field Fix=", "end @72"};
  EXPECT_EQ(r.events, want);
  // The first group's bytes: its lines up to the blank line after it.
  EXPECT_EQ(text.substr(10, 53 - 10), "Id: a\nTitle: one\n  two\r\nnot a field\n more?\n");
  // Without comments a '#' line is no field (nor a group's start); a group runs to the end.
  Recorder plain;
  ScanFieldGroups("#x: 1\nA: 1", false, plain);
  EXPECT_EQ(plain.events, (std::vector<std::string>{"begin 2 @6", "field A= 1", "end @10"}));
}

TEST(FieldBlockTest, ScanStopsWhenTheVisitorSaysSo) {
  Recorder r;
  r.stop_after = 1;
  ScanFieldGroups("A: 1\n\nB: 2\n", false, r);
  EXPECT_EQ(r.events, (std::vector<std::string>{"begin 1 @0", "field A= 1", "end @5"}));
}

}  // namespace
}  // namespace bouncetolk

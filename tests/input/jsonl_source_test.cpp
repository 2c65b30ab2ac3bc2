// SPDX-License-Identifier: MIT
//
// jsonl_source_test.cpp: DecodeJsonLine() (source.h) on a table of lines: ids of every JSON
// type, escapes in the message, lines that are no {"raw": ...} object, the size cap; and the
// names MessageSource gives JSON Lines input ("file:N", blank lines passed over).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bouncetolk/source.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(DecodeJsonLineTest, Table) {
  struct Case {
    const char* line;
    const char* want_bytes;  // the message, or "" when an error
    const char* want_error;  // the error's token, or ""
    std::optional<std::string> want_id;
    bool want_literal;
  } cases[] = {
      {R"({"id":"a-1","raw":"Subject: x\n\nhi\n"})", "Subject: x\n\nhi\n", "", "a-1", false},
      {R"({"raw":"S: \u00e9"})", "S: \xc3\xa9", "", std::nullopt, false},
      {R"({"id":17,"raw":"x"})", "x", "", "17", true},
      {R"({"id":null,"raw":"x"})", "x", "", "null", true},
      {R"({"id":{"p":1},"raw":"x"})", "x", "", R"({"p":1})", false},
      {R"({"id":"k","other":1})", "", "bad_input_line", "k", false},
      {R"({"raw":5})", "", "bad_input_line", std::nullopt, false},
      {R"(["raw","x"])", "", "bad_input_line", std::nullopt, false},
      {"not json", "", "bad_input_line", std::nullopt, false},
      {R"({"raw":"x")", "", "bad_input_line", std::nullopt, false},
      {"{\"raw\":\"\xff\"}", "", "bad_input_line", std::nullopt, false},  // not UTF-8
      {R"({"raw":""})", "", "empty", std::nullopt, false},
      {R"({"raw":"0123456789ABCDEF0123456789"})", "", "too_large", std::nullopt, false},
  };
  for (const Case& c : cases) {
    InputMessage in;
    in.bytes = c.line;
    in.json_line = true;
    DecodeJsonLine(&in, 20);
    EXPECT_EQ(in.bytes, c.want_bytes) << c.line;
    EXPECT_EQ(in.error ? std::string(ErrorCodeToken(in.error->code)) : "", c.want_error) << c.line;
    EXPECT_EQ(in.id, c.want_id) << c.line;
    if (c.want_id) {
      EXPECT_EQ(in.id_literal, c.want_literal) << c.line;
    }
    EXPECT_FALSE(in.json_line) << c.line;
  }
}

TEST(DecodeJsonLineTest, SourceNamesLinesAndSkipsBlankOnes) {
  TempDir tmp;
  WriteFile(tmp / "q.jsonl", "{\"raw\":\"a\"}\n\n  \n{\"raw\":\"b\"}\r\n{\"raw\":\"c\"}");
  SourceOptions o;
  o.json_lines = true;
  MessageSource source({tmp / "q.jsonl"}, o);
  std::vector<std::string> names, bodies;
  InputMessage m;
  while (source.Next(&m)) {
    names.push_back(m.name);
    DecodeJsonLine(&m, 100);
    bodies.push_back(m.bytes);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{tmp / "q.jsonl:1", tmp / "q.jsonl:4", tmp / "q.jsonl:5"}));
  EXPECT_EQ(bodies, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/view/text_part.cpp: which part is the text, HTML without tags, unquoting.

#include "view/text_part.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bouncetolk {
namespace {

TEST(TextPartTest, FindTextPartSkipsTheReturnedMessage) {
  std::vector<Problem> problems;
  const Entity root = ParseMime(
      "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/rfc822\n\n"
      "Subject: original\nContent-Type: text/plain\n\nthe original\n--b\n"
      "Content-Type: text/plain\n\nthe bounce\n--b--\n",
      AnalyzeOptions(), &problems);
  const Entity* plain = FindTextPart(root, "text/plain");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->body, "the bounce");
  EXPECT_EQ(FindTextPart(root, "text/html"), nullptr);
}

TEST(TextPartTest, StripHtml) {
  const struct {
    const char* html;
    const char* want;
  } cases[] = {
      {"<p>a&nbsp;&lt;b&gt;&amp;c</p>", "a <b>&c\n"},
      {"<td>x</td><td>y</td></tr>", "x y \n"},
      {"<script>if (a<b) x();</script>text", "text"},
      {"one\ntwo<br/>three", "one two\nthree"},
      {"cut <b", "cut "},  // a tag that never closes ends the text
  };
  for (const auto& c : cases) EXPECT_EQ(StripHtml(c.html), c.want) << c.html;
}

TEST(TextPartTest, UnquoteNeedsMostLinesQuoted) {
  const std::string quoted = "Begin forwarded message:\n> a\n> b\n>c\n> d\n> e\n";
  EXPECT_EQ(Unquote(quoted), "Begin forwarded message:\na\nb\nc\nd\ne\n");
  const std::string few = "> a\n> b\n> c\n> d\n";  // four quoted lines: left alone
  EXPECT_EQ(Unquote(few), few);
  const std::string mostly_plain = "1\n2\n3\n4\n5\n6\n> a\n> b\n> c\n> d\n> e\n";
  EXPECT_EQ(Unquote(mostly_plain), mostly_plain);
}

}  // namespace
}  // namespace bouncetolk

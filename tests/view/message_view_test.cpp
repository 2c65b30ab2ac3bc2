// SPDX-License-Identifier: MIT
// Tests for src/view/message_view.cpp: the message view (charsets, RFC 2047 subjects, HTML, the
// cut before the returned original, a bounce forwarded inline).

#include "view/message_view.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/text.h"
#include "tests/testing/test_rules.h"
#include "view/markers.h"

namespace bouncetolk {
namespace {

MessageView ViewOf(const std::string& message, Entity* root) {
  std::vector<Problem> problems;
  *root = ParseMime(message, AnalyzeOptions(), &problems);
  return BuildMessageView(*root, TestRules().tables(), AnalyzeOptions());
}

TEST(MessageViewTest, Rfc2047SubjectAcrossFoldedWords) {
  Entity root;
  // "Onbestelbaar: café" split over two encoded-words on two lines.
  const MessageView view = ViewOf(
      "Subject: =?iso-8859-1?q?Onbestelbaar=3A_caf?=\n =?iso-8859-1?q?=E9?=\n\nbody\n", &root);
  EXPECT_EQ(view.subject, "Onbestelbaar: caf\xc3\xa9");
  EXPECT_TRUE(HasMarker(view, "exchange"));  // subject row "onbestelbaar:"
}

TEST(MessageViewTest, InvalidBytesNeverLeaveInvalidUtf8) {
  for (const char* charset : {"utf-8", "shift_jis", "iso-2022-jp", "euc-jp", "x-unknown-charset"}) {
    Entity root;
    const MessageView view =
        ViewOf(std::string("Subject: x\nContent-Type: text/plain; charset=") + charset +
                   "\n\nab\xff\x82\x1b$B\xfe"
                   "cd\n",
               &root);
    EXPECT_TRUE(IsValidUtf8(view.text)) << charset;
    EXPECT_EQ(view.text.substr(0, 2), "ab") << charset;
  }
}

TEST(MessageViewTest, Iso2022JpSubject) {
  Entity root;
  // "Undeliverable: ネコ" as an ISO-2022-JP encoded-word.
  const MessageView view =
      ViewOf("Subject: =?ISO-2022-JP?B?VW5kZWxpdmVyYWJsZTogGyRCJU0lMxsoQg==?=\n\nx\n", &root);
  EXPECT_EQ(view.subject, "Undeliverable: \xe3\x83\x8d\xe3\x82\xb3");
}

TEST(MessageViewTest, HtmlOnlyIsReadWithoutTags) {
  Entity root;
  const MessageView view = ViewOf(
      "Subject: x\nContent-Type: text/html\n\n<html><style>p{}</style><p>Delivery to "
      "<b>a@b.example</b> failed</p>"
      "<br>550&nbsp;5.1.1</html>\n",
      &root);
  EXPECT_EQ(view.text, "Delivery to a@b.example failed\n\n550 5.1.1 ");
}

TEST(MessageViewTest, TextStopsAtTheReturnedOriginal) {
  Entity root;
  const MessageView view = ViewOf(
      "Subject: failure notice\n\n<a@example.nl>:\nno mailbox\n\n--- Below this line is a copy of "
      "the message.\n"
      "\nReturn-Path: <s@example.nl>\nTo: b@example.nl, c@example.nl\n\nhello\n",
      &root);
  EXPECT_EQ(view.text, "<a@example.nl>:\nno mailbox\n\n");
  EXPECT_EQ(view.original_to, (std::vector<std::string>{"b@example.nl", "c@example.nl"}));
}

TEST(MessageViewTest, ForwardedBounceIsUnquoted) {
  Entity root;
  const MessageView view = ViewOf(
      "Subject: Fwd: failure notice\n\nBegin forwarded message:\n> Hi. This is the qmail-send "
      "program at x.\n"
      "> I'm afraid I wasn't able to deliver your message.\n>\n> <a@example.nl>:\n> no mailbox "
      "here\n"
      "> (#5.1.1)\n",
      &root);
  EXPECT_TRUE(HasMarker(view, "qmail"));
  EXPECT_NE(view.text.find("\n<a@example.nl>:\n"), std::string::npos);
}

}  // namespace
}  // namespace bouncetolk

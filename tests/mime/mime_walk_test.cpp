// SPDX-License-Identifier: MIT
//
// mime_walk_test.cpp: ParseMime() on large bounces: the body of a returned attachment is left
// out before parsing, everything a reader needs (the report, the text part, the returned
// message's headers) is kept, and a small message is parsed exactly as it is.

#include "mime/mime_walk.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

std::string BigBounce(std::size_t attachment_lines) {
  std::string m =
      "From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"outer\"\n\n"
      "--outer\nContent-Type: text/plain\n\nCould not deliver.\n\n"
      "--outer\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
      "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n\n"
      "--outer\nContent-Type: message/rfc822\n\nFrom: s@example.org\nSubject: big\n"
      "Content-Type: multipart/mixed; boundary=inner\n\n--inner\nContent-Type: "
      "text/plain\n\nhello\n\n"
      "--inner\nContent-Type: APPLICATION/octet-stream\nContent-Transfer-Encoding: base64\n\n";
  for (std::size_t i = 0; i < attachment_lines; ++i) m += std::string(76, 'A') + "\n";
  m += "--inner--\n\n--outer--\n";
  return m;
}

const Entity* Find(const Entity& e, std::string_view type) {
  if (e.type == type) return &e;
  for (const Entity& c : e.children) {
    if (const Entity* f = Find(c, type)) return f;
  }
  return nullptr;
}

TEST(ParseMime, LargeAttachmentBodyIsLeftOutTheRestKept) {
  const std::string big = BigBounce(30000);  // about 2.3 MB
  std::vector<Problem> problems;
  const Entity root = ParseMime(big, AnalyzeOptions(), &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(root.children.size(), 3u);
  const Entity* dsn = Find(root, "message/delivery-status");
  ASSERT_NE(dsn, nullptr);
  EXPECT_NE(dsn->body.find("Status: 5.1.1"), std::string::npos);
  const Entity& returned = root.children[2];
  ASSERT_EQ(returned.children.size(), 1u);
  EXPECT_EQ(returned.children[0].Header("Subject"), "big");
  const Entity* attachment = Find(returned, "application/octet-stream");
  ASSERT_NE(attachment, nullptr);
  EXPECT_EQ(attachment->body, "");
  const Entity* text = Find(returned, "text/plain");
  ASSERT_NE(text, nullptr);
  EXPECT_NE(text->body.find("hello"), std::string::npos);
}

TEST(ParseMime, SmallMessageKeepsAttachmentBody) {
  std::vector<Problem> problems;
  const Entity root = ParseMime(BigBounce(3), AnalyzeOptions(), &problems);
  const Entity* attachment = Find(root, "application/octet-stream");
  ASSERT_NE(attachment, nullptr);
  EXPECT_NE(attachment->body.find("AAAA"), std::string::npos);
}

}  // namespace
}  // namespace bouncetolk

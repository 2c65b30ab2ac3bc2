// SPDX-License-Identifier: MIT
//
// mbox_source_test.cpp: the mbox rules of MessageSource (source.h): which lines separate
// messages, ">From " unquoting, names "path:N", empty and oversized messages, CRLF files.

#include <gtest/gtest.h>

#include <vector>

#include "bouncetolk/source.h"
#include "input/reader.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::FromLine;
using testing::TempDir;
using testing::WriteFile;

std::vector<InputMessage> ReadAllMessages(const std::vector<std::string>& paths,
                                          SourceOptions options = {}) {
  MessageSource source(paths, std::move(options));
  std::vector<InputMessage> out;
  InputMessage m;
  while (source.Next(&m)) out.push_back(m);
  return out;
}

TEST(MboxSeparator, Table) {
  struct Case {
    const char* line;
    bool want;
  } cases[] = {
      {"From MAILER-DAEMON Thu Apr 29 23:45:32 2013", true},
      {"From - Mon Nov 23 10:00:00 2026", true},
      {"From a@b.example Mon Nov 23 1:00 2026\r\n", true},
      {"From the desk of the director", false},   // no time
      {"From here on, at 10 o'clock", false},     // no hh:mm
      {"From  Mon Nov 23 10:00:00 2026", false},  // no sender word
      {">From a Mon Nov 23 10:00:00 2026", false},
      {"from a Mon Nov 23 10:00:00 2026", false},  // case matters
      {"From", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsMboxSeparator(c.line), c.want) << "line: " << c.line;
  }
}

TEST(MboxSource, SplitsUnquotesAndNames) {
  TempDir tmp;
  const std::string box = tmp / "box.mbox";
  WriteFile(
      box, FromLine() + "Subject: one\n\nbody one\n>From the start\n>>From deeper\n\n" +
               "From here on, nothing separates\n\n" +  // no time: a body line
               FromLine() +
               "Subject: two\n\nbody two\nFrom a Mon Nov 23 10:00:00 2026\n\n" +  // no blank before
               FromLine() + "Subject: three\n\nbody three\n");
  const auto msgs = ReadAllMessages({box});
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[0].name, box + ":1");
  EXPECT_EQ(msgs[2].name, box + ":3");
  EXPECT_EQ(msgs[0].bytes,
            "Subject: one\n\nbody one\nFrom the start\n>From deeper\n\nFrom here on, nothing "
            "separates\n");
  EXPECT_EQ(msgs[1].bytes, "Subject: two\n\nbody two\nFrom a Mon Nov 23 10:00:00 2026\n");
  EXPECT_EQ(msgs[2].bytes, "Subject: three\n\nbody three\n");
  for (const auto& m : msgs) EXPECT_FALSE(m.error) << m.name;
}

TEST(MboxSource, OneMessageKeepsThePlainName) {
  TempDir tmp;
  const std::string box = tmp / "one.eml";
  WriteFile(box, FromLine() + "Subject: only\n\nbody\n");
  const auto msgs = ReadAllMessages({box});
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].name, box);
  EXPECT_EQ(msgs[0].bytes, "Subject: only\n\nbody\n");
}

TEST(MboxSource, EmptyAndTooLargeMessagesAreRecords) {
  TempDir tmp;
  const std::string box = tmp / "box";
  WriteFile(box, FromLine() + "\n" + FromLine() + "Subject: big\n\n" + std::string(5000, 'x') +
                     "\n\n" + FromLine() + "Subject: ok\n\nfine\n");
  SourceOptions o;
  o.max_message_bytes = 1000;
  const auto msgs = ReadAllMessages({box}, o);
  ASSERT_EQ(msgs.size(), 3u);
  ASSERT_TRUE(msgs[0].error);
  EXPECT_EQ(msgs[0].error->code, ErrorCode::kEmpty);
  ASSERT_TRUE(msgs[1].error);
  EXPECT_EQ(msgs[1].error->code, ErrorCode::kTooLarge);
  EXPECT_FALSE(msgs[2].error);
  EXPECT_EQ(msgs[2].bytes, "Subject: ok\n\nfine\n");
}

TEST(MboxSource, CrlfAndLongMessagesAcrossChunks) {
  TempDir tmp;
  const std::string box = tmp / "crlf.mbox";
  // Each message is larger than the 256 KiB read chunk, so separators straddle chunk ends.
  const std::string body(300 * 1024, 'y');
  std::string content;
  for (int i = 0; i < 3; ++i)
    content += "From x Mon Nov 23 10:00:00 2026\r\nSubject: s\r\n\r\n" + body + "\r\n\r\n";
  WriteFile(box, content);
  const auto msgs = ReadAllMessages({box});
  ASSERT_EQ(msgs.size(), 3u);
  for (const auto& m : msgs) {
    EXPECT_FALSE(m.error);
    EXPECT_EQ(m.bytes, "Subject: s\r\n\r\n" + body + "\r\n");
  }
  EXPECT_EQ(CountMessages({box}, {}), std::optional<std::size_t>(3));
}

}  // namespace
}  // namespace bouncetolk

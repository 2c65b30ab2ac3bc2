// SPDX-License-Identifier: MIT
//
// mbox_source_test.cpp: the mbox rules of MessageSource (source.h): which lines separate
// messages, ">From " unquoting, names "path:N", empty and oversized messages, CRLF files.

#include <gtest/gtest.h>

#include <optional>
#include <string>
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
      // As the writers of mbox files put them.
      {"From MAILER-DAEMON Thu Apr 29 23:45:32 2013", true},        // Dovecot, mutt
      {"From MAILER-DAEMON  Thu Apr 29 23:45:32 2013", true},       // Postfix local
      {"From sender@example.org  Wed Oct 12 04:25:28 2016", true},  // formail
      {"From  Wed Oct 12 04:25:28 2016", true},                     // mblaze, empty sender
      {"From \tWed Oct 12 04:25:28 2016", true},                    // empty sender, a tab
      {"From - Mon Nov 23 10:00:00 2026", true},                    // Thunderbird
      {"From a@b.example Mon Nov 23 1:00 2026\r\n", true},          // no seconds, CRLF
      {"From a@b.example Mon Nov 23 10:00:00 2026\r", true},        // CR alone
      {"From a@b Wed Oct 12 04:25:28 2016 +0200", true},            // time zone after
      {"From a@b Wed Oct 12 04:25:28 CEST 2016", true},             // time zone before
      {"From 1234@xxx Wed Oct 12 04:25:28 +0000 2016", true},       // Gmail's export
      {"From a@b 2019-10-02 05:04:34 +0000", true},                 // ISO date
      {"From a@b Mon 1 Jan 2015 00:00:00 +0900", true},             // RFC 5322 order
      // Body lines that are no separators: no date (a time and a year).
      {"From the desk of the director", false},
      {"From here on, at 10 o'clock", false},
      {"From someone", false},
      {"From  someone", false},
      {"From me: see you at 10:30", false},         // a time, no year
      {"From 1999 to 2001 we lived there", false},  // years, no time
      {"From  10:30 to 12:00", false},
      {">From a Mon Nov 23 10:00:00 2026", false},
      {"from a Mon Nov 23 10:00:00 2026", false},  // case matters
      {"From  ", false},
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

// mblaze's mexport writes "From  <date>" (two blanks) for the empty sender of a bounce: such a
// line separates messages like any other (issue 13.1: half an mbox vanished into the message
// before it).
TEST(MboxSource, EmptySenderSeparatesMessages) {
  TempDir tmp;
  const std::string box = tmp / "bounces.mbox";
  WriteFile(box,
            "From  Wed Oct 12 04:25:28 2016\nSubject: one\n\nbody one\n\n"
            "From  Wed Oct 12 04:25:29 2016\nSubject: two\n\nbody two\n\n"
            "From MAILER-DAEMON  Wed Oct 12 04:25:30 2016\nSubject: three\n\nbody\n");
  const auto msgs = ReadAllMessages({box});
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[0].bytes, "Subject: one\n\nbody one\n");
  EXPECT_EQ(msgs[1].bytes, "Subject: two\n\nbody two\n");
  EXPECT_EQ(msgs[2].bytes, "Subject: three\n\nbody\n");
}

// The same mbox with LF, CRLF and CR line ends gives the same messages (with their own line
// ends): a CR-only file used to be one "line", read as an mbox with nothing in it.
TEST(MboxSource, CrAndCrlfLineEndsSplitAsLf) {
  TempDir tmp;
  const std::string lf = FromLine() + "Subject: one\n\nbody\n>From the start\n\n" + FromLine() +
                         "Subject: two\n\n\nFrom here on, no separator\n\n" + FromLine() +
                         "Subject: three\n\nx\n";
  auto with_ends = [](std::string s, const std::string& end) {
    std::string out;
    for (char c : s) out += c == '\n' ? end : std::string(1, c);
    return out;
  };
  WriteFile(tmp / "lf", lf);
  const auto want = ReadAllMessages({tmp / "lf"});
  ASSERT_EQ(want.size(), 3u);
  EXPECT_EQ(want[0].bytes, "Subject: one\n\nbody\nFrom the start\n");
  for (const std::string end : {"\r", "\r\n"}) {
    const std::string path = tmp / (end == "\r" ? "cr" : "crlf");
    WriteFile(path, with_ends(lf, end));
    const auto got = ReadAllMessages({path});
    ASSERT_EQ(got.size(), want.size()) << (end == "\r" ? "CR" : "CRLF");
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].name, path + ":" + std::to_string(i + 1));
      EXPECT_EQ(got[i].bytes, with_ends(want[i].bytes, end));
      EXPECT_FALSE(got[i].error);
    }
    EXPECT_EQ(CountMessages({path}, {}), std::optional<std::size_t>(3));
  }
}

// A CR-only mbox larger than a read chunk: the line ends are found without searching the rest
// of the buffer for an LF at every line (linear), and a CRLF split across two chunks is one
// line end.
TEST(MboxSource, CrOnlyMboxAcrossChunks) {
  TempDir tmp;
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "a line of text\r";
  std::string box_text;
  for (int i = 0; i < 3; ++i)
    box_text += "From x Mon Nov 23 10:00:00 2026\rSubject: s\r\r" + body + "\r";
  WriteFile(tmp / "cr.mbox", box_text);
  const auto msgs = ReadAllMessages({tmp / "cr.mbox"});
  ASSERT_EQ(msgs.size(), 3u);
  for (const auto& m : msgs) EXPECT_EQ(m.bytes, "Subject: s\r\r" + body);
}

}  // namespace
}  // namespace bouncetolk

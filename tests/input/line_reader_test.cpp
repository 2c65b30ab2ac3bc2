// SPDX-License-Identifier: MIT
//
// line_reader_test.cpp: LineReader (reader.h): lines with LF or CRLF, a last line without an
// ending, lines over the cap cut and the rest skipped without being held, line numbers,
// NUL-ended names, a stream that runs on without a line, and WaitFd() telling whether a whole
// line is buffered; and MessageSource's waiting on the streams it reads with it.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "bouncetolk/source.h"
#include "input/reader.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(LineReaderTest, LinesEndingsCapsAndNumbers) {
  TempDir tmp;
  const std::string long_line(200000, 'x');  // more than one 64 KiB read
  WriteFile(tmp / "f", "one\r\ntwo\n\n" + long_line + "\nfive");
  LineReader r(::open((tmp / "f").c_str(), O_RDONLY));
  struct Want {
    std::string line;
    bool too_long;
    std::size_t number;
  } want[] = {{"one", false, 1},
              {"two", false, 2},
              {"", false, 3},
              {std::string(1000, 'x'), true, 4},  // its first 1000 bytes
              {"five", false, 5}};
  std::string line;
  bool too_long = false;
  for (const Want& w : want) {
    ASSERT_TRUE(r.Next(&line, 1000, &too_long)) << w.number;
    EXPECT_EQ(line, w.line) << "line " << w.number;
    EXPECT_EQ(too_long, w.too_long) << "line " << w.number;
    EXPECT_EQ(r.line_number(), w.number);
  }
  EXPECT_FALSE(r.Next(&line, 1000, &too_long));
  EXPECT_EQ(r.error().code, ErrorCode::kNone);
  EXPECT_EQ(r.WaitFd(), -1);  // at its end: nothing to wait for
}

// A line of exactly the cap, with CRLF, is no line too long; NUL-ended names keep their CR.
TEST(LineReaderTest, CapCountsWithoutTheLineEnd) {
  TempDir tmp;
  WriteFile(tmp / "f", "abcd\r\nabcde\r\n");
  LineReader lines(::open((tmp / "f").c_str(), O_RDONLY));
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(lines.Next(&line, 4, &too_long));
  EXPECT_EQ(line, "abcd");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(lines.Next(&line, 4, &too_long));
  EXPECT_EQ(line, "abcd");
  EXPECT_TRUE(too_long);
  WriteFile(tmp / "z", std::string("a\r\0\0b\nc", 7));
  LineReader names(::open((tmp / "z").c_str(), O_RDONLY), '\0');
  std::vector<std::string> got;
  while (names.Next(&line, 100, &too_long)) got.push_back(line);
  EXPECT_EQ(got, (std::vector<std::string>{"a\r", "", "b\nc"}));
}

// set_max_run(): a stream without a non-empty line for that many bytes ends; an endless line
// is still handed out (cut), once.
TEST(LineReaderTest, RunningOnEnds) {
  TempDir tmp;
  WriteFile(tmp / "blank", std::string(300, '\n') + "name\n");
  LineReader blank(::open((tmp / "blank").c_str(), O_RDONLY));
  blank.set_max_run(100);
  std::string line;
  bool too_long = false;
  std::size_t lines = 0;
  while (blank.Next(&line, 50, &too_long)) {
    EXPECT_EQ(line, "");
    ++lines;
  }
  EXPECT_LE(lines, 102u);
  EXPECT_TRUE(blank.ran_on());
  LineReader zero(::open("/dev/zero", O_RDONLY));
  zero.set_max_run(1u << 20);
  ASSERT_TRUE(zero.Next(&line, 50, &too_long));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(line, std::string(50, '\0'));
  EXPECT_FALSE(zero.Next(&line, 50, &too_long));
  EXPECT_FALSE(zero.ran_on());  // the cut line was its record
}

TEST(LineReaderTest, WaitFdOnlyWithoutAWholeLineBuffered) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  LineReader r(fds[0]);
  EXPECT_EQ(r.WaitFd(), fds[0]);
  ASSERT_EQ(::write(fds[1], "a\nb\n", 4), 4);
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(r.Next(&line, 100, &too_long));
  EXPECT_EQ(line, "a");
  EXPECT_EQ(r.WaitFd(), -1);  // "b" is read already
  ASSERT_TRUE(r.Next(&line, 100, &too_long));
  EXPECT_EQ(r.WaitFd(), fds[0]);
  ::close(fds[1]);
}

TEST(LineReaderTest, MessageSourceWaitsOnlyOnStreams) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", "Subject: x\n\nhello\n");
  MessageSource files({tmp / "a.eml", tmp / "a.eml"}, {});
  InputMessage m;
  ASSERT_TRUE(files.Next(&m));
  EXPECT_TRUE(files.WaitForInput(std::chrono::steady_clock::now()));  // a file: never waits

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const int saved = ::dup(0);
  ::dup2(fds[0], 0);
  SourceOptions o;
  o.files_from = "-";
  MessageSource list({}, o);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(list.WaitForInput(start + std::chrono::milliseconds(50)));  // nothing came
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(40));
  const std::string path = tmp / "a.eml\n";
  ASSERT_EQ(::write(fds[1], path.data(), path.size()), static_cast<ssize_t>(path.size()));
  EXPECT_TRUE(list.WaitForInput(std::chrono::steady_clock::now() + std::chrono::seconds(5)));
  ASSERT_TRUE(list.Next(&m));
  EXPECT_EQ(m.bytes, "Subject: x\n\nhello\n");
  ::close(fds[1]);
  EXPECT_FALSE(list.Next(&m));
  ::dup2(saved, 0);
  ::close(saved);
  ::close(fds[0]);
}

}  // namespace
}  // namespace bouncetolk

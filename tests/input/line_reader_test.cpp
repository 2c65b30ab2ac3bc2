// SPDX-License-Identifier: MIT
//
// line_reader_test.cpp: LineReader (reader.h): lines with LF or CRLF, a last line without an
// ending, lines over the cap skipped without being held, line numbers, and WaitFd() telling
// whether a whole line is buffered; and the JSON Lines frames of MessageSource that use it.

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
  } want[] = {
      {"one", false, 1}, {"two", false, 2}, {"", false, 3}, {"", true, 4}, {"five", false, 5}};
  std::string line;
  bool too_long = false;
  for (const Want& w : want) {
    ASSERT_TRUE(r.Next(&line, 1000, &too_long)) << w.number;
    EXPECT_EQ(line, w.line) << "line " << w.number;
    EXPECT_EQ(too_long, w.too_long) << "line " << w.number;
    EXPECT_EQ(r.line_number(), w.number);
  }
  EXPECT_FALSE(r.Next(&line, 1000, &too_long));
  EXPECT_EQ(r.error(), 0);
  EXPECT_EQ(r.WaitFd(), -1);  // at its end: nothing to wait for
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

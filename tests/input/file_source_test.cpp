// SPDX-License-Identifier: MIT
//
// file_source_test.cpp: ReadInput() and ReadAll() (source.h, input/reader.h): whole files of
// any size, the limit, empty files, directories, and a file read on from a head already read.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "bouncetolk/source.h"
#include "input/reader.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(ReadInput, SizesLimitsAndKinds) {
  TempDir tmp;
  for (std::size_t size : {1u, 4095u, 4096u, 4097u, 70000u, 300000u}) {
    const std::string content(size, 'x');
    WriteFile(tmp / "f", content);
    const InputMessage in = ReadInput(tmp / "f", 1u << 20);
    EXPECT_FALSE(in.error) << size;
    EXPECT_EQ(in.bytes, content) << size;
  }
  WriteFile(tmp / "big", std::string(2000, 'x'));
  ASSERT_TRUE(ReadInput(tmp / "big", 1000).error);
  EXPECT_EQ(ReadInput(tmp / "big", 1000).error->code, ErrorCode::kTooLarge);
  WriteFile(tmp / "empty", "");
  EXPECT_EQ(ReadInput(tmp / "empty", 1000).error->code, ErrorCode::kEmpty);
  EXPECT_EQ(ReadInput(tmp.path(), 1000).error->code, ErrorCode::kIsDirectory);
  EXPECT_EQ(ReadInput(tmp / "missing", 1000).error->code, ErrorCode::kCannotOpen);
}

TEST(ReadAll, ContinuesAfterAHeadAndStopsAtTheLimit) {
  TempDir tmp;
  std::string content;
  for (int i = 0; i < 100000; ++i) content += static_cast<char>('a' + i % 26);
  WriteFile(tmp / "f", content);
  const int fd = ::open((tmp / "f").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string got;
  ASSERT_TRUE(ReadAll(fd, 65536, 65536, &got));  // the head
  EXPECT_EQ(got, content.substr(0, 65536));
  ASSERT_TRUE(ReadAll(fd, 1u << 20, content.size(), &got));  // the rest, with the file's size
  EXPECT_EQ(got, content);
  ::close(fd);
  const int fd2 = ::open((tmp / "f").c_str(), O_RDONLY);
  std::string capped;
  ASSERT_TRUE(ReadAll(fd2, 5000, 0, &capped));  // unknown size, capped
  EXPECT_EQ(capped, content.substr(0, 5000));
  ::close(fd2);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// dir_source_test.cpp: MessageSource over trees (source.h): Maildir order and tmp/ skipping,
// directories with and without recursion, files-from lists, and the entries that must become
// error records instead of stopping the walk (empty files, dangling links, FIFOs, loops).

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <vector>

#include "bouncetolk/source.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct Seen {
  std::string name;
  ErrorCode error = ErrorCode::kNone;
};

std::vector<Seen> Walk(const std::vector<std::string>& paths, SourceOptions options = {},
                       std::size_t* skipped = nullptr) {
  MessageSource source(paths, std::move(options));
  std::vector<Seen> out;
  InputMessage m;
  while (source.Next(&m)) out.push_back(Seen{m.name, m.error ? m.error->code : ErrorCode::kNone});
  if (skipped) *skipped = source.skipped_directories();
  return out;
}

std::vector<std::string> Names(const std::vector<Seen>& seen) {
  std::vector<std::string> out;
  for (const Seen& s : seen) out.push_back(s.name);
  return out;
}

TEST(DirSource, MaildirReadsCurThenNewSortedAndSkipsTmp) {
  TempDir tmp;
  const std::string md = tmp / "Maildir";
  WriteFile(md + "/new/200.b", "Subject: n2\n\nx\n");
  WriteFile(md + "/new/100.a", "Subject: n1\n\nx\n");
  WriteFile(md + "/cur/300.c:2,S", "Subject: c1\n\nx\n");
  WriteFile(md + "/tmp/050.z", "Subject: partial\n");
  WriteFile(md + "/dovecot-uidlist", "not a message\n");
  WriteFile(md + "/.Sent/cur/400.d", "Subject: sent\n\nx\n");
  WriteFile(md + "/.Sent/new/.keep", "");  // a dot file: not a message
  WriteFile(md + "/.Sent/new/500.e", "");
  WriteFile(md + "/.Sent/tmp/.keep", "");
  std::size_t skipped = 0;
  EXPECT_EQ(
      Names(Walk({md}, {}, &skipped)),
      (std::vector<std::string>{md + "/cur/300.c:2,S", md + "/new/100.a", md + "/new/200.b"}));
  EXPECT_EQ(skipped, 1u);  // .Sent without -r
  SourceOptions rec;
  rec.recursive = true;
  const auto all = Walk({md}, rec);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[3].name, md + "/.Sent/cur/400.d");
  EXPECT_EQ(all[4].name, md + "/.Sent/new/500.e");
  EXPECT_EQ(all[4].error, ErrorCode::kEmpty);
}

TEST(DirSource, MaildirFileStartingWithFromIsOneMessage) {
  TempDir tmp;
  const std::string md = tmp / "md";
  WriteFile(md + "/cur/1", testing::FromLine() + "Subject: a\n\nx\n\n" + testing::FromLine() +
                               "Subject: b\n\nx\n");
  WriteFile(md + "/new/.keep", "x");  // not a message
  const auto seen = Walk({md});
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].name, md + "/cur/1");
}

TEST(DirSource, NestedDirectoriesAndBadEntries) {
  TempDir tmp;
  const std::string d = tmp / "d";
  WriteFile(d + "/b.eml", "Subject: b\n\nx\n");
  WriteFile(d + "/a.eml", "Subject: a\n\nx\n");
  WriteFile(d + "/empty.eml", "");
  WriteFile(d + "/sub/c.eml", "Subject: c\n\nx\n");
  WriteFile(d + "/sub/deeper/d.mbox",
            testing::FromLine() + "Subject: d1\n\nx\n\n" + testing::FromLine() + "Subject: d2\n");
  ASSERT_EQ(::symlink("nowhere", (d + "/dangling").c_str()), 0);
  ASSERT_EQ(::symlink("..", (d + "/sub/loop").c_str()), 0);
  ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock_path = d + "/socket";
  ASSERT_LT(sock_path.size(), sizeof(addr.sun_path));
  std::memcpy(addr.sun_path, sock_path.c_str(), sock_path.size() + 1);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::close(sock);

  std::size_t skipped = 0;
  const auto flat = Walk({d}, {}, &skipped);
  EXPECT_EQ(Names(flat), (std::vector<std::string>{d + "/a.eml", d + "/b.eml", d + "/dangling",
                                                   d + "/empty.eml", d + "/fifo", d + "/socket"}));
  EXPECT_EQ(flat[2].error, ErrorCode::kCannotOpen);
  EXPECT_EQ(flat[3].error, ErrorCode::kEmpty);
  EXPECT_EQ(flat[4].error, ErrorCode::kNotRegularFile);
  EXPECT_EQ(flat[5].error, ErrorCode::kNotRegularFile);
  EXPECT_EQ(skipped, 1u);

  SourceOptions rec;
  rec.recursive = true;
  const auto all = Walk({d}, rec);
  EXPECT_EQ(Names(all), (std::vector<std::string>{d + "/a.eml", d + "/b.eml", d + "/dangling",
                                                  d + "/empty.eml", d + "/fifo", d + "/socket",
                                                  d + "/sub/c.eml", d + "/sub/deeper/d.mbox:1",
                                                  d + "/sub/deeper/d.mbox:2", d + "/sub/loop"}));
  EXPECT_EQ(all.back().error, ErrorCode::kSymlinkLoop);
  EXPECT_EQ(CountMessages({d}, rec), std::optional<std::size_t>(all.size()));
}

TEST(DirSource, UnreadableFileIsARecord) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read a chmod 000 file";
  TempDir tmp;
  const std::string f = tmp / "secret.eml";
  WriteFile(f, "Subject: x\n\nx\n");
  ASSERT_EQ(::chmod(f.c_str(), 0), 0);
  const auto seen = Walk({f, tmp / "missing.eml"});
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].error, ErrorCode::kCannotOpen);
  EXPECT_EQ(seen[1].error, ErrorCode::kCannotOpen);
}

TEST(DirSource, FilesFromComesAfterThePaths) {
  TempDir tmp;
  WriteFile(tmp / "x.eml", "Subject: x\n\nx\n");
  WriteFile(tmp / "y z.eml", "Subject: y\n\nx\n");
  WriteFile(tmp / "list", tmp / "y z.eml" + "\n\n" + tmp / "x.eml" + "\r\n");
  SourceOptions o;
  o.files_from = tmp / "list";
  EXPECT_EQ(Names(Walk({tmp / "x.eml"}, o)),
            (std::vector<std::string>{tmp / "x.eml", tmp / "y z.eml", tmp / "x.eml"}));
  EXPECT_EQ(CountMessages({tmp / "x.eml"}, o), std::optional<std::size_t>(3));
  o.files_from = "-";
  EXPECT_EQ(CountMessages({}, o), std::nullopt);
}

}  // namespace
}  // namespace bouncetolk

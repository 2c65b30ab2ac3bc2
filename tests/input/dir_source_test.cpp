// SPDX-License-Identifier: MIT
//
// dir_source_test.cpp: MessageSource over trees (source.h): Maildir order and tmp/ skipping,
// directories with and without recursion, files-from lists, and the entries that must become
// error records instead of stopping the walk (empty files, dangling links, FIFOs, loops).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
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

// Issue 14.7: records are inputs. A directory named twice (or reached again through a link
// after it was read) is read once, not reported as a loop; a real loop still is.
TEST(DirSource, DirectoryReachedTwiceIsReadOnce) {
  TempDir tmp;
  const std::string d = tmp / "d";
  WriteFile(d + "/a.eml", "Subject: a\n\nx\n");
  WriteFile(d + "/sub/b.eml", "Subject: b\n\nx\n");
  ASSERT_EQ(::symlink("sub", (d + "/link").c_str()), 0);  // a second way to sub/, no loop
  EXPECT_EQ(Names(Walk({d, d})), (std::vector<std::string>{d + "/a.eml"}));
  SourceOptions rec;
  rec.recursive = true;
  const auto seen = Walk({d + "/sub", d}, rec);
  EXPECT_EQ(Names(seen), (std::vector<std::string>{d + "/sub/b.eml", d + "/a.eml"}));
  for (const Seen& s : seen) EXPECT_EQ(s.error, ErrorCode::kNone) << s.name;
  EXPECT_EQ(Names(Walk({d}, rec)), (std::vector<std::string>{d + "/a.eml", d + "/link/b.eml"}));
}

// Files in a Maildir's root: the mail server's own (indexes, quota, subscriptions) are passed
// over; a message someone saved there is read, after cur/ and new/.
TEST(DirSource, LooseFilesInAMaildirRoot) {
  TempDir tmp;
  const std::string md = tmp / "Maildir";
  WriteFile(md + "/cur/1.host:2,S", "Subject: c\n\nx\n");
  WriteFile(md + "/new/2.host", "Subject: n\n\nx\n");
  WriteFile(md + "/tmp/3.host", "Subject: t\n\nx\n");
  for (const char* state :
       {"dovecot-uidlist", "dovecot-keywords", "dovecot.index", "dovecot.index.log",
        "dovecot-uidvalidity.5f3e1c2a", "maildirsize", "maildirfolder", "subscriptions",
        "courierimapuiddb", "courierpop3dsizelist", ".uidvalidity"}) {
    WriteFile(md + "/" + state, "1 2 3\n");
  }
  WriteFile(md + "/saved bounce.eml", "Subject: s\n\nx\n");
  EXPECT_EQ(Names(Walk({md})), (std::vector<std::string>{md + "/cur/1.host:2,S", md + "/new/2.host",
                                                         md + "/saved bounce.eml"}));
}

// A tree deeper than PATH_MAX: entries are opened relative to their directory, so every
// message is reached (issue 14.7: 19 of 40 were not). Built and removed with *at() calls,
// since the paths cannot be used whole.
TEST(DirSource, TreeDeeperThanPathMax) {
  TempDir tmp;
  const std::string name(200, 'd');
  const int levels = 40;  // 40 * 201 bytes: twice PATH_MAX
  int fd = ::open(tmp.path().c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  std::vector<int> fds = {fd};
  const std::string message = "Subject: deep\n\nx\n";
  for (int i = 0; i < levels; ++i) {
    ASSERT_EQ(::mkdirat(fds.back(), name.c_str(), 0700), 0) << i;
    const int sub = ::openat(fds.back(), name.c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(sub, 0) << i;
    fds.push_back(sub);
    const int m = ::openat(sub, "m.eml", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(m, 0);
    ASSERT_EQ(::write(m, message.data(), message.size()), static_cast<ssize_t>(message.size()));
    ::close(m);
  }
  SourceOptions rec;
  rec.recursive = true;
  const auto seen = Walk({tmp / name}, rec);
  std::size_t read = 0;
  for (const Seen& s : seen) read += s.error == ErrorCode::kNone;
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(levels));
  EXPECT_EQ(read, static_cast<std::size_t>(levels));
  EXPECT_GT(seen.front().name.size(), static_cast<std::size_t>(PATH_MAX));  // the deepest
  // Remove from the bottom up (TempDir's remove_all works on whole paths).
  for (int i = levels; i >= 1; --i) {
    ::unlinkat(fds[i], "m.eml", 0);
    ::close(fds[i]);
    ::unlinkat(fds[i - 1], name.c_str(), AT_REMOVEDIR);
  }
  ::close(fds[0]);
}

std::vector<Seen> WalkList(const std::string& list, bool null_separated) {
  SourceOptions o;
  o.files_from = list;
  o.null_separated = null_separated;
  return Walk({}, o);
}

// find -print0 | bouncetolk -0 --files-from -: names end in NUL and may hold newlines. The
// same list read as lines is one bad entry naming itself, not a silent merge.
TEST(DirSource, FilesFromNulSeparated) {
  TempDir tmp;
  const std::string a = tmp / "a.eml", b = tmp / "b\nc.eml";
  WriteFile(a, "Subject: a\n\nx\n");
  WriteFile(b, "Subject: b\n\nx\n");
  WriteFile(tmp / "list0", a + std::string(1, '\0') + b + std::string(1, '\0'));
  EXPECT_EQ(Names(WalkList(tmp / "list0", true)), (std::vector<std::string>{a, b}));
  const auto as_lines = WalkList(tmp / "list0", false);
  ASSERT_EQ(as_lines.size(), 2u);  // "a\0b" up to the newline in b's name, then "c.eml\0"
  EXPECT_EQ(as_lines[0].name, a + std::string(1, '\0') + tmp / "b");
  EXPECT_EQ(as_lines[0].error, ErrorCode::kBadFileName);
  EXPECT_EQ(as_lines[1].error, ErrorCode::kBadFileName);
}

// Lists that are no lists end: a line of 64 KiB, endless NULs (/dev/zero) read as lines or
// as NUL-separated names, a megabyte of empty lines. Each gives a record, never a hang.
TEST(DirSource, FilesFromThatRunsOnEnds) {
  TempDir tmp;
  WriteFile(tmp / "ok.eml", "Subject: ok\n\nx\n");
  WriteFile(tmp / "long", std::string(65536, 'x') + "\n" + tmp / "ok.eml" + "\n");
  const auto long_line = WalkList(tmp / "long", false);
  ASSERT_EQ(long_line.size(), 2u);
  EXPECT_EQ(long_line[0].error, ErrorCode::kBadFileName);
  EXPECT_EQ(long_line[0].name.size(), static_cast<std::size_t>(PATH_MAX));
  EXPECT_EQ(long_line[1].name, tmp / "ok.eml");
  WriteFile(tmp / "blank", std::string(2u << 20, '\n') + tmp / "ok.eml" + "\n");
  const auto blank = WalkList(tmp / "blank", false);
  ASSERT_EQ(blank.size(), 1u);
  EXPECT_EQ(blank[0].name, tmp / "blank");
  EXPECT_EQ(blank[0].error, ErrorCode::kBadFileName);
  for (bool null_separated : {false, true}) {
    const auto zero = WalkList("/dev/zero", null_separated);
    ASSERT_EQ(zero.size(), 1u) << null_separated;
    EXPECT_EQ(zero[0].error, ErrorCode::kBadFileName);
  }
}

// A FIFO without a writer as the list: opened non-blocking like a named input, so the run
// does not hang in the open; an empty list.
TEST(DirSource, FilesFromFifoWithoutWriter) {
  TempDir tmp;
  ASSERT_EQ(::mkfifo((tmp / "fifo").c_str(), 0600), 0);
  EXPECT_TRUE(WalkList(tmp / "fifo", false).empty());
  // Counting (for the progress line) must not read it: that would take the real reading's
  // names.
  SourceOptions o;
  o.files_from = tmp / "fifo";
  EXPECT_EQ(CountMessages({}, o), std::nullopt);
  EXPECT_EQ(CountMessages({tmp / "fifo"}, {}), std::nullopt);
}

}  // namespace
}  // namespace bouncetolk

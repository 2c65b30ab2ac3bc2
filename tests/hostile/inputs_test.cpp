// SPDX-License-Identifier: MIT
//
// inputs_test.cpp: classes of input that used to lose messages or stop a run, through the
// real binary (BT_BINARY): CR-only and CRLF copies of the whole corpus read as the LF files
// (issue 15.6); an mbox with empty-sender separators, a find -print0 list with -0, compressed
// mboxes (issue 13.1); a directory named twice and a --files-from that never ends (issue
// 14.7); memory running out under ulimit -v for one message of a batch (issue 14.3). Each
// checks that every input gives its record and the exit code is the documented one.

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "testing/compress.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::FromLine;
using testing::TempDir;
using testing::WriteFile;

struct ShellRun {
  int status = -1;  // exit code, or -1 when killed by a signal
  std::string out;
};

// Runs \a command through bash with stdout captured (stderr dropped).
ShellRun Shell(const std::string& command) {
  ShellRun r;
  const std::string cmd = "bash -c '" + command + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string Bin() { return BT_BINARY; }

std::vector<nlohmann::json> Records(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  std::size_t pos = 0;
  while (pos < jsonl.size()) {
    const std::size_t eol = jsonl.find('\n', pos);
    out.push_back(nlohmann::json::parse(jsonl.substr(pos, eol - pos)));
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// \a text with every line end (CRLF, CR, LF: a CRLF is one) written as \a end.
std::string WithLineEnds(const std::string& text, const std::string& end) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += end;
    } else {
      out += text[i];
    }
  }
  return out;
}

// What a run says about each message: its records' kind, status and reason, in order.
using Reading =
    std::map<std::string, std::vector<std::tuple<std::string, std::string, std::string>>>;

Reading ReadingOf(const std::string& jsonl, const std::string& dir) {
  Reading r;
  for (const nlohmann::json& rec : Records(jsonl)) {
    std::string file = rec["file"];
    if (file.compare(0, dir.size() + 1, dir + "/") == 0) file.erase(0, dir.size() + 1);
    auto text = [&](const char* key) {
      return rec[key].is_string() ? rec[key].get<std::string>() : std::string();
    };
    r[file].emplace_back(text("kind"), text("status"), text("reason"));
  }
  return r;
}

// Issue 15.6: every corpus file with CR line ends, and with CRLF, reads as it does with LF
// (35 of the 36 files starting with an mbox "From " line used to be "empty" as CR files).
TEST(InputsTest, CorpusWithCrAndCrlfLineEndsReadsAsLf) {
  const std::string corpus = std::string(BT_CORPUS_DIR) + "/eml";
  DIR* d = ::opendir(corpus.c_str());
  if (!d) GTEST_SKIP() << "no corpus at " << corpus;
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ".eml") == 0) names.push_back(n);
  }
  ::closedir(d);
  ASSERT_GT(names.size(), 100u);
  TempDir tmp;
  std::map<std::string, Reading> readings;
  for (const auto& [kind, end] : std::vector<std::pair<std::string, std::string>>{
           {"lf", "\n"}, {"cr", "\r"}, {"crlf", "\r\n"}}) {
    const std::string dir = tmp / kind;
    for (const std::string& n : names) {
      WriteFile(dir + "/" + n, WithLineEnds(ReadFile(corpus + "/" + n), end));
    }
    readings[kind] = ReadingOf(Shell(Bin() + " --format jsonl -q " + dir).out, dir);
  }
  const Reading& lf = readings["lf"];
  ASSERT_EQ(lf.size(), names.size());
  for (const char* kind : {"cr", "crlf"}) {
    std::size_t same = 0, total = 0;
    for (const auto& [file, records] : lf) {
      total += records.size();
      const auto it = readings[kind].find(file);
      if (it != readings[kind].end() && it->second == records) {
        same += records.size();
      } else {
        ADD_FAILURE() << kind << ": " << file << " reads differently";
      }
    }
    std::printf("[inputs] %-4s line ends: %zu of %zu records as with LF\n", kind, same, total);
  }
}

// Issue 13.1: mblaze's mexport writes "From  <date>" for the empty sender of a bounce; both
// bounces of such an mbox are read (the second used to vanish into the first, with exit 0).
TEST(InputsTest, MboxWithEmptySenderSeparators) {
  TempDir tmp;
  WriteFile(tmp / "bounces.mbox",
            "From  Wed Oct 12 04:25:28 2016\n" + Bounce("a@b.example", "5.1.1") +
                "\nFrom  Wed Oct 12 04:25:29 2016\n" + Bounce("c@d.example", "5.2.2"));
  const ShellRun r = Shell(Bin() + " --format jsonl " + tmp / "bounces.mbox");
  EXPECT_EQ(r.status, 0);
  const auto recs = Records(r.out);
  ASSERT_EQ(recs.size(), 2u) << r.out;
  EXPECT_EQ(recs[0]["recipient"], "a@b.example");
  EXPECT_EQ(recs[1]["recipient"], "c@d.example");
  EXPECT_EQ(recs[1]["file"], tmp / "bounces.mbox:2");
}

// find -print0 | bouncetolk -0 --files-from -: every file, also names with blanks and a
// newline. Without -0 the same list is bad_file_name records (exit 3), never a silent merge.
TEST(InputsTest, FindPrint0WithNull) {
  TempDir tmp;
  const std::vector<std::string> names = {"a.eml", "with blank.eml", "new\nline.eml", "z.eml"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    WriteFile(tmp / ("mail/" + names[i]), Bounce("u" + std::to_string(i) + "@b.example", "5.1.1"));
  }
  const std::string find = "find " + tmp / "mail" + " -type f -print0 | ";
  const ShellRun with = Shell(find + Bin() + " -0 --files-from - --format jsonl");
  EXPECT_EQ(with.status, 0);
  std::set<std::string> recipients;
  for (const auto& rec : Records(with.out)) recipients.insert(rec["recipient"].get<std::string>());
  EXPECT_EQ(recipients.size(), names.size()) << with.out;
  const ShellRun without = Shell(find + Bin() + " --files-from - --format jsonl");
  EXPECT_EQ(without.status, 3);
  const auto recs = Records(without.out);
  ASSERT_FALSE(recs.empty());
  for (const auto& rec : recs) EXPECT_EQ(rec["error"], "bad_file_name") << rec.dump();
}

// A compressed mbox in each format: every message read, none "not a message".
TEST(InputsTest, CompressedMboxes) {
  TempDir tmp;
  const std::string mbox = FromLine() + Bounce("a@b.example", "5.1.1") + "\n" + FromLine() +
                           Bounce("c@d.example", "5.2.2");
  WriteFile(tmp / "box.gz", testing::Gzip(mbox));
  WriteFile(tmp / "box.bz2", testing::Bzip2(mbox));
  WriteFile(tmp / "box.xz", testing::Xz(mbox));
  WriteFile(tmp / "box.zst", testing::Zstd(mbox));
  const ShellRun r = Shell(Bin() + " --format jsonl " + tmp / "box.gz " + tmp / "box.bz2 " +
                           tmp / "box.xz " + tmp / "box.zst");
  EXPECT_EQ(r.status, 0);
  const auto recs = Records(r.out);
  ASSERT_EQ(recs.size(), 8u) << r.out;
  for (const auto& rec : recs) EXPECT_EQ(rec["kind"], "bounce") << rec.dump();
}

// Issue 14.7: a directory named twice is read once (it used to be symlink_loop and exit 3);
// --files-from /dev/zero ends with a record instead of reading for ever.
TEST(InputsTest, DirectoryTwiceAndEndlessList) {
  TempDir tmp;
  WriteFile(tmp / "d/a.eml", Bounce("a@b.example", "5.1.1"));
  const ShellRun twice = Shell(Bin() + " --format jsonl " + tmp / "d " + tmp / "d");
  EXPECT_EQ(twice.status, 0);
  EXPECT_EQ(Records(twice.out).size(), 1u) << twice.out;
  const ShellRun zero = Shell("timeout 20 " + Bin() + " --format jsonl --files-from /dev/zero");
  EXPECT_EQ(zero.status, 3);
  const auto recs = Records(zero.out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0]["error"], "bad_file_name");
}

// Issue 14.3: memory running out for one message of a batch is that message's error record;
// the others are read and the exit code is 3 (mimalloc's operator new used to abort: exit
// 134, no records after it). The big message has a million recipient groups (60 MB); under
// a 250 MB address-space limit it cannot be read or analysed, the small ones can.
TEST(InputsTest, OutOfMemoryIsARecordNotAnAbort) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than any ulimit -v allows";
#endif
  TempDir tmp;
  std::string dsn = "Reporting-MTA: dns; mx.example\n\n";
  for (int i = 0; i < 1200000; ++i)
    dsn += "Final-Recipient: rfc822; u" + std::to_string(i) + "@b\nStatus: 5.1.1\n\n";
  WriteFile(tmp / "b.eml",
            "From: MAILER-DAEMON@mx.example\nSubject: failure\nMIME-Version: 1.0\n"
            "Content-Type: multipart/report; boundary=b\n\n--b\n"
            "Content-Type: message/delivery-status\n\n" +
                dsn + "--b--\n");
  std::string().swap(dsn);
  for (const char* n : {"a1.eml", "a2.eml", "a3.eml"})
    WriteFile(tmp / n, Bounce("x@y.example", "5.1.1"));
  for (const char* jobs : {"1", "2"}) {
    const ShellRun r =
        Shell("ulimit -v 250000; exec " + Bin() + " --format jsonl -j " + jobs + " " +
              tmp / "a1.eml " + tmp / "b.eml " + tmp / "a2.eml " + tmp / "a3.eml");
    EXPECT_EQ(r.status, 3) << "-j " << jobs;
    const auto recs = Records(r.out);
    ASSERT_EQ(recs.size(), 4u) << "-j " << jobs << ": " << r.out.substr(0, 500);
    EXPECT_EQ(recs[0]["kind"], "bounce");
    EXPECT_EQ(recs[1]["file"], tmp / "b.eml");
    EXPECT_EQ(recs[1]["kind"], "unreadable");
    EXPECT_EQ(recs[2]["kind"], "bounce");
    EXPECT_EQ(recs[3]["kind"], "bounce");
  }
}

}  // namespace
}  // namespace bouncetolk

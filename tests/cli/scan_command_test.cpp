// SPDX-License-Identifier: MIT
//
// scan_command_test.cpp: the real binary (BT_BINARY) over a Maildir, an mbox and a nested
// directory built here, with garbage, an empty file, an unreadable entry and non-bounces in
// them: one record per message in input order for any -j, summary totals, the suppression
// list with --since, and the exit codes of single files and batches.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::FromLine;
using testing::PlainMail;
using testing::TempDir;
using testing::WriteFile;

struct RunResult {
  std::string out, err;
  int code = -1;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult RunBinary(const TempDir& tmp, const std::vector<std::string>& args) {
  std::string cmd = Quote(BT_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " > " + Quote(tmp / "stdout") + " 2> " + Quote(tmp / "stderr") + " < /dev/null";
  const int status = std::system(cmd.c_str());
  return RunResult{Slurp(tmp / "stdout"), Slurp(tmp / "stderr"),
                   WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

// The value of "key":"..." in a JSON line (enough for the flat records).
std::string Field(const std::string& line, const std::string& key) {
  const std::string k = "\"" + key + "\":";
  const std::size_t p = line.find(k);
  if (p == std::string::npos) return "?";
  const std::size_t v = p + k.size();
  if (line.compare(v, 4, "null") == 0) return "null";
  const std::size_t end = line.find('"', v + 1);
  return line.substr(v + 1, end - v - 1);
}

class ScanCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string md = tmp_ / "md";
    WriteFile(md + "/cur/1.a:2,S", Bounce("a@x.example", "5.1.1"));
    WriteFile(md + "/cur/2.b:2,S", Bounce("b@y.example", "4.2.2"));
    WriteFile(md + "/cur/3.c:2,S", Bounce("c@x.example", "5.1.1"));
    WriteFile(md + "/new/4.d", PlainMail("lunch"));
    WriteFile(md + "/new/5.e", std::string("\x7f"
                                           "ELF\x02\x01\x01\0\0\0garbage\xff\xfe",
                                           20));
    WriteFile(md + "/new/6.f", "");
    WriteFile(md + "/tmp/0.z", Bounce("skipped@tmp.example", "5.1.1"));

    WriteFile(tmp_ / "box.mbox",
              FromLine() + Bounce("d@z.example", "5.1.1", "Tue, 3 Mar 2020 10:00:00 +0000") + "\n" +
                  FromLine() + PlainMail("quoted") + ">From the start\n\n" + FromLine() +
                  Bounce("a@x.example", "5.1.1"));

    const std::string tree = tmp_ / "tree";
    WriteFile(tree + "/one.eml", Bounce("e@w.example", "5.1.1"));
    WriteFile(tree + "/sub/two.eml", Bounce("f@w.example", "4.2.2"));
    WriteFile(tree + "/sub/deeper/garbage.bin", "\x01\x02\x03 not mail at all");
    if (::geteuid() == 0) {
      // root reads chmod 000 files: a dangling link is the unreadable entry instead.
      ASSERT_EQ(::symlink("gone", (tree + "/bad").c_str()), 0);
    } else {
      WriteFile(tree + "/bad", Bounce("never@read.example", "5.1.1"));
      ASSERT_EQ(::chmod((tree + "/bad").c_str(), 0), 0);
    }
    ASSERT_EQ(::mkfifo((tree + "/fifo").c_str(), 0600), 0);

    // Minimal rule tables so that 5.1.1 is a hard bounce whatever data/ holds today.
    WriteFile(tmp_ / "rules/rules/reasons.tsv",
              "reason\thard\tparty\tsource\nuserunknown\tyes\tsender\ttest\nmailboxfull\tif-"
              "permanent\trecipient\ttest\n");
    WriteFile(tmp_ / "rules/rules/status.tsv",
              "code\tkind\treason\tparty\ttext\tsource\nX.1.1\tiana\tuserunknown\tsender\t-\ttest\n"
              "X.2.2\tiana\tmailboxfull\trecipient\t-\ttest\n");
  }

  std::vector<std::string> Inputs() const {
    return {tmp_ / "md", tmp_ / "box.mbox", tmp_ / "tree"};
  }

  std::vector<std::string> Args(std::vector<std::string> options) const {
    options.insert(options.begin(), {"--rules", tmp_ / "rules"});
    for (const auto& i : Inputs()) options.push_back(i);
    return options;
  }

  TempDir tmp_;
};

TEST_F(ScanCommandTest, OneRecordPerMessageInInputOrder) {
  const RunResult r = RunBinary(tmp_, Args({"--format", "jsonl", "-r", "-j", "2"}));
  EXPECT_EQ(r.code, 3) << r.err;  // some inputs could not be read; the rest was still done
  const auto lines = Lines(r.out);
  std::vector<std::string> files, kinds;
  for (const auto& l : lines) {
    files.push_back(Field(l, "file"));
    kinds.push_back(Field(l, "kind"));
  }
  const std::string md = tmp_ / "md", box = tmp_ / "box.mbox", tree = tmp_ / "tree";
  EXPECT_EQ(files, (std::vector<std::string>{
                       md + "/cur/1.a:2,S", md + "/cur/2.b:2,S", md + "/cur/3.c:2,S",
                       md + "/new/4.d", md + "/new/5.e", md + "/new/6.f", box + ":1", box + ":2",
                       box + ":3", tree + "/bad", tree + "/fifo", tree + "/one.eml",
                       tree + "/sub/deeper/garbage.bin", tree + "/sub/two.eml"}));
  EXPECT_EQ(kinds, (std::vector<std::string>{"bounce", "bounce", "bounce", "not_a_bounce",
                                             "unreadable", "unreadable", "bounce", "not_a_bounce",
                                             "bounce", "unreadable", "unreadable", "bounce",
                                             "unreadable", "bounce"}));
  EXPECT_EQ(Field(lines[5], "error"), "empty");
  EXPECT_EQ(Field(lines[10], "error"), "not_regular_file");
  EXPECT_EQ(Field(lines[9], "error"), "cannot_open");
  EXPECT_EQ(Field(lines[0], "recipient"), "a@x.example");
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress line when stderr is a file

  // The same bytes whatever the number of workers.
  EXPECT_EQ(RunBinary(tmp_, Args({"--format", "jsonl", "-r", "-j", "1"})).out, r.out);
  EXPECT_EQ(RunBinary(tmp_, Args({"--format", "jsonl", "-r", "-j", "7"})).out, r.out);
}

TEST(ScanCommandLarge, ManyBatchesStayInOrderForAnyJobs) {
  // More messages than one batch holds, so the reader, the workers and the in-order writer
  // all take part; sizes vary so workers finish batches out of order.
  TempDir tmp;
  std::vector<std::string> want;
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%05d.host:2,S", i);
    const std::string path = tmp / (std::string("md/cur/") + name);
    std::string content = i % 3 == 0 ? Bounce("u" + std::to_string(i) + "@example.com", "5.1.1")
                          : i % 3 == 1
                              ? PlainMail(std::string(static_cast<std::size_t>(i) * 50, 'x'))
                              : std::string();
    WriteFile(path, content);
    want.push_back(path);
  }
  WriteFile(tmp / "md/new/.keep", "x");  // a dot file: not a message, no record
  WriteFile(tmp / "md/new/99999.host", "");
  want.push_back(tmp / "md/new/99999.host");
  const RunResult one = RunBinary(tmp, {"--format", "jsonl", "-j", "1", tmp / "md"});
  EXPECT_EQ(one.code, 3);
  std::vector<std::string> files;
  for (const auto& l : Lines(one.out)) files.push_back(Field(l, "file"));
  EXPECT_EQ(files, want);
  EXPECT_EQ(RunBinary(tmp, {"--format", "jsonl", "-j", "3", tmp / "md"}).out, one.out);
  EXPECT_EQ(RunBinary(tmp, {"--format", "jsonl", tmp / "md"}).out, one.out);
}

TEST_F(ScanCommandTest, CsvHasAHeaderAndARowPerMessage) {
  const RunResult r = RunBinary(tmp_, Args({"--format", "csv", "-r"}));
  EXPECT_EQ(r.code, 3);
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 15u);
  EXPECT_EQ(lines[0].rfind("file,kind,index,recipient", 0), 0u);
  EXPECT_EQ(lines[1].back(), '\r');  // RFC 4180 line ends
}

TEST_F(ScanCommandTest, WithoutRecursionSubdirectoriesAreSkippedAndSaidSo) {
  const RunResult r = RunBinary(tmp_, Args({"--format", "jsonl"}));
  EXPECT_EQ(Lines(r.out).size(), 12u);  // tree/sub is not read
  EXPECT_NE(r.err.find("-r"), std::string::npos) << r.err;
  EXPECT_EQ(RunBinary(tmp_, Args({"--format", "jsonl", "--quiet"})).err, "");
}

TEST_F(ScanCommandTest, SummaryTotalsEqualTheInputs) {
  const RunResult json = RunBinary(tmp_, Args({"--summary", "--format", "json", "-r"}));
  EXPECT_EQ(json.code, 3);
  EXPECT_NE(json.out.find("\"messages\":14,\"recipients\":7"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("{\"key\":\"bounce\",\"count\":7}"), std::string::npos);
  EXPECT_NE(json.out.find("{\"key\":\"unreadable\",\"count\":5}"), std::string::npos);
  EXPECT_NE(json.out.find("{\"key\":\"not_a_bounce\",\"count\":2}"), std::string::npos);
  EXPECT_NE(json.out.find("{\"key\":\"hard\",\"count\":5}"), std::string::npos);

  const RunResult text = RunBinary(tmp_, Args({"--summary", "-r"}));
  EXPECT_NE(text.out.find("Samenvatting van 14 berichten"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("14    100,0%  totaal"), std::string::npos) << text.out;
  const RunResult en = RunBinary(tmp_, Args({"--summary", "-r", "--lang", "en"}));
  EXPECT_NE(en.out.find("Summary of 14 messages"), std::string::npos) << en.out;
}

TEST_F(ScanCommandTest, SuppressListsUniqueSortedHardBounces) {
  const RunResult all = RunBinary(tmp_, Args({"--suppress", "-r"}));
  EXPECT_EQ(all.code, 3);
  EXPECT_EQ(all.out, "a@x.example\nc@x.example\nd@z.example\ne@w.example\n");
  const RunResult since = RunBinary(tmp_, Args({"--suppress", "--since", "2026-01-01", "-r"}));
  EXPECT_EQ(since.out, "a@x.example\nc@x.example\ne@w.example\n");
  EXPECT_NE(since.err.find("2026-01-01"), std::string::npos) << since.err;
}

TEST_F(ScanCommandTest, ExitCodes) {
  const std::string rules = tmp_ / "rules";
  EXPECT_EQ(RunBinary(tmp_, {"--rules", rules, tmp_ / "box.mbox"}).code, 0);        // all read
  EXPECT_EQ(RunBinary(tmp_, {"--rules", rules, tmp_ / "md/cur/1.a:2,S"}).code, 0);  // one bounce
  EXPECT_EQ(RunBinary(tmp_, {"--rules", rules, tmp_ / "md/new/4.d"}).code, 1);  // one non-bounce
  EXPECT_EQ(RunBinary(tmp_, {"--rules", rules, tmp_ / "md/new/5.e"}).code, 3);  // one garbage file
  EXPECT_EQ(RunBinary(tmp_, {"--rules", rules, tmp_ / "md/new/4.d", tmp_ / "box.mbox"}).code,
            0);  // batch
  EXPECT_EQ(RunBinary(tmp_, {"--since", "2026-01-01", tmp_ / "box.mbox"}).code,
            2);  // --since needs --suppress
  EXPECT_EQ(RunBinary(tmp_, {"--suppress", "--since", "someday", tmp_ / "box.mbox"}).code, 2);
  EXPECT_EQ(RunBinary(tmp_, {"-j", "0", tmp_ / "box.mbox"}).code, 2);
}

TEST_F(ScanCommandTest, ProgressOnlyOnATerminalAndNotWhenQuiet) {
  // script(1) (util-linux, always on Debian) gives the program a terminal.
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  auto on_tty = [&](const std::string& options) {
    const std::string inner = Quote(BT_BINARY) + " --format jsonl -r " + options + " " +
                              Quote(tmp_ / "md") + " > /dev/null";
    const std::string cmd =
        "script -qec " + Quote(inner) + " " + Quote(tmp_ / "typescript") + " > /dev/null 2>&1";
    std::system(cmd.c_str());
    return Slurp(tmp_ / "typescript");
  };
  const std::string shown = on_tty("");
  EXPECT_NE(shown.find("6 berichten"), std::string::npos)
      << shown;  // "6 van 6 berichten" or, before the count is in, "6 berichten"
  EXPECT_NE(shown.find("\x1b[K"), std::string::npos);  // and cleared again
  EXPECT_EQ(on_tty("--quiet").find("berichten"), std::string::npos);
}

TEST_F(ScanCommandTest, FilesFromAndTextErrorsOnStderr) {
  WriteFile(tmp_ / "list", tmp_ / "md/cur/1.a:2,S" + "\n" + tmp_ / "md/new/6.f" + "\n");
  const RunResult r = RunBinary(tmp_, {"--files-from", tmp_ / "list"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("a@x.example"), std::string::npos);
  EXPECT_NE(r.err.find("6.f: Het bestand is leeg."), std::string::npos) << r.err;
}

}  // namespace
}  // namespace bouncetolk

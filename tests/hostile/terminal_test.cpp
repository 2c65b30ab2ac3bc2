// SPDX-License-Identifier: MIT
//
// terminal_test.cpp: messages that carry terminal escape sequences (ANSI CSI, OSC 8
// hyperlinks, OSC 0 title setting, C1 CSI, bidi overrides) in every place that is shown:
// subject, recipients, diagnostic, reporting and remote MTA, the original's To and Date, and
// the file name. The real binary (BT_BINARY) must print none of them raw in text, CSV or TSV
// (with and without colour), and JSON / JSON Lines must parse and keep them, escaped.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing/shell_run.h"

namespace {

const std::string kEsc = "\x1b";
const std::vector<std::pair<const char*, std::string>> kVectors = {
    {"csi", kEsc + "[2J" + kEsc + "[31m"},
    {"osc8", kEsc + "]8;;http://evil.example/" + kEsc + "\\klik" + kEsc + "]8;;" + kEsc + "\\"},
    {"osc0", kEsc + "]0;pwned\x07"},
    {"c1",
     "\xc2\x9b"
     "31m"},
    {"bidi",
     "\xe2\x80\xae"
     "gnp.exe"},
};

// One bounce with \a v in every displayed field. The message is UTF-8 throughout.
std::string Message(const std::string& v) {
  return "From: MAILER-DAEMON@mx.example\nSubject: Undelivered " + v +
         "\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
         "boundary=\"b\"\n\n"
         "--b\nContent-Type: text/plain\n\nfailed\n"
         "--b\nContent-Type: message/delivery-status; charset=utf-8\n\n"
         "Reporting-MTA: dns; mx" +
         v +
         ".example\n\n"
         "Final-Recipient: rfc822; jan" +
         v +
         "@klant.example\n"
         "Original-Recipient: rfc822; oud" +
         v +
         "@klant.example\n"
         "Action: failed" +
         v +
         "\nStatus: 5.1.1\n"
         "Remote-MTA: dns; in" +
         v +
         ".example\n"
         "Last-Attempt-Date: Mon, 1 Jan 2024 " +
         v +
         "\n"
         "Diagnostic-Code: smtp; 550 5.1.1 " +
         v +
         " user unknown\n\n"
         "--b\nContent-Type: message/rfc822\n\n"
         "Subject: origineel " +
         v + "\nTo: klant" + v + "@x.example\nDate: gisteren " + v + "\n\nbody\n--b--\n";
}

using bouncetolk::testing::FirstUnsafe;

std::string RunBinary(const std::string& args) { return bouncetolk::testing::RunShell(args); }

class TerminalTest : public ::testing::TestWithParam<std::pair<const char*, std::string>> {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/bt-term-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    // The file name carries the sequence too (the text output prints it).
    std::string name = GetParam().second;
    for (char& c : name) c = c == '/' ? '_' : c;
    path_ = dir_ + "/bounce" + name + ".eml";
    std::ofstream(path_, std::ios::binary) << Message(GetParam().second);
    quoted_ = "'" + path_ + "'";
  }
  void TearDown() override {
    std::remove(path_.c_str());
    ::rmdir(dir_.c_str());
  }
  std::string dir_, path_, quoted_;
};

TEST_P(TerminalTest, TextCsvTsvShowNothingRaw) {
  for (const char* args : {"--color never", "--color always", "--color never --lang en",
                           "--format csv", "--format tsv"}) {
    const std::string out = RunBinary(std::string(args) + " " + quoted_);
    ASSERT_NE(out.find("klant"), std::string::npos) << args << ": " << out;
    EXPECT_EQ(FirstUnsafe(out, std::string(args) == "--color always"), "") << args;
  }
  const std::string text = RunBinary("--color never " + quoted_);
  if (std::string(GetParam().first) != "c1" && std::string(GetParam().first) != "bidi") {
    EXPECT_NE(text.find("␛"), std::string::npos) << "escape shown as a picture";
  }
}

TEST_P(TerminalTest, JsonKeepsTheTextEscaped) {
  const std::string& v = GetParam().second;
  const std::string out = RunBinary("--format json " + quoted_);
  EXPECT_EQ(FirstUnsafe(out, false), "");
  nlohmann::json doc;
  ASSERT_NO_THROW(doc = nlohmann::json::parse(out)) << out;
  ASSERT_EQ(doc["recipients"].size(), 1u) << out;
  const auto& r = doc["recipients"][0];
  EXPECT_EQ(r["recipient"], "jan" + v + "@klant.example");
  EXPECT_EQ(r["diagnostic"], "550 5.1.1 " + v + " user unknown");
  EXPECT_EQ(r["remote_mta"], "in" + v + ".example");
  EXPECT_EQ(doc["per_message"]["reporting_mta"], "mx" + v + ".example");
  EXPECT_EQ(doc["original"]["subject"], "origineel " + v);

  const std::string lines = RunBinary("--format jsonl " + quoted_);
  EXPECT_EQ(FirstUnsafe(lines, false), "");
  std::istringstream in(lines);
  std::string line;
  while (std::getline(in, line)) EXPECT_TRUE(nlohmann::json::accept(line)) << line;
}

INSTANTIATE_TEST_SUITE_P(Sequences, TerminalTest, ::testing::ValuesIn(kVectors),
                         [](const auto& p) { return std::string(p.param.first); });

// Issue 14: an overlay table (--rules DIR, rules check DIR) with escape sequences and invalid
// bytes in a cell that an error message quotes, and in a file name. stderr shows them escaped.
TEST(TerminalRulesTest, RuleErrorsShowNothingRaw) {
  char tmpl[] = "/tmp/bt-rules-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  ASSERT_EQ(::mkdir((dir + "/rules").c_str(), 0700), 0);
  const std::string evil = kEsc + "]52;c;ZXZpbA==\x07" + kEsc + "[2J\xc2\x9b" + "\xff\xfe";
  std::ofstream(dir + "/rules/status.tsv", std::ios::binary)
      << "code\tkind\treason\tparty\ttext\tsource\n"
      << "5.1.1\tiana\t" << evil << "\tsender\t-\tsource\n";
  std::ofstream(dir + "/rules/x" + evil + ".tsv", std::ios::binary) << "no header\n";
  for (const std::string& args : {"--rules '" + dir + "' --example", "rules check '" + dir + "'"}) {
    const std::string out = RunBinary(args);
    EXPECT_NE(out.find("unknown reason"), std::string::npos) << args << ": " << out;
    EXPECT_EQ(FirstUnsafe(out, false), "") << args;
    EXPECT_EQ(out.find("\xff"), std::string::npos) << args;  // invalid UTF-8 repaired
  }
  std::filesystem::remove_all(dir);
}

}  // namespace

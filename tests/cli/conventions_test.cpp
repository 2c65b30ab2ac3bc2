// SPDX-License-Identifier: MIT
//
// conventions_test.cpp: the real binary (BT_BINARY) behaves like a Unix command (issue 13,
// item 5): errors on standard error start "bouncetolk: " and are in the chosen language (CLI11's
// usage errors and the operating system's texts too); --since takes relative ages and says
// what it takes; a hint when standard input is a terminal; a note for a directory without
// messages; outputs refuse formats they do not have; the shell completions complete.

#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <string>

#include "testing/process.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::FromLine;
using testing::Pty;
using testing::ReadFor;
using testing::Shell;
using testing::ShellQuote;
using testing::Spawn;
using testing::SpawnOptions;
using testing::TempDir;
using testing::WaitFor;
using testing::WriteFile;

std::string Bin() { return ShellQuote(BT_BINARY); }

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every line of \a err starts "bouncetolk: ".
void ExpectPrefixed(const std::string& err, const std::string& what) {
  EXPECT_FALSE(err.empty()) << what;
  std::size_t start = 0;
  for (std::size_t nl; (nl = err.find('\n', start)) != std::string::npos; start = nl + 1)
    EXPECT_EQ(err.compare(start, 12, "bouncetolk: "), 0) << what << ": " << err;
}

TEST(ConventionsTest, UsageErrorsInTheChosenLanguage) {
  TempDir tmp;
  struct Case {
    std::string args, nl, en;
  } cases[] = {
      {"--no-such-option", "onbekende optie", "unknown option"},
      {"--format nonsense x", "'nonsense' kan niet; kies uit", "'nonsense' is not possible"},
      {"-j many x", "geheel getal van 1 tot en met 1024", "whole number from 1 to 1024"},
      {"--format", "--format heeft een waarde nodig", "--format needs a value"},
      {"--since 2026-01-01 x", "--since werkt alleen samen met --suppress",
       "--since works only together with --suppress"},
      {"--suppress --summary x", "gaan niet samen", "cannot be combined"},
      {"rules", "noem een opdracht", "name a command"},
  };
  for (const Case& c : cases) {
    const auto nl = Shell(tmp.path(), Bin() + " " + c.args);
    EXPECT_EQ(nl.status, 2) << c.args;
    ExpectPrefixed(nl.err, c.args);
    EXPECT_TRUE(Has(nl.err, c.nl)) << c.args << ": " << nl.err;
    EXPECT_TRUE(Has(nl.err, "bouncetolk --help")) << nl.err;
    const auto en = Shell(tmp.path(), Bin() + " --lang en " + c.args);
    EXPECT_TRUE(Has(en.err, c.en)) << c.args << ": " << en.err;
  }
}

TEST(ConventionsTest, SystemErrorsInTheChosenLanguage) {
  TempDir tmp;
  const auto nl = Shell(tmp.path(), Bin() + " /nonexistent/x.eml");
  EXPECT_EQ(nl.status, 3);
  ExpectPrefixed(nl.err, "missing file");
  EXPECT_TRUE(Has(nl.err, "Kan het bestand niet openen: bestand of map bestaat niet")) << nl.err;
  const auto en = Shell(tmp.path(), Bin() + " --lang en /nonexistent/x.eml");
  EXPECT_TRUE(Has(en.err, "Cannot open the file: no such file or directory")) << en.err;
  // In the machine formats the error's name is kept, whatever the language.
  const auto json = Shell(tmp.path(), Bin() + " --format json /nonexistent/x.eml");
  EXPECT_TRUE(Has(json.out, "\"arg\":\"ENOENT\"")) << json.out;
}

TEST(ConventionsTest, SinceTakesAgesAndSaysWhatItTakes) {
  TempDir tmp;
  // One bounce of yesterday, one of 2020.
  const std::time_t yesterday = std::time(nullptr) - 86400;
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", std::gmtime(&yesterday));
  WriteFile(tmp / "box", FromLine() +
                             Bounce("old@x.example", "5.1.1", "Tue, 3 Mar 2020 10:00:00 +0000") +
                             "\n" + FromLine() + Bounce("new@x.example", "5.1.1", date));
  const auto all = Shell(tmp.path(), Bin() + " --suppress --since 100000d box");
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(all.out, "new@x.example\nold@x.example\n");
  EXPECT_EQ(Shell(tmp.path(), Bin() + " --suppress --since 2w box").out, "new@x.example\n");
  EXPECT_EQ(Shell(tmp.path(), Bin() + " --suppress --since 1h box").out, "");
  const auto recent = Shell(tmp.path(), Bin() + " --suppress --since 30d box");
  EXPECT_EQ(recent.out, "new@x.example\n") << recent.err;
  const auto bad = Shell(tmp.path(), Bin() + " --suppress --since 30x box");
  EXPECT_EQ(bad.status, 2);
  ExpectPrefixed(bad.err, "--since 30x");
  for (const char* form : {"JJJJ-MM-DD", "30d", "12w", "48h"})
    EXPECT_TRUE(Has(bad.err, form)) << form << " not named in: " << bad.err;
}

TEST(ConventionsTest, HintWhenStandardInputIsATerminal) {
  TempDir tmp;
  Pty pty;
  ASSERT_TRUE(pty.ok());
  const int err = ::open((tmp / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  SpawnOptions o;
  o.stdin_fd = pty.slave();
  o.stderr_fd = err;
  const pid_t pid = Spawn({BT_BINARY, "--format", "jsonl"}, o);
  ::close(err);
  pty.CloseSlave();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string typed = "Subject: hello\n\nJust a note.\n\x04";
  ASSERT_EQ(::write(pty.master(), typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
  ReadFor(pty.master(), 0.5);  // the echo
  int status = 0;
  ASSERT_TRUE(WaitFor(pid, 10, &status));
  const std::string said = testing::ReadWhole(tmp / "err");
  EXPECT_TRUE(Has(said, "bouncetolk: wacht op een bericht op standaardinvoer")) << said;
  EXPECT_TRUE(Has(said, "Ctrl-D")) << said;
  // Not when the input comes from a file or a pipe, nor with --quiet.
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  EXPECT_EQ(Shell(tmp.path(), Bin() + " < a.eml").err, "");
}

TEST(ConventionsTest, NoteForADirectoryWithoutMessages) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "empty");
  std::filesystem::create_directories(tmp / "md/cur");
  std::filesystem::create_directories(tmp / "md/new");
  WriteFile(tmp / "full/a.eml", Bounce("a@x.example", "5.1.1"));
  const auto r = Shell(tmp.path(), Bin() + " --format jsonl empty md full");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "bouncetolk: empty: in deze map staan geen berichten.")) << r.err;
  EXPECT_TRUE(Has(r.err, "bouncetolk: md: in deze map staan geen berichten.")) << r.err;
  EXPECT_FALSE(Has(r.err, "full")) << r.err;
  EXPECT_EQ(Shell(tmp.path(), Bin() + " --quiet empty").err, "");
}

TEST(ConventionsTest, OutputsRefuseFormatsTheyDoNotHave) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  for (const std::string args : {"--suppress --format json a.eml", "--suppress --brief a.eml",
                                 "--reply --format jsonl a.eml", "--reply --format csv a.eml",
                                 "explain 550 --format csv", "explain 550 --brief"}) {
    const auto r = Shell(tmp.path(), Bin() + " " + args);
    EXPECT_EQ(r.status, 2) << args;
    ExpectPrefixed(r.err, args);
    EXPECT_TRUE(Has(r.err, "kent geen --format")) << args << ": " << r.err;
  }
  for (const std::string args : {"--suppress --format text a.eml", "explain 550 --format json",
                                 "explain 550 --format jsonl", "--reply a.eml"})
    EXPECT_EQ(Shell(tmp.path(), Bin() + " " + args).status, 0) << args;
}

// ---- completions -------------------------------------------------------------------------

TEST(CompletionTest, BashCompletesFormatAfterAnEqualsSign) {
  TempDir tmp;
  const std::string script =
      "source " + ShellQuote(std::string(BT_SOURCE_DIR) + "/completions/bouncetolk.bash") +
      "\n"
      "show() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
      " COMPREPLY=(); _bouncetolk; echo \"${COMPREPLY[*]}\"; }\n";
  // bash splits "--format=j" at "=" (COMP_WORDBREAKS): the words are --format, =, j.
  const auto split = Shell(tmp.path(), script + "show bouncetolk --format = j");
  EXPECT_EQ(split.out, "json jsonl\n") << split.err;
  const auto joined = Shell(tmp.path(), script + "show bouncetolk --format=j");
  EXPECT_EQ(joined.out, "--format=json --format=jsonl\n") << joined.err;
  const auto rules = Shell(tmp.path(), script + "show bouncetolk rules ''");
  EXPECT_EQ(rules.out, "check dump\n");
  const auto input = Shell(tmp.path(), script + "show bouncetolk --input-format ''");
  EXPECT_EQ(input.out, "mail jsonl\n");
}

TEST(CompletionTest, ZshCompletesSubcommandsAndRulesCheckOrDump) {
  if (std::system("command -v zsh > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "zsh is not installed (scripts/setup.sh --test installs it)";
  TempDir tmp;
  // The completion system's helpers replaced by ones that print what they were given.
  const std::string stubs =
      "_arguments() { print -r -- \"arguments\"; state=inputs; return 1 }\n"
      "_describe() { local n=${@[-1]}; print -rl -- ${(P)n} }\n"
      "_files() { print -r -- \"files $*\" }\n"
      "_message() { print -r -- \"message $*\" }\n";
  auto complete = [&](const std::string& words, int current) {
    const std::string script =
        stubs + "words=(" + words + ")\nCURRENT=" + std::to_string(current) + "\nsource " +
        ShellQuote(std::string(BT_SOURCE_DIR) + "/completions/_bouncetolk") + "\n";
    WriteFile(tmp / "t.zsh", script);
    return Shell(tmp.path(), "zsh -f t.zsh").out;
  };
  const std::string first = complete("bouncetolk ''", 2);
  EXPECT_TRUE(Has(first, "explain:")) << first;
  EXPECT_TRUE(Has(first, "rules:")) << first;
  EXPECT_TRUE(Has(first, "files")) << first;
  const std::string rules = complete("bouncetolk rules ''", 3);
  EXPECT_TRUE(Has(rules, "check:")) << rules;
  EXPECT_TRUE(Has(rules, "dump:")) << rules;
  EXPECT_FALSE(Has(rules, "explain:")) << rules;
  const std::string after_options = complete("bouncetolk --lang en rules ''", 5);
  EXPECT_TRUE(Has(after_options, "check:")) << after_options;
  const std::string dir = complete("bouncetolk rules check ''", 4);
  EXPECT_TRUE(Has(dir, "files -/")) << dir;
  const std::string query = complete("bouncetolk explain ''", 3);
  EXPECT_TRUE(Has(query, "message")) << query;
}

}  // namespace
}  // namespace bouncetolk

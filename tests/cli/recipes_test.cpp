// SPDX-License-Identifier: MIT
//
// recipes_test.cpp: every block marked "<!-- recipe: NAME -->" in README.md and
// docs/recipes.md, run as written (issue 13, item 6): with HOME a test directory that holds a
// Maildir of bounces (and a message from MAILER-DAEMON that is no bounce) and an mbox, and the
// built bouncetolk first on PATH. The tools a recipe uses (procmail, maildrop, mutt, mblaze,
// GNU parallel, jq) are Debian packages that scripts/setup.sh --test installs; a test whose
// tool is missing is skipped and says which.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "testing/process.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

namespace fs = std::filesystem;
using testing::Bounce;
using testing::FromLine;
using testing::PlainMail;
using testing::ReadWhole;
using testing::Shell;
using testing::ShellQuote;
using testing::TempDir;
using testing::WriteFile;

// The code block after each "<!-- recipe: NAME -->" of \a markdown.
std::map<std::string, std::string> Recipes(const std::string& markdown) {
  std::map<std::string, std::string> out;
  const std::string marker = "<!-- recipe: ";
  for (std::size_t at = markdown.find(marker); at != std::string::npos;
       at = markdown.find(marker, at + 1)) {
    const std::size_t name_end = markdown.find(" -->", at);
    const std::string name = markdown.substr(at + marker.size(), name_end - at - marker.size());
    const std::size_t fence = markdown.find("```", name_end);
    const std::size_t body = markdown.find('\n', fence) + 1;
    const std::size_t close = markdown.find("\n```", body - 1);
    out[name] = markdown.substr(body, close + 1 - body);
  }
  return out;
}

const std::map<std::string, std::string>& AllRecipes() {
  static const auto* all = [] {
    auto* m = new std::map<std::string, std::string>(
        Recipes(ReadWhole(std::string(BT_SOURCE_DIR) + "/README.md")));
    for (auto& [k, v] : Recipes(ReadWhole(std::string(BT_SOURCE_DIR) + "/docs/recipes.md")))
      (*m)[k] = v;
    return m;
  }();
  return *all;
}

std::string Recipe(const std::string& name) {
  const auto it = AllRecipes().find(name);
  EXPECT_NE(it, AllRecipes().end()) << "no recipe " << name;
  return it == AllRecipes().end() ? std::string() : it->second;
}

bool Have(const std::string& tool) {
  return std::system(("command -v " + tool + " > /dev/null 2>&1").c_str()) == 0;
}

#define REQUIRE_TOOLS(...)               \
  for (const char* tool : {__VA_ARGS__}) \
    if (!Have(tool))                     \
      GTEST_SKIP() << tool << " is not installed (scripts/setup.sh --test installs it)";

// A bounce from MAILER-DAEMON whose recipient is unknown (reason userunknown).
std::string DaemonBounce(const std::string& recipient) { return Bounce(recipient, "5.1.1"); }
// A message from MAILER-DAEMON that is no bounce.
std::string DaemonNotice() {
  return "From: MAILER-DAEMON@mx.example.net\nTo: postmaster@example.org\nSubject: Daily "
         "statistics\nDate: Mon, 23 Nov 2026 09:00:00 +0100\n\n12 messages delivered.\n";
}

// HOME for the recipes: ~/Maildir with three bounces and a notice from MAILER-DAEMON and one
// ordinary mail, ~/big.mbox with 20 bounces; bin/ with bouncetolk first on PATH.
class RecipeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(home_ / "Maildir/cur/1.a:2,S", DaemonBounce("a@x.example"));
    WriteFile(home_ / "Maildir/cur/2.b:2,S", DaemonBounce("b@y.example"));
    WriteFile(home_ / "Maildir/new/3.c", DaemonBounce("c@z.example"));
    WriteFile(home_ / "Maildir/new/4.d", DaemonNotice());
    WriteFile(home_ / "Maildir/new/5.e", PlainMail("lunch"));
    fs::create_directories(home_ / "Maildir/tmp");
    std::string mbox;
    for (int i = 0; i < 20; ++i)
      mbox += FromLine() + DaemonBounce("m" + std::to_string(i) + "@x.example") + "\n";
    WriteFile(home_ / "big.mbox", mbox);
    fs::create_directories(home_ / "bin");
    fs::create_symlink(BT_BINARY, home_ / "bin/bouncetolk");
  }

  // Runs \a script with HOME and PATH set, in HOME.
  testing::ShellResult Run(const std::string& script) {
    return Shell(home_.path(), "export HOME=" + ShellQuote(home_.path()) +
                                   " PATH=" + ShellQuote(home_ / "bin") + ":$PATH\n" + script);
  }

  // HOME and PATH as assignments for procmail and maildrop, which set their own.
  std::string Environment() const {
    return "HOME=\"" + home_.path() + "\"\nPATH=\"" + home_ / "bin" +
           ":/usr/local/bin:/usr/bin:/bin\"\n";
  }

  std::size_t FilesIn(const std::string& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(home_ / dir, ec)) n += e.is_regular_file();
    return n;
  }

  TempDir home_;
};

TEST_F(RecipeTest, ProcmailFilesBouncesByReason) {
  REQUIRE_TOOLS("procmail", "jq");
  // procmail and maildrop set HOME and PATH from the user's account (root's, here): the
  // test's ones come first in the file.
  WriteFile(home_ / ".procmailrc", Environment() +
                                       "MAILDIR=$HOME/Maildir\nDEFAULT=$MAILDIR/\nSHELL=/bin/sh\n"
                                       "LOGFILE=$HOME/procmail.log\n" +
                                       Recipe("procmail"));
  ::chmod((home_ / ".procmailrc").c_str(), 0600);
  WriteFile(home_ / "in/bounce", DaemonBounce("x@x.example"));
  WriteFile(home_ / "in/notice", DaemonNotice());
  for (const char* m : {"bounce", "notice"}) {
    const auto r = Run(std::string("procmail -m \"$HOME/.procmailrc\" < in/") + m);
    EXPECT_EQ(r.status, 0) << m << ": " << r.err;
  }
  const std::string log = ReadWhole(home_ / "procmail.log");
  EXPECT_EQ(FilesIn("Maildir/.Bounces.userunknown/new"), 1u) << log;
  EXPECT_EQ(FilesIn("Maildir/.Bounces.unknown/new"), 1u) << "the notice was not filed\n" << log;
  EXPECT_FALSE(fs::exists(home_ / "Maildir/.Bounces."));
}

TEST_F(RecipeTest, MaildropCreatesItsFolder) {
  REQUIRE_TOOLS("maildrop", "maildirmake", "jq");
  WriteFile(home_ / ".mailfilter", Environment() + Recipe("maildrop"));
  ::chmod((home_ / ".mailfilter").c_str(), 0600);
  WriteFile(home_ / "in/bounce", DaemonBounce("x@x.example"));
  WriteFile(home_ / "in/notice", DaemonNotice());
  for (const char* m : {"bounce", "notice"}) {
    const auto r = Run(std::string("maildrop \"$HOME/.mailfilter\" < in/") + m);
    EXPECT_EQ(r.status, 0) << m << ": " << r.out << r.err;
  }
  EXPECT_EQ(FilesIn("Maildir/.Bounces.userunknown/new"), 1u);
  EXPECT_EQ(FilesIn("Maildir/.Bounces.unknown/new"), 1u);
}

TEST_F(RecipeTest, MuttMacroPipesTheMessage) {
  REQUIRE_TOOLS("mutt", "script");
  // less stands in for the pager (it would wait for a key): it keeps what it was given.
  WriteFile(home_ / "bin/less", "#!/bin/sh\ncat > \"$HOME/paged\"\n");
  ::chmod((home_ / "bin/less").c_str(), 0755);
  WriteFile(home_ / "muttrc",
            "set folder=\"~\"\nset record=\"\"\nset move=no\nset quit=yes\n"
            "set wait_key=no\nset mbox_type=mbox\n" +
                Recipe("mutt"));
  WriteFile(home_ / "one.mbox", FromLine() + DaemonBounce("x@x.example"));
  const auto r =
      Run("TERM=xterm timeout 20 script -qec \"mutt -n -F $HOME/muttrc -f $HOME/one.mbox -e "
          "'push B<quit>'\" /dev/null > /dev/null");
  const std::string paged = ReadWhole(home_ / "paged");
  EXPECT_NE(paged.find("x@x.example"), std::string::npos) << r.err << paged;
  EXPECT_NE(paged.find("Ontvanger bestaat niet"), std::string::npos) << paged;
}

TEST_F(RecipeTest, MblazePicksTheBounces) {
  REQUIRE_TOOLS("mlist", "mpick");
  const auto r = Run(Recipe("mblaze"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("a@x.example"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c@z.example"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("lunch"), std::string::npos) << r.out;
}

TEST_F(RecipeTest, JqPicksHardBounces) {
  REQUIRE_TOOLS("jq");
  // A console block: the lines after "$ " are the commands.
  std::string commands;
  std::istringstream block(Recipe("jq"));
  for (std::string line; std::getline(block, line);)
    if (line.rfind("$ ", 0) == 0) commands += line.substr(2) + " || [ $? -eq 1 ]\n";
  const auto r = Run(commands);
  EXPECT_NE(r.out.find("a@x.example\tuserunknown\t5.1.1"), std::string::npos) << r.out << r.err;
}

TEST_F(RecipeTest, ParallelOverManyCores) {
  REQUIRE_TOOLS("parallel");
  const auto r =
      Run("mkdir -p .parallel && touch .parallel/will-cite\n" + Recipe("parallel-files"));
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string out = ReadWhole(home_ / "bounces.jsonl");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 5) << out;
}

TEST_F(RecipeTest, ParallelPipeOverHosts) {
  REQUIRE_TOOLS("parallel");
  const auto r =
      Run("mkdir -p .parallel && touch .parallel/will-cite\n" + Recipe("parallel-hosts"));
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string out = ReadWhole(home_ / "bounces.jsonl");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 20) << out;
  EXPECT_NE(out.find("\"file\":\"big.mbox#1"), std::string::npos) << out.substr(0, 300);
}

TEST_F(RecipeTest, QueueConsumerKeepsIds) {
  REQUIRE_TOOLS("jq");
  // kcat stands in for a Kafka consumer: kcat -J's shape, one object per message.
  std::string kcat =
      "#!/bin/sh\noffset=0\nfor f in \"$HOME\"/queue/*; do\n"
      "  jq -cRs --argjson o \"$offset\" "
      "'{topic: \"bounces\", partition: 0, offset: $o, key: null, payload: .}' "
      "\"$f\"\n  offset=$((offset + 1))\ndone\n";
  WriteFile(home_ / "bin/kcat", kcat);
  ::chmod((home_ / "bin/kcat").c_str(), 0755);
  WriteFile(home_ / "queue/1", DaemonBounce("q1@x.example"));
  WriteFile(home_ / "queue/2", DaemonNotice());
  WriteFile(home_ / "queue/3", DaemonBounce("q3@x.example"));
  const auto r = Run(Recipe("queue"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "0/0\tq1@x.example\tuserunknown\n0/2\tq3@x.example\tuserunknown\n") << r.err;
}

TEST_F(RecipeTest, NightlySuppressionListAppendsEachAddressOnce) {
  // The script of the systemd service and the cron line; dated bounces of today.
  const std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", std::gmtime(&now));
  WriteFile(home_ / "Maildir/new/6.f", Bounce("fresh@x.example", "5.1.1", date));
  WriteFile(home_ / "bin/bounce-suppress", Recipe("suppress-script"));
  ::chmod((home_ / "bin/bounce-suppress").c_str(), 0755);
  for (int night = 0; night < 2; ++night) {
    const auto r = Run("bounce-suppress");
    EXPECT_EQ(r.status, 0) << r.err;
  }
  EXPECT_EQ(ReadWhole(home_ / "suppress.csv"), "address\nfresh@x.example\n");
  WriteFile(home_ / "Maildir/new/7.g", Bounce("later@x.example", "5.1.1", date));
  Run("bounce-suppress");
  EXPECT_EQ(ReadWhole(home_ / "suppress.csv"), "address\nfresh@x.example\nlater@x.example\n");
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Runs the real binary (BT_BINARY): stdin, files, exit codes, languages, JSON validity.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

struct RunResult {
  int status = -1;
  std::string out;
};

// Runs "BT_BINARY args" through the shell with stdout captured (stderr to /dev/null unless
// \a with_stderr).
RunResult Exec(const std::string& args, bool with_stderr = false) {
  const std::string cmd =
      std::string(BT_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string Golden(const std::string& name) {
  return std::string(BT_SOURCE_DIR) + "/tests/golden/" + name;
}

TEST(CliTest, FileAndStdinGiveTheSameText) {
  const RunResult file = Exec(Golden("crlf.eml"));
  const RunResult in = Exec("< " + Golden("crlf.eml"));
  const RunResult dash = Exec("- < " + Golden("crlf.eml"));
  EXPECT_EQ(file.status, 0);
  EXPECT_EQ(in.status, 0);
  EXPECT_NE(file.out.find("a@b.example"), std::string::npos);
  // The text names the file only when it is not standard input.
  EXPECT_EQ(in.out, dash.out);
  EXPECT_NE(in.out.find("Ontvanger"), std::string::npos);
}

TEST(CliTest, ExitCodes) {
  EXPECT_EQ(Exec(Golden("several_recipients.eml")).status, 0);
  EXPECT_EQ(Exec(Golden("not_a_bounce.eml")).status, 1);
  EXPECT_EQ(Exec("/nonexistent/file.eml").status, 3);
  EXPECT_EQ(Exec("--format nonsense x").status, 2);
  EXPECT_EQ(Exec("--no-such-option").status, 2);
  EXPECT_EQ(Exec("--help").status, 0);
  EXPECT_EQ(Exec("< /dev/null").status, 3);  // empty input
  // Several inputs: 0 when all were read, 3 when one was not.
  EXPECT_EQ(Exec(Golden("crlf.eml") + " " + Golden("not_a_bounce.eml")).status, 0);
  EXPECT_EQ(Exec(Golden("crlf.eml") + " /nonexistent").status, 3);
}

TEST(CliTest, HelpListsExitCodes) {
  const RunResult r = Exec("--help");
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  EXPECT_NE(r.out.find("not a bounce"), std::string::npos);
}

TEST(CliTest, ErrorsInDutchAndEnglish) {
  const RunResult nl = Exec("/nonexistent/x.eml", true);
  EXPECT_NE(nl.out.find("Kan het bestand niet openen"), std::string::npos) << nl.out;
  const RunResult en = Exec("--lang en /nonexistent/x.eml", true);
  EXPECT_NE(en.out.find("Cannot open the file"), std::string::npos) << en.out;
  const RunResult dir = Exec(std::string(BT_SOURCE_DIR) + "/tests", true);
  EXPECT_EQ(dir.status, 3);
}

TEST(CliTest, JsonIsValidAndComplete) {
  const RunResult r = Exec("--format json " + Golden("several_recipients.eml"));
  ASSERT_EQ(r.status, 0);
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], 2);
  ASSERT_EQ(doc["recipients"].size(), 3u);
  EXPECT_EQ(doc["recipients"][1]["recipient"], "twee@b.example");
  EXPECT_EQ(doc["recipients"][1]["reply_code"], 550);
}

TEST(CliTest, JsonLinesHasEveryField) {
  const RunResult r = Exec("--format jsonl " + Golden("several_recipients.eml") + " " +
                           Golden("not_a_bounce.eml") + " " + Golden("folded_comments.eml"));
  ASSERT_EQ(r.status, 0);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  const char* fields[] = {"file",
                          "index",
                          "recipient",
                          "original_recipient",
                          "action",
                          "status",
                          "status_source",
                          "reply_code",
                          "diagnostic",
                          "diagnostic_type",
                          "reporting_mta",
                          "remote_mta",
                          "arrival_date",
                          "last_attempt_date",
                          "will_retry_until",
                          "reason",
                          "hard_bounce",
                          "permanent",
                          "party",
                          "title",
                          "explanation",
                          "fix",
                          "rules",
                          "subject",
                          "message_id",
                          "from",
                          "to",
                          "date"};
  while (std::getline(lines, line)) {
    const auto obj = nlohmann::json::parse(line);
    for (const char* f : fields) EXPECT_TRUE(obj.contains(f)) << f << " missing in " << line;
    ++n;
  }
  EXPECT_EQ(n, 3 + 1 + 1);  // three recipients, one not-a-bounce record, one recipient
}

TEST(CliTest, ExampleRuns) {
  const RunResult r = Exec("--example");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("p.devries@example.com"), std::string::npos);
}

TEST(CliTest, RulesCheckPasses) {
  const RunResult r = Exec("rules check", true);
  EXPECT_EQ(r.status, 0) << r.out;
}

}  // namespace

namespace {

TEST(CliExplainTest, ExamplesOfTheIssue) {
  struct Case {
    const char* query;
    int want_rc;
    const char* want_text;
  } cases[] = {
      {"5.7.26", 0, "status:X.7.26"},
      {"550", 0, "reply:550"},
      {"'550 5.7.1 Relay access denied'", 0, "phrase:"},
      {"B-URL", 0, "phrase:strato-b-url"},
      {"0x800CCC0E", 0, "client:0x800CCC0E"},
      {"0x800ccc0e", 0, "client:0x800CCC0E"},
      {"571", 0, "status:X.7.1"},
      {"5.7.999", 1, "status:X.7.*"},  // unregistered: the class-level text, exit 1
      {"'hallo wereld'", 1, "Niets gevonden"},
  };
  for (const auto& c : cases) {
    const RunResult r = Exec(std::string("explain ") + c.query);
    EXPECT_EQ(r.status, c.want_rc) << c.query << "\n" << r.out;
    EXPECT_NE(r.out.find(c.want_text), std::string::npos) << c.query << "\n" << r.out;
  }
}

TEST(CliExplainTest, BothReadingsOfAnAmbiguousNumber) {
  const RunResult r = Exec("explain 550 --format json");
  ASSERT_EQ(r.status, 0);
  const auto doc = nlohmann::json::parse(r.out);
  std::set<std::string> kinds;
  for (const auto& h : doc["hits"]) kinds.insert(h["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("reply")) << r.out;
  EXPECT_TRUE(kinds.count("exchange")) << r.out;
}

TEST(CliExplainTest, English) {
  const RunResult r = Exec("--lang en explain 5.1.1");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("What to do"), std::string::npos) << r.out;
}

TEST(CliReplyTest, ReplyAndBrief) {
  const RunResult reply = Exec("--reply " + Golden("crlf.eml"));
  EXPECT_EQ(reply.status, 0);
  EXPECT_NE(reply.out.find("Beste klant"), std::string::npos) << reply.out;
  EXPECT_NE(reply.out.find("a@b.example"), std::string::npos) << reply.out;
  const RunResult brief = Exec("--brief " + Golden("several_recipients.eml"));
  int lines = 0;
  for (char c : brief.out) lines += c == '\n';
  EXPECT_EQ(lines, 3) << brief.out;
}

TEST(CliReplyTest, VersionNamesTheRules) {
  const RunResult r = Exec("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("rules "), std::string::npos) << r.out;
}

}  // namespace

namespace {

TEST(CliLimitsTest, LimitsAreConfigurable) {
  EXPECT_EQ(Exec("--max-size 100 " + Golden("crlf.eml")).status, 3);  // too_large
  const RunResult r = Exec("--max-recipients 1 --format jsonl " + Golden("several_recipients.eml"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  EXPECT_EQ(Exec("--max-depth 0 " + Golden("crlf.eml")).status, 2);  // out of range: usage error
}

}  // namespace

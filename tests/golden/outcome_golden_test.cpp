// SPDX-License-Identifier: MIT
// Golden answers: every tests/golden/outcomes/NAME.eml (messages we wrote, one per outcome:
// failed, given up after retries, delayed, delivered, relayed, expanded, auto-reply,
// complaint, ...) is rendered as the helpdesk reads it (text, --brief and --reply, Dutch) and
// compared with NAME.txt. Regenerate with BT_UPDATE_GOLDEN=1 and read the diff before
// committing: these files are the wording a helpdesk gets.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bouncetolk/bouncetolk.h"
#include "testing/test_rules.h"

namespace bouncetolk {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Answers(const Report& report, const RuleSet& rules) {
  RenderOptions o;
  o.lang = Lang::kNl;
  std::string out = "=== text\n" + Render(report, rules, o);
  o.format = Format::kBrief;
  out += "=== brief\n" + Render(report, rules, o);
  out += "=== reply\n" + RenderReply(report, rules, Lang::kNl);
  return out;
}

TEST(OutcomeGoldenTest, EveryOutcome) {
  const fs::path dir = fs::path(BT_SOURCE_DIR) / "tests" / "golden" / "outcomes";
  const bool update = std::getenv("BT_UPDATE_GOLDEN") != nullptr;
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".eml") continue;
    ++seen;
    const std::string got = Answers(Analyze(ReadFile(entry.path()), TestRules()), TestRules());
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".txt");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << expected_path << " missing; run with BT_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, ReadFile(expected_path)) << "golden mismatch for " << entry.path().filename();
  }
  EXPECT_GE(seen, 12);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Golden tests: every tests/golden/NAME.eml (messages we wrote ourselves) is analysed and
// compared with NAME.expected, a compact dump of the Report (Postfix mime_test .in/.ref style).
// Regenerate with BT_UPDATE_GOLDEN=1 and review the diff before committing.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bouncetolk/bouncetolk.h"

namespace bouncetolk {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Dump(const Report& r) {
  std::ostringstream o;
  o << "kind=" << MessageKindToken(r.kind) << " format=" << (r.format.empty() ? "-" : r.format)
    << " reporting=" << (r.per_message.reporting_mta.empty() ? "-" : r.per_message.reporting_mta)
    << "\n";
  o << "original subject=\"" << r.original.subject << "\" to=\"" << r.original.to << "\" id=\""
    << r.original.message_id << "\"\n";
  for (const RecipientResult& x : r.recipients) {
    o << x.index << " " << (x.recipient.empty() ? "-" : x.recipient)
      << " orig=" << (x.original_recipient.empty() ? "-" : x.original_recipient)
      << " action=" << ActionWord(x) << " status=" << x.status << "/"
      << StatusSourceToken(x.status_source) << (x.status_note == StatusNote::kNone ? "" : "/")
      << StatusNoteToken(x.status_note)
      << " reply=" << (x.reply_code ? std::to_string(*x.reply_code) : "-")
      << " type=" << (x.diagnostic_type.empty() ? "-" : x.diagnostic_type)
      << " reason=" << ReasonToken(x.reason) << " " << PermanenceToken(x.permanence)
      << (x.hard_bounce ? " hard" : "") << " party=" << PartyToken(x.party) << " text=" << x.text_id
      << "\n";
  }
  for (const Problem& p : r.problems)
    o << "problem " << ErrorCodeToken(p.code) << " " << p.arg << "\n";
  return o.str();
}

TEST(GoldenTest, AllMessages) {
  std::vector<std::string> errors;
  auto rules = RuleSet::Load("", &errors);
  ASSERT_TRUE(rules) << (errors.empty() ? "" : errors[0]);
  const fs::path dir = fs::path(BT_SOURCE_DIR) / "tests" / "golden";
  const bool update = std::getenv("BT_UPDATE_GOLDEN") != nullptr;
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".eml") continue;
    ++seen;
    const std::string got = Dump(Analyze(ReadFile(entry.path()), *rules));
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << expected_path << " missing; run with BT_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, ReadFile(expected_path)) << "golden mismatch for " << entry.path().filename();
  }
  EXPECT_GE(seen, 10);
}

}  // namespace
}  // namespace bouncetolk

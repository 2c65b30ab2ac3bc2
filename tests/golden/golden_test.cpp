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
#include "bouncetolk/outcome.h"
#include "testing/read_file.h"
#include "testing/test_rules.h"

namespace bouncetolk {
namespace {

namespace fs = std::filesystem;

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
      << " outcome=" << OutcomeToken(x.outcome)
      << (x.code_class == CodeClass::kNone ? "" : "/" + std::string(CodeClassToken(x.code_class)))
      << "\n";
  }
  for (const Problem& p : r.problems)
    o << "problem " << ErrorCodeToken(p.code) << " " << p.arg << "\n";
  return o.str();
}

// Every NAME.eml of \a dir analysed and turned into text by \a produce, compared with
// NAME\a extension (rewritten with BT_UPDATE_GOLDEN=1). Returns the number of messages.
template <typename Produce>
int CompareGoldens(const fs::path& dir, const char* extension, Produce produce) {
  const bool update = std::getenv("BT_UPDATE_GOLDEN") != nullptr;
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".eml") continue;
    ++seen;
    const std::string got = produce(Analyze(ReadFile(entry.path()), TestRules()));
    fs::path expected_path = entry.path();
    expected_path.replace_extension(extension);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    EXPECT_TRUE(fs::exists(expected_path))
        << expected_path << " missing; run with BT_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, ReadFile(expected_path)) << "golden mismatch for " << entry.path().filename();
  }
  return seen;
}

TEST(GoldenTest, AllMessages) {
  EXPECT_GE(CompareGoldens(fs::path(BT_SOURCE_DIR) / "tests" / "golden", ".expected", Dump), 10);
}

// Golden answers: every tests/golden/outcomes/NAME.eml (messages we wrote, one per outcome:
// failed, given up after retries, delayed, delivered, relayed, expanded, auto-reply,
// complaint, ...) rendered as the helpdesk reads it (text, --brief and --reply, Dutch),
// compared with NAME.txt. Read the diff before committing: this is a helpdesk's wording.
std::string Answers(const Report& report) {
  RenderOptions o;
  o.lang = Lang::kNl;
  std::string out = "=== text\n" + Render(report, TestRules(), o);
  o.format = Format::kBrief;
  out += "=== brief\n" + Render(report, TestRules(), o);
  out += "=== reply\n" + RenderReply(report, TestRules(), Lang::kNl);
  return out;
}

TEST(GoldenTest, EveryOutcome) {
  EXPECT_GE(
      CompareGoldens(fs::path(BT_SOURCE_DIR) / "tests" / "golden" / "outcomes", ".txt", Answers),
      12);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Coherence: every message of the corpus (all of ../shared/corpus/sisimai/eml, and the golden
// messages we wrote) goes through the text, brief and reply renderers in Dutch and English, and
// no output may pair statements that contradict each other (issue 12):
//   - a fix whose action class the outcome and reason do not allow (outcome-actions.tsv);
//   - a final report (Action: failed) shown as anything but failed, or headed as a delay;
//   - a party line naming someone beside a fix that asks nothing ("U hoeft niets te doen");
//   - "it will still arrive" / "wait" for a message that failed, "send it again" for one that
//     is still being retried;
//   - a code title whose reason differs from the deciding rule's;
//   - a reply letter that sends the customer to "your provider", or says a sentence twice.
// It compares nothing with expected.tsv: it reads no answers, only checks that the outputs
// agree with themselves, so the check share's messages may run through it.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/outcome.h"
#include "common/text.h"
#include "render/answer.h"
#include "rules/rule_table.h"
#include "rules/rule_vocabulary.h"
#include "testing/read_file.h"
#include "testing/test_rules.h"

namespace bouncetolk {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Messages() {
  std::vector<fs::path> out;
  for (const fs::path& dir :
       {fs::path(BT_CORPUS_DIR) / "eml", fs::path(BT_SOURCE_DIR) / "tests" / "golden",
        fs::path(BT_SOURCE_DIR) / "tests" / "golden" / "outcomes"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".eml") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Contains(std::string_view text, std::string_view part) {
  return AsciiLowerCopy(text).find(AsciiLowerCopy(part)) != std::string::npos;
}

// Words that promise the message will still arrive, or ask to wait for the server.
constexpr std::string_view kWaitWords[] = {
    "hoeft niets te doen",
    "komt met wat vertraging alsnog aan",
    "wacht af",
    "nothing to do",
    "will still arrive",
    "wait;",
};
// Words that ask to send the message again now.
constexpr std::string_view kResendWords[] = {"verstuur het bericht later opnieuw",
                                             "probeer het later opnieuw", "try again later",
                                             "send the message again later"};
// Sentences that send the customer to their provider (the letter is the provider's).
constexpr std::string_view kToProvider[] = {
    "contact op met uw provider", "naar uw provider",  "laat uw provider",
    "laat uw eigen provider",     "vraag uw provider", "contact your provider",
    "to your provider",           "ask your provider", "have your provider"};

// The lines of the text output's block for recipient \a index ("\n<index> HEADLINE ...").
std::string Block(const std::string& text, int index) {
  const std::string start = "\n" + std::to_string(index) + " ";
  const std::size_t at = text.find(start);
  if (at == std::string::npos) return {};
  const std::size_t end = text.find("\n\n", at + 1);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string LineValue(const std::string& block, std::string_view label) {
  const std::size_t at = block.find(std::string("   ") + std::string(label) + ":");
  if (at == std::string::npos) return {};
  const std::size_t eol = block.find('\n', at);
  const std::size_t from = at + 3 + label.size() + 1;
  const std::string value =
      block.substr(from, eol == std::string::npos ? std::string::npos : eol - from);
  return std::string(Trim(value));
}

std::vector<std::string> Sentences(const std::string& letter) {
  std::vector<std::string> out;
  const std::string flat = CollapseSpace(letter);
  std::size_t start = 0;
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if ((flat[i] == '.' || flat[i] == '!' || flat[i] == '?') &&
        (i + 1 == flat.size() || flat[i + 1] == ' ')) {
      out.push_back(std::string(Trim(flat.substr(start, i + 1 - start))));
      start = i + 1;
    }
  }
  return out;
}

struct Checker {
  const RuleSet& rules;
  std::vector<std::string> errors;

  void Fail(const fs::path& file, std::string what) {
    if (errors.size() < 40) errors.push_back(file.filename().string() + ": " + what);
  }

  void Check(const fs::path& file, const Report& rep, Lang lang) {
    RenderOptions o;
    o.lang = lang;
    const std::string text = Render(rep, rules, o);
    o.format = Format::kBrief;
    const std::string brief = Render(rep, rules, o);
    const std::string reply = RenderReply(rep, rules, lang);
    const std::string party_label = Msg(rules, lang, "label.party");
    const std::string nobody = Msg(rules, lang, "party.nobody");
    for (const RecipientResult& r : rep.recipients) {
      const Answer a = AnswerFor(r, rules, lang);
      const Outcome outcome = DecideOutcome(rep.kind, r);
      const std::string who = std::to_string(r.index) + " (" + std::string(OutcomeToken(outcome)) +
                              ", " + std::string(LangDir(lang)) + ")";
      if (a.outcome != outcome) Fail(file, who + ": renderers and analysis disagree on outcome");
      if (r.action == DsnAction::kFailed && outcome != Outcome::kFailed)
        Fail(file, who + ": Action failed but outcome " + std::string(OutcomeToken(outcome)));
      // The fix shown is one the table allows.
      const OutcomeActionRule* allowed =
          OutcomeActionsFor(rules.tables().fix_actions, r.reason, a.outcome);
      if (allowed && !allowed->allowed[static_cast<std::size_t>(a.fix_action)])
        Fail(file, who + ": fix class " + std::string(FixActionToken(a.fix_action)) +
                       " not allowed for " + std::string(ReasonToken(r.reason)));
      const std::string block = Block(text, r.index);
      if (block.empty()) {
        Fail(file, who + ": no text block");
        continue;
      }
      const std::string headline = block.substr(0, block.find('\n', 1));
      const std::string label =
          Msg(rules, lang, "outcome_label." + std::string(OutcomeToken(outcome)));
      if (!Contains(headline, label)) Fail(file, who + ": headline without its outcome");
      if (outcome == Outcome::kFailed &&
          (Contains(headline, Msg(rules, lang, "outcome_label.delayed")) ||
           headline.find("TIJDELIJK") != std::string::npos ||
           headline.find("TEMPORARY") != std::string::npos))
        Fail(file, who + ": failed recipient headed as a delay");
      // Party line against a fix that asks nothing.
      const std::string party = LineValue(block, party_label);
      const std::string fix = LineValue(block, Msg(rules, lang, "label.fix"));
      const bool asks_nothing =
          a.fix_action == FixAction::kNone || a.fix_action == FixAction::kWait;
      if (asks_nothing && party != nobody) Fail(file, who + ": '" + party + "' beside " + fix);
      if (!asks_nothing && party == nobody && !IsArrived(outcome))
        Fail(file, who + ": nobody acts, yet the fix is " + fix);
      if (outcome == Outcome::kFailed) {
        for (std::string_view w : kWaitWords) {
          if (Contains(fix, w))
            Fail(file, who + ": failed, yet the fix says '" + std::string(w) + "'");
        }
      }
      if (outcome == Outcome::kDelayed) {
        for (std::string_view w : kResendWords) {
          if (Contains(fix, w))
            Fail(file, who + ": delayed, yet the fix says '" + std::string(w) + "'");
        }
      }
      // A code title only when the status decided or its row's reason is the deciding one
      // (the vendor's row of the code, when there is one: VendorCodeRow).
      const std::string status = LineValue(block, Msg(rules, lang, "label.status"));
      if (status.find(" – ") != std::string::npos && !VendorCodeRow(r, rules)) {
        std::vector<const CodeRule*> chain;
        const CodeRule* row = LookupStatus(rules.tables(), r.status, &chain);
        if (!row || (row->reason != r.reason && r.text_id.compare(0, 7, "status:") != 0))
          Fail(file, who + ": status title of another reason: " + status);
      }
      // --brief says the same outcome.
      if (!Contains(brief, label)) Fail(file, who + ": --brief without the outcome");
    }
    if (rep.recipients.empty()) return;
    // The letter.
    if (reply.empty()) Fail(file, std::string(LangDir(lang)) + ": no reply letter");
    for (std::string_view w : kToProvider) {
      if (Contains(reply, w))
        Fail(file, std::string(LangDir(lang)) + ": letter says '" + std::string(w) + "'");
    }
    std::set<std::string> seen;
    for (const std::string& s : Sentences(reply)) {
      if (s.size() < 25) continue;
      if (!seen.insert(s).second) Fail(file, std::string(LangDir(lang)) + ": sentence twice: " + s);
    }
    bool any_failed = false;
    for (const RecipientResult& r : rep.recipients)
      any_failed |= DecideOutcome(rep.kind, r) == Outcome::kFailed;
    if (any_failed && Contains(reply, "alsnog aan"))
      Fail(file, std::string(LangDir(lang)) + ": letter about a failure says it will still arrive");
  }
};

TEST(CoherenceTest, EveryMessageInEveryRenderer) {
  const std::vector<fs::path> files = Messages();
  if (files.size() < 50) GTEST_SKIP() << "no corpus";
  Checker c{TestRules(), {}};
  int recipients = 0;
  for (const fs::path& file : files) {
    const Report rep = Analyze(ReadFile(file), c.rules);
    recipients += static_cast<int>(rep.recipients.size());
    for (Lang lang : {Lang::kNl, Lang::kEn}) c.Check(file, rep, lang);
  }
  EXPECT_GT(recipients, 300);
  for (const std::string& e : c.errors) ADD_FAILURE() << e;
}

}  // namespace
}  // namespace bouncetolk

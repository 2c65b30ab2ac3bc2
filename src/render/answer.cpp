// SPDX-License-Identifier: MIT
//
// answer.cpp: see answer.h.

#include "render/answer.h"

#include <fmt/format.h>

#include "bouncetolk/status_code.h"
#include "rules/rule_table.h"

namespace bouncetolk {

Outcome OutcomeOf(const RecipientResult& r) { return r.outcome; }

Answer AnswerFor(const RecipientResult& r, const RuleSet& rules, Lang lang) {
  Answer a;
  a.outcome = OutcomeOf(r);
  a.code_class = r.code_class;
  // Relayed and expanded are successes of their own kind: their words, not "delivered".
  const TextRecord* rec = a.outcome == Outcome::kRelayed || a.outcome == Outcome::kExpanded
                              ? rules.Text(fmt::format("outcome:{}", OutcomeToken(a.outcome)), lang)
                              : nullptr;
  if (!rec) rec = rules.Text(r.text_id, lang);
  if (!rec) rec = rules.Text(fmt::format("reason:{}", ReasonToken(r.reason)), lang);
  if (rec) {
    a.title = rec->title;
    a.explanation = rec->explanation;
    a.fix = rec->fix;
  }
  const FixActionTables& fa = rules.tables().fix_actions;
  a.fix_action =
      FixActionOf(fa, rec ? std::string_view(rec->id) : std::string_view(r.text_id), r.reason);
  const OutcomeActionRule* allowed = OutcomeActionsFor(fa, r.reason, a.outcome);
  if (allowed && !allowed->allowed[static_cast<std::size_t>(a.fix_action)]) {
    const std::string with_class =
        fmt::format("{}-{}", allowed->text_id, CodeClassToken(a.code_class));
    const TextRecord* instead = rules.Text(with_class, lang);
    if (!instead) instead = rules.Text(allowed->text_id, lang);
    if (instead) {
      a.fix = instead->fix;
      a.fix_replaced = true;
      a.fix_action = FixActionOf(fa, instead->id, r.reason);
      if (a.title.empty()) a.title = instead->title;
      if (a.explanation.empty()) {
        a.explanation = instead->explanation;
      } else if (a.outcome == Outcome::kFailed && a.code_class == CodeClass::kTemporary) {
        // The text explains a condition that passes ("komt er dan wel door"); here it did not.
        a.explanation =
            instead->explanation + " " + Msg(rules, lang, "explanation.last_reason", {a.title});
      }
    }
  }
  a.nobody_acts = a.fix_action == FixAction::kNone || a.fix_action == FixAction::kWait ||
                  (IsArrived(a.outcome) && a.outcome != Outcome::kFeedback);
  return a;
}

std::string PartyKey(const RecipientResult& r, const Answer& a) {
  if (a.nobody_acts) return "party.nobody";
  return fmt::format("party.{}", PartyToken(r.party));
}

std::string OutcomeKey(const RuleSet& rules, Lang lang, const Answer& a) {
  std::string key = fmt::format("outcome.{}", OutcomeToken(a.outcome));
  if (a.code_class != CodeClass::kNone) {
    std::string with_class = fmt::format("{}-{}", key, CodeClassToken(a.code_class));
    if (rules.Message(with_class, lang) != with_class) return with_class;
  }
  return key;
}

std::string HeadingKey(const Report& report) {
  if (report.kind == MessageKind::kAutoReply) return "heading.auto_reply";
  if (report.kind == MessageKind::kFeedback) return "heading.feedback";
  bool failed = false, delayed = false, auto_reply = false, feedback = false;
  for (const RecipientResult& r : report.recipients) {
    switch (OutcomeOf(r)) {
      case Outcome::kFailed:
        failed = true;
        break;
      case Outcome::kDelayed:
        delayed = true;
        break;
      case Outcome::kAutoReply:
        auto_reply = true;
        break;
      case Outcome::kFeedback:
        feedback = true;
        break;
      default:
        break;
    }
  }
  if (failed) return "heading.bounce";
  if (delayed) return "heading.delay";
  if (feedback) return "heading.feedback";
  if (auto_reply) return "heading.auto_reply";
  return "heading.delivered";
}

const StatusWordRule* VendorCodeRow(const RecipientResult& r, const RuleSet& rules) {
  if (r.status_source == StatusSource::kInferred) return nullptr;
  for (const std::string& id : r.rules) {
    if (id.compare(0, 12, "status-word:") != 0) continue;
    for (const StatusWordRule& w : rules.tables().status_words) {
      if (id.compare(12, std::string::npos, w.id) == 0)
        return !w.AnyCode() && w.reason == r.reason ? &w : nullptr;
    }
  }
  return nullptr;
}

std::string StatusTitleHere(const RecipientResult& r, const RuleSet& rules, Lang lang,
                            bool* text_decides) {
  *text_decides = false;
  if (r.status_source == StatusSource::kInferred) return {};
  // The code's meaning at the vendor that sent it (Google's 4.7.23: no PTR record), when its
  // row decided or agrees: the vendor's title, not the registry's.
  if (const StatusWordRule* vendor = VendorCodeRow(r, rules)) {
    if (const TextRecord* rec = rules.Text(vendor->text_id, lang)) return rec->title;
  }
  std::vector<const CodeRule*> chain;
  const CodeRule* row = LookupStatus(rules.tables(), r.status, &chain);
  if (!row) return {};
  // The status row decided (its text is the recipient's), or its reason is the one that did.
  const bool status_decided = r.text_id.compare(0, 7, "status:") == 0;
  const TextRecord* rec = rules.Text(status_decided ? r.text_id : row->text_id, lang);
  if (status_decided || row->reason == r.reason) return rec ? rec->title : std::string();
  *text_decides = true;
  return {};
}

}  // namespace bouncetolk

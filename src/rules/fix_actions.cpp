// SPDX-License-Identifier: MIT
//
// fix_actions.cpp: see fix_actions.h.

#include "rules/fix_actions.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rules/rule_table.h"

namespace bouncetolk {

void LoadFixActions(const DataFile& f, FixActionTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"text", "action"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    const auto action = ParseFixAction(r.cells[1]);
    if (!action) {
      errors->push_back(fmt::format("{}: unknown action class '{}'", Where(f, r.line), r.cells[1]));
      continue;
    }
    t->by_text[r.cells[0]] = *action;
  }
}

void LoadOutcomeActions(const DataFile& f, FixActionTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"reason", "outcome", "allowed", "text", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    OutcomeActionRule rule;
    rule.origin = RowOrigin{f.path, r.line};
    if (r.cells[0] != "*") {
      rule.reason = ParseReason(r.cells[0]);
      if (!rule.reason) {
        errors->push_back(fmt::format("{}: unknown reason '{}'", Where(f, r.line), r.cells[0]));
        continue;
      }
    }
    const auto outcome = ParseOutcome(r.cells[1]);
    if (!outcome) {
      errors->push_back(fmt::format("{}: unknown outcome '{}'", Where(f, r.line), r.cells[1]));
      continue;
    }
    rule.outcome = *outcome;
    bool ok = true;
    std::string_view list = r.cells[2];
    while (!list.empty()) {
      const std::size_t space = list.find(' ');
      const std::string_view token = list.substr(0, space);
      list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
      if (token.empty()) continue;
      const auto action = ParseFixAction(token);
      if (!action) {
        errors->push_back(fmt::format("{}: unknown action class '{}'", Where(f, r.line), token));
        ok = false;
        break;
      }
      rule.allowed[static_cast<std::size_t>(*action)] = true;
    }
    if (!ok) continue;
    rule.text_id = std::string(r.cells[3]);
    // A row replaces an earlier one (an overlay's) for the same reason and outcome.
    auto same = std::find_if(t->rules.begin(), t->rules.end(), [&](const OutcomeActionRule& x) {
      return x.reason == rule.reason && x.outcome == rule.outcome;
    });
    if (same != t->rules.end())
      *same = std::move(rule);
    else
      t->rules.push_back(std::move(rule));
  }
}

FixAction FixActionOf(const FixActionTables& t, std::string_view text_id, Reason reason,
                      bool* explicit_class) {
  auto it = t.by_text.find(text_id);
  if (explicit_class) *explicit_class = it != t.by_text.end();
  if (it != t.by_text.end()) return it->second;
  it = t.by_text.find(fmt::format("reason:{}", ReasonToken(reason)));
  return it != t.by_text.end() ? it->second : FixAction::kNone;
}

const OutcomeActionRule* OutcomeActionsFor(const FixActionTables& t, Reason reason,
                                           Outcome outcome) {
  const OutcomeActionRule* any = nullptr;
  for (const OutcomeActionRule& rule : t.rules) {
    if (rule.outcome != outcome) continue;
    if (rule.reason == reason) return &rule;
    if (!rule.reason && !any) any = &rule;
  }
  return any;
}

void CheckFixActions(const RuleTables& t, std::vector<std::string>* notes,
                     std::vector<std::string>* errors) {
  const FixActionTables& fa = t.fix_actions;
  std::set<std::string, std::less<>> used;
  for (const auto& [code, rule] : t.status) used.insert(rule.text_id);
  for (const auto& [code, rule] : t.reply) used.insert(rule.text_id);
  for (const PhraseRule& rule : t.phrases) used.insert(rule.text_id);
  for (int i = 0; i < kReasonCount; ++i)
    used.insert(fmt::format("reason:{}", ReasonToken(static_cast<Reason>(i))));
  for (const std::string& id : used) {
    if (fa.by_text.find(id) == fa.by_text.end())
      notes->push_back(fmt::format(
          "data/rules/fix-actions.tsv: text '{}' has no action class (its reason's is used)", id));
  }
  for (const auto& [id, action] : fa.by_text) {
    if (t.texts[Lang::kNl].count(std::string(id)) == 0)
      notes->push_back(
          fmt::format("data/rules/fix-actions.tsv: text '{}' does not exist (row not used)", id));
  }
  for (int i = 0; i < kOutcomeCount; ++i) {
    const auto outcome = static_cast<Outcome>(i);
    bool found = false;
    for (const OutcomeActionRule& rule : fa.rules) found |= !rule.reason && rule.outcome == outcome;
    if (!found)
      errors->push_back(fmt::format("data/rules/outcome-actions.tsv: no '*' row for outcome '{}'",
                                    OutcomeToken(outcome)));
  }
}

}  // namespace bouncetolk

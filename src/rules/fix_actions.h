// SPDX-License-Identifier: MIT
//
// fix_actions.h: the action class of each fix text (data/rules/fix-actions.tsv) and the classes
// each reason and outcome allows (data/rules/outcome-actions.tsv); docs/data-format.md.

#ifndef BOUNCETOLK_RULES_FIX_ACTIONS_H_
#define BOUNCETOLK_RULES_FIX_ACTIONS_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/outcome.h"
#include "bouncetolk/reason.h"
#include "rules/tsv.h"

namespace bouncetolk {

struct RuleTables;

/// A row of outcome-actions.tsv.
struct OutcomeActionRule {
  std::optional<Reason> reason;  ///< nullopt: '*', every reason
  Outcome outcome = Outcome::kFailed;
  std::array<bool, kFixActionCount> allowed{};
  std::string text_id;  ///< the fix to show instead of one whose class is not allowed
  RowOrigin origin;
};

/// The two tables.
struct FixActionTables {
  /// fix-actions.tsv; views into the file, which outlives the tables
  std::map<std::string_view, FixAction, std::less<>> by_text;
  std::vector<OutcomeActionRule> rules;  ///< outcome-actions.tsv, file order
};

void LoadFixActions(const DataFile& f, FixActionTables* t, std::vector<std::string>* errors);
void LoadOutcomeActions(const DataFile& f, FixActionTables* t, std::vector<std::string>* errors);

/// The class of the fix of \a text_id: its row, else the row of reason:<reason>, else kNone.
/// \a explicit_class, when given, says whether the text had a row of its own.
FixAction FixActionOf(const FixActionTables& t, std::string_view text_id, Reason reason,
                      bool* explicit_class = nullptr);

/// The row for \a reason and \a outcome (the reason's own, else '*'), or nullptr.
const OutcomeActionRule* OutcomeActionsFor(const FixActionTables& t, Reason reason,
                                           Outcome outcome);

/// Notes for `rules check`: texts that rules point at without a class of their own, rows
/// naming texts that do not exist, outcomes without a '*' row.
void CheckFixActions(const RuleTables& t, std::vector<std::string>* notes,
                     std::vector<std::string>* errors);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_FIX_ACTIONS_H_

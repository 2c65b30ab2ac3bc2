// SPDX-License-Identifier: MIT
//
// classify.h: gives one recipient its reason, permanence, party, hard-bounce flag and the text
// that explains it, from the rule tables. Precedence (docs/precedence.md): a phrase in the
// diagnostic text, then a concept rule (which outranks only the code's generic reading), then
// the exact status code, then its subject/class fallbacks, then the basic reply code; then the
// facts about the transaction, in a fixed order, may correct the reading. Every layer and fact that
// matched is listed in RecipientResult::rules, most specific first.

#ifndef BOUNCETOLK_CLASSIFY_CLASSIFY_H_
#define BOUNCETOLK_CLASSIFY_CLASSIFY_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bouncetolk/report.h"
#include "bouncetolk/status_code.h"
#include "rules/rule_table.h"

namespace bouncetolk {

/// What Classify() found in one text, for the next recipient that shares the text.
struct TextFindings {
  /// text_matcher's ids: indexes into RuleTables::phrases, then kStatusWordIds + indexes into
  /// RuleTables::status_words
  std::optional<std::vector<int>> phrase_hits;
  /// the same for the literals alone (no regex run), when the status words needed them first
  std::optional<std::vector<int>> literal_hits;
  std::optional<int> concept;  ///< index into RuleTables::concepts, or -1
};

/// Classifies \a r (whose codes are already chosen). \a extra_text is further text about this
/// recipient (a vendor's human-readable lines) matched after the diagnostic; \a subject is the
/// bounce's Subject, matched by subject-scope phrases as a last resort. \a extra_normalized,
/// when given, is NormalizeForMatch(extra_text), which the caller may have made already.
/// \a extra_found, when given, keeps what was found in extra_text from one call to the next: a
/// text that many recipients share is searched once (issue 14). \a reporting_mta is the
/// report's Reporting-MTA: with r's Remote-MTA (it counts only without one) and the hosts in
/// its diagnostic it names the server families a status-words row may ask for.
void Classify(const RuleTables& tables, std::string_view extra_text, std::string_view subject,
              RecipientResult* r, const std::string* extra_normalized = nullptr,
              TextFindings* extra_found = nullptr, std::string_view reporting_mta = {});

/// The first row of status-words.tsv whose code fits \a status (none: only rows of any code),
/// whose word occurs in \a normalized (NormalizeForMatch) and whose family is "*" or one of
/// \a families (sorted, as ServerFamilies gives them), among the rows of word "*" when
/// \a any_word, else among the others; nullptr when none fits. For explain: Classify() finds
/// the same rows, working the families out only when a row asks for one.
const StatusWordRule* FindStatusWord(const RuleTables& t,
                                     const std::optional<EnhancedStatus>& status,
                                     std::string_view normalized,
                                     const std::vector<std::string>& families, bool any_word);

/// The names of the transaction facts, in the order Classify checks them (the list of
/// docs/precedence.md).
std::vector<std::string_view> TransactionFactNames();

/// True when \a reason with \a permanence means the address can never receive mail.
bool IsHardBounce(const RuleTables& tables, Reason reason, Permanence permanence);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLASSIFY_CLASSIFY_H_

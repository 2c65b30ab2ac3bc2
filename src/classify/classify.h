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
#include "rules/rule_table.h"

namespace bouncetolk {

/// What Classify() found in one text, for the next recipient that shares the text.
struct TextFindings {
  std::optional<std::vector<int>> phrase_hits;  ///< indexes into RuleTables::phrases
  std::optional<int> concept;                   ///< index into RuleTables::concepts, or -1
  /// per status code asked about ("*": none): the status-words rows whose code and word fit
  std::vector<std::pair<std::string, std::vector<int>>> status_words;
};

/// Classifies \a r (whose codes are already chosen). \a extra_text is further text about this
/// recipient (a vendor's human-readable lines) matched after the diagnostic; \a subject is the
/// bounce's Subject, matched by subject-scope phrases as a last resort. \a extra_normalized,
/// when given, is NormalizeForMatch(extra_text), which the caller may have made already.
/// \a extra_found, when given, keeps what was found in extra_text from one call to the next: a
/// text that many recipients share is searched once (issue 14). \a reporting_mta is the
/// report's Reporting-MTA: with r's Remote-MTA and the hosts in its diagnostic it names the
/// server families a status-words row may ask for.
void Classify(const RuleTables& tables, std::string_view extra_text, std::string_view subject,
              RecipientResult* r, const std::string* extra_normalized = nullptr,
              TextFindings* extra_found = nullptr, std::string_view reporting_mta = {});

/// The names of the transaction facts, in the order Classify checks them (the list of
/// docs/precedence.md).
std::vector<std::string_view> TransactionFactNames();

/// True when \a reason with \a permanence means the address can never receive mail.
bool IsHardBounce(const RuleTables& tables, Reason reason, Permanence permanence);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLASSIFY_CLASSIFY_H_

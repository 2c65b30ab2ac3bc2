// SPDX-License-Identifier: MIT
//
// rule_loader.h: one loader per rule table of data/rules/ (see rule_loader.cpp). Each reads the
// rows of one file into RuleTables; hard errors (bad header, bad column count, unknown token,
// duplicate id within one file, pattern that does not compile) go to \a errors and skip the row,
// softer findings (missing source, a literal that can never match) to RuleTables::check_errors
// when the tables are validated.

#ifndef BOUNCETOLK_RULES_RULE_LOADER_H_
#define BOUNCETOLK_RULES_RULE_LOADER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bouncetolk {

struct DataFile;
struct PhraseRule;
struct RuleTables;

/// rules/reasons.tsv.
void LoadReasons(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/status.tsv (\a status) or rules/reply.tsv.
void LoadCodes(const DataFile& f, bool status, RuleTables* t, std::vector<std::string>* errors);
/// rules/phrases.tsv or rules/phrases-vendor.tsv. A row whose id is in \a index (its position
/// in t->phrases) replaces that row; other rows of an overlay file go to \a front (they come
/// before the embedded rows), the rest are appended to t->phrases and indexed.
void LoadPhrases(const DataFile& f, RuleTables* t, std::vector<PhraseRule>* front,
                 std::unordered_map<std::string_view, std::size_t>* index,
                 std::vector<std::string>* errors);
/// rules/words.tsv: the rows are added to t->words.
void LoadWords(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/concepts.tsv. A row whose id is already in t->concepts replaces it; others are
/// appended.
void LoadConcepts(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// Builds t->concept_matcher from t->words and t->concepts; a rule that names a class without
/// words is an error.
void BuildConcepts(RuleTables* t, std::vector<std::string>* errors);
/// rules/status-words.tsv. A row whose id is already loaded replaces it.
void LoadStatusWords(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/host-families.tsv: the rows are added to t->host_families.
void LoadHostFamilies(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/lhost.tsv.
void LoadLhostMarkers(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/client_errors.tsv.
void LoadClientErrors(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);
/// rules/exchange_numbers.tsv.
void LoadExchangeNumbers(const DataFile& f, RuleTables* t, std::vector<std::string>* errors);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RULE_LOADER_H_

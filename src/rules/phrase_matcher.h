// SPDX-License-Identifier: MIT
//
// phrase_matcher.h: finds which of many phrase patterns occur in one normalised text
// (NormalizeForMatch: ASCII lower case, white space collapsed), in time linear in the text. Plain
// ASCII literals, most of the rows, are found by one Aho-Corasick pass (aho_corasick.h); the same
// pass looks for the atoms of the regular expressions ("re:" rows, and literals that are not
// ASCII), and a regex runs, as RE2, only when its atoms say it can match (regex_atoms.h). Never
// uses std::regex on message text. Thread-safe after Compile().

#ifndef BOUNCETOLK_RULES_PHRASE_MATCHER_H_
#define BOUNCETOLK_RULES_PHRASE_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/regex_atoms.h"

namespace bouncetolk {

struct AhoCorasickImage;

/// The regular expressions of a rule set, each parsed, compiled or set up once however many
/// matchers and checks use it. RuleTables owns one, so that the loader's check of a row and the
/// matcher share the work; a PhraseMatcher made without a store has its own. Adding is not
/// thread-safe; the FilteredRegex objects are.
class RegexStore {
 public:
  RegexStore();
  ~RegexStore();
  RegexStore(const RegexStore&) = delete;
  RegexStore& operator=(const RegexStore&) = delete;

  /// Whether \a pattern can be matched as far as its syntax goes: valid UTF-8, and when it runs
  /// as a regex, RE2 parses it (ParseRegex; remembered).
  bool Validate(std::string_view pattern, std::string* error);
  /// The regex of \a pattern (RunsAsRegex), with its atoms: those the build computed when the
  /// pattern is one of the embedded tables' (the build compiled it; here it is compiled on first
  /// use), else compiled now. nullptr, with RE2's message in *error, when it does not compile.
  const FilteredRegex* Compile(std::string_view pattern, std::string* error);
  /// The regex of a trusted \a pattern, not compiled here: its atoms are those the build
  /// computed for the embedded tables (data/rules/); a pattern the build did not see is a
  /// candidate for every text. Compiled on first use; never matches if it does not compile.
  const FilteredRegex* Trusted(std::string_view pattern);

 private:
  std::unordered_map<std::string, std::unique_ptr<FilteredRegex>> by_pattern_;
  std::unordered_map<std::string, bool> parsed_;  // pattern -> RE2 parses it
};

class PhraseMatcher {
 public:
  /// With a RegexStore of its own.
  PhraseMatcher();
  /// Keeps its regexes in \a store, which must outlive it.
  explicit PhraseMatcher(RegexStore* store);
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  /// Adds a pattern; returns false and sets *error when it is not UTF-8 or a regular expression
  /// that does not parse. Regular expressions are compiled by Compile().
  bool Add(std::string_view pattern, int id, std::string* error);
  /// Adds a pattern of the embedded tables, which the build and a test validate: a regular
  /// expression is compiled on first use (RegexStore::Trusted).
  void AddTrusted(std::string_view pattern, int id);
  /// Compiles the regular expressions of Add() (computing their atoms) and builds the automaton.
  /// Returns false, with RE2's message in *error and the pattern's id in *failed_id (may be
  /// nullptr), when one does not compile (RE2's memory limit); it never matches, the others do.
  /// With \a prebuilt: the automaton the build made of the same patterns (AhoCorasick::Build).
  bool Compile(std::string* error, int* failed_id = nullptr,
               const AhoCorasickImage* prebuilt = nullptr);
  /// After Compile(): the automaton's arrays (for tools/automata.cpp).
  const AhoCorasickImage& automaton() const;
  /// Ids of all patterns found in \a normalized_text, in ascending id order.
  std::vector<int> Match(std::string_view normalized_text) const;
  /// The same for the ASCII literals alone (the automaton's pass, no regex run): cheaper, for a
  /// caller that wants only literals of its own (status-words.tsv's words).
  std::vector<int> MatchLiterals(std::string_view normalized_text) const;
  bool empty() const;

  /// Checks one pattern on its own (for "rules check").
  static bool Validate(std::string_view pattern, std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_PHRASE_MATCHER_H_

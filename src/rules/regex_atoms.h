// SPDX-License-Identifier: MIT
//
// regex_atoms.h: the required literals ("atoms") of a regular expression, taken from RE2 itself
// (re2::FilteredRE2 and its prefilter), and a regex that is run only when the atoms found in a
// text say it can match.
//
// FilteredRE2 turns a regex into a boolean condition over atoms, lower-cased strings of which a
// match must contain enough (an AND/OR tree: "\b(virus|malware)\b" needs "virus" or "malware";
// "spam .*(detected|content)" needs "spam " and one of the others). Atoms shorter than
// kMinAtomLength are dropped from the condition (a part of it that would need one is taken as
// true).
// The caller looks for the atoms itself (PhraseMatcher: in its Aho-Corasick pass) and hands over
// those it found; the regex runs only when they satisfy the condition.
//
// The atoms are compared with text that is lower-cased in ASCII only (NormalizeForMatch), while
// RE2 lower-cases the non-ASCII letters of its atoms with Unicode tables: an atom with a byte
// above 0x7F is therefore never looked for and always taken as found (IsSearchableAtom). ASCII
// atoms follow ASCII case folding, which is what the literal phrases do too: RE2 alone would also
// let "k" match the Kelvin sign and "s" the long s.

#ifndef BOUNCETOLK_RULES_REGEX_ATOMS_H_
#define BOUNCETOLK_RULES_REGEX_ATOMS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class FilteredRE2;
class RE2;
}  // namespace re2

namespace bouncetolk {

/// Atoms shorter than this are not used (FilteredRE2's min_atom_len).
inline constexpr int kMinAtomLength = 3;

/// Whether the phrase pattern \a pattern (as written in phrases.tsv) is run as a regular
/// expression: "re:" patterns, and literals that are not ASCII (their case folding needs
/// Unicode), and the empty pattern. The others are plain ASCII literals.
bool RunsAsRegex(std::string_view pattern);

/// Whether an atom can be looked for in ASCII-lower-cased text: ASCII only (see above).
bool IsSearchableAtom(std::string_view atom);

/// The atoms of one regex as its condition uses them.
struct RegexAtoms {
  std::vector<std::string> atoms;  ///< lower case, in FilteredRE2's order; the condition's leaves
  /// The condition holds without any searchable atom: there are no atoms, or those that are not
  /// searchable (taken as found) satisfy it. Then the regex is a candidate for every text.
  bool always_candidate = false;
  /// Bit i: atoms[i] (i < 64) is searchable and the condition cannot hold without it ("spam "
  /// of "spam .*(detected|content)").
  std::uint64_t required = 0;
  /// The required atoms (with the unsearchable ones) do not satisfy the condition: some other
  /// atom must be found too.
  bool needs_more = false;
  /// Whether the pre-check (PreCheck) is the condition itself, so that a FilteredRE2 would decide
  /// nothing more and a plain RE2 serves: known when ComputeRegexAtoms() tried every combination
  /// of at most kMaxExactAtoms searchable atoms (the build step does); false otherwise.
  bool exact = false;
};

/// The most searchable atoms for which RegexAtoms::exact is worked out (2^n conditions).
inline constexpr std::size_t kMaxExactAtoms = 10;

/// The pre-check of a regex that needs atoms, from what is known without compiling it: whether
/// its condition may hold when the searchable atoms \a found (indexes into atoms.atoms) occur.
/// True when the required atoms are found, and another one if the condition needs more. A regex
/// that fails it is neither compiled nor run; the condition itself is known only once it is.
bool PreCheck(const RegexAtoms& atoms, const std::vector<int>& found);

/// Whether \a pattern (RunsAsRegex) parses as RE2 syntax; RE2's message in *error when not.
/// Cheaper than compiling it, and enough for syntax errors (a program too large for RE2's memory
/// limit is found only by compiling).
bool ParseRegex(std::string_view pattern, std::string* error);

/// The atoms of \a pattern (RunsAsRegex), exact included. False, with RE2's message in *error,
/// when it does not compile. Compiles the pattern (costly: for the build step that computes the
/// atoms of the embedded tables).
bool ComputeRegexAtoms(std::string_view pattern, RegexAtoms* out, std::string* error);

/// One phrase pattern run as a regular expression, behind its atoms' condition. Thread-safe.
class FilteredRegex {
 public:
  /// Compiles \a pattern (RunsAsRegex) now; nullptr, with RE2's message in *error, when it does
  /// not compile.
  static std::unique_ptr<FilteredRegex> Compile(std::string_view pattern, std::string* error);
  /// A pattern known to compile, with its atoms computed before (the build step computes those
  /// of the embedded tables; without them it is a candidate for every text): compiled on the
  /// first Matches() that needs it. One that does not compile after all never matches.
  FilteredRegex(std::string_view pattern, RegexAtoms atoms);
  ~FilteredRegex();
  FilteredRegex(const FilteredRegex&) = delete;
  FilteredRegex& operator=(const FilteredRegex&) = delete;

  const RegexAtoms& atoms() const { return atoms_; }
  /// Whether the regex matches \a text, given which searchable atoms occur in it (\a found:
  /// indexes into atoms().atoms). The regex is compiled only when PreCheck() passes, and run only
  /// when the condition holds.
  bool Matches(std::string_view text, const std::vector<int>& found) const;

 private:
  FilteredRegex() = default;
  void Build() const;

  std::string regex_;  // RE2 syntax
  RegexAtoms atoms_;
  mutable std::once_flag once_;
  // A regex whose pre-check is its condition (exact; those that are candidates for every text
  // among them) is a plain RE2 (plain_). Any other: a FilteredRE2 holding it alone (filter_),
  // which evaluates the condition. Both null: it did not compile.
  mutable std::unique_ptr<re2::RE2> plain_;
  mutable std::unique_ptr<re2::FilteredRE2> filter_;
  mutable std::vector<int> filter_atom_;  // per atoms_.atoms entry: the filter's index, or -1
  mutable std::vector<int> assumed_;      // the filter's atoms taken as found
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_REGEX_ATOMS_H_

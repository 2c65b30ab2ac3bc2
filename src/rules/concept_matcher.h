// SPDX-License-Identifier: MIT
//
// concept_matcher.h: the concept rules (data/rules/concepts.tsv over the word classes of
// data/rules/words.tsv). A concept rule names two or three word classes ("recipient" and
// "notfound") that must occur within a short window of words, in any order, and guards: classes
// that must not occur around the match ("sender" before it, "login" near it, a negation between
// its words). So "no mailbox by that name exists", "Empfänger unbekannt" and "utilisateur
// inconnu" are read alike without a phrase for each. Matching is one Aho-Corasick pass over the
// normalised text (NormalizeForMatch) for the words, with word-boundary checks, then a scan of
// the hits per rule: linear in the text (the number of hits looked at is capped).

#ifndef BOUNCETOLK_RULES_CONCEPT_MATCHER_H_
#define BOUNCETOLK_RULES_CONCEPT_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

struct AhoCorasickImage;

/// Where a guard class must not occur, relative to the words of a match.
enum class GuardPlace {
  kAround,   ///< "around:": from window words before the first word to window words after the last
  kBefore,   ///< "before:": from window words before the first word up to the last
  kBetween,  ///< "between:": between the first and the last word of the match
  kNext,     ///< "next:": ending one or two words before a word of the match ("not full")
};

/// Guards "around:" and "before:" look back (and "around:" ahead) this many words at least,
/// or the rule's window when that is wider.
inline constexpr int kGuardReach = 4;

/// The matcher's view of one concept rule: word classes by number (see ConceptMatcher::Class).
struct ConceptPattern {
  std::vector<int> classes;  ///< all of these, within window words
  int window = 0;            ///< words from the first to the last, at most
  struct Guard {
    int klass;
    GuardPlace place;
  };
  std::vector<Guard> unless;
};

class ConceptMatcher {
 public:
  ConceptMatcher();
  ~ConceptMatcher();
  ConceptMatcher(ConceptMatcher&&) noexcept;
  ConceptMatcher& operator=(ConceptMatcher&&) noexcept;

  /// The number of word class \a name, made on first use.
  int Class(std::string_view name);
  /// Whether a class of that name has words (after AddWord).
  bool HasWords(std::string_view name) const;
  /// Adds a word of class \a klass: lower case, single spaces; a leading or trailing '*' lets
  /// the word go on at that side (a prefix "mailbox*", a suffix "*konto"), otherwise it must
  /// stand between word boundaries (not next to an ASCII letter or digit, '_', or a byte of a
  /// multi-byte UTF-8 character). False for an empty word. \a word must outlive the matcher:
  /// the automaton is built from it on the first Match (once, thread-safe).
  bool AddWord(std::string_view word, int klass);
  /// Adds a rule, numbered in order of adding.
  void AddRule(ConceptPattern rule);
  /// Ends the adding. Call once, after the words and rules; the automaton itself is built by
  /// the first Match, so loading the rules costs little when no text needs the concepts.
  void Build();
  /// The automaton of the words that the build made (AhoCorasick::Build): used when the words
  /// added are the same.
  void UsePrebuilt(const AhoCorasickImage* prebuilt);
  /// The automaton of the words, built now if it was not yet (for tools/automata.cpp).
  const AhoCorasickImage& automaton() const;

  /// The number of the first rule (in order of adding) that matches \a normalized_text, or -1.
  int Match(std::string_view normalized_text) const;
  /// Every rule that matches, in order (only the first with \a first_only).
  std::vector<int> MatchAll(std::string_view normalized_text, bool first_only = false) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Parses an "unless" cell of concepts.tsv: space-separated "around:CLASS", "before:CLASS",
/// "between:CLASS", "next:CLASS", or "-" for none. False, with the bad item in *error, when one is
/// malformed.
bool ParseGuards(std::string_view cell, std::vector<std::pair<std::string, GuardPlace>>* guards,
                 std::string* error);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_CONCEPT_MATCHER_H_

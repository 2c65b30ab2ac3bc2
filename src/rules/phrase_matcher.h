// SPDX-License-Identifier: MIT
//
// phrase_matcher.h: matches many phrase patterns against one normalised text in a single
// linear-time pass (RE2::Set; literal patterns are quoted, "re:" patterns compiled as RE2).
// Thread-safe after Compile(). Never uses std::regex on message text.

#ifndef BOUNCETOLK_RULES_PHRASE_MATCHER_H_
#define BOUNCETOLK_RULES_PHRASE_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// One RE2 pattern with capture groups, for the structural parsing of vendor formats
/// (src/lhost/): case-insensitive, "^"/"$" match at line ends, linear time. Keeps <re2/...>
/// inside phrase_matcher.cpp. Thread-safe after construction.
class CapturePattern {
 public:
  explicit CapturePattern(std::string_view regex);
  ~CapturePattern();
  CapturePattern(const CapturePattern&) = delete;
  CapturePattern& operator=(const CapturePattern&) = delete;

  /// False when the pattern did not compile (a bug in the caller's literal).
  bool ok() const;
  /// The first capture group that took part in the leftmost match of \a text; *group (may be
  /// nullptr) is its 1-based number. False when nothing matched.
  bool FirstCapture(std::string_view text, std::string* capture, int* group = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  /// Adds a pattern; returns false and sets *error when an "re:" pattern does not compile.
  bool Add(std::string_view pattern, int id, std::string* error);
  /// Adds a pattern known to compile (the embedded tables, which a test validates); one that
  /// does not compile after all never matches.
  void AddTrusted(std::string_view pattern, int id);
  /// Builds the automaton. Returns false when it cannot be built.
  bool Compile(std::string* error);
  /// Ids of all patterns found in \a normalized_text, in ascending id order.
  std::vector<int> Match(std::string_view normalized_text) const;
  bool empty() const;

  /// Checks one pattern on its own (for "rules check").
  static bool Validate(std::string_view pattern, std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_PHRASE_MATCHER_H_

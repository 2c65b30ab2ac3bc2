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

class PhraseMatcher {
 public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  /// Adds a pattern; returns false and sets *error when an "re:" pattern does not compile.
  bool Add(std::string_view pattern, int id, std::string* error);
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

// SPDX-License-Identifier: MIT
//
// rule_vocabulary.h: the closed sets of values in the rule tables (docs/data-format.md), read
// into enums when the tables load, and the output languages as indexes. The tokens are the
// words written in data/rules/*.tsv (those of the output schema are in src/vocabulary.cpp).

#ifndef BOUNCETOLK_RULES_RULE_VOCABULARY_H_
#define BOUNCETOLK_RULES_RULE_VOCABULARY_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "bouncetolk/rules.h"
#include "common/token.h"

namespace bouncetolk {

/// reasons.tsv, column hard: whether a failure for the reason is a hard bounce.
enum class Hardness {
  kYes,          ///< "yes"
  kNo,           ///< "no"
  kIfPermanent,  ///< "if-permanent": only when the failure is permanent
};

/// status.tsv, column kind (rows of reply.tsv have none).
enum class CodeKind {
  kIana,      ///< "iana": a registered code
  kVendor,    ///< "vendor": used by a vendor outside the registry
  kFallback,  ///< "fallback": a subject or class row (X.1.*, 5.*.*)
  kGeneric,   ///< "generic": a registered code whose meaning is wide (X.7.1): a concept
              ///< rule in the text outranks it (docs/precedence.md)
};

/// phrases.tsv, column scope: what a phrase is matched against.
enum class PhraseScope {
  kText,     ///< "text": the diagnostic and the human-readable text
  kSubject,  ///< "subject": the bounce's Subject
};

/// lhost.tsv, column field: where a vendor marker is looked for.
enum class MarkerField {
  kSubject,   ///< "subject"
  kFrom,      ///< "from"
  kHeader,    ///< "header": a header field present, or containing a value
  kText,      ///< "text": the human-readable text before the returned original
  kBoundary,  ///< "boundary": a line that begins the returned original (or a forwarded bounce)
};

/// The tokens of each enum above, in the order of its values.
template <typename E>
struct Tokens;
template <>
struct Tokens<Hardness> {
  static constexpr std::string_view kAll[] = {"yes", "no", "if-permanent"};
};
template <>
struct Tokens<CodeKind> {
  static constexpr std::string_view kAll[] = {"iana", "vendor", "fallback", "generic"};
};
template <>
struct Tokens<PhraseScope> {
  static constexpr std::string_view kAll[] = {"text", "subject"};
};
template <>
struct Tokens<MarkerField> {
  static constexpr std::string_view kAll[] = {"subject", "from", "header", "text", "boundary"};
};

/// The token of \a value as the tables write it.
template <typename E>
constexpr std::string_view TokenOf(E value) {
  return Tokens<E>::kAll[static_cast<std::size_t>(value)];
}

/// The value whose token is \a token, if any.
template <typename E>
std::optional<E> ParseToken(std::string_view token) {
  return EnumOfToken<E>(Tokens<E>::kAll, token);
}

/// The languages, in the order of the per-language arrays (ByLang).
inline constexpr Lang kLangs[] = {Lang::kNl, Lang::kEn};
inline constexpr std::size_t kLangCount = std::size(kLangs);
/// The other language (for "exists in both" checks).
constexpr Lang OtherLang(Lang lang) { return lang == Lang::kNl ? Lang::kEn : Lang::kNl; }
/// "nl", "en": the language's folder in data/text/ and data/replies/.
constexpr std::string_view LangDir(Lang lang) { return lang == Lang::kNl ? "nl" : "en"; }
/// "Dutch", "English", for messages of "rules check".
constexpr std::string_view LangName(Lang lang) { return lang == Lang::kNl ? "Dutch" : "English"; }

/// One T per language, indexed by Lang.
template <typename T>
struct ByLang {
  std::array<T, kLangCount> values{};
  T& operator[](Lang lang) { return values[static_cast<std::size_t>(lang)]; }
  const T& operator[](Lang lang) const { return values[static_cast<std::size_t>(lang)]; }
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RULE_VOCABULARY_H_

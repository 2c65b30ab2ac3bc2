// SPDX-License-Identifier: MIT
//
// rule_vocabulary.h: the closed sets of values in the rule tables (docs/data-format.md), read
// into enums when the tables load, and the output languages as indexes. Tokens are the words
// written in data/rules/*.tsv; src/vocabulary.cpp holds them beside the output schema's.

#ifndef BOUNCETOLK_RULES_RULE_VOCABULARY_H_
#define BOUNCETOLK_RULES_RULE_VOCABULARY_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "bouncetolk/rules.h"

namespace bouncetolk {

/// reasons.tsv, column hard: whether a failure for the reason is a hard bounce.
enum class Hardness {
  kYes,          ///< "yes"
  kNo,           ///< "no"
  kIfPermanent,  ///< "if-permanent": only when the failure is permanent
};
std::string_view HardnessToken(Hardness hardness);
std::optional<Hardness> ParseHardness(std::string_view token);

/// status.tsv, column kind. Rows of reply.tsv have none.
enum class CodeKind {
  kNone,      ///< a reply.tsv row
  kIana,      ///< "iana": a registered code
  kVendor,    ///< "vendor": used by a vendor outside the registry
  kFallback,  ///< "fallback": a subject or class row (X.1.*, 5.*.*)
};
std::string_view CodeKindToken(CodeKind kind);  ///< "" for kNone
/// One of the tokens of status.tsv (kNone has none).
std::optional<CodeKind> ParseCodeKind(std::string_view token);

/// phrases.tsv, column scope: what a phrase is matched against.
enum class PhraseScope {
  kText,     ///< "text": the diagnostic and the human-readable text
  kSubject,  ///< "subject": the bounce's Subject
};
std::string_view PhraseScopeToken(PhraseScope scope);
std::optional<PhraseScope> ParsePhraseScope(std::string_view token);

/// lhost.tsv, column field: where a vendor marker is looked for.
enum class MarkerField {
  kSubject,   ///< "subject"
  kFrom,      ///< "from"
  kHeader,    ///< "header": a header field present, or containing a value
  kText,      ///< "text": the human-readable text before the returned original
  kBoundary,  ///< "boundary": a line that begins the returned original (or a forwarded bounce)
};
std::string_view MarkerFieldToken(MarkerField field);
std::optional<MarkerField> ParseMarkerField(std::string_view token);

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

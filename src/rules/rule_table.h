// SPDX-License-Identifier: MIT
//
// rule_table.h: the in-memory form of data/rules/*.tsv and data/text/<lang>/*, and the loader
// that builds it from the embedded files plus an optional overlay directory. Internal: the
// public face is RuleSet (include/bouncetolk/rules.h). Immutable after loading.

#ifndef BOUNCETOLK_RULES_RULE_TABLE_H_
#define BOUNCETOLK_RULES_RULE_TABLE_H_

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bouncetolk/reason.h"
#include "bouncetolk/rules.h"
#include "rules/concept_matcher.h"
#include "rules/fix_actions.h"
#include "rules/phrase_matcher.h"
#include "rules/rule_vocabulary.h"
#include "rules/text_store.h"
#include "rules/tsv.h"

namespace bouncetolk {

struct ReasonRule {
  Reason reason = Reason::kUndefined;
  Hardness hard = Hardness::kNo;
  Party party = Party::kSender;
  std::string source;
  RowOrigin origin;
};

struct CodeRule {                ///< a row of status.tsv or reply.tsv
  std::string code;              ///< "X.1.1", "5.7.1", "X.1.*", "5.*.*"; "550", "5xx"
  std::optional<CodeKind> kind;  ///< status.tsv only
  Reason reason = Reason::kUndefined;
  Party party = Party::kSender;
  std::string text_id;  ///< resolved: never "-"
  std::string source;
  RowOrigin origin;
};

/// The columns a phrase row and a concept row share: what a match means, and where the row is.
struct RuleMeaning {
  Reason reason = Reason::kUndefined;
  Party party = Party::kSender;
  std::optional<Permanence> permanence;
  std::string text_id;
  std::string source;
  RowOrigin origin;
};

struct PhraseRule : RuleMeaning {
  std::string id;
  PhraseScope scope = PhraseScope::kText;
  std::string pattern;  ///< as written (with "re:" for regular expressions)
};

/// A row of words.tsv: one word (or fixed group of words) of a word class of the concept rules.
/// Views into the file's content, which outlives the tables (about 800 rows: not copied).
struct WordRule {
  std::string_view klass;  ///< "recipient", "notfound", ...
  std::string_view lang;   ///< "en", "nl", "de", "fr", "es", "it", "pt", or "*"
  std::string_view word;   ///< lower case, single spaces; '*' at an end: the word may go on there
  std::string_view source;
  RowOrigin origin;
};

/// A row of concepts.tsv: word classes that together, within a window of words, say a reason.
struct ConceptRule : RuleMeaning {
  std::string id;                    ///< reported as "concept:<id>"
  std::vector<std::string> classes;  ///< all of these
  int window = 0;                    ///< words from the first class word to the last, at most
  std::vector<std::pair<std::string, GuardPlace>> unless;  ///< classes that veto a match
};

/// A row of host-families.tsv: a host-name suffix by which a server belongs to a family (the
/// provider's documented MX and server names: "protection.outlook.com" is microsoft).
struct HostFamilyRule {
  std::string family;  ///< "microsoft", "google", ...
  std::string suffix;  ///< lower case, without a leading dot; matched on a label boundary
  std::string source;
  RowOrigin origin;
};

/// A row of status-words.tsv: what a status code means, by its vendor's documentation, when a
/// word of the text goes with it ("5.4.1" with "recipient address rejected: access denied"),
/// optionally only when a server of one family said it ("5.7.26" from Google).
struct StatusWordRule : RuleMeaning {
  std::string id;      ///< reported as "status-word:<id>"
  std::string family;  ///< a family of host-families.tsv, or "*" (any server)
  std::string code;    ///< as written: "5.4.1", a range of details "5.7.606-649", or "*"
  char klass = 0;      ///< of code; 0 for "*" (any code)
  int subject = 0, detail_from = 0, detail_to = 0;
  std::string word;  ///< lower case, single spaces: a substring of the normalised text; "*" any
  // RuleMeaning: a permanence only when the vendor documents one against the class (QQ's 550).

  bool AnyCode() const { return klass == 0; }
  bool AnyWord() const { return word == "*"; }
  /// Whether the code \a klass.\a subject.\a detail is this row's code (always for "*").
  bool CodeMatches(char code_class, int code_subject, int code_detail) const {
    return AnyCode() || (code_class == klass && code_subject == subject &&
                         code_detail >= detail_from && code_detail <= detail_to);
  }
};

/// A row of lhost.tsv: one thing by which a vendor reader recognises its format.
struct LhostMarker {
  std::string reader;  ///< reader name ("exim"), or "*" for boundary rows shared by all
  MarkerField field = MarkerField::kText;
  std::string pattern;  ///< lower case; for header: "name" or "name: value part"
  std::string source;
  RowOrigin origin;
};

struct ClientErrorRule {
  std::string code;
  std::string text_id;
  std::string source;
  RowOrigin origin;
};

struct ExchangeNumberRule {
  std::string number;
  std::string enhanced;
  std::string source;
  RowOrigin origin;
};

/// text_matcher reports the word of status_words[i] as kStatusWordIds + i (phrases: their
/// index, far below).
inline constexpr int kStatusWordIds = 1 << 24;

/// Everything loaded from data/.
struct RuleTables {
  /// The regular expressions of the phrases and markers: compiled once (when validated, or on
  /// first use when trusted), shared by the matchers below and the checks of the loader.
  RegexStore regexes;
  std::array<std::optional<ReasonRule>, kReasonCount> reasons;
  std::map<std::string, CodeRule> status;     ///< by code
  std::map<std::string, CodeRule> reply;      ///< by code
  std::vector<PhraseRule> phrases;            ///< file order = priority
  std::vector<LhostMarker> lhost_markers;     ///< file order
  std::vector<WordRule> words;                ///< words.tsv, file order
  std::vector<ConceptRule> concepts;          ///< concepts.tsv, file order = priority
  std::vector<StatusWordRule> status_words;   ///< status-words.tsv, file order
  std::vector<HostFamilyRule> host_families;  ///< host-families.tsv, file order
  /// The concept rules over the word classes; rule number = index in concepts.
  ConceptMatcher concept_matcher;
  /// lhost_markers rows of the "text" and "subject" fields, id = index in lhost_markers: one
  /// linear pass per message finds them all (BuildMessageView), instead of a search per row.
  PhraseMatcher lhost_text_matcher{&regexes};
  PhraseMatcher lhost_subject_matcher{&regexes};
  /// Indexes into lhost_markers per reader (fields subject, from, header, text).
  std::map<std::string, std::vector<int>, std::less<>> lhost_by_reader;
  std::map<std::string, ClientErrorRule> client_errors;  ///< by upper-case code
  std::map<std::string, ExchangeNumberRule> exchange_numbers;
  /// Texts, interface strings and reply templates by language, loaded in full when validated;
  /// empty when trusted (see lazy).
  ByLang<std::unordered_map<std::string, TextRecord>> texts;
  ByLang<std::map<std::string, std::string, std::less<>>> messages;
  ByLang<std::map<std::string, RowOrigin>> text_origins;
  ByLang<std::map<std::string, ReplyTemplate, std::less<>>> replies;
  /// Built from trusted files: nothing was validated beyond what loading needs, check_errors
  /// is empty, and the languages are in lazy (FindText and friends look there).
  bool trusted = false;
  ByLang<LazyLang> lazy;
  std::vector<DataFile> files;           ///< every loaded file, in load order, for Dump()
  std::deque<std::string> file_storage;  ///< contents of overlay files (files[i].content)
  /// Phrases with scope "text" (id = index in phrases), and the words of status_words (rows
  /// of word "*" left out; id = kStatusWordIds + index in status_words): one pass over a text
  /// finds both.
  PhraseMatcher text_matcher{&regexes};
  PhraseMatcher subject_matcher{&regexes};  ///< phrases with scope "subject"
  std::vector<std::string> check_errors;    ///< found while loading; reported by Check()
  /// Findings of a validated load that do not make it fail (RuleSet::Notes()).
  std::vector<std::string> check_notes;
  FixActionTables fix_actions;  ///< fix-actions.tsv and outcome-actions.tsv
};

/// The embedded files of data/ (rules/embedded.h) as the loader takes them.
std::vector<DataFile> EmbeddedDataFiles();

/// Reads the tables. Hard errors (bad header, bad column count, unknown token, duplicate id
/// within one file, pattern that does not compile) go to \a errors and make the result
/// nullptr. Softer findings (missing texts or sources) go to RuleTables::check_errors.
/// With \a trusted (the embedded files, validated by a test at build time) only what
/// loading needs is checked, and the texts of each language are read on first use: \a files
/// must then outlive the result (they are kept in RuleTables::files). Each file's content
/// must outlive the result in either case.
std::unique_ptr<RuleTables> BuildRuleTables(const std::vector<DataFile>& files,
                                            std::vector<std::string>* errors, bool trusted = false);

/// Full validation of \a files ("rules check"): the hard errors when they do not load,
/// otherwise the softer findings. Empty when all is well.
std::vector<std::string> CheckRuleFiles(const std::vector<DataFile>& files);

/// Resolves the status rule for \a code ("5.1.1") by the lookup order of docs/data-format.md.
/// Fills \a chain with every rule found, most specific first. Returns the most specific.
const CodeRule* LookupStatus(const RuleTables& t, std::string_view code,
                             std::vector<const CodeRule*>* chain);
/// The reply rule for "550", falling back to "5xx".
const CodeRule* LookupReply(const RuleTables& t, int code, std::vector<const CodeRule*>* chain);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RULE_TABLE_H_

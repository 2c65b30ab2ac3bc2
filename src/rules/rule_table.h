// SPDX-License-Identifier: MIT
//
// rule_table.h: the in-memory form of data/rules/*.tsv and data/text/<lang>/*, and the loader
// that builds it from the embedded files plus an optional overlay directory. Internal: the
// public face is RuleSet (include/bouncetolk/rules.h). Immutable after loading.

#ifndef BOUNCETOLK_RULES_RULE_TABLE_H_
#define BOUNCETOLK_RULES_RULE_TABLE_H_

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bouncetolk/reason.h"
#include "bouncetolk/rules.h"
#include "rules/phrase_matcher.h"

namespace bouncetolk {

/// Where a row came from, for "file:line:" messages.
struct RowOrigin {
  std::string file;
  int line = 0;
};

struct ReasonRule {
  Reason reason = Reason::kUndefined;
  std::string hard;  ///< "yes", "no", "if-permanent"
  Party party = Party::kSender;
  std::string source;
  RowOrigin origin;
};

struct CodeRule {       ///< a row of status.tsv or reply.tsv
  std::string code;     ///< "X.1.1", "5.7.1", "X.1.*", "5.*.*"; "550", "5xx"
  std::string kind;     ///< status.tsv only: iana, vendor, fallback
  Reason reason = Reason::kUndefined;
  Party party = Party::kSender;
  std::string text_id;  ///< resolved: never "-"
  std::string source;
  RowOrigin origin;
};

struct PhraseRule {
  std::string id;
  std::string scope;    ///< "text" or "subject"
  std::string pattern;  ///< as written (with "re:" for regular expressions)
  Reason reason = Reason::kUndefined;
  Party party = Party::kSender;
  std::optional<Permanence> permanence;
  std::string text_id;
  std::string source;
  RowOrigin origin;
};

/// A row of lhost.tsv: one thing by which a vendor reader recognises its format.
struct LhostMarker {
  std::string reader;   ///< reader name ("exim"), or "*" for boundary rows shared by all
  std::string field;    ///< subject, from, header, text, boundary
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

struct ReplyTemplate {  ///< data/replies/<lang>/<id>.txt
  std::string id;       ///< file stem: "frame", "userunknown", "userunknown-recipient", "party-sender", "default"
  std::string body;     ///< text after the header block, with {placeholders}
  RowOrigin origin;
};

/// Placeholders a reply template may use (docs/replies.md).
inline constexpr std::string_view kReplyPlaceholders[] = {
    "name", "date", "subject", "recipients", "paragraphs", "address", "title",
    "explanation", "fix", "retry_until", "status", "diagnostic"};

/// Everything loaded from data/.
struct RuleTables {
  std::array<std::optional<ReasonRule>, kReasonCount> reasons;
  std::map<std::string, CodeRule> status;   ///< by code
  std::map<std::string, CodeRule> reply;    ///< by code
  std::vector<PhraseRule> phrases;          ///< file order = priority
  std::vector<LhostMarker> lhost_markers;   ///< file order
  /// lhost_markers rows of the "text" and "subject" fields, id = index in lhost_markers: one
  /// linear pass per message finds them all (BuildMessageView), instead of a search per row.
  PhraseMatcher lhost_text_matcher;
  PhraseMatcher lhost_subject_matcher;
  /// Indexes into lhost_markers per reader (fields subject, from, header, text).
  std::map<std::string, std::vector<int>, std::less<>> lhost_by_reader;
  std::map<std::string, ClientErrorRule> client_errors;  ///< by upper-case code
  std::map<std::string, ExchangeNumberRule> exchange_numbers;
  std::array<std::unordered_map<std::string, TextRecord>, 2> texts;       ///< by Lang
  std::array<std::unordered_map<std::string, std::string>, 2> messages;  ///< by Lang
  std::array<std::map<std::string, RowOrigin>, 2> text_origins;
  std::array<std::map<std::string, ReplyTemplate>, 2> replies;  ///< by Lang, then id
  std::vector<std::pair<std::string, std::string>> files;  ///< every loaded file, for Dump()
  PhraseMatcher text_matcher;     ///< phrases with scope "text"
  PhraseMatcher subject_matcher;  ///< phrases with scope "subject"
  std::vector<std::string> check_errors;  ///< found while loading; reported by Check()
};

/// One input file of the loader.
struct DataFile {
  std::string path;     ///< relative to data/: "rules/status.tsv", "text/nl/status.txt"
  std::string content;
  bool overlay = false; ///< from --rules DIR: its rows replace rows with the same id, and its
                        ///< new phrase rows come before the embedded ones
};

/// Reads the tables. Hard errors (bad header, bad column count, unknown token, duplicate id
/// within one file, pattern that does not compile) go to \a errors and make the result
/// nullptr. Softer findings (missing texts or sources) go to RuleTables::check_errors.
std::unique_ptr<RuleTables> BuildRuleTables(const std::vector<DataFile>& files,
                                            std::vector<std::string>* errors);

/// Resolves the status rule for \a code ("5.1.1") by the lookup order of docs/data-format.md.
/// Fills \a chain with every rule found, most specific first. Returns the most specific.
const CodeRule* LookupStatus(const RuleTables& t, std::string_view code,
                             std::vector<const CodeRule*>* chain);
/// The reply rule for "550", falling back to "5xx".
const CodeRule* LookupReply(const RuleTables& t, int code, std::vector<const CodeRule*>* chain);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RULE_TABLE_H_

// SPDX-License-Identifier: MIT
//
// rules.h: the knowledge base (data/rules/*.tsv and data/text/<lang>/*.txt) as one immutable
// object. Load once, share as const RuleSet& (also across threads). Loading never throws for
// bad table contents: errors come back as "file:line: message" strings.

#ifndef BOUNCETOLK_RULES_H_
#define BOUNCETOLK_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// Output language.
enum class Lang { kNl, kEn };

/// A text record: the words that explain one rule.
struct TextRecord {
  std::string id;
  std::string title;
  std::string explanation;
  std::string fix;
};

struct RuleTables;  // defined in src/rules/rule_table.h

/// The loaded, validated rule tables and texts.
class RuleSet {
 public:
  /// The tables embedded at build time, overlaid by the files of \a overlay_dir when it is not
  /// empty (same layout as data/; rows with the same id replace, new ids are added).
  /// Returns nullptr and fills \a errors when a table does not load. The messages quote the
  /// overlay's cells and file names made safe for a terminal (TerminalSafe(), render.h).
  static std::unique_ptr<const RuleSet> Load(std::string_view overlay_dir,
                                             std::vector<std::string>* errors);
  /// Full validation (unknown tokens, duplicate ids, patterns that do not compile, missing
  /// texts in either language, missing sources). Empty when all is well. Terminal-safe as
  /// Load()'s.
  std::vector<std::string> Check() const;
  /// Findings that do not make the tables invalid (a text without an action class of its own
  /// in data/rules/fix-actions.tsv); `rules check` prints them. Empty when there are none.
  std::vector<std::string> Notes() const;
  /// All tables in loadable form ("--dump-rules"), as (path, content) pairs.
  std::vector<std::pair<std::string, std::string>> Dump() const;

  /// "rules 1a2b3c4d (160 status codes, 46 reply codes, 293 phrases, 15 client errors)": a
  /// fingerprint of all loaded table files and their sizes, for --version and bug reports.
  std::string VersionString() const;

  /// The record \a id in \a lang, or nullptr.
  const TextRecord* Text(std::string_view id, Lang lang) const;
  /// The reply template \a id (data/replies/<lang>/<id>.txt), or nullptr.
  const std::string* ReplyTemplate(std::string_view id, Lang lang) const;
  /// An interface string (data/text/<lang>/messages.tsv); the key itself when missing.
  std::string_view Message(std::string_view key, Lang lang) const;

  const RuleTables& tables() const { return *tables_; }

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

 private:
  explicit RuleSet(std::unique_ptr<RuleTables> tables);
  std::unique_ptr<RuleTables> tables_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_H_

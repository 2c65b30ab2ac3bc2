// SPDX-License-Identifier: MIT
//
// text_store.h: the texts of data/ (records of data/text/<lang>/*.txt, interface strings of
// data/text/<lang>/messages.tsv, reply templates of data/replies/<lang>/) and their lookup. A
// validated load reads them all into RuleTables; a trusted load (the embedded files) keeps only
// the files per language and reads them on first lookup (LazyLang), a text record only when it
// is looked up.

#ifndef BOUNCETOLK_RULES_TEXT_STORE_H_
#define BOUNCETOLK_RULES_TEXT_STORE_H_

#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bouncetolk/rules.h"
#include "rules/tsv.h"

namespace bouncetolk {

struct RuleTables;  // rules/rule_table.h

struct ReplyTemplate {  ///< data/replies/<lang>/<id>.txt
  std::string id;  ///< file stem: "frame", "userunknown", "userunknown-recipient", "party-sender",
                   ///< "default"
  std::string body;  ///< text after the header block, with {placeholders}
  RowOrigin origin;
};

/// Placeholders a reply template may use (docs/replies.md).
inline constexpr std::string_view kReplyPlaceholders[] = {
    "name",  "date",        "subject", "recipients",  "paragraphs", "address",
    "title", "explanation", "fix",     "retry_until", "status",     "diagnostic"};

/// A text record of data/text/<lang>/*.txt that is parsed on first use (LazyLang).
struct LazyText {
  std::string_view block;  ///< its lines, from the first field to the blank line after it
  const DataFile* file = nullptr;
  int line = 0;  ///< of the first field, in the file
  mutable std::once_flag once;
  mutable TextRecord record;
};

/// One language of a rule set built from trusted files (the embedded data/, which a test
/// validates at build time): its texts, interface strings and reply templates are read only
/// when a lookup in that language first needs them, and a text record only when it is looked
/// up. Thread-safe (std::call_once).
struct LazyLang {
  std::vector<const DataFile*> text_files, message_files, reply_files;  ///< in load order
  mutable std::once_flag texts_once;
  mutable std::unordered_map<std::string_view, LazyText> texts;  ///< id (a view into a file)
  mutable std::deque<std::string> folded_ids;  ///< ids that are not one line of their file
  mutable std::once_flag messages_once;
  mutable std::map<std::string, std::string, std::less<>> messages;
  mutable std::once_flag replies_once;
  mutable std::map<std::string, ReplyTemplate, std::less<>> replies;
};

/// Validated loading: the records of \a f into t->texts[lang] and t->text_origins[lang]. Hard
/// errors (no Id, duplicate Id, unknown field) go to \a errors, a record without Title,
/// Explanation or Fix to t->check_errors.
void LoadTexts(const DataFile& f, Lang lang, RuleTables* t, std::vector<std::string>* errors);
/// The key/text rows of a messages.tsv.
void LoadMessages(const DataFile& f, std::map<std::string, std::string, std::less<>>* messages,
                  std::vector<std::string>* errors);
/// One reply template file; checks its Id and its placeholders.
void LoadReply(const DataFile& f, std::map<std::string, ReplyTemplate, std::less<>>* replies,
               std::vector<std::string>* errors);

/// The text record \a id in language \a lang, or nullptr.
const TextRecord* FindText(const RuleTables& t, std::string_view id, Lang lang);
/// The interface string \a key, or nullptr.
const std::string* FindMessage(const RuleTables& t, std::string_view key, Lang lang);
/// The reply template \a id, or nullptr.
const ReplyTemplate* FindReply(const RuleTables& t, std::string_view id, Lang lang);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_TEXT_STORE_H_

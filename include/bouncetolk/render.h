// SPDX-License-Identifier: MIT
//
// render.h: Reports to text. Pure functions: no I/O, same bytes for the same input. Text for
// people comes from the RuleSet in the chosen language; message-derived strings are made
// terminal-safe in text output and escaped in JSON/CSV. A renderer never re-classifies.

#ifndef BOUNCETOLK_RENDER_H_
#define BOUNCETOLK_RENDER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "bouncetolk/problem.h"
#include "bouncetolk/report.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {

class BatchSummary;  // batch.h

/// Output formats.
enum class Format {
  kText,   ///< prose for people, one block per recipient
  kJson,   ///< one JSON document per input
  kJsonl,  ///< one JSON object per recipient (or per input without recipients) per line
  kCsv,    ///< RFC 4180, one row per recipient
  kTsv,    ///< tab separated, one row per recipient
  kBrief,  ///< one line per recipient, for quick triage
};

/// How to render.
struct RenderOptions {
  Format format = Format::kText;
  Lang lang = Lang::kNl;
  std::string file;  ///< the input's name for the "file" field ("-" for stdin)
  /// Records carry an "id" (JSON Lines input, --input-format jsonl): first in jsonl and JSON,
  /// the first column in csv and tsv.
  bool ids = false;
  std::optional<std::string> id;  ///< the input's id (null when absent)
  bool id_literal = false;        ///< the id is a JSON number/true/false/null, not a string
  bool color = false;             ///< ANSI colours in text output
  int width = 0;  ///< wrap prose in text output to this many columns (0: no wrapping)
};

/// Whether text output gets colour: \a mode is "always", "never" or "auto"; auto means only
/// on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is "dumb".
bool ShouldUseColor(std::string_view mode, bool is_terminal, const char* no_color_env,
                    const char* term_env);

/// The rendering of one input's report, ending in a newline.
std::string Render(const Report& report, const RuleSet& rules, const RenderOptions& options);
/// The header row for kCsv and kTsv (empty for other formats).
std::string RenderHeader(const RenderOptions& options);
/// The summary of a batch (batch.h): tables of counts and shares per kind, cause of
/// unreadability, reason, status code, recipient domain, party, hard/soft and the \a top most
/// frequent diagnostic texts. kText gives a table for people in options.lang; kJson and kJsonl
/// one JSON object; kCsv and kTsv rows "table, key, count" with a header row.
std::string RenderSummary(const BatchSummary& summary, const RuleSet& rules,
                          const RenderOptions& options, std::size_t top = 10);
/// A ready-to-send message to the customer who received the bounce, in the polite form, from
/// the templates in data/replies/<lang>/ (docs/replies.md): a frame naming the bounced message,
/// and per reason one paragraph listing the recipients it applies to. Delayed-only reports get
/// the reassuring frame. Empty for inputs without recipients.
std::string RenderReply(const Report& report, const RuleSet& rules, Lang lang);

/// The rendering of an explain lookup (kText or kJson; other formats give JSON Lines).
std::string RenderExplain(const struct ExplainResult& result, const RuleSet& rules, Format format,
                          Lang lang);

/// The interface string \a key (data/text/<lang>/messages.tsv; the key itself when missing)
/// with its "{}" placeholders replaced by \a args in order. Plain substitution: a template
/// edited by a helpdesk can never make the formatter throw.
std::string Msg(const RuleSet& rules, Lang lang, std::string_view key,
                std::initializer_list<std::string_view> args = {});

/// The sentence for \a problem (interface string "error.<token>", its argument filled in; an
/// argument that names an operating-system error, "ENOENT", is said in words).
std::string ProblemText(const RuleSet& rules, Lang lang, const Problem& problem);

/// The operating-system error \a errnum in words, in \a lang (interface string "errno.ENOENT";
/// the C library's English text for one that has none).
std::string SystemErrorText(const RuleSet& rules, Lang lang, int errnum);

/// Version of the JSON/CSV schema; bumped on incompatible changes.
inline constexpr int kSchemaVersion = 1;

/// Makes message-derived text safe for a terminal: C0/C1 controls, DEL, escape sequences and
/// bidi overrides become visible (U+2400 pictures or \u{...}); tabs and newlines are kept only
/// when \a keep_newlines.
std::string TerminalSafe(std::string_view text, bool keep_newlines = false);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_H_

// SPDX-License-Identifier: MIT
//
// text_render.h: shared helpers of the renderers, and the text renderer for people (prose and
// --brief). Internal to src/render/.

#ifndef BOUNCETOLK_RENDER_TEXT_RENDER_H_
#define BOUNCETOLK_RENDER_TEXT_RENDER_H_

#include <string>
#include <vector>

#include "bouncetolk/render.h"

namespace bouncetolk {

/// The words that explain one recipient in one language.
struct Texts {
  std::string title, explanation, fix;
};

/// The texts of r.text_id, falling back to the reason's record.
Texts TextsFor(const RecipientResult& r, const RuleSet& rules, Lang lang);
/// \a date (RFC 5322) as people read it (LocalDate()), or as written when it does not parse.
std::string ShownDate(const std::string& date, Lang lang);
/// "a b c".
std::string JoinRules(const std::vector<std::string>& rules);
/// The first problem that made the input unreadable, or nullptr.
const Problem* FirstFatal(const Report& report);
/// Format::kText and Format::kBrief.
std::string RenderText(const Report& report, const RuleSet& rules, const RenderOptions& options);
/// Wraps \a text to \a width columns (counted in code points), indenting continuation lines
/// by \a indent spaces. width 0 leaves the text on one line.
std::string Wrap(std::string_view text, std::size_t first_column, std::size_t indent,
                 std::size_t width);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_TEXT_RENDER_H_

// SPDX-License-Identifier: MIT
//
// answer.h: one voice per recipient. Every renderer (text, brief, reply, JSON, CSV) takes the
// outcome, the words and the party line of a recipient from here, so they never contradict
// each other: the fix shown is one whose action class the outcome and reason allow
// (data/rules/outcome-actions.tsv), and the party line agrees with it. Internal to src/render/.

#ifndef BOUNCETOLK_RENDER_ANSWER_H_
#define BOUNCETOLK_RENDER_ANSWER_H_

#include <string>

#include "bouncetolk/outcome.h"
#include "bouncetolk/render.h"

namespace bouncetolk {

struct StatusWordRule;

/// What the outputs say about one recipient.
struct Answer {
  Outcome outcome = Outcome::kFailed;
  CodeClass code_class = CodeClass::kNone;
  std::string title, explanation, fix;
  FixAction fix_action = FixAction::kNone;  ///< the class of the fix shown
  bool fix_replaced =
      false;                 ///< the text's own fix did not fit the outcome: the outcome's is shown
  bool nobody_acts = false;  ///< the fix asks nothing of anyone (none, wait)
};

/// The outcome of \a r (RecipientResult::outcome once the analysis sets it).
Outcome OutcomeOf(const RecipientResult& r);

/// The answer for \a r in \a lang.
Answer AnswerFor(const RecipientResult& r, const RuleSet& rules, Lang lang);

/// The interface string of the party line: "party.nobody" when nobody needs to act, else
/// "party.<token>".
std::string PartyKey(const RecipientResult& r, const Answer& a);

/// "outcome.<outcome>-<code class>" when such a string exists, else "outcome.<outcome>": the
/// kind line ("mislukt na herhaalde pogingen: ...").
std::string OutcomeKey(const RuleSet& rules, Lang lang, const Answer& a);

/// What the whole message is, from its kind and its recipients' outcomes: "heading.bounce"
/// (something failed), "heading.delay", "heading.delivered", "heading.auto_reply",
/// "heading.feedback".
std::string HeadingKey(const Report& report);

/// The status-words row of a code (not of any code) listed in r's rules whose reason is r's:
/// the code's meaning at its vendor, which decided or agrees; nullptr when there is none.
const StatusWordRule* VendorCodeRow(const RecipientResult& r, const RuleSet& rules);

/// The title of the status code as it applies here: the vendor's meaning of the code when
/// VendorCodeRow() gives one, else the deciding status row's title when
/// the status decided or agrees with the reason that decided; empty when the text of the
/// server decided something the code's generic meaning does not say (then the caller says
/// so instead of showing a title that contradicts the headline).
std::string StatusTitleHere(const RecipientResult& r, const RuleSet& rules, Lang lang,
                            bool* text_decides);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_ANSWER_H_

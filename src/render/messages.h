// SPDX-License-Identifier: MIT
//
// messages.h: interface strings from data/text/<lang>/messages.tsv with "{}" placeholders
// filled in order (plain substitution: a template edited by a helpdesk can never make the
// formatter throw), and Problem -> sentence.

#ifndef BOUNCETOLK_RENDER_MESSAGES_H_
#define BOUNCETOLK_RENDER_MESSAGES_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "bouncetolk/problem.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {

/// The string \a key with its "{}" placeholders replaced by \a args in order.
std::string Msg(const RuleSet& rules, Lang lang, std::string_view key,
                std::initializer_list<std::string_view> args = {});

/// The sentence for \a problem ("error.<token>").
std::string ProblemText(const RuleSet& rules, Lang lang, const Problem& problem);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_MESSAGES_H_

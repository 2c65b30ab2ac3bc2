// SPDX-License-Identifier: MIT
//
// rule_check.h: the cross-table checks of a validated load (see rule_check.cpp).

#ifndef BOUNCETOLK_RULES_RULE_CHECK_H_
#define BOUNCETOLK_RULES_RULE_CHECK_H_

namespace bouncetolk {

struct RuleTables;

/// Adds to t->check_errors what is missing across the tables of a validated load: a text in
/// either language for every rule, the counterpart of every text and reply template in the
/// other language, the reply templates every reason needs, and the interface strings the
/// renderers need.
void CheckReferences(RuleTables* t);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RULE_CHECK_H_

// SPDX-License-Identifier: MIT
//
// no_prebuilt_automata.cpp: PrebuiltAutomaton() for tools/automata.cpp, which builds the
// automata that the library's version (generated/automata_table.cpp) returns.

#include "rules/prebuilt_automata.h"

namespace bouncetolk {

const AhoCorasickImage* PrebuiltAutomaton(std::string_view /*name*/) { return nullptr; }

}  // namespace bouncetolk

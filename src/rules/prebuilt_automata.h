// SPDX-License-Identifier: MIT
//
// prebuilt_automata.h: the Aho-Corasick automata of the embedded tables, built when the binary
// was built (tools/automata.cpp writes them as static arrays) so that a start does not build
// them: adding ~1500 patterns and laying out ~20000 nodes was a third of a one-bounce run. A
// matcher uses one only when the fingerprint of the patterns it was given is the image's
// (AhoCorasick::Build), so an overlay or any change of the loader simply builds its own.

#ifndef BOUNCETOLK_RULES_PREBUILT_AUTOMATA_H_
#define BOUNCETOLK_RULES_PREBUILT_AUTOMATA_H_

#include <string_view>

#include "rules/aho_corasick.h"

namespace bouncetolk {

/// The names of the automata of RuleTables.
inline constexpr std::string_view kPhraseTextAutomaton = "phrases-text";
inline constexpr std::string_view kPhraseSubjectAutomaton = "phrases-subject";
inline constexpr std::string_view kLhostTextAutomaton = "lhost-text";
inline constexpr std::string_view kLhostSubjectAutomaton = "lhost-subject";
inline constexpr std::string_view kConceptWordAutomaton = "concept-words";

/// The automaton of that name as the build made it, or nullptr (the build tool itself links a
/// version that has none: tools/no_prebuilt_automata.cpp).
const AhoCorasickImage* PrebuiltAutomaton(std::string_view name);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_PREBUILT_AUTOMATA_H_

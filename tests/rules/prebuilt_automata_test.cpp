// SPDX-License-Identifier: MIT
//
// The automata that the build made of the embedded tables (src/rules/prebuilt_automata.h):
// a normal load uses every one of them (else the loader adds its patterns differently from
// tools/automata.cpp and each start builds them again, unnoticed but slow), a validated load
// of the same files gives matchers that find the same, and other patterns never use an image.

#include "rules/prebuilt_automata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_table.h"

namespace bouncetolk {
namespace {

TEST(PrebuiltAutomata, ANormalLoadUsesEveryOne) {
  const std::vector<DataFile> files = EmbeddedDataFiles();
  std::vector<std::string> errors;
  const auto t = BuildRuleTables(files, &errors, true);
  ASSERT_NE(t, nullptr);
  const std::pair<std::string_view, const AhoCorasickImage*> used[] = {
      {kPhraseTextAutomaton, &t->text_matcher.automaton()},
      {kPhraseSubjectAutomaton, &t->subject_matcher.automaton()},
      {kLhostTextAutomaton, &t->lhost_text_matcher.automaton()},
      {kLhostSubjectAutomaton, &t->lhost_subject_matcher.automaton()},
      {kConceptWordAutomaton, &t->concept_matcher.automaton()},
  };
  for (const auto& [name, image] : used) {
    const AhoCorasickImage* prebuilt = PrebuiltAutomaton(name);
    ASSERT_NE(prebuilt, nullptr) << name;
    EXPECT_GT(prebuilt->node_count, 1u) << name;
    EXPECT_EQ(image->nodes, prebuilt->nodes)
        << name << ": built at start, not taken from the build";
  }
  EXPECT_EQ(PrebuiltAutomaton("no-such-automaton"), nullptr);
}

// A validated load adds the regexes' atoms after the literals, so its automaton is built at
// start; both must find the same phrases.
TEST(PrebuiltAutomata, SameMatchesAsAnAutomatonBuiltAtStart) {
  const std::vector<DataFile> files = EmbeddedDataFiles();
  std::vector<std::string> errors;
  const auto trusted = BuildRuleTables(files, &errors, true);
  const auto validated = BuildRuleTables(files, &errors, false);
  ASSERT_NE(trusted, nullptr);
  ASSERT_NE(validated, nullptr);
  EXPECT_NE(validated->text_matcher.automaton().nodes,
            PrebuiltAutomaton(kPhraseTextAutomaton)->nodes);
  std::size_t found = 0;
  for (const PhraseRule& p : trusted->phrases) {
    if (p.pattern.compare(0, 3, "re:") == 0) continue;
    const std::string text = "diagnostic-code: smtp; 550 5.0.0 " + p.pattern + " (see above)";
    EXPECT_EQ(trusted->text_matcher.Match(text), validated->text_matcher.Match(text)) << text;
    found += trusted->text_matcher.Match(text).empty() ? 0 : 1;
  }
  EXPECT_GT(found, 300u);
}

TEST(PrebuiltAutomata, OtherPatternsBuildTheirOwn) {
  AhoCorasick a;
  a.Add("mailbox full", 7);
  a.Build(PrebuiltAutomaton(kPhraseTextAutomaton));
  EXPECT_NE(a.image().nodes, PrebuiltAutomaton(kPhraseTextAutomaton)->nodes);
  std::vector<int> hits;
  a.Match("550 Mailbox Full", &hits);
  EXPECT_EQ(hits, std::vector<int>{7});
  hits.clear();
  a.Match("550 user unknown", &hits);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
}  // namespace bouncetolk

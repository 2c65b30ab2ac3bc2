// SPDX-License-Identifier: MIT
//
// regex_atoms_test.cpp: the atoms RE2 gives a regex (rules/regex_atoms.h), what the pre-check
// makes of them, atoms that cannot be looked for (not ASCII), and FilteredRegex's decisions.

#include "rules/regex_atoms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "common/text.h"

namespace bouncetolk {
namespace {

RegexAtoms Atoms(const std::string& pattern) {
  RegexAtoms a;
  std::string error;
  EXPECT_TRUE(ComputeRegexAtoms(pattern, &a, &error)) << pattern << ": " << error;
  return a;
}

std::set<std::string> AtomSet(const RegexAtoms& a) { return {a.atoms.begin(), a.atoms.end()}; }

// Indexes of the atoms of \a a that occur in \a text.
std::vector<int> Found(const RegexAtoms& a, const std::string& text) {
  std::vector<int> found;
  for (std::size_t i = 0; i < a.atoms.size(); ++i) {
    if (IsSearchableAtom(a.atoms[i]) && text.find(a.atoms[i]) != std::string::npos)
      found.push_back(static_cast<int>(i));
  }
  return found;
}

int IndexOf(const RegexAtoms& a, const std::string& atom) {
  const auto it = std::find(a.atoms.begin(), a.atoms.end(), atom);
  EXPECT_NE(it, a.atoms.end()) << atom;
  return static_cast<int>(it - a.atoms.begin());
}

TEST(RegexAtomsTest, WhatRunsAsARegex) {
  EXPECT_TRUE(RunsAsRegex("re:a+b"));
  EXPECT_TRUE(RunsAsRegex("boîte pleine"));  // case folding needs Unicode
  EXPECT_TRUE(RunsAsRegex(""));
  EXPECT_FALSE(RunsAsRegex("user unknown"));
  EXPECT_TRUE(IsSearchableAtom("sequence of commands"));
  EXPECT_FALSE(IsSearchableAtom("überschritten"));
}

TEST(RegexAtomsTest, AtomsComeFromRe2) {
  // Alternatives: one atom each, lower case (the regex is case-insensitive).
  EXPECT_EQ(AtomSet(Atoms("re:(Bad|Improper) sequence of commands")),
            (std::set<std::string>{"bad sequence of commands", "improper sequence of commands"}));
  // A required literal and a choice: "spam " must be there, and one of the others.
  const RegexAtoms spam = Atoms("re:spam .*(detected|content)");
  EXPECT_EQ(AtomSet(spam), (std::set<std::string>{"spam ", "detected", "content"}));
  EXPECT_EQ(spam.required, std::uint64_t{1} << IndexOf(spam, "spam "));
  EXPECT_TRUE(spam.needs_more);
  EXPECT_FALSE(spam.always_candidate);
  EXPECT_TRUE(spam.exact);
  // Atoms shorter than kMinAtomLength are no condition: an alternative without one makes the
  // regex a candidate for every text.
  const RegexAtoms short_alt = Atoms("re:jkl|zz+w?");
  EXPECT_TRUE(short_alt.always_candidate);
  EXPECT_TRUE(Atoms("re:\\d+").always_candidate);
  // A literal that is not ASCII is one atom that cannot be looked for.
  const RegexAtoms literal = Atoms("boîte pleine");
  EXPECT_EQ(AtomSet(literal), (std::set<std::string>{"boîte pleine"}));
  EXPECT_TRUE(literal.always_candidate);
}

TEST(RegexAtomsTest, PreCheck) {
  const RegexAtoms spam = Atoms("re:spam .*(detected|content)");
  EXPECT_FALSE(PreCheck(spam, {}));
  EXPECT_FALSE(PreCheck(spam, {IndexOf(spam, "spam ")}));     // one more is needed
  EXPECT_FALSE(PreCheck(spam, {IndexOf(spam, "detected")}));  // the required one is missing
  EXPECT_TRUE(PreCheck(spam, {IndexOf(spam, "spam "), IndexOf(spam, "content")}));
  // An atom that cannot be looked for counts as found: "postfach " alone may do.
  const RegexAtoms de = Atoms("re:(postfach|mailbox) (ist )?(voll|überschritten)");
  EXPECT_FALSE(de.always_candidate);
  EXPECT_EQ(de.required, 0u);
  EXPECT_TRUE(PreCheck(de, {IndexOf(de, "postfach ")}));
  EXPECT_FALSE(PreCheck(de, {}));
  // Without the optional word RE2 spells out every combination: those with the letter that is
  // not ASCII count as found, so the regex is a candidate for every text.
  EXPECT_TRUE(Atoms("re:(postfach|mailbox) (voll|überschritten)").always_candidate);
}

TEST(RegexAtomsTest, RegexesThatDoNotParseOrCompile) {
  std::string error;
  EXPECT_FALSE(ParseRegex("re:(unclosed", &error));
  EXPECT_NE(error.find("missing )"), std::string::npos) << error;
  EXPECT_TRUE(ParseRegex("re:a+b", &error));
  RegexAtoms a;
  EXPECT_FALSE(ComputeRegexAtoms("re:[z-a]", &a, &error));
  EXPECT_EQ(FilteredRegex::Compile("re:(unclosed", &error), nullptr);
  // Nested counts whose product passes RE2's limit of 1000 are a syntax error too.
  EXPECT_FALSE(ParseRegex("re:(a{100}){100}", &error));
  EXPECT_NE(error.find("invalid repetition size"), std::string::npos) << error;
}

TEST(RegexAtomsTest, FilteredRegexRunsOnlyWhenTheConditionHolds) {
  std::string error;
  const auto spam = FilteredRegex::Compile("re:spam .*(detected|content)", &error);
  ASSERT_NE(spam, nullptr) << error;
  for (const std::string text :
       {"spam detected", "spam in the content", "no spam here", "detected", "content spam"}) {
    const bool want = text == "spam detected" || text == "spam in the content";
    EXPECT_EQ(spam->Matches(text, Found(spam->atoms(), text)), want) << text;
  }
  // Atoms found but the regex does not match: FilteredRE2 lets it run, RE2 says no.
  EXPECT_FALSE(spam->Matches("content, then spam", Found(spam->atoms(), "content, then spam")));
  // Not ASCII: "Ü" is not lower-cased by NormalizeForMatch, so "überschritten" is not found in
  // the text; it counts as found, and RE2's case folding matches.
  const auto de =
      FilteredRegex::Compile("re:(postfach|mailbox) (ist )?(voll|überschritten)", &error);
  ASSERT_NE(de, nullptr) << error;
  const std::string text = NormalizeForMatch("POSTFACH ÜBERSCHRITTEN");
  EXPECT_EQ(text, "postfach Überschritten");
  EXPECT_TRUE(de->Matches(text, Found(de->atoms(), text)));
}

TEST(RegexAtomsTest, TrustedRegexesCompileOnFirstUse) {
  // Atoms as the build computed them: the same decisions as a compiled regex.
  const RegexAtoms atoms = Atoms("re:spam .*(detected|content)");
  const FilteredRegex trusted("re:spam .*(detected|content)", atoms);
  EXPECT_TRUE(trusted.Matches("spam detected", Found(atoms, "spam detected")));
  EXPECT_FALSE(trusted.Matches("detected", Found(atoms, "detected")));
  // Unknown to the build: a candidate for every text.
  RegexAtoms none;
  none.always_candidate = true;
  const FilteredRegex unknown("re:(bad|improper) sequence", none);
  EXPECT_TRUE(unknown.Matches("improper sequence", {}));
  EXPECT_FALSE(unknown.Matches("sequence", {}));
  // Atoms that are not this RE2's (a build with another RE2): ours that it lacks are never
  // asked for, its own that we lack count as found, so nothing that matches is missed.
  RegexAtoms stale;
  stale.atoms = {"spam ", "no such atom"};
  stale.required = 1;
  stale.needs_more = true;
  const FilteredRegex odd("re:spam .*(detected|content)", stale);
  EXPECT_TRUE(odd.Matches("spam detected", {0, 1}));
  EXPECT_FALSE(odd.Matches("spam alone", {0, 1}));
  // One that does not compile after all never matches.
  const FilteredRegex broken("re:(unclosed", none);
  EXPECT_FALSE(broken.Matches("(unclosed", {}));
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// phrase_matcher_test.cpp: PhraseMatcher (rules/phrase_matcher.h): literals through the
// automaton, regexes gated by their atoms or always run, non-ASCII literals, overlapping
// and repeated hits, ids in ascending order, and Validate().

#include "rules/phrase_matcher.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "rules/aho_corasick.h"

namespace bouncetolk {
namespace {

PhraseMatcher Build(const std::vector<std::string>& patterns) {
  PhraseMatcher m;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string err;
    EXPECT_TRUE(m.Add(patterns[i], static_cast<int>(i), &err)) << patterns[i] << ": " << err;
  }
  std::string err;
  EXPECT_TRUE(m.Compile(&err)) << err;
  return m;
}

TEST(PhraseMatcher, Table) {
  const PhraseMatcher m = Build({
      "user unknown",                            // 0 literal
      "unknown",                                 // 1 literal inside another
      "re:(bad|improper) sequence of commands",  // 2 regex: an atom per alternative
      "re:\\bb-url\\b",                          // 3 regex, atom "b-url"
      "re:\\b(virus|malware)\\b",                // 4 atoms per alternative of the group
      "boîte pleine",                            // 5 non-ASCII literal: RE2, case-folded
      "re:mailbox (is )?full",                   // 6 optional group: atoms "mailbox ", "full"
      "re:spam|junk",                            // 7 top-level alternation: an atom each
      "re:code x{3}100",                         // 8 counted repetition: atom "code xxx100"
      "re:\\x41bc",                              // 9 hex escape: atom "abc"
      "re:[[:digit:]]xyz",                       // 10 POSIX class: atoms "0xyz" to "9xyz"
      "re:jkl|zz+w?",                            // 11 an alternative without atom: always run
      "re:(?i)(?:alpha|beta)(gamma)?",           // 12 flags, optional group: "alpha", "beta"
  });
  struct Case {
    const char* text;
    std::vector<int> want;
  } cases[] = {
      {"550 5.1.1 user unknown", {0, 1}},
      {"USER UNKNOWN", {0, 1}},  // the automaton folds ASCII case
      {"503 improper sequence of commands", {2}},
      {"sequence of commands", {}},  // part of an atom
      {"listed: b-url", {3}},
      {"listed: bb-url", {}},  // \b fails
      {"found a virus", {4}},
      {"BOÎTE PLEINE", {5}},
      {"mailbox is full and unknown", {1, 6}},
      {"mailbox full", {6}},
      {"this is junk", {7}},
      {"code xxx100", {8}},
      {"abc", {9}},
      {"7xyz", {10}},
      {"zzz", {11}},
      {"a beta", {12}},
      {"gamma", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(m.Match(c.text), c.want) << c.text;
  }
}

TEST(PhraseMatcher, ManyOverlappingLiterals) {
  // Failure links: "abcd" must be found after a partial "abcab".
  const PhraseMatcher m = Build({"abcab", "bca", "abcd", "cd", "d"});
  EXPECT_EQ(m.Match("xabcabcdx"), (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(m.Match("abcabcab"), (std::vector<int>{0, 1}));
}

// The automaton against a naive search: random literals over a small alphabet (so that
// prefixes, suffixes and failure chains are shared a lot) in random texts, upper case mixed in;
// occurrences across the middle of a long text are the ones the split must not lose.
TEST(PhraseMatcher, RandomLiteralsAgreeWithNaiveSearch) {
  std::mt19937 rng(20261123);
  const std::string alphabet = "abcAB ";
  auto random_string = [&](std::size_t min_len, std::size_t max_len) {
    std::string s(std::uniform_int_distribution<std::size_t>(min_len, max_len)(rng), ' ');
    for (char& c : s)
      c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    return s;
  };
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> patterns;
    const int count = std::uniform_int_distribution<int>(1, 40)(rng);
    for (int i = 0; i < count; ++i) patterns.push_back(random_string(1, 6));
    const PhraseMatcher m = Build(patterns);
    for (int t = 0; t < 20; ++t) {
      // Short texts, and long ones that are matched as two halves at once.
      const std::string text = t % 2 ? random_string(0, 60) : random_string(64, 400);
      std::vector<int> want;
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (lower(text).find(lower(patterns[i])) != std::string::npos)
          want.push_back(static_cast<int>(i));
      }
      ASSERT_EQ(m.Match(text), want) << "round " << round << " text '" << text << "'";
    }
  }
}

// Over 65535 nodes the transition table is not built and the sparse arrays match: 12000
// random 8-letter patterns make about 90000 nodes.
TEST(PhraseMatcher, LargeAutomatonAgreesWithNaiveSearch) {
  std::mt19937 rng(5);
  std::vector<std::string> patterns;
  for (int i = 0; i < 12000; ++i) {
    std::string p(8, 'a');
    for (char& c : p) c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 25)(rng));
    patterns.push_back(p);
  }
  const PhraseMatcher m = Build(patterns);
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += patterns[static_cast<std::size_t>(i * 37)].substr(i % 3) + " ";
  text += "XYZ" + patterns[11999];
  std::vector<int> want;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (text.find(patterns[i]) != std::string::npos) want.push_back(static_cast<int>(i));
  }
  EXPECT_GT(want.size(), 60u);
  EXPECT_EQ(m.Match(text), want);
}

TEST(PhraseMatcher, EmptyMatcherMatchesNothing) {
  PhraseMatcher m;
  std::string err;
  EXPECT_TRUE(m.Compile(&err));
  EXPECT_TRUE(m.empty());
  EXPECT_TRUE(m.Match("anything").empty());
}

TEST(PhraseMatcher, Validate) {
  std::string err;
  EXPECT_TRUE(PhraseMatcher::Validate("plain words", &err));
  EXPECT_TRUE(PhraseMatcher::Validate("re:a+b", &err));
  EXPECT_FALSE(PhraseMatcher::Validate("re:(unclosed", &err));
  EXPECT_NE(err.find("missing )"), std::string::npos) << err;
  EXPECT_FALSE(PhraseMatcher::Validate("bad \xFF byte", &err));
  PhraseMatcher m;
  EXPECT_FALSE(m.Add("re:[z-a]", 0, &err));
}

// Between the two: about 50000 nodes of 62 byte classes, more than the 128 KiB of table allowed,
// so only the shallow nodes (breadth-first) have a row of the transition table; deeper states
// step through their own edges and failure links until a node with a row answers. Patterns and
// texts are made of the same syllables, so a pattern often begins inside another's match: the
// failure links of deep nodes matter, as do the moves between both kinds of step.
TEST(PhraseMatcher, PartlyDenseAutomatonAgreesWithNaiveSearch) {
  std::mt19937 rng(20261206);
  const std::string symbols = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&*+-./:;<=>?@[]^_{|}~";
  auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::vector<std::string> syllables(300);
  for (std::string& y : syllables) {
    for (int i = 0; i < 3; ++i) y += symbols[pick(symbols.size())];
  }
  std::vector<std::string> patterns;
  for (int i = 0; i < 8000; ++i) {
    std::string p;
    for (std::size_t k = 2 + pick(4); k > 0; --k) p += syllables[pick(40 + i % 260)];
    patterns.push_back(p);
  }
  const PhraseMatcher m = Build(patterns);
  ASSERT_GT(m.automaton().dense, 1000u);
  ASSERT_LT(m.automaton().dense + 5000, m.automaton().node_count);
  for (int t = 0; t < 20; ++t) {
    std::string text;
    while (text.size() < 3000) {
      const std::string& y = syllables[pick(60)];
      for (char c : y)
        text += t % 2 && pick(4) == 0
                    ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                    : c;
    }
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<int> want;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (lower.find(patterns[i]) != std::string::npos) want.push_back(static_cast<int>(i));
    }
    EXPECT_GT(want.size(), 30u);
    ASSERT_EQ(m.Match(text), want) << "text " << t;
  }
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// test_rules.h: the embedded rule tables, loaded once per test binary, for every test that
// needs a RuleSet. A load failure is reported as a test failure and aborts (nothing else
// could run).

#ifndef BOUNCETOLK_TESTS_TESTING_TEST_RULES_H_
#define BOUNCETOLK_TESTS_TESTING_TEST_RULES_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bouncetolk/rules.h"

namespace bouncetolk {

/// The embedded rule tables.
inline const RuleSet& TestRules() {
  static const std::unique_ptr<const RuleSet> kRules = [] {
    std::vector<std::string> errors;
    auto rules = RuleSet::Load("", &errors);
    if (!rules) {
      for (const auto& e : errors) ADD_FAILURE() << e;
      std::abort();
    }
    return rules;
  }();
  return *kRules;
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_TESTS_TESTING_TEST_RULES_H_

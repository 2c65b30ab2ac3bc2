// SPDX-License-Identifier: MIT
//
// fuzz_regressions_test.cpp: every input a fuzz target (tests/fuzz/) found a crash with, run
// through the same path and checks as the target: Analyze(), then every renderer, with JSON
// that must parse. Most of these are undefined behaviour that only the sanitizer build
// (scripts/setup.sh --sanitize) turns into a failure, which is where CI runs them too.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bouncetolk/bouncetolk.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

const RuleSet& Rules() { return TestRules(); }

struct Found {
  const char* name;
  std::string input;
};

const Found kFound[] = {
    // analyze_fuzzer, 2026-11-23: an mbox "From " line and nothing else left an empty view with
    // a null data() for CountNestingMarkers, which passed it to memchr (UBSan: nonnull).
    {"from_line_only", "From IIIIIWI0"},
    {"from_line_only_newline", "From MAILER-DAEMON Thu Apr 29 23:45:32 2013\n"},
};

TEST(FuzzRegressionTest, AnalyzeAndRender) {
  for (const Found& f : kFound) {
    AnalyzeOptions options;
    options.max_mime_depth = 8;
    options.max_mime_parts = 64;
    const Report report = Analyze(f.input, Rules(), options);
    RenderOptions ro;
    for (Format format :
         {Format::kText, Format::kJson, Format::kJsonl, Format::kCsv, Format::kTsv}) {
      ro.format = format;
      const std::string out = Render(report, Rules(), ro);
      if (format == Format::kJson) {
        EXPECT_TRUE(nlohmann::json::accept(out)) << f.name;
      }
    }
  }
}

}  // namespace
}  // namespace bouncetolk

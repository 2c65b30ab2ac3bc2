// SPDX-License-Identifier: MIT
//
// analyze_fuzzer.cpp: libFuzzer target for the whole analysis of one message: Analyze() on
// arbitrary bytes, then every renderer and the suppression list. Checks that nothing crashes,
// that JSON, JSON Lines and Sisimai records parse (nlohmann) and that text output is valid UTF-8
// without a byte that could act on a terminal. Built only with -DBT_FUZZ=ON (clang); run with
// scripts/fuzz.sh analyze SECONDS.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/batch.h"
#include "bouncetolk/bouncetolk.h"
#include "fuzz_check.h"

namespace {

const bouncetolk::RuleSet& Rules() {
  static const auto rules = [] {
    std::vector<std::string> errors;
    auto r = bouncetolk::RuleSet::Load("", &errors);
    bouncetolk::fuzz::Check(r != nullptr, "embedded rules do not load");
    return r;
  }();
  return *rules;
}

void CheckJsonLines(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    bouncetolk::fuzz::Check(nlohmann::json::accept(line), "JSON Lines record is not valid JSON");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bouncetolk;
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  AnalyzeOptions options;
  // Small limits so the fuzzer also walks the "limit crossed" paths.
  options.max_mime_depth = 8;
  options.max_mime_parts = 64;
  options.max_recipients = 16;
  options.max_header_bytes = 4096;
  const Report report = Analyze(message, Rules(), options);

  RenderOptions ro;
  ro.file = "fuzz\x1b]0;title\x07.eml";
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    ro.lang = lang;
    ro.format = Format::kText;
    ro.color = false;
    fuzz::CheckTerminalSafe(Render(report, Rules(), ro), false);
  }
  ro.lang = Lang::kNl;
  ro.format = Format::kJson;
  fuzz::Check(nlohmann::json::accept(Render(report, Rules(), ro)),
              "JSON document is not valid JSON");
  ro.format = Format::kJsonl;
  CheckJsonLines(Render(report, Rules(), ro));
  ro.format = Format::kSisimai;
  CheckJsonLines(Render(report, Rules(), ro));
  // The suppression list, plain and CSV: addresses made terminal-safe whatever they hold.
  SuppressionList suppression;
  suppression.Add(report, ro.file);
  ro.format = Format::kText;
  fuzz::CheckTerminalSafe(RenderSuppression(suppression, ro), false);
  ro.format = Format::kCsv;
  fuzz::CheckTerminalSafe(RenderSuppression(suppression, ro), false, /*table=*/true);
  for (Format f : {Format::kCsv, Format::kTsv}) {
    ro.format = f;
    fuzz::CheckTerminalSafe(Render(report, Rules(), ro), false, /*table=*/true);
  }
  return 0;
}

// SPDX-License-Identifier: MIT
//
// diagnostics.cpp: see diagnostics.h. CLI11 words its errors in English in one sentence per
// error class; the class tells which of our messages to use, and the names and values are
// taken out of its sentence (the shapes of CLI11 2.1's Error.hpp). Anything not recognised is
// still reported, with CLI11's sentence as the detail.

#include "cli/diagnostics.h"

#include <cstdlib>
#include <memory>
#include <type_traits>

#include "bouncetolk/render.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace bouncetolk {
namespace {

Lang g_lang = Lang::kNl;
const RuleSet* g_rules = nullptr;

const RuleSet& Messages() {
  if (!g_rules) {
    // Only an error before the rules are loaded gets here: the embedded tables, kept to exit.
    std::vector<std::string> errors;
    static const std::unique_ptr<const RuleSet> embedded = RuleSet::Load("", &errors);
    g_rules = embedded.get();
  }
  return *g_rules;
}

std::string Line(std::string_view key, std::initializer_list<std::string_view> args) {
  return "bouncetolk: " + Msg(Messages(), g_lang, key, args) + "\n";
}

// \a text without \a prefix when it starts with it, else empty.
std::string_view After(std::string_view text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return {};
  return text.substr(prefix.size());
}

// Splits "A<sep>B" into A and B; false when \a sep is not in \a text.
bool SplitAt(std::string_view text, std::string_view sep, std::string_view* a,
             std::string_view* b) {
  const std::size_t at = text.find(sep);
  if (at == std::string_view::npos) return false;
  *a = text.substr(0, at);
  *b = text.substr(at + sep.size());
  return true;
}

}  // namespace

void ChooseLanguage(int argc, char** argv) {
  std::string flag;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) flag = argv[i + 1];
    if (a.substr(0, 7) == "--lang=") flag = std::string(a.substr(7));
  }
  if (flag == "en" || flag == "nl") {
    g_lang = flag == "en" ? Lang::kEn : Lang::kNl;
    return;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      g_lang = std::string_view(v).substr(0, 2) == "en" ? Lang::kEn : Lang::kNl;
      return;
    }
  }
  g_lang = Lang::kNl;
}

Lang UiLang() { return g_lang; }

void UseMessagesOf(const RuleSet& rules) { g_rules = &rules; }

void UsageError(std::string_view key, std::initializer_list<std::string_view> args) {
  WriteError(Line(key, args) + Line("usage.see_help", {}));
}

void Note(std::string_view key, std::initializer_list<std::string_view> args) {
  WriteError(Line(key, args));
}

void ReportUsageError(const CLI::ParseError& error) {
  // The class tells what happened (get_name() may hold the app's name instead).
  const std::string_view what = error.what();
  auto is = [&error](auto* type) {
    return dynamic_cast<std::remove_pointer_t<decltype(type)> const*>(&error) != nullptr;
  };
  std::string_view a, b;
  if (is((CLI::ExtrasError*)nullptr) && SplitAt(what, ": ", &a, &b))
    return UsageError("usage.extras", {b});
  if (is((CLI::ValidationError*)nullptr)) return UsageError("usage.invalid", {what});
  if (is((CLI::RequiresError*)nullptr) && SplitAt(what, " requires ", &a, &b))
    return UsageError("usage.requires", {a, b});
  if (is((CLI::ExcludesError*)nullptr) && SplitAt(what, " excludes ", &a, &b))
    return UsageError("usage.excludes", {a, b});
  if (is((CLI::RequiredError*)nullptr)) {
    if (what.find("subcommand") != std::string_view::npos || what == "A subcommand")
      return UsageError("usage.subcommand", {});
    if (SplitAt(what, " is required", &a, &b)) return UsageError("usage.required", {a});
  }
  if (is((CLI::ArgumentMismatch*)nullptr) && SplitAt(what, ":", &a, &b))
    return UsageError("usage.missing_value", {a});
  if (is((CLI::ConversionError*)nullptr) &&
      SplitAt(After(what, "Could not convert: "), " = ", &a, &b))
    return UsageError("usage.conversion", {a, b});
  UsageError("usage.other", {what});
}

CLI::Validator OneOf(std::vector<std::string> values) {
  std::string shown = "{";
  for (const auto& v : values) shown += (shown.size() > 1 ? "," : "") + v;
  shown += "}";
  return CLI::Validator(
      [values, shown](std::string& value) -> std::string {
        for (const auto& v : values)
          if (value == v) return {};
        return Msg(Messages(), g_lang, "usage.one_of", {value, shown.substr(1, shown.size() - 2)});
      },
      shown);
}

CLI::Validator InRange(long long lo, long long hi) {
  const std::string los = std::to_string(lo), his = std::to_string(hi);
  return CLI::Validator(
      [lo, hi, los, his](std::string& value) -> std::string {
        const bool digits = !value.empty() && value.size() < 19 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoll(value) < lo || std::stoll(value) > hi)
          return Msg(Messages(), g_lang, "usage.range", {value, los, his});
        return {};
      },
      "[" + los + " - " + his + "]");
}

int FinishOutput(int rc) {
  const int err = OutputError();
  if (err == 0) return rc;
  Note("output.write_failed", {SystemErrorText(Messages(), g_lang, err)});
  return kExitOutput;
}

}  // namespace bouncetolk

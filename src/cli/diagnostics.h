// SPDX-License-Identifier: MIT
//
// diagnostics.h: what the command line says on standard error, in the language of the run
// (--lang, else the environment, else Dutch) and always starting "bouncetolk: ": usage errors
// (CLI11's own put into words from data/text/<lang>/messages.tsv), notes and hints, and the
// error that ends a run whose output could not be written. Also the value checks of the
// options, which word their complaints the same way.

#ifndef BOUNCETOLK_CLI_DIAGNOSTICS_H_
#define BOUNCETOLK_CLI_DIAGNOSTICS_H_

#include <CLI/CLI.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/rules.h"

namespace bouncetolk {

/// Decides the language from --lang in \a argv (looked for before CLI11 parses, so that its
/// errors can be given in it), else LC_ALL / LC_MESSAGES / LANG, else Dutch.
void ChooseLanguage(int argc, char** argv);
/// The language chosen.
Lang UiLang();

/// From now on messages come from \a rules (a --rules overlay may reword them); before this,
/// from the embedded tables.
void UseMessagesOf(const RuleSet& rules);

/// "bouncetolk: <message \a key>" and the pointer to --help, on standard error.
void UsageError(std::string_view key, std::initializer_list<std::string_view> args);
/// A CLI11 parse error, in words of the chosen language.
void ReportUsageError(const CLI::ParseError& error);
/// "bouncetolk: <message \a key>" on standard error.
void Note(std::string_view key, std::initializer_list<std::string_view> args);

/// Accepts exactly one of \a values (shown in --help as {a,b,c}).
CLI::Validator OneOf(std::vector<std::string> values);
/// Accepts a whole number from \a lo to \a hi (shown in --help as [lo - hi]).
CLI::Validator InRange(long long lo, long long hi);

/// The exit status of the run: \a rc, or kExitOutput after saying why when writing standard
/// output failed (not for a reader that went away).
int FinishOutput(int rc);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_DIAGNOSTICS_H_

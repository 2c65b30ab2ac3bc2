// SPDX-License-Identifier: MIT
//
// retry_period.cpp: see retry_period.h. Two case-insensitive searches of the text; the number
// after a lead-in is read with at most six digits, so no sum can overflow.

#include "smtp/retry_period.h"

#include "common/text.h"

namespace bouncetolk {
namespace {
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

std::int64_t RetryPeriodSeconds(std::string_view text) {
  static constexpr std::string_view kLeadIns[] = {"will be retried for ",
                                                  "keep trying to deliver this message for "};
  for (const std::string_view lead : kLeadIns) {
    const std::size_t at = FindIgnoreCase(text, lead);
    if (at == std::string_view::npos) continue;
    std::string_view rest = text.substr(at + lead.size(), 120);
    std::int64_t total = 0;
    // A list of "<number> [more] <unit>" joined by blanks, commas and "and"; "the next" first.
    while (true) {
      while (!rest.empty() && (IsSpace(rest[0]) || rest[0] == ',')) rest.remove_prefix(1);
      for (const std::string_view filler : {"the next ", "and ", "another "}) {
        if (StartsWithIgnoreCase(rest, filler)) rest.remove_prefix(filler.size());
      }
      std::size_t digits = 0;
      while (digits < rest.size() && digits < 6 && IsDigit(rest[digits])) ++digits;
      if (digits == 0) break;
      std::int64_t n = 0;
      for (std::size_t i = 0; i < digits; ++i) n = n * 10 + (rest[i] - '0');
      rest.remove_prefix(digits);
      while (!rest.empty() && IsSpace(rest[0])) rest.remove_prefix(1);
      if (StartsWithIgnoreCase(rest, "more ")) rest.remove_prefix(5);
      std::int64_t unit = 0;
      if (StartsWithIgnoreCase(rest, "day")) unit = 86400;
      if (StartsWithIgnoreCase(rest, "hour")) unit = 3600;
      if (StartsWithIgnoreCase(rest, "minute")) unit = 60;
      if (unit == 0) break;
      total += n * unit;
      // The rest of the unit word: "days", "day(s)", "hours".
      while (!rest.empty() && (IsAsciiLetter(rest[0]) || rest[0] == '(' || rest[0] == ')'))
        rest.remove_prefix(1);
    }
    if (total > 0) return total;
  }
  return 0;
}

}  // namespace bouncetolk

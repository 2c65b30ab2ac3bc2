// SPDX-License-Identifier: MIT
//
// re2_options.h: how bouncetolk compiles every regular expression it runs on message text (the
// "re:" phrase patterns, regex_atoms.cpp, and the vendor readers' capture patterns,
// capture_pattern.cpp): RE2, so matching is linear in the text whatever the pattern; case
// insensitive; UTF-8; errors returned, never logged. Included only by those two files.

#ifndef BOUNCETOLK_RULES_RE2_OPTIONS_H_
#define BOUNCETOLK_RULES_RE2_OPTIONS_H_

#include <re2/re2.h>

namespace bouncetolk {

inline RE2::Options MatcherOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  o.set_max_mem(256 << 20);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_RE2_OPTIONS_H_

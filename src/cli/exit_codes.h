// SPDX-License-Identifier: MIT
//
// exit_codes.h: the exit status of bouncetolk. Helpdesk scripts depend on these numbers; they
// are listed in --help and in the README and never change meaning.

#ifndef BOUNCETOLK_CLI_EXIT_CODES_H_
#define BOUNCETOLK_CLI_EXIT_CODES_H_

namespace bouncetolk {

enum ExitCode {
  kExitOk = 0,  ///< a bounce (or other report) was read and explained; batch: all inputs read
  kExitNotBounce = 1,   ///< readable, but no delivery report in it; explain: nothing matched
  kExitUsage = 2,       ///< wrong options or arguments
  kExitUnreadable = 3,  ///< an input could not be read (batch: the others were still processed)
  kExitOutput = 4,      ///< standard output could not be written (not: its reader went away)
};
// Interrupted by SIGINT or SIGTERM, the program ends killed by that signal (the shell shows
// 130 or 143), after whole records only (output.h).

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_EXIT_CODES_H_

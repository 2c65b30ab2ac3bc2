// SPDX-License-Identifier: MIT
//
// scan_command.h: running bouncetolk over its inputs (one file, standard input, or a batch of
// Maildirs, mbox files and directories) with the library's Scan() (scan.h): records to stdout,
// the text of unreadable inputs, the progress line and notes to stderr, and the exit code.

#ifndef BOUNCETOLK_CLI_SCAN_COMMAND_H_
#define BOUNCETOLK_CLI_SCAN_COMMAND_H_

#include <string>

#include "bouncetolk/rules.h"
#include "bouncetolk/scan.h"

namespace bouncetolk {

/// The scan as the command line asks for it.
struct ScanCommand {
  ScanOptions scan;        ///< what to read and print (count_total is set here)
  bool quiet = false;      ///< no progress line, no notes on stderr
  std::string since_text;  ///< --since as the user wrote it, for the note on older bounces
};

/// Reads, analyses and prints everything; returns kExitOk, kExitNotBounce (a single plain
/// input that is not a bounce), kExitUnreadable (some input could not be read) or, when a
/// SIGINT or SIGTERM stopped it, 128 + the signal.
int RunScan(ScanCommand command, const RuleSet& rules);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_SCAN_COMMAND_H_

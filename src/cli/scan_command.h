// SPDX-License-Identifier: MIT
//
// scan_command.h: running bouncetolk over its inputs: one file, standard input, or a batch of
// Maildirs, mbox files and directories. Messages are analysed by a pool of worker threads and
// written in input order; the summary table, the suppression list and the progress line are
// built here from library calls. Returns an exit code (exit_codes.h).

#ifndef BOUNCETOLK_CLI_SCAN_COMMAND_H_
#define BOUNCETOLK_CLI_SCAN_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/render.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {

/// What to read and what to print.
struct ScanOptions {
  std::vector<std::string> inputs;    ///< paths; empty (and no files_from): standard input
  std::string files_from;             ///< list of paths, one a line ("-": standard input)
  bool null_separated = false;        ///< files_from names end in NUL (find -print0)
  bool recursive = false;             ///< descend into subdirectories
  bool example = false;               ///< read the built-in example bounce first
  int jobs = 0;                       ///< worker threads; 0: one per available CPU
  bool quiet = false;                 ///< no progress line, no notes on stderr
  bool summary = false;               ///< print the summary table instead of the records
  bool suppress = false;              ///< print the hard-bounced addresses instead of the records
  bool reply = false;                 ///< per bounce, a ready-to-send reply to the customer
  std::optional<std::int64_t> since;  ///< with suppress: only bounces dated from then on
  std::string since_text;             ///< since as the user wrote it, for messages
  RenderOptions render;               ///< format, language, colour
  AnalyzeOptions analyze;             ///< safety limits (--max-size, --max-depth, ...)
};

/// Reads, analyses and prints everything; returns kExitOk, kExitNotBounce (a single plain
/// input that is not a bounce) or kExitUnreadable (some input could not be read).
int RunScan(const ScanOptions& options, const RuleSet& rules);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_SCAN_COMMAND_H_

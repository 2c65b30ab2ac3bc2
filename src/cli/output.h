// SPDX-License-Identifier: MIT
//
// output.h: whole writes for the command line. A batch is often piped into head, into a
// consumer shared with other writers (xargs -P, GNU parallel), or interrupted with Ctrl-C;
// whatever reached the reader must then be complete records.
//  - Standard output is written with write(2), no stdio buffer in between. To a pipe or a
//    socket the bytes go in pieces of whole lines of at most PIPE_BUF (4096) bytes, which the
//    kernel writes atomically: other writers to the same pipe cannot tear a record apart
//    unless one line is longer than that. To a file or a terminal, one write per batch.
//  - SIGPIPE is ignored: a reader that went away is a failed write with EPIPE, a quiet stop.
//    Any other failed write (a full disk, a closed standard output) is remembered and becomes
//    an error message and exit status 4 at the end (OutputError()).
//  - SIGINT/SIGTERM end the program between writes, never inside one. Between writes the
//    handler erases the progress line, restores the default action and raises the signal
//    again, so that a calling shell sees "killed by SIGINT" and stops its loop. A signal that
//    arrives during a write is only recorded (StopSignal()); the program stops after that
//    write, at a record boundary, and ReraiseStopSignal() does the same then. A signal that
//    was ignored when the program started (a background job of a script) stays ignored.

#ifndef BOUNCETOLK_CLI_OUTPUT_H_
#define BOUNCETOLK_CLI_OUTPUT_H_

#include <string_view>

namespace bouncetolk {

/// Makes sure descriptors 0-2 are open (a closed one would otherwise be reused by the first
/// file opened, and records written into it) and installs the signal handling described
/// above. Call once, first thing in main().
void InstallOutputSignals();

/// Writes \a records (whole records, each ending in \a record_end) to standard output. Returns
/// false when standard output is gone (EPIPE) or failed; later calls then write nothing.
bool WriteRecords(std::string_view records, std::string_view record_end = "\n");

/// Writes \a text to standard error, as one write for the signal handling.
void WriteError(std::string_view text);

/// Tells the signal handler whether a progress line is on the screen (standard error), so
/// that an interrupt erases it.
void SetProgressLineShown(bool shown);

/// The SIGINT or SIGTERM that arrived during a write, or 0: the program is to stop.
int StopSignal();

/// When StopSignal() is set: restores the signal's default action and raises it, so that the
/// process ends killed by that signal. Returns (128 + the signal) only if that did not end it.
int ReraiseStopSignal();

/// The errno of the first failed write to standard output other than EPIPE, or 0.
int OutputError();

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_OUTPUT_H_

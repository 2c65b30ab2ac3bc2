// SPDX-License-Identifier: MIT
//
// output.h: whole writes for the command line. A batch is often piped into head or
// interrupted with Ctrl-C; whatever reached the reader must then be complete records. Every
// write hands its bytes to the stream and flushes them at once, SIGPIPE is ignored so a closed
// reader shows up as a failed write (the scan then stops quietly), and SIGINT/SIGTERM end the
// program between writes, never inside one: between writes the handler ends the program at
// once; a signal that arrives during a write is only recorded (StopSignal()), and the program
// stops after that write, at a record boundary, with exit status 128 + signal.

#ifndef BOUNCETOLK_CLI_OUTPUT_H_
#define BOUNCETOLK_CLI_OUTPUT_H_

#include <string_view>

namespace bouncetolk {

/// Installs the signal handling described above. Call once, before the first write.
void InstallOutputSignals();

/// Writes \a record to stdout and flushes it. Returns false when stdout is gone (EPIPE) or
/// failed; later calls then write nothing.
bool WriteRecord(std::string_view record);

/// Writes \a text to stderr (unbuffered), as one write for the signal handling.
void WriteError(std::string_view text);

/// The SIGINT or SIGTERM that arrived during a write, or 0: the program is to stop.
int StopSignal();

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_OUTPUT_H_

// SPDX-License-Identifier: MIT
//
// output.h: whole-record output for the command line. A batch is often piped into head or
// interrupted with Ctrl-C; whatever reached the reader must then be complete records. Each
// record is handed to stdout and flushed at once, SIGPIPE is ignored so a closed reader shows
// up as a failed write (the batch then stops quietly), and SIGINT/SIGTERM end the program
// between records, never inside one.

#ifndef BOUNCETOLK_CLI_OUTPUT_H_
#define BOUNCETOLK_CLI_OUTPUT_H_

#include <string_view>

namespace bouncetolk {

/// Installs the signal handling described above. Call once, before the first record.
void InstallOutputSignals();

/// Writes \a record to stdout and flushes it. A SIGINT or SIGTERM that arrives meanwhile takes
/// effect right after (exit status 128 + signal). Returns false when stdout is gone (EPIPE) or
/// failed; later calls then write nothing.
bool WriteRecord(std::string_view record);

/// True once a write to stdout has failed: the caller stops its batch.
bool OutputClosed();

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_OUTPUT_H_

// SPDX-License-Identifier: MIT
//
// output.h: whole-record output for batches. A batch is often piped into head or interrupted
// with Ctrl-C; whatever reached the reader must then be complete records. Records are
// collected in one buffer and written out only up to a record boundary (at once on a
// terminal, in chunks of kFlushBytes otherwise). SIGPIPE is ignored, so a closed reader shows
// up as a failed write, after which the program exits quietly with status 0. SIGINT and
// SIGTERM write out the records already complete and exit with 128 + signal; one that arrives
// while a record is being added or written takes effect right after. Safe with the batch's
// worker threads: a signal may land on any of them.

#ifndef BOUNCETOLK_CLI_OUTPUT_H_
#define BOUNCETOLK_CLI_OUTPUT_H_

#include <cstddef>
#include <string_view>

namespace bouncetolk {

/// Records are written out once this many bytes are waiting (stdout not a terminal).
inline constexpr std::size_t kFlushBytes = 256u << 10;

/// Installs the signal handling described above. Call once, before any thread starts.
void InstallOutputSignals();

/// Adds one complete record for stdout. Call from one thread only (the batch writer).
void WriteRecord(std::string_view record);

/// Writes out every record added so far (at the end of a batch).
void FlushRecords();

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLI_OUTPUT_H_

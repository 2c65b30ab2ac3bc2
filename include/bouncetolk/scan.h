// SPDX-License-Identifier: MIT
//
// scan.h: reading, analysing and rendering many messages. Scan() reads the messages of its
// inputs (source.h), analyses and renders them on a pool of worker threads, and hands the
// records to a RecordSink strictly in input order, whatever the number of threads; or, in
// summary and suppress mode, counts them (batch.h) and hands over the table or the address
// list at the end. Memory stays flat however many messages there are. Nothing here prints:
// the sink decides where the bytes go, and may stop the scan at any record boundary.

#ifndef BOUNCETOLK_SCAN_H_
#define BOUNCETOLK_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/render.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {

/// How files and standard input are read.
enum class InputFormat {
  kMail,       ///< a message, or an mbox of messages (Maildirs and directories as always)
  kJsonLines,  ///< one {"id": ..., "raw": "<message>"} a line (DecodeJsonLine(), source.h)
};

/// What to read and what to make of it.
struct ScanOptions {
  std::vector<std::string> inputs;  ///< paths; empty (and no files_from): standard input
  std::string files_from;           ///< list of paths, one a line ("-": standard input)
  bool null_separated = false;      ///< files_from names end in NUL (find -print0)
  bool recursive = false;           ///< descend into subdirectories
  InputFormat input_format = InputFormat::kMail;
  std::string stdin_label;            ///< the name of standard input in records; empty: "-"
  bool example = false;               ///< read the built-in example bounce first
  int jobs = 0;                       ///< worker threads; 0: one per available CPU
  bool summary = false;               ///< the summary table instead of the records
  bool suppress = false;              ///< the hard-bounced addresses instead of the records
  bool reply = false;                 ///< per bounce, a ready-to-send reply to the customer
  std::optional<std::int64_t> since;  ///< with suppress: only bounces dated from then on
  /// Count the messages of the inputs in a walk of their own, so that ScanProgress::total
  /// becomes known (not for standard input).
  bool count_total = false;
  RenderOptions render;    ///< format, language, colour, width
  AnalyzeOptions analyze;  ///< safety limits (--max-size, --max-depth, ...)
};

/// How far a scan is, handed to RecordSink::Progress().
struct ScanProgress {
  std::uint64_t done = 0;              ///< messages whose records were delivered
  std::optional<std::uint64_t> total;  ///< all messages, once the counting walk is done
};

/// Where a scan's output goes. Scan() calls it from one thread (its caller's), in input order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  /// Takes output bytes: the header row (csv, tsv), a message's record (in text format with
  /// the blank line that separates it from the one before), the summary table or the address
  /// list. They are to be held until Flush().
  virtual void Add(std::string_view bytes) = 0;
  /// Takes the text-format message of an unreadable input. It belongs with the errors (the
  /// command line writes it to standard error at once), not among the records.
  virtual void AddError(std::string_view message) = 0;
  /// Writes out what Add() took since the last Flush(). Called at record boundaries only:
  /// after every batch of messages (up to 64) and at the end. False when the output is gone or
  /// failed: the scan then stops reading (ScanResult::output_failed).
  virtual bool Flush() = 0;
  /// Asked at the record boundaries: before and after each batch's Flush(), and after the
  /// last one. True ends the scan there (ScanResult::stopped); the summary or address list is
  /// then left out. For a signal handler's flag.
  virtual bool StopRequested() { return false; }
  /// After each batch's Flush().
  virtual void Progress(const ScanProgress& /*progress*/) {}
};

/// How long a batch waits for more input from a stream before it goes out as it is.
inline constexpr int kStreamIdleMilliseconds = 100;

/// What a scan came to.
struct ScanResult {
  /// Messages handed to the sink (those of a batch whose Flush() failed included).
  std::uint64_t messages = 0;
  std::uint64_t unreadable = 0;   ///< of which MessageKind::kUnreadable
  std::uint64_t not_bounces = 0;  ///< of which MessageKind::kNotABounce
  /// More than one message could come: several inputs (the example counts), a files_from
  /// list, or a directory. False for one plain file or standard input.
  bool batch = false;
  bool complete = false;       ///< every message was delivered: the scan reached the end
  bool stopped = false;        ///< RecordSink::StopRequested() ended it
  bool output_failed = false;  ///< a RecordSink::Flush() failed (then not complete, unless it
                               ///< was the final one with the summary or address list)
  std::uint64_t too_old = 0;   ///< suppress: hard bounces older than since, left out
  std::size_t skipped_directories = 0;         ///< subdirectories passed over (recursive off)
  std::vector<std::string> empty_directories;  ///< input directories without any message
};

/// Reads, analyses and renders every message of \a options' inputs into \a sink. An input
/// that cannot be read becomes its message's error record, never an exception; a message
/// whose analysis throws (memory running out on a monster) too. Up to 64 messages (1 MiB)
/// make a batch; at most 2 * jobs + 2 batches and 64 MiB are in flight. A batch read from a
/// stream (standard input, a pipe) also ends when no more input has come for kStreamIdle
/// after its first message, so that a live stream's records go out at once. A run that fits
/// in one batch is done in the calling thread, without starting any.
ScanResult Scan(const ScanOptions& options, const RuleSet& rules, RecordSink* sink);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SCAN_H_

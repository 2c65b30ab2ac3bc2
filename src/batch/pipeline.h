// SPDX-License-Identifier: MIT
//
// pipeline.h: the shared state of a threaded Scan() (scan.h). Three roles share one mutex:
//   reader  (one thread)  packs messages into numbered batches and Push()es them;
//   workers (N threads)   TakeWork(), analyse and render a whole batch, Finish() it;
//   writer  (the caller)  TakeNextDone() strictly in sequence order (a reorder map).
// The reader waits while 2N+2 batches or 64 MiB are in flight, so memory stays flat however
// many messages there are. Batching keeps locking and wake-ups rare at tens of thousands of
// messages a second. Cancel() ends all three early (output gone, stop requested).

#ifndef BOUNCETOLK_BATCH_PIPELINE_H_
#define BOUNCETOLK_BATCH_PIPELINE_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bouncetolk/report.h"
#include "bouncetolk/source.h"

namespace bouncetolk {

/// Up to this many messages make a batch...
inline constexpr std::size_t kBatchMessages = 64;
/// ...unless their bytes reach this first.
inline constexpr std::size_t kBatchBytes = 1u << 20;
/// The reader waits while the batches in flight hold this many bytes (but one always fits).
inline constexpr std::size_t kMaxBytesInFlight = 64u << 20;

/// What one message became.
struct ScannedMessage {
  std::string text;       ///< its rendering (empty in summary and suppress modes)
  bool is_error = false;  ///< text output of an unreadable input: for the error stream
  MessageKind kind = MessageKind::kNotABounce;
  Report report;     ///< kept only for the summary or the suppression list
  std::string name;  ///< the input's name, kept with the report
};

/// Messages in input order, read as one piece of work.
struct Batch {
  std::uint64_t seq = 0;  ///< its place in input order, from 0
  std::size_t bytes = 0;  ///< of the inputs, while they are held
  std::vector<InputMessage> inputs;
  std::vector<ScannedMessage> results;  ///< one per input, once processed
};

/// See the file comment.
class Pipeline {
 public:
  explicit Pipeline(int workers) : window_(static_cast<std::size_t>(2 * workers + 2)) {}

  /// Reader: waits until there is room in the window, then queues \a batch. False (and the
  /// batch dropped) once Cancel() was called.
  bool Push(std::unique_ptr<Batch> batch);
  /// Reader: no more batches; \a batches were pushed in all.
  void CloseInput(std::uint64_t batches);
  /// Worker: the next batch to process; nullptr when there is no more or after Cancel().
  std::unique_ptr<Batch> TakeWork();
  /// Worker: \a batch is processed.
  void Finish(std::unique_ptr<Batch> batch);
  /// Writer: the batch after the last one taken, in order; nullptr after the last.
  std::unique_ptr<Batch> TakeNextDone();
  /// Writer: stop; the reader and the workers return as soon as their batch in hand is done.
  void Cancel();

 private:
  const std::size_t window_;
  std::mutex mu_;
  std::condition_variable room_cv_, work_cv_, done_cv_;
  std::deque<std::unique_ptr<Batch>> queue_;
  std::map<std::uint64_t, std::unique_ptr<Batch>> done_;
  std::size_t in_flight_ = 0;
  std::size_t bytes_in_flight_ = 0;
  std::uint64_t next_ = 0;
  std::uint64_t total_batches_ = 0;
  bool input_closed_ = false;
  bool cancelled_ = false;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_BATCH_PIPELINE_H_

// SPDX-License-Identifier: MIT
//
// scan_command.cpp: RunScan() (scan_command.h). Three roles share one mutex:
//   reader  (one thread)  pulls messages from the MessageSource and packs them into batches;
//   workers (N threads)   Analyze() and Render() whole batches;
//   writer  (this thread) takes finished batches strictly in input order and writes them.
// The number of batches in flight is bounded (and their bytes), so memory stays flat however
// many messages there are, and the output is the same for any -j. Batching (up to
// kBatchMessages messages) keeps locking and wake-ups rare at tens of thousands of messages/s.
// A run that fits in one batch (a single bounce) is done in this thread, without any threads.

#include "cli/scan_command.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "bouncetolk/batch.h"
#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/source.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "render/messages.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kBatchMessages = 64;
constexpr std::size_t kBatchBytes = 1u << 20;
constexpr std::size_t kMaxBytesInFlight = 64u << 20;

// What one message became.
struct Result {
  std::string text;        // its rendering (empty in summary and suppress modes)
  bool to_stderr = false;  // text output of an unreadable input goes to stderr
  MessageKind kind = MessageKind::kNotABounce;
  Report report;  // kept only for the summary or the suppression list
};

struct Batch {
  std::uint64_t seq = 0;
  std::size_t bytes = 0;
  std::vector<InputMessage> inputs;
  std::vector<Result> results;
};

int AvailableCpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

// The shared state of reader, workers and writer.
class Pipeline {
 public:
  explicit Pipeline(int workers) : window_(static_cast<std::size_t>(2 * workers + 2)) {}

  // Reader: waits until there is room in the window, then queues \a batch.
  void Push(std::unique_ptr<Batch> batch) {
    std::unique_lock<std::mutex> lock(mu_);
    room_cv_.wait(lock, [&] {
      return in_flight_ == 0 ||
             (in_flight_ < window_ && bytes_in_flight_ + batch->bytes <= kMaxBytesInFlight);
    });
    ++in_flight_;
    bytes_in_flight_ += batch->bytes;
    queue_.push_back(std::move(batch));
    work_cv_.notify_one();
  }
  void CloseInput(std::uint64_t batches) {
    std::lock_guard<std::mutex> lock(mu_);
    input_closed_ = true;
    total_batches_ = batches;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }
  // Worker: the next batch to process, or nullptr when there is no more.
  std::unique_ptr<Batch> TakeWork() {
    std::unique_lock<std::mutex> lock(mu_);
    work_cv_.wait(lock, [&] { return !queue_.empty() || input_closed_; });
    if (queue_.empty()) return nullptr;
    std::unique_ptr<Batch> b = std::move(queue_.front());
    queue_.pop_front();
    return b;
  }
  void Finish(std::unique_ptr<Batch> batch) {
    std::lock_guard<std::mutex> lock(mu_);
    const std::uint64_t seq = batch->seq;
    done_.emplace(seq, std::move(batch));
    if (seq == next_) done_cv_.notify_one();
  }
  // Writer: the batch after the last one taken, in order; nullptr after the last.
  std::unique_ptr<Batch> TakeNextDone() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(
        lock, [&] { return done_.count(next_) > 0 || (input_closed_ && next_ == total_batches_); });
    auto it = done_.find(next_);
    if (it == done_.end()) return nullptr;
    std::unique_ptr<Batch> b = std::move(it->second);
    done_.erase(it);
    ++next_;
    --in_flight_;
    bytes_in_flight_ -= b->bytes;
    room_cv_.notify_one();
    return b;
  }

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
};

// The progress line on stderr: done/total, rate, elapsed, time left. Redrawn at most four
// times a second; the total comes from a counting walk in its own thread.
class Progress {
 public:
  Progress(bool enabled, const ScanOptions& o, const RuleSet& rules)
      : enabled_(enabled), rules_(rules), lang_(o.render.lang) {
    if (!enabled_) return;
    SourceOptions so;
    so.recursive = o.recursive;
    so.max_message_bytes = o.analyze.max_message_bytes;
    so.files_from = o.files_from;
    so.null_separated = o.null_separated;
    std::vector<std::string> inputs = o.inputs;
    counter_ = std::thread([this, inputs, so] {
      const auto n = CountMessages(inputs, so);
      total_.store(n ? static_cast<long long>(*n) : -2);
    });
  }
  ~Progress() {
    if (counter_.joinable()) counter_.join();
  }
  void Update(std::uint64_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    const long long total = total_.load();
    std::string line;
    if (total >= 0 && static_cast<std::uint64_t>(total) >= done) {
      const double left =
          rate > 0 ? static_cast<double>(static_cast<std::uint64_t>(total) - done) / rate : 0;
      line = Msg(rules_, lang_, "progress.total",
                 {std::to_string(done), std::to_string(total),
                  std::to_string(static_cast<long long>(rate)), Clock(secs), Clock(left)});
    } else {
      line = Msg(rules_, lang_, "progress.count",
                 {std::to_string(done), std::to_string(static_cast<long long>(rate)), Clock(secs)});
    }
    std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  // Removes the line (before other stderr output and at the end).
  void Clear() {
    if (!shown_) return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    shown_ = false;
    last_ = {};
  }

 private:
  static std::string Clock(double secs) {
    const long long s = static_cast<long long>(secs + 0.5);
    char buf[32];
    if (s >= 3600)
      std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else
      std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    return buf;
  }
  const bool enabled_;
  const RuleSet& rules_;
  const Lang lang_;
  std::atomic<long long> total_{-1};
  std::thread counter_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

// Analyses and renders every message of \a batch in place.
void ProcessBatch(Batch* batch, const ScanOptions& o, const RuleSet& rules) {
  const bool keep_report = o.summary || o.suppress;
  const AnalyzeOptions& ao = o.analyze;
  RenderOptions ro = o.render;
  batch->results.resize(batch->inputs.size());
  for (std::size_t i = 0; i < batch->inputs.size(); ++i) {
    InputMessage& in = batch->inputs[i];
    Result& res = batch->results[i];
    Report report;
    if (in.error) {
      report.kind = MessageKind::kUnreadable;
      report.problems.push_back(*in.error);
    } else {
      // One message's failure (a bug, or memory running out on a monster) must not stop the
      // batch: it becomes that message's error record.
      try {
        report = Analyze(in.bytes, rules, ao);
      } catch (const std::exception& e) {
        report = Report();
        report.kind = MessageKind::kUnreadable;
        report.problems.push_back(Problem{ErrorCode::kInternal, e.what()});
      }
    }
    std::string().swap(in.bytes);
    res.kind = report.kind;
    if (!keep_report) {
      ro.file = std::move(in.name);
      res.text = o.reply && !report.recipients.empty() ? RenderReply(report, rules, ro.lang)
                                                       : Render(report, rules, ro);
      res.to_stderr = ro.format == Format::kText && report.kind == MessageKind::kUnreadable;
    } else {
      res.report = std::move(report);
    }
  }
}

// Packs the messages of the source (after the example, if asked) into batches, numbered in
// input order.
class BatchReader {
 public:
  BatchReader(MessageSource* source, bool example) : source_(source), example_(example) {}

  // The next batch, or nullptr when the source is done.
  std::unique_ptr<Batch> Next() {
    auto batch = std::make_unique<Batch>();
    if (example_) {
      example_ = false;
      batch->inputs.push_back(
          InputMessage{"voorbeeld.eml", std::string(ExampleBounce()), std::nullopt});
    }
    InputMessage in;
    while (batch->inputs.size() < kBatchMessages && batch->bytes < kBatchBytes &&
           source_->Next(&in)) {
      batch->bytes += in.bytes.size();
      batch->inputs.push_back(std::move(in));
      in = InputMessage();
    }
    if (batch->inputs.empty()) return nullptr;
    batch->seq = count_++;
    return batch;
  }
  std::uint64_t count() const { return count_; }

 private:
  MessageSource* source_;
  bool example_;
  std::uint64_t count_ = 0;
};

// Everything the writer does with finished batches, in input order: records to stdout (text
// errors to stderr), counts for the exit code, the summary and the suppression list.
class Output {
 public:
  Output(const ScanOptions& o, const RuleSet& rules, Progress* progress)
      : o_(o),
        rules_(rules),
        progress_(progress),
        records_(!o.summary && !o.suppress),
        suppression_(o.since) {
    if (records_) WriteRecord(RenderHeader(o.render));
  }

  // Records of one batch go out in one write, so an interrupted run or a reader that goes
  // away (| head) only ever sees whole records (output.h). When the reader is gone, the run
  // ends quietly with the status of what was read.
  void Consume(Batch& b) {
    // Records for a terminal must not run into the progress line on the same screen.
    if (records_ && stdout_is_terminal_) progress_->Clear();
    std::string chunk;
    for (Result& r : b.results) {
      ++total_;
      if (r.kind == MessageKind::kUnreadable) ++unreadable_;
      if (r.kind == MessageKind::kNotABounce) ++not_bounces_;
      if (o_.summary) summary_.Add(r.report);
      if (o_.suppress) suppression_.Add(r.report);
      if (!records_) continue;
      if (r.to_stderr) {
        progress_->Clear();
        WriteOut(r.text, stderr);
        continue;
      }
      if (o_.render.format == Format::kText && wrote_record_) chunk += '\n';  // between text blocks
      wrote_record_ = true;
      chunk += r.text;
    }
    if (!chunk.empty() && !WriteRecord(chunk)) {
      progress_->Clear();
      std::fflush(stderr);
      ::_exit(unreadable_ > 0 ? kExitUnreadable : kExitOk);
    }
    progress_->Update(total_);
  }

  // The summary or the suppression list, then notes on stderr.
  void Finish(const MessageSource& source) {
    progress_->Clear();
    std::string tail;
    if (o_.summary) tail = RenderSummary(summary_, rules_, o_.render);
    for (const std::string& a : suppression_.addresses()) {
      tail += a;
      tail += '\n';
    }
    if (!tail.empty()) WriteRecord(tail);
    std::fflush(stdout);
    if (o_.quiet) return;
    if (suppression_.too_old() > 0)
      Note("batch.suppress_too_old", {std::to_string(suppression_.too_old()), o_.since_text});
    if (source.skipped_directories() > 0)
      Note("batch.skipped_dirs", {std::to_string(source.skipped_directories())});
  }

  std::uint64_t total() const { return total_; }
  std::uint64_t unreadable() const { return unreadable_; }
  std::uint64_t not_bounces() const { return not_bounces_; }

 private:
  static void WriteOut(std::string_view s, std::FILE* f) { std::fwrite(s.data(), 1, s.size(), f); }
  void Note(std::string_view key, std::initializer_list<std::string_view> args) {
    std::fprintf(stderr, "%s\n", Msg(rules_, o_.render.lang, key, args).c_str());
  }

  const ScanOptions& o_;
  const RuleSet& rules_;
  Progress* progress_;
  const bool records_;
  const bool stdout_is_terminal_ = ::isatty(1);
  BatchSummary summary_;
  SuppressionList suppression_;
  std::uint64_t total_ = 0, unreadable_ = 0, not_bounces_ = 0;
  bool wrote_record_ = false;
};

// Analyses every batch and hands it to \a out in input order. A run of one batch (one file, a
// small directory) is done right here: starting threads would cost more than the work.
void RunBatches(BatchReader* batches, const ScanOptions& o, const RuleSet& rules, Output* out) {
  std::unique_ptr<Batch> first = batches->Next();
  if (!first) return;
  std::unique_ptr<Batch> second = batches->Next();
  if (!second) {
    ProcessBatch(first.get(), o, rules);
    out->Consume(*first);
    return;
  }
  const int workers = o.jobs > 0 ? o.jobs : AvailableCpus();
  Pipeline pipe(workers);
  std::thread reader([&] {
    pipe.Push(std::move(first));
    pipe.Push(std::move(second));
    while (std::unique_ptr<Batch> b = batches->Next()) pipe.Push(std::move(b));
    pipe.CloseInput(batches->count());
  });
  std::vector<std::thread> pool;
  for (int i = 0; i < workers; ++i) {
    pool.emplace_back([&] {
      while (std::unique_ptr<Batch> b = pipe.TakeWork()) {
        ProcessBatch(b.get(), o, rules);
        pipe.Finish(std::move(b));
      }
    });
  }
  while (std::unique_ptr<Batch> b = pipe.TakeNextDone()) out->Consume(*b);
  reader.join();
  for (std::thread& t : pool) t.join();
}

}  // namespace

int RunScan(const ScanOptions& o, const RuleSet& rules) {
  static char out_buffer[1 << 20];
  if (!::isatty(1)) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty() && o.files_from.empty() && !o.example) inputs.push_back("-");
  SourceOptions so;
  so.recursive = o.recursive;
  so.max_message_bytes = o.analyze.max_message_bytes;
  so.files_from = o.files_from;
  so.null_separated = o.null_separated;
  MessageSource source(inputs, so);
  Progress progress(!o.quiet && ::isatty(2), o, rules);
  Output out(o, rules, &progress);
  BatchReader batches(&source, o.example);
  RunBatches(&batches, o, rules, &out);
  out.Finish(source);

  if (out.unreadable() > 0) return kExitUnreadable;
  const bool single =
      inputs.size() + (o.example ? 1 : 0) <= 1 && o.files_from.empty() && !source.saw_directory();
  if (single && out.total() == 1 && out.not_bounces() == 1) return kExitNotBounce;
  return kExitOk;
}

}  // namespace bouncetolk

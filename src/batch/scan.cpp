// SPDX-License-Identifier: MIT
//
// scan.cpp: Scan() (scan.h). A BatchReader packs the messages of a MessageSource into
// batches, worker threads analyse and render them, and the caller's thread delivers them to
// the RecordSink strictly in input order (pipeline.h), so the output is the same for any
// number of workers. A run that fits in one batch (a single bounce) is done in the calling
// thread, without any threads. The sink is asked whether to stop at every record boundary;
// when it says so, or when its output fails, the pipeline is cancelled and Scan() returns.

#include "bouncetolk/scan.h"

#include <sched.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <thread>

#include "batch/pipeline.h"
#include "bouncetolk/batch.h"
#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/source.h"

namespace bouncetolk {
namespace {

int AvailableCpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

// Analyses and renders every message of \a batch in place.
void ProcessBatch(Batch* batch, const ScanOptions& o, const RuleSet& rules) {
  const bool keep_report = o.summary || o.suppress;
  const AnalyzeOptions& ao = o.analyze;
  RenderOptions ro = o.render;
  batch->results.resize(batch->inputs.size());
  for (std::size_t i = 0; i < batch->inputs.size(); ++i) {
    InputMessage& in = batch->inputs[i];
    ScannedMessage& res = batch->results[i];
    DecodeJsonLine(&in, ao.max_message_bytes);  // JSON Lines input: the line becomes the message
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
      ro.id = std::move(in.id);
      ro.id_literal = in.id_literal;
      res.text = o.reply && !report.recipients.empty() ? RenderReply(report, rules, ro.lang)
                                                       : Render(report, rules, ro);
      res.is_error = ro.format == Format::kText && report.kind == MessageKind::kUnreadable;
    } else {
      res.report = std::move(report);
    }
  }
}

// Packs the messages of the source (after the example, if asked) into batches, numbered in
// input order. A batch is closed when it is full, when the source is done, or when the source
// is a stream that has had nothing to read for kStreamIdleMilliseconds since the batch's first
// message: then the messages held so far go out before the reader waits for more.
class BatchReader {
 public:
  BatchReader(MessageSource* source, bool example) : source_(source), example_(example) {}

  // The next batch, or nullptr when the source is done.
  std::unique_ptr<Batch> Next() {
    auto batch = std::make_unique<Batch>();
    if (example_) {
      example_ = false;
      InputMessage example;
      example.name = "voorbeeld.eml";
      example.bytes = std::string(ExampleBounce());
      batch->inputs.push_back(std::move(example));
    }
    std::chrono::steady_clock::time_point deadline{};
    InputMessage in;
    while (!done_ && batch->inputs.size() < kBatchMessages && batch->bytes < kBatchBytes) {
      if (!batch->inputs.empty()) {
        if (deadline == std::chrono::steady_clock::time_point{})
          deadline =
              std::chrono::steady_clock::now() + std::chrono::milliseconds(kStreamIdleMilliseconds);
        if (!source_->WaitForInput(deadline)) break;
      }
      if (!source_->Next(&in)) {
        done_ = true;
        break;
      }
      batch->bytes += in.bytes.size();
      batch->inputs.push_back(std::move(in));
      in = InputMessage();
    }
    if (batch->inputs.empty()) return nullptr;
    batch->seq = count_++;
    return batch;
  }
  std::uint64_t count() const { return count_; }
  // The source has no more messages.
  bool done() const { return done_; }

 private:
  MessageSource* source_;
  bool example_;
  bool done_ = false;
  std::uint64_t count_ = 0;
};

// The counting walk behind ScanProgress::total, in a thread of its own: a names-only
// MessageSource over the same inputs, as CountMessages() (source.h) walks them, but given up
// as soon as the scan is over, so that a scan cut short never waits for the walk of a large
// tree. Only files and directories are walked again: standard input, a FIFO, a device or a
// process substitution <(...) would give the walk bytes that belong to the scan, so with one of
// them among the inputs (or as the files-from list) the total stays unknown.
class TotalCounter {
 public:
  TotalCounter(bool enabled, const std::vector<std::string>& inputs, SourceOptions so,
               bool example) {
    if (!enabled || !CanReadTwice(so.files_from, /*may_be_directory=*/false)) return;
    for (const std::string& path : inputs)
      if (!CanReadTwice(path, /*may_be_directory=*/true)) return;
    so.names_only = true;
    thread_ = std::thread([this, inputs, so, example] {
      MessageSource source(inputs, so);
      InputMessage m;
      std::int64_t n = example ? 1 : 0;
      while (!stop_.load(std::memory_order_relaxed)) {
        if (!source.Next(&m)) {
          total_.store(n);
          return;
        }
        ++n;
      }
    });
  }
  ~TotalCounter() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
  }

  // Whether \a path (empty: none) names something a second reader takes nothing from.
  static bool CanReadTwice(const std::string& path, bool may_be_directory) {
    if (path.empty()) return true;
    if (path == "-") return false;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return true;  // its record says it cannot be read
    return S_ISREG(st.st_mode) || (may_be_directory && S_ISDIR(st.st_mode));
  }

  std::optional<std::uint64_t> total() const {
    const std::int64_t n = total_.load();
    if (n < 0) return std::nullopt;
    return static_cast<std::uint64_t>(n);
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<std::int64_t> total_{-1};  // -1: not known (yet)
  std::thread thread_;
};

// The writer's side: finished batches, in input order, become the sink's records (the text of
// unreadable inputs through AddError), the counts of the ScanResult, the summary and the
// suppression list.
class Delivery {
 public:
  Delivery(const ScanOptions& o, const RuleSet& rules, RecordSink* sink,
           const TotalCounter& counter, ScanResult* result)
      : o_(o),
        rules_(rules),
        sink_(sink),
        counter_(counter),
        result_(result),
        records_(!o.summary && !o.suppress),
        suppression_(o.since) {
    // The header row goes out with the first records (or at the end, when there are none).
    if (records_) {
      const std::string header = RenderHeader(o.render);
      if (!header.empty()) sink_->Add(header);
    }
  }

  // Hands the records of \a b to the sink and flushes them; false when the scan ends here
  // (the output failed, or a stop was requested).
  bool Deliver(Batch& b) {
    for (ScannedMessage& m : b.results) {
      Count(m);
      if (!records_) continue;
      if (m.is_error) {
        sink_->AddError(m.text);
        continue;
      }
      // A blank line between text blocks.
      if (o_.render.format == Format::kText && wrote_record_) sink_->Add("\n");
      wrote_record_ = true;
      sink_->Add(m.text);
    }
    if (StopRequested()) return false;
    if (!sink_->Flush()) {
      result_->output_failed = true;
      return false;
    }
    sink_->Progress(ScanProgress{result_->messages, counter_.total()});
    return !StopRequested();
  }

  // After the last batch: the summary or the suppression list.
  void Finish() {
    result_->complete = true;
    result_->too_old = suppression_.too_old();
    std::string tail;
    if (o_.summary) tail = RenderSummary(summary_, rules_, o_.render);
    for (const std::string& a : suppression_.addresses()) {
      tail += a;
      tail += '\n';
    }
    if (!tail.empty()) sink_->Add(tail);
    if (!sink_->Flush()) result_->output_failed = true;
    StopRequested();  // a stop during the last write is still reported
  }

 private:
  void Count(const ScannedMessage& m) {
    ++result_->messages;
    if (m.kind == MessageKind::kUnreadable) ++result_->unreadable;
    if (m.kind == MessageKind::kNotABounce) ++result_->not_bounces;
    if (o_.summary) summary_.Add(m.report);
    if (o_.suppress) suppression_.Add(m.report);
  }
  bool StopRequested() {
    if (sink_->StopRequested()) result_->stopped = true;
    return result_->stopped;
  }

  const ScanOptions& o_;
  const RuleSet& rules_;
  RecordSink* sink_;
  const TotalCounter& counter_;
  ScanResult* result_;
  const bool records_;
  BatchSummary summary_;
  SuppressionList suppression_;
  bool wrote_record_ = false;
};

// Analyses every batch and delivers it in input order; false when the delivery ended the scan
// early. A run of one batch (one file, a small directory) is done right here: starting
// threads would cost more than the work.
bool RunBatches(BatchReader* batches, const ScanOptions& o, const RuleSet& rules, Delivery* out) {
  std::unique_ptr<Batch> first = batches->Next();
  if (!first) return true;
  if (batches->done()) {
    ProcessBatch(first.get(), o, rules);
    return out->Deliver(*first);
  }
  const int workers = o.jobs > 0 ? o.jobs : AvailableCpus();
  Pipeline pipe(workers);
  std::thread reader([&] {
    bool open = pipe.Push(std::move(first));
    while (open) {
      std::unique_ptr<Batch> b = batches->Next();
      if (!b) break;
      open = pipe.Push(std::move(b));
    }
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
  bool delivered_all = true;
  while (std::unique_ptr<Batch> b = pipe.TakeNextDone()) {
    if (!out->Deliver(*b)) {
      delivered_all = false;
      pipe.Cancel();
      break;
    }
  }
  reader.join();
  for (std::thread& t : pool) t.join();
  return delivered_all;
}

}  // namespace

ScanResult Scan(const ScanOptions& options, const RuleSet& rules, RecordSink* sink) {
  ScanOptions o = options;
  o.render.ids = o.input_format == InputFormat::kJsonLines;
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty() && o.files_from.empty() && !o.example) inputs.push_back("-");
  SourceOptions so;
  so.recursive = o.recursive;
  so.max_message_bytes = o.analyze.max_message_bytes;
  so.files_from = o.files_from;
  so.null_separated = o.null_separated;
  so.json_lines = o.input_format == InputFormat::kJsonLines;
  if (!o.stdin_label.empty()) so.stdin_name = o.stdin_label;
  ScanResult result;
  const TotalCounter counter(o.count_total, inputs, so, o.example);
  MessageSource source(inputs, so);
  Delivery delivery(o, rules, sink, counter, &result);
  BatchReader batches(&source, o.example);
  if (RunBatches(&batches, o, rules, &delivery)) delivery.Finish();
  result.skipped_directories = source.skipped_directories();
  result.empty_directories = source.empty_directories();
  result.batch = inputs.size() + (o.example ? 1 : 0) > 1 || !o.files_from.empty() ||
                 source.saw_directory() || so.json_lines;
  return result;
}

}  // namespace bouncetolk

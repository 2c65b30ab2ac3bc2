// SPDX-License-Identifier: MIT
//
// scan_command.cpp: RunScan() (scan_command.h). The library's Scan() does the reading,
// analysing and ordering; this file is where its output meets the terminal: a RecordSink that
// writes the records of each batch to stdout as soon as the batch is done (output.h: whole
// lines, atomic on a pipe), the progress line on stderr, the notes after the run, and the
// exit code.

#include "cli/scan_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include "bouncetolk/render.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace bouncetolk {
namespace {

// The progress line on stderr: done/total, rate, elapsed, time left. Redrawn at most four
// times a second, and first drawn when a second message is done: a run of one message has
// nothing to show.
class ProgressLine {
 public:
  ProgressLine(bool enabled, const RuleSet& rules, Lang lang)
      : enabled_(enabled), rules_(rules), lang_(lang) {}

  bool enabled() const { return enabled_; }

  void Update(const ScanProgress& p) {
    if (!enabled_ || p.done < 2) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(p.done) / secs : 0;
    std::string line = "\r\x1b[K";
    if (p.total && *p.total >= p.done) {
      const double left = rate > 0 ? static_cast<double>(*p.total - p.done) / rate : 0;
      line += Msg(rules_, lang_, "progress.total",
                  {std::to_string(p.done), std::to_string(*p.total),
                   std::to_string(static_cast<long long>(rate)), Clock(secs), Clock(left)});
    } else {
      line +=
          Msg(rules_, lang_, "progress.count",
              {std::to_string(p.done), std::to_string(static_cast<long long>(rate)), Clock(secs)});
    }
    SetProgressLineShown(true);  // before the write: a signal during it still erases it
    WriteError(line);
    shown_ = true;
  }

  // Removes the line (before other stderr output and at the end).
  void Clear() {
    if (!shown_) return;
    WriteError("\r\x1b[K");
    SetProgressLineShown(false);
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
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

// The scan's records to stdout, a batch at a time, so that an interrupted run or a reader that
// goes away (| head) only ever sees whole records (output.h); the text of unreadable inputs
// to stderr at once.
class StdoutSink : public RecordSink {
 public:
  StdoutSink(ProgressLine* progress, Format format)
      : progress_(progress), record_end_(format == Format::kCsv ? "\r\n" : "\n") {}

  void Add(std::string_view bytes) override { pending_.append(bytes); }
  void AddError(std::string_view message) override {
    progress_->Clear();
    WriteError("bouncetolk: " + std::string(message));
  }
  bool Flush() override {
    if (pending_.empty()) return true;
    // Records for a terminal must not run into the progress line on the same screen.
    if (stdout_is_terminal_) progress_->Clear();
    const bool ok = WriteRecords(pending_, record_end_);
    if (pending_.capacity() > kKeptBytes) std::string().swap(pending_);
    pending_.clear();
    return ok;
  }
  bool StopRequested() override { return StopSignal() != 0; }
  void Progress(const ScanProgress& progress) override { progress_->Update(progress); }

 private:
  static constexpr std::size_t kKeptBytes = 1u << 20;  // a larger buffer is not kept

  ProgressLine* progress_;
  const std::string_view record_end_;  // CSV's records end in CRLF, the others' in LF
  const bool stdout_is_terminal_ = ::isatty(1);
  std::string pending_;
};

}  // namespace

int RunScan(ScanCommand c, const RuleSet& rules) {
  const Lang lang = c.scan.render.lang;
  ProgressLine progress(!c.quiet && ::isatty(2), rules, lang);
  c.scan.count_total = progress.enabled();
  StdoutSink sink(&progress, c.scan.render.format);
  const ScanResult r = Scan(c.scan, rules, &sink);

  progress.Clear();
  if (r.stopped) return 128 + StopSignal();
  // When the reader is gone, the run ends quietly with the status of what was read.
  if (!r.complete) return r.unreadable > 0 ? kExitUnreadable : kExitOk;
  if (!c.quiet) {
    if (r.too_old > 0) Note("batch.suppress_too_old", {std::to_string(r.too_old), c.since_text});
    if (r.skipped_directories > 0)
      Note("batch.skipped_dirs", {std::to_string(r.skipped_directories)});
    for (const std::string& dir : r.empty_directories)
      Note("batch.empty_directory", {TerminalSafe(dir)});
  }
  if (r.unreadable > 0) return kExitUnreadable;
  if (!r.batch && r.messages == 1 && r.not_bounces == 1) return kExitNotBounce;
  return kExitOk;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// scan_test.cpp: Scan() (scan.h) through a sink that records every call: records in input
// order for any number of workers, flushed at record boundaries only, the text of unreadable
// inputs apart, the header first and the summary or address list last, the counts of the
// ScanResult, progress, and a scan that stops (StopRequested) or loses its output (Flush
// fails) at a batch boundary without delivering anything after it.

#include "bouncetolk/scan.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "testing/temp_tree.h"
#include "testing/test_rules.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::PlainMail;
using testing::TempDir;
using testing::WriteFile;

// Keeps what the scan hands over: the flushed output in pieces, the error texts, progress.
class RecordingSink : public RecordSink {
 public:
  void Add(std::string_view bytes) override { pending_ += bytes; }
  void AddError(std::string_view message) override { errors.emplace_back(message); }
  bool Flush() override {
    ++flushes;
    if (fail_at_flush > 0 && flushes >= fail_at_flush) return false;
    if (!pending_.empty()) writes.push_back(pending_);
    pending_.clear();
    return true;
  }
  bool StopRequested() override {
    return stop_after_writes > 0 && writes.size() >= stop_after_writes;
  }
  void Progress(const ScanProgress& p) override { progress.push_back(p); }

  std::string Output() const {
    std::string all;
    for (const auto& w : writes) all += w;
    return all;
  }

  std::size_t stop_after_writes = 0;  // 0: never
  int fail_at_flush = 0;              // 0: never
  int flushes = 0;
  std::vector<std::string> writes;  // one per successful Flush() with something in it
  std::vector<std::string> errors;
  std::vector<ScanProgress> progress;

 private:
  std::string pending_;
};

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(s.substr(start, nl - start));
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

// A Maildir of \a n messages: bounces, plain mails and empty (unreadable) files in turn, named
// so that their order is their number.
class ScanTest : public ::testing::Test {
 protected:
  void MakeMaildir(int n) {
    WriteFile(tmp_ / "md/new/.keep", "x");  // not a message
    for (int i = 0; i < n; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "md/cur/%05d.host:2,S", i);
      WriteFile(tmp_ / name, i % 3 == 0 ? Bounce("u" + std::to_string(i) + "@example.com", "5.1.1")
                             : i % 3 == 1 ? PlainMail("mail " + std::to_string(i))
                                          : std::string());
      names_.push_back(tmp_ / name);
    }
  }

  ScanOptions Options(Format format) const {
    ScanOptions o;
    o.inputs = {tmp_ / "md"};
    o.render.format = format;
    return o;
  }

  TempDir tmp_;
  std::vector<std::string> names_;
};

TEST_F(ScanTest, RecordsInInputOrderForAnyJobs) {
  MakeMaildir(300);  // five batches
  std::string first;
  for (int jobs : {1, 3, 7}) {
    ScanOptions o = Options(Format::kJsonl);
    o.jobs = jobs;
    RecordingSink sink;
    const ScanResult r = Scan(o, TestRules(), &sink);
    EXPECT_TRUE(r.complete);
    EXPECT_FALSE(r.stopped || r.output_failed);
    EXPECT_TRUE(r.batch);
    EXPECT_EQ(r.messages, 300u);
    EXPECT_EQ(r.unreadable, 100u);
    EXPECT_EQ(r.not_bounces, 100u);
    EXPECT_TRUE(sink.errors.empty());  // jsonl: error records are records
    // Flushed a batch at a time, each piece whole lines.
    EXPECT_GE(sink.writes.size(), 5u);
    for (const auto& w : sink.writes) EXPECT_EQ(w.back(), '\n');
    const std::vector<std::string> lines = Lines(sink.Output());
    ASSERT_EQ(lines.size(), 300u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_NE(lines[i].find("\"file\":\"" + names_[i] + "\""), std::string::npos)
          << "record " << i << " with -j " << jobs << ": " << lines[i].substr(0, 120);
    }
    if (first.empty()) first = sink.Output();
    EXPECT_EQ(sink.Output(), first) << "-j " << jobs;
    // Progress after every batch, up to every message.
    ASSERT_FALSE(sink.progress.empty());
    EXPECT_EQ(sink.progress.back().done, 300u);
    for (const ScanProgress& p : sink.progress) EXPECT_FALSE(p.total);  // not asked for
  }
}

TEST_F(ScanTest, TextBlocksApartAndUnreadableInputsAsErrors) {
  MakeMaildir(6);
  RecordingSink sink;
  const ScanResult r = Scan(Options(Format::kText), TestRules(), &sink);
  EXPECT_EQ(r.messages, 6u);
  EXPECT_EQ(r.unreadable, 2u);
  ASSERT_EQ(sink.errors.size(), 2u);
  EXPECT_NE(sink.errors[0].find(names_[2]), std::string::npos) << sink.errors[0];
  EXPECT_NE(sink.errors[1].find(names_[5]), std::string::npos) << sink.errors[1];
  ASSERT_EQ(sink.writes.size(), 1u);  // one batch, one write
  // The readable ones, each as it reads alone, with a blank line between each two.
  std::string want;
  for (std::size_t i : {0, 1, 3, 4}) {
    ScanOptions one = Options(Format::kText);
    one.inputs = {names_[i]};
    RecordingSink alone;
    Scan(one, TestRules(), &alone);
    want += (want.empty() ? "" : "\n") + alone.Output();
  }
  EXPECT_EQ(sink.writes[0], want);
}

TEST_F(ScanTest, HeaderFirstSummaryAndAddressesLast) {
  MakeMaildir(100);
  RecordingSink csv;
  Scan(Options(Format::kCsv), TestRules(), &csv);
  ASSERT_FALSE(csv.writes.empty());
  EXPECT_EQ(csv.writes[0].rfind("file,kind,index,recipient", 0), 0u);
  EXPECT_EQ(Lines(csv.Output()).size(), 101u);

  ScanOptions summary = Options(Format::kJson);
  summary.summary = true;
  RecordingSink table;
  const ScanResult r = Scan(summary, TestRules(), &table);
  EXPECT_TRUE(r.complete);
  ASSERT_EQ(table.writes.size(), 1u);  // nothing but the table, at the end
  EXPECT_NE(table.writes[0].find("\"messages\":100"), std::string::npos) << table.writes[0];

  ScanOptions suppress = Options(Format::kText);
  suppress.suppress = true;
  suppress.since = 4102444800;  // 2100-01-01: every bounce is older
  RecordingSink addresses;
  const ScanResult old = Scan(suppress, TestRules(), &addresses);
  EXPECT_TRUE(addresses.writes.empty());
  EXPECT_EQ(old.too_old, 34u);
  suppress.since.reset();
  RecordingSink all;
  Scan(suppress, TestRules(), &all);
  ASSERT_EQ(all.writes.size(), 1u);
  EXPECT_EQ(Lines(all.writes[0]).size(), 34u);
  EXPECT_EQ(Lines(all.writes[0])[0], "u0@example.com");
}

TEST_F(ScanTest, StopRequestedEndsAtABatchBoundary) {
  MakeMaildir(640);  // ten batches
  RecordingSink sink;
  sink.stop_after_writes = 2;
  const ScanResult r = Scan(Options(Format::kJsonl), TestRules(), &sink);
  EXPECT_TRUE(r.stopped);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(sink.writes.size(), 2u);
  EXPECT_EQ(r.messages, 128u);  // what was delivered, not what the workers had done
  EXPECT_EQ(Lines(sink.Output()).size(), 128u);

  // A stop before the end leaves out the table: it would count only part of the inputs.
  ScanOptions summary = Options(Format::kText);
  summary.summary = true;
  class StopAtOnce : public RecordingSink {
    bool StopRequested() override { return true; }
  } at_once;
  const ScanResult s = Scan(summary, TestRules(), &at_once);
  EXPECT_TRUE(s.stopped);
  EXPECT_EQ(s.messages, 64u);
  EXPECT_TRUE(at_once.writes.empty());
}

TEST_F(ScanTest, FailedOutputEndsTheScan) {
  MakeMaildir(640);
  RecordingSink sink;
  sink.fail_at_flush = 3;
  const ScanResult r = Scan(Options(Format::kJsonl), TestRules(), &sink);
  EXPECT_TRUE(r.output_failed);
  EXPECT_FALSE(r.complete);
  EXPECT_FALSE(r.stopped);
  EXPECT_EQ(sink.flushes, 3);
  EXPECT_EQ(r.messages, 192u);  // the batch whose write failed was read
  EXPECT_EQ(Lines(sink.Output()).size(), 128u);
}

TEST_F(ScanTest, OneInputIsNoBatchAndTheExampleCounts) {
  WriteFile(tmp_ / "one.eml", PlainMail("hello"));
  ScanOptions o;
  o.inputs = {tmp_ / "one.eml"};
  o.count_total = true;
  RecordingSink sink;
  const ScanResult r = Scan(o, TestRules(), &sink);
  EXPECT_FALSE(r.batch);
  EXPECT_EQ(r.messages, 1u);
  EXPECT_EQ(r.not_bounces, 1u);
  ASSERT_EQ(sink.progress.size(), 1u);
  EXPECT_EQ(sink.progress[0].done, 1u);
  EXPECT_TRUE(!sink.progress[0].total || *sink.progress[0].total == 1u);  // if the walk was first

  o.example = true;
  RecordingSink with_example;
  const ScanResult e = Scan(o, TestRules(), &with_example);
  EXPECT_TRUE(e.batch);
  EXPECT_EQ(e.messages, 2u);
  EXPECT_NE(with_example.Output().find("voorbeeld.eml"), std::string::npos);
  const ScanProgress& last = with_example.progress.back();
  EXPECT_TRUE(!last.total || *last.total == 2u);
}

TEST_F(ScanTest, CountedTotalIsTheNumberOfMessages) {
  MakeMaildir(640);
  ScanOptions o = Options(Format::kJsonl);
  o.count_total = true;
  o.jobs = 1;
  // Gives the counting walk time (it lists two directories) on a busy machine.
  class PatientSink : public RecordingSink {
    void Progress(const ScanProgress& p) override {
      RecordingSink::Progress(p);
      if (!p.total) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  } sink;
  Scan(o, TestRules(), &sink);
  bool known = false;
  for (const ScanProgress& p : sink.progress) {
    if (!p.total) continue;
    known = true;
    EXPECT_EQ(*p.total, 640u);
  }
  EXPECT_TRUE(known);
}

}  // namespace
}  // namespace bouncetolk

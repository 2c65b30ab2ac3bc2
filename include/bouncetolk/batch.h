// SPDX-License-Identifier: MIT
//
// batch.h: what a batch run adds up. BatchSummary counts the Reports of many inputs (per
// kind, reason, status code, recipient domain, party, hard/soft and diagnostic text);
// SuppressionList collects the hard-bounced addresses to remove from mailing lists. Both keep
// counters only, never the Reports, so memory grows with the number of distinct values (which
// is capped) and not with the number of inputs. ParseDate() reads RFC 5322 and ISO dates.
// Nothing here prints; render.h turns a summary into text.

#ifndef BOUNCETOLK_BATCH_H_
#define BOUNCETOLK_BATCH_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/report.h"

namespace bouncetolk {

/// One row of a summary table: a key (a token, code, domain or text) and how often it occurred.
struct CountRow {
  std::string key;
  std::uint64_t count = 0;
};

/// Counts over many Reports. Add() them in input order; the tables are sorted by count
/// (descending), then by key, so the same inputs give the same summary.
class BatchSummary {
 public:
  /// Distinct keys kept per table; further new keys are counted under kOtherKey.
  static constexpr std::size_t kMaxKeys = 100000;
  /// The key that collects what did not fit; always the last row. (A missing value, such as
  /// an address without a domain, has the empty key.)
  static constexpr std::string_view kOtherKey = "*";
  /// Diagnostic texts are cut to this many bytes (at a UTF-8 boundary) before counting.
  static constexpr std::size_t kMaxDiagnosticBytes = 160;

  /// Counts one input.
  void Add(const Report& report);

  /// Inputs added; equals the sum of ByKind().
  std::uint64_t messages() const { return messages_; }
  /// Recipients of all reports; equals the sum of ByReason(), ByHardSoft(), ...
  std::uint64_t recipients() const { return recipients_; }

  /// Per MessageKind token ("bounce", "not_a_bounce", "unreadable", ...), one per input.
  std::vector<CountRow> ByKind() const { return Sorted(kinds_); }
  /// For unreadable inputs: per ErrorCode token.
  std::vector<CountRow> ByError() const { return Sorted(errors_); }
  /// Per recipient: the Outcome token ("failed", "delayed", "delivered", ...).
  std::vector<CountRow> ByOutcome() const { return Sorted(outcomes_); }
  /// Per recipient: the reason token.
  std::vector<CountRow> ByReason() const { return Sorted(reasons_); }
  /// Per recipient: the enhanced status code ("5.1.1").
  std::vector<CountRow> ByStatus() const { return Sorted(statuses_); }
  /// Per recipient: the lower-cased domain of the address (empty when there is none).
  std::vector<CountRow> ByDomain() const { return Sorted(domains_); }
  /// Per recipient: the Party token of who must act.
  std::vector<CountRow> ByParty() const { return Sorted(parties_); }
  /// Per recipient: "hard", "soft" (failed or delayed, not hard) or "success".
  std::vector<CountRow> ByHardSoft() const { return Sorted(hard_soft_); }
  /// The \a n most frequent diagnostic texts, addresses replaced by "<…>" so that the same
  /// refusal for different recipients counts as one text. Recipients without one are left out.
  std::vector<CountRow> TopDiagnostics(std::size_t n) const;

 private:
  static void Bump(std::map<std::string, std::uint64_t>* table, std::string_view key);
  static std::vector<CountRow> Sorted(const std::map<std::string, std::uint64_t>& table);

  std::uint64_t messages_ = 0;
  std::uint64_t recipients_ = 0;
  std::map<std::string, std::uint64_t> kinds_, errors_, outcomes_, reasons_, statuses_, domains_,
      parties_, hard_soft_, diagnostics_;
};

/// The diagnostic text as counted by BatchSummary::TopDiagnostics().
std::string DiagnosticKey(std::string_view diagnostic);

/// Seconds since 1970-01-01T00:00:00Z of an RFC 5322 date ("Thu, 29 Apr 2013 23:45:32 +0900",
/// obsolete forms too: two-digit years, zone names such as GMT or EST, comments, no seconds)
/// or an ISO 8601 date "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm]".
/// std::nullopt when \a text is neither.
std::optional<std::int64_t> ParseDate(std::string_view text);

/// The unique, sorted hard-bounced addresses (the domain lower-cased, the local part as
/// written), optionally only of bounces dated on or after a moment.
class SuppressionList {
 public:
  /// \a since: keep only bounces whose date (Report::date, else the Arrival-Date) is on or
  /// after it. A bounce without a date that ParseDate() understands is kept.
  explicit SuppressionList(std::optional<std::int64_t> since = std::nullopt) : since_(since) {}

  /// Takes the hard-bounced recipients of \a report.
  void Add(const Report& report);
  /// The addresses, sorted bytewise, each once.
  const std::set<std::string>& addresses() const { return addresses_; }
  /// Hard bounces left out because they were older than since.
  std::uint64_t too_old() const { return too_old_; }

 private:
  std::optional<std::int64_t> since_;
  std::set<std::string> addresses_;
  std::uint64_t too_old_ = 0;
};

/// "User@Example.COM" -> "User@example.com"; blanks and angle brackets removed.
std::string NormalizeAddress(std::string_view address);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_BATCH_H_

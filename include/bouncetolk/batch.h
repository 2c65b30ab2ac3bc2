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

/// One address of the suppression list and the report that put it there.
struct SuppressionEntry {
  std::string email;      ///< NormalizeAddress() of the recipient
  std::string reason;     ///< its reason token; "feedback" for a complaint
  std::string status;     ///< its enhanced status code; empty for a complaint
  std::string outcome;    ///< OutcomeToken(RecipientResult::outcome): "failed", "feedback", ...
  std::string timestamp;  ///< when the report was written, ISO 8601 in UTC, or empty
  std::string source;     ///< the input it came from (the record's `file`)
  /// False when the address holds a control, C1, bidi or other invisible formatting character
  /// (RecipientResult::recipient_valid): no address at all. The list escapes and marks it.
  bool valid = true;
  std::optional<std::int64_t> time;  ///< the timestamp in seconds, for choosing the latest
};

/// The addresses to remove from mailing lists: the hard-bounced recipients and the recipients
/// of feedback reports (spam complaints and unsubscribe requests; not "not-spam" or
/// "auth-failure" reports), each once, optionally only of reports dated on or after a moment.
class SuppressionList {
 public:
  /// \a since: keep only reports whose date (Report::time, else the Date or Arrival-Date) is
  /// on or after it. A report without a date that ParseDate() understands is kept.
  explicit SuppressionList(std::optional<std::int64_t> since = std::nullopt) : since_(since) {}

  /// Takes the addresses of \a report, read from the input named \a source. An address met
  /// again keeps the entry of its latest report (the first one when the dates tie or lack).
  void Add(const Report& report, std::string_view source = {});
  /// The entries by address, sorted bytewise.
  const std::map<std::string, SuppressionEntry>& entries() const { return entries_; }
  /// The addresses, sorted bytewise, each once.
  std::vector<std::string> addresses() const;
  /// Hard bounces and complaints left out because they were older than since.
  std::uint64_t too_old() const { return too_old_; }

 private:
  std::optional<std::int64_t> since_;
  std::map<std::string, SuppressionEntry> entries_;
  std::uint64_t too_old_ = 0;
};

/// The address in the form an MTA lookup matches: "<User@Example.COM>" -> "User@example.com"
/// (blanks and angle brackets removed, the domain lower-cased), and a quoted local part that
/// needs no quoting unquoted ("\"jan.de.vries\"@x" -> "jan.de.vries@x"; "\"jan de vries\"@x"
/// stays as it is).
std::string NormalizeAddress(std::string_view address);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_BATCH_H_

// SPDX-License-Identifier: MIT
//
// summary.cpp: BatchSummary and SuppressionList (batch.h). Counting is per input for the kind
// and error tables and per recipient for all others, so their totals are the number of inputs
// and the number of recipients. Tables are std::map (sorted keys) capped at kMaxKeys distinct
// keys; sorting by count happens only when a table is asked for.

#include <algorithm>

#include "bouncetolk/batch.h"
#include "bouncetolk/outcome.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

// Cuts \a s to at most \a max bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string_view DomainOf(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  return Trim(address.substr(at + 1));
}

bool IsPermanentFailure(const RecipientResult& r) { return r.permanence != Permanence::kSuccess; }

}  // namespace

std::string DiagnosticKey(std::string_view diagnostic) {
  const std::string collapsed = CollapseSpace(diagnostic);
  std::string out;
  out.reserve(collapsed.size());
  std::string_view rest(collapsed);
  while (!rest.empty()) {
    const std::size_t blank = rest.find(' ');
    const std::string_view word = rest.substr(0, blank);
    if (word.find('@') != std::string_view::npos) {
      // Only the address goes: "<a@b>:" -> "<…>:", "a@b," -> "<…>,".
      const std::size_t b = std::min(word.find_first_not_of("<([\"'"), word.size());
      const std::size_t e = word.find_last_not_of(">)]\"'.,;:") + 1;
      const std::string_view before = word.substr(0, b);
      out.append(before);
      out.append(!before.empty() && before.back() == '<' ? "…" : "<…>");
      if (e > b) out.append(word.substr(e));
    } else {
      out.append(word);
    }
    if (blank == std::string_view::npos) break;
    out.push_back(' ');
    rest.remove_prefix(blank + 1);
  }
  const std::string_view cut = CutUtf8(out, BatchSummary::kMaxDiagnosticBytes);
  if (cut.size() == out.size()) return out;
  return std::string(cut) + "…";
}

void BatchSummary::Bump(std::map<std::string, std::uint64_t>* table, std::string_view key) {
  auto it = table->find(std::string(key));
  if (it != table->end()) {
    ++it->second;
    return;
  }
  if (table->size() >= kMaxKeys) key = kOtherKey;
  ++(*table)[std::string(key)];
}

std::vector<CountRow> BatchSummary::Sorted(const std::map<std::string, std::uint64_t>& table) {
  std::vector<CountRow> rows;
  rows.reserve(table.size());
  for (const auto& [key, count] : table) rows.push_back(CountRow{key, count});
  // By count, then key (the map's order); the overflow row last.
  std::stable_sort(rows.begin(), rows.end(), [](const CountRow& a, const CountRow& b) {
    const bool a_other = a.key == kOtherKey, b_other = b.key == kOtherKey;
    if (a_other != b_other) return b_other;
    return a.count > b.count;
  });
  return rows;
}

void BatchSummary::Add(const Report& report) {
  ++messages_;
  Bump(&kinds_, MessageKindToken(report.kind));
  if (report.kind == MessageKind::kUnreadable) {
    std::string_view error = "internal";
    for (const Problem& p : report.problems) {
      if (IsFatal(p.code)) {
        error = ErrorCodeToken(p.code);
        break;
      }
    }
    Bump(&errors_, error);
  }
  for (const RecipientResult& r : report.recipients) {
    ++recipients_;
    Bump(&outcomes_, OutcomeToken(r.outcome));
    Bump(&reasons_, ReasonToken(r.reason));
    Bump(&statuses_, r.status);
    Bump(&domains_, AsciiLowerCopy(DomainOf(r.recipient)));
    Bump(&parties_, PartyToken(r.party));
    Bump(&hard_soft_, r.hard_bounce ? "hard" : IsPermanentFailure(r) ? "soft" : "success");
    if (!r.diagnostic.empty()) Bump(&diagnostics_, DiagnosticKey(r.diagnostic));
  }
}

std::vector<CountRow> BatchSummary::TopDiagnostics(std::size_t n) const {
  std::vector<CountRow> rows = Sorted(diagnostics_);
  if (rows.size() > n) rows.resize(n);
  return rows;
}

std::string NormalizeAddress(std::string_view address) {
  std::string out(StripAngles(Trim(address)));
  const std::size_t at = out.rfind('@');
  if (at != std::string::npos) {
    for (std::size_t i = at + 1; i < out.size(); ++i) out[i] = AsciiLower(out[i]);
  }
  return out;
}

void SuppressionList::Add(const Report& report) {
  bool dated_checked = false;
  bool too_old = false;
  for (const RecipientResult& r : report.recipients) {
    if (!r.hard_bounce || r.recipient.empty()) continue;
    if (since_ && !dated_checked) {
      dated_checked = true;
      std::optional<std::int64_t> when = ParseDate(report.date);
      if (!when) when = ParseDate(report.per_message.arrival_date);
      too_old = when && *when < *since_;
    }
    if (too_old) {
      ++too_old_;
      continue;
    }
    std::string address = NormalizeAddress(r.recipient);
    if (!address.empty()) addresses_.insert(std::move(address));
  }
}

}  // namespace bouncetolk

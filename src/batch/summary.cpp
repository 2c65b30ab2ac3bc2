// SPDX-License-Identifier: MIT
//
// summary.cpp: BatchSummary and SuppressionList (batch.h). Counting is per input for the kind
// and error tables and per recipient for all others, so their totals are the number of inputs
// and the number of recipients. Tables are std::map (sorted keys) capped at kMaxKeys distinct
// keys; sorting by count happens only when a table is asked for.

#include <algorithm>

#include "bouncetolk/batch.h"
#include "bouncetolk/outcome.h"
#include "common/date.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

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
  const std::string_view cut = Utf8Prefix(out, BatchSummary::kMaxDiagnosticBytes);
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

namespace {

// RFC 5322 atext, and any UTF-8 byte (RFC 6531 allows UTF-8 in local parts).
bool IsAtext(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// True when \a local is a dot-atom: atext runs separated by single dots.
bool IsDotAtom(std::string_view local) {
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '.') {
      if (local[i - 1] == '.') return false;
    } else if (!IsAtext(local[i])) {
      return false;
    }
  }
  return true;
}

// The quoted local part "\"...\"" unquoted when what it holds needs no quotes, else as it is.
std::string UnquoteLocalPart(std::string_view local) {
  if (local.size() < 2 || local.front() != '"' || local.back() != '"') return std::string(local);
  std::string inner;
  for (std::size_t i = 1; i + 1 < local.size(); ++i) {
    if (local[i] == '\\' && i + 2 < local.size()) ++i;  // a quoted pair
    inner.push_back(local[i]);
  }
  return IsDotAtom(inner) ? inner : std::string(local);
}

// The complaint types that ask for no more mail (RFC 5965 abuse, fraud, virus, other; Apple's
// opt-out); not "not-spam" (the user says the opposite) or "auth-failure" (RFC 6591, about
// the sending domain's authentication, not the recipient's wish).
bool IsComplaint(const Report& report) {
  if (report.kind != MessageKind::kFeedback) return false;
  const std::string type = AsciiLowerCopy(report.feedback_type);
  return type != "not-spam" && type != "auth-failure";
}

std::optional<std::int64_t> ReportTime(const Report& report) {
  if (report.time) return report.time;
  if (std::optional<std::int64_t> when = ParseDate(report.date)) return when;
  return ParseDate(report.per_message.arrival_date);
}

}  // namespace

std::string NormalizeAddress(std::string_view address) {
  const std::string_view a = StripAngles(Trim(address));
  const std::size_t at = a.rfind('@');
  if (at == std::string_view::npos) return std::string(a);
  std::string out = UnquoteLocalPart(a.substr(0, at));
  out.push_back('@');
  out.append(AsciiLowerCopy(a.substr(at + 1)));
  return out;
}

std::vector<std::string> SuppressionList::addresses() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [email, entry] : entries_) out.push_back(email);
  return out;
}

void SuppressionList::Add(const Report& report, std::string_view source) {
  const bool complaint = IsComplaint(report);
  bool dated_checked = false;
  bool too_old = false;
  std::optional<std::int64_t> when;
  for (const RecipientResult& r : report.recipients) {
    if ((!r.hard_bounce && !complaint) || r.recipient.empty()) continue;
    if (!dated_checked) {
      dated_checked = true;
      when = ReportTime(report);
      too_old = since_ && when && *when < *since_;
    }
    if (too_old) {
      ++too_old_;
      continue;
    }
    std::string address = NormalizeAddress(r.recipient);
    if (address.empty()) continue;
    auto [it, added] = entries_.try_emplace(address);
    SuppressionEntry& e = it->second;
    if (!added && !(when && (!e.time || *when > *e.time))) continue;  // keep the latest
    e.email = std::move(address);
    e.reason = std::string(ReasonToken(r.reason));
    e.status = r.status;
    e.outcome = std::string(OutcomeToken(r.outcome));
    e.timestamp = when ? FormatIsoUtc(*when) : std::string();
    e.source = std::string(source);
    e.valid = r.recipient_valid && !HasControlOrFormatting(e.email);
    e.time = when;
  }
}

}  // namespace bouncetolk

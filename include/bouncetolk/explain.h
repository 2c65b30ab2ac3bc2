// SPDX-License-Identifier: MIT
//
// explain.h: looking things up without a bounce ("bouncetolk explain 5.7.26"). A query may be
// an enhanced status code, a three-digit number (read both as an SMTP reply code and, where
// data/rules/exchange_numbers.tsv says so, as an Exchange-style error number), a mail client
// error number (0x800CCC0E, 10060), a provider token such as B-URL, or a whole error line.
// Each reading that applies becomes one Hit, most specific first.

#ifndef BOUNCETOLK_EXPLAIN_H_
#define BOUNCETOLK_EXPLAIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/reason.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {

/// One reading of the query.
struct ExplainHit {
  std::string
      kind;  ///< "status-word", "phrase", "concept", "status", "reply", "exchange", "client"
  std::string matched;  ///< what was recognised: "5.7.26", "550", "B-URL", "0x800CCC0E"
  std::string rule_id;  ///< "status:X.7.26", "phrase:b-url", ...
  std::string text_id;  ///< the text record to show
  std::optional<Reason> reason;
  std::optional<Party> party;
  std::optional<Permanence> permanence;
  bool fallback = false;  ///< only a subject/class-level rule applied (the exact code is unknown)
  std::string note;       ///< e.g. "not_registered" for codes outside the IANA registry
  std::string source;
};

/// All readings of \a query.
struct ExplainResult {
  std::string query;
  std::vector<ExplainHit> hits;
  /// True when at least one reading is specific (not only a class/subject fallback).
  bool found = false;
};

/// Looks \a query up in \a rules.
ExplainResult Explain(std::string_view query, const RuleSet& rules);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_EXPLAIN_H_

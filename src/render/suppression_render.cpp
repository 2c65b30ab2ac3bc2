// SPDX-License-Identifier: MIT
//
// suppression_render.cpp: RenderSuppression() (render.h). The plain list is one address a
// line; CSV and TSV write email,reason,status,outcome,timestamp,source under a header row, the
// columns listmonk's and Mautic's imports map. Every address goes through TerminalSafe(): one
// decoded from a utf-8-addr "\x{1B}" escape or an SES JSON string may hold escape sequences.
// An address that is none (SuppressionEntry::valid false) is marked with a leading "# ", so
// that no list tool takes it for an address to match.

#include "bouncetolk/batch.h"
#include "bouncetolk/render.h"
#include "render/separated.h"

namespace bouncetolk {

std::string RenderSuppression(const SuppressionList& list, const RenderOptions& options) {
  std::string out;
  auto email = [](const SuppressionEntry& e) {
    return e.valid ? TerminalSafe(e.email) : "# " + TerminalSafe(e.email);
  };
  if (options.format != Format::kCsv && options.format != Format::kTsv) {
    for (const auto& [key, e] : list.entries()) {
      out += email(e);
      out += '\n';
    }
    return out;
  }
  const char sep = options.format == Format::kCsv ? ',' : '\t';
  const char* eol = SeparatedLineEnd(sep);
  for (const char* column : {"email", "reason", "status", "outcome", "timestamp", "source"}) {
    if (out.size()) out.push_back(sep);
    out += column;
  }
  out += eol;
  for (const auto& [key, e] : list.entries()) {
    AppendSeparatedCell(&out, email(e), sep);
    for (const std::string* cell : {&e.reason, &e.status, &e.outcome, &e.timestamp, &e.source}) {
      out.push_back(sep);
      AppendSeparatedCell(&out, *cell, sep);
    }
    out += eol;
  }
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// separated.cpp: see separated.h.

#include "render/separated.h"

#include "bouncetolk/render.h"
#include "common/text.h"

namespace bouncetolk {

void AppendSeparatedCell(std::string* out, std::string_view value, char sep) {
  // Controls shown as pictures (as in text output): CSV and TSV are read on terminals too.
  std::string v = TerminalSafe(value, /*keep_newlines=*/sep == ',');
  // A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection): a
  // bounce's text must stay text, so such a cell gets a leading apostrophe (OWASP's advice).
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@'))
    v.insert(0, 1, '\'');
  if (sep == '\t') {
    // TSV has no quoting: tabs and line breaks become spaces.
    for (char ch : v) out->push_back((ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch);
    return;
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char ch : v) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

}  // namespace bouncetolk

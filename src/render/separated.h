// SPDX-License-Identifier: MIT
//
// separated.h: the one escaper for CSV (RFC 4180: quoted when needed, quotes doubled) and TSV
// (no quoting: tabs and line breaks become spaces) cells, shared by the record and summary
// renderers. Values go through TerminalSafe() (invalid UTF-8 repaired, controls and escape
// sequences shown as pictures; CSV keeps line breaks inside quotes), so the output is always
// valid UTF-8 and safe to print on a terminal.

#ifndef BOUNCETOLK_RENDER_SEPARATED_H_
#define BOUNCETOLK_RENDER_SEPARATED_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// Appends \a value as one cell for separator \a sep (',' for CSV, '\t' for TSV).
void AppendSeparatedCell(std::string* out, std::string_view value, char sep);

/// The line ending of the format: CRLF for CSV (RFC 4180), LF for TSV.
inline const char* SeparatedLineEnd(char sep) { return sep == ',' ? "\r\n" : "\n"; }

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_SEPARATED_H_

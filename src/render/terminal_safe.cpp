// SPDX-License-Identifier: MIT
//
// terminal_safe.cpp: TerminalSafe() (render.h), after mblaze's safe_u8putstr: nothing taken
// from a message may act on the terminal. C0 controls become their U+2400 pictures (ESC shows
// as "␛", so an ANSI/OSC sequence is printed, not executed), DEL becomes "␡", C1 controls
// (U+0080-U+009F: terminals in UTF-8 mode execute U+009B as CSI) and bidi/invisible
// formatting characters become "\u{XXXX}". Invalid UTF-8 (a raw 0x9B byte) became U+FFFD first.

#include <cstdio>

#include "bouncetolk/render.h"
#include "common/text.h"

namespace bouncetolk {
std::string TerminalSafe(std::string_view in, bool keep_newlines) {
  // Fast path: printable ASCII needs no change (most values of most bounces).
  bool plain = true;
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(in);
  const std::string repaired = IsValidUtf8(in) ? std::string() : RepairUtf8(in);
  const std::string_view s = repaired.empty() ? in : std::string_view(repaired);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == '\n' || b == '\t') {
        out.push_back(keep_newlines ? static_cast<char>(b) : ' ');
      } else if (b < 0x20) {
        AppendUtf8(&out, 0x2400 + b);
      } else if (b == 0x7F) {
        AppendUtf8(&out, 0x2421);
      } else {
        out.push_back(static_cast<char>(b));
      }
      ++i;
      continue;
    }
    // Valid UTF-8 from here on: decode one code point.
    std::size_t len = 1;
    const unsigned cp = DecodeUtf8At(s, i, &len);
    if ((cp >= 0x80 && cp <= 0x9F) || IsInvisibleFormatting(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%X}", cp);
      out.append(buf);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace bouncetolk

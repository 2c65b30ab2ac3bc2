// SPDX-License-Identifier: MIT
//
// terminal_safe.cpp: TerminalSafe() (render.h), after mblaze's safe_u8putstr: nothing taken
// from a message may act on the terminal. C0 controls become their U+2400 pictures (ESC shows
// as "␛", so an ANSI/OSC sequence is printed, not executed), DEL becomes "␡", C1 controls and
// bidi/invisible formatting characters become "\u{XXXX}".

#include <cstdio>

#include "bouncetolk/render.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

bool IsFormattingControl(unsigned cp) {
  return (cp >= 0x202A && cp <= 0x202E) ||  // LRE RLE PDF LRO RLO
         (cp >= 0x2066 && cp <= 0x2069) ||  // LRI RLI FSI PDI
         cp == 0x200E || cp == 0x200F ||    // LRM RLM
         cp == 0x061C ||                    // ALM
         cp == 0xFEFF;                      // BOM / zero width no-break space
}

}  // namespace

std::string TerminalSafe(std::string_view in, bool keep_newlines) {
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
    std::size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    unsigned cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if ((cp >= 0x80 && cp <= 0x9F) || IsFormattingControl(cp)) {
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

// SPDX-License-Identifier: MIT
//
// line_clamp.cpp: see line_clamp.h. Two passes: a cheap check that finds nothing to do for
// ordinary mail, then one copy that breaks and drops.

#include "mime/line_clamp.h"

#include <algorithm>
#include <cstring>

#include "common/text.h"

namespace bouncetolk {
namespace {

// Calls visit(line) for each line of text without its LF; stops when visit returns false.
template <typename Visit>
void ForEachLine(std::string_view text, Visit visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t eol =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    if (!visit(text.substr(pos, eol - pos), eol < text.size())) return;
    pos = eol + 1;
  }
}

// True for a line mimetic may take as a header field: printable ASCII (blanks allowed) up to
// a colon, not starting with a blank.
// The colon is found with memchr first: most lines of a body have none, and a byte loop over
// every line was most of the cost of this pass.
bool IsFieldShaped(std::string_view line) {
  if (line.empty() || IsBlank(line[0])) return false;
  const void* colon = std::memchr(line.data(), ':', line.size());
  if (colon == nullptr) return false;
  for (const char* p = line.data(); p != colon; ++p) {
    if (*p < ' ' || *p > '~') return false;
  }
  return true;
}

}  // namespace

ClampedText ClampLines(std::string_view text, const ClampLimits& limits) {
  const std::size_t max_line_bytes = std::max<std::size_t>(limits.max_line_bytes, 1);
  const std::size_t max_field_bytes = limits.max_field_bytes;
  ClampedText out;
  // Nothing to look at in a text too short for any limit: no line and no field (the sum of
  // some lines) can be longer than the text, and k field-shaped lines take at least 2k - 1
  // bytes. Most messages are; pass 1 looked at every line of them.
  const bool may_cut = text.size() / 2 >= limits.max_field_lines;
  if (text.size() <= max_line_bytes && text.size() <= max_field_bytes && !may_cut) return out;
  // Pass 1: is there anything to do at all? Also where to cut for too many field lines (only
  // looked for when the text is long enough to hold more of them than allowed).
  bool needed = false;
  std::size_t field = 0;
  std::size_t field_lines = 0;
  std::size_t end = text.size();
  ForEachLine(text, [&](std::string_view line, bool) {
    field = (!line.empty() && IsBlank(line[0])) ? field + line.size() : line.size();
    if (may_cut && IsFieldShaped(line) && ++field_lines > limits.max_field_lines) {
      end = static_cast<std::size_t>(line.data() - text.data());
      out.cut = true;
      return false;
    }
    needed = needed || line.size() > max_line_bytes || field > max_field_bytes;
    return true;
  });
  text = text.substr(0, end);
  if (!needed && !out.cut) return out;
  if (!needed) {
    out.text.assign(text);
    return out;
  }

  // Pass 2: break long lines into pieces, then drop continuation pieces of a full field.
  out.text.reserve(text.size() + text.size() / max_line_bytes + 1);
  field = 0;
  ForEachLine(text, [&](std::string_view line, bool had_newline) {
    if (line.size() > max_line_bytes) out.lines_broken = true;
    for (std::size_t off = 0; off < line.size() || off == 0; off += max_line_bytes) {
      const std::string_view piece = line.substr(off, max_line_bytes);
      const bool last = off + max_line_bytes >= line.size();
      const bool continuation = !piece.empty() && IsBlank(piece[0]);
      if (continuation && field >= max_field_bytes) {
        out.continuation_dropped = true;
        if (last) break;
        continue;
      }
      field = continuation ? field + piece.size() : piece.size();
      out.text.append(piece);
      if (!last || had_newline) out.text.push_back('\n');
      if (last) break;
    }
    return true;
  });
  return out;
}

}  // namespace bouncetolk

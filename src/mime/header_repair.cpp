// SPDX-License-Identifier: MIT
//
// header_repair.cpp: see header_repair.h.

#include "mime/header_repair.h"

#include <cstring>
#include <vector>

#include "common/text.h"

namespace bouncetolk {
namespace {

// A MIME parameter on a line of its own: token characters up to '=' (RFC 2045 section 5.1).
bool IsParameterLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '=') return i > 0;
    const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '-' ||
                       c == '_' || c == '.' || c == '*';
    if (!token) return false;
    ++i;
  }
  return false;
}

// Whether the field that the line starting at \a line_start belongs to is a Content-Type or
// Content-Disposition: that line itself, or the field line above its folded continuation
// lines (at most kMaxWalkBack of them, so hostile input cannot make this quadratic).
bool InParameterField(std::string_view text, std::size_t line_start) {
  constexpr int kMaxWalkBack = 32;
  for (int step = 0; step <= kMaxWalkBack; ++step) {
    const std::string_view line = text.substr(line_start);
    if (line.empty() || line[0] == '\n') return false;
    if (!IsBlank(line[0])) {
      return StartsWithIgnoreCase(line, "content-type:") ||
             StartsWithIgnoreCase(line, "content-disposition:");
    }
    if (line_start == 0) return false;
    const std::size_t nl =
        line_start >= 2 ? text.rfind('\n', line_start - 2) : std::string_view::npos;
    line_start = nl == std::string_view::npos ? 0 : nl + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> RepairParameterFolding(std::string_view text) {
  std::vector<std::size_t> mend;  // offsets of the lines to indent
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, ';', text.size() - pos);
    if (!hit) break;
    const std::size_t semi = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    pos = semi + 1;
    if (pos >= text.size() || text[pos] != '\n') continue;  // ';' not at the end of a line
    const std::size_t next = pos + 1;
    if (next >= text.size() || IsBlank(text[next]) || text[next] == '\n') continue;
    const std::size_t eol = text.find('\n', next);
    const std::string_view following =
        text.substr(next, (eol == std::string_view::npos ? text.size() : eol) - next);
    if (!IsParameterLine(following)) continue;
    const std::size_t nl = semi == 0 ? std::string_view::npos : text.rfind('\n', semi - 1);
    if (InParameterField(text, nl == std::string_view::npos ? 0 : nl + 1)) mend.push_back(next);
  }
  if (mend.empty()) return std::nullopt;
  std::string out;
  out.reserve(text.size() + mend.size());
  std::size_t copied = 0;
  for (std::size_t at : mend) {
    out.append(text.substr(copied, at - copied));
    out.push_back('\t');
    copied = at;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace bouncetolk

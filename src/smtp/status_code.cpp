// SPDX-License-Identifier: MIT
//
// status_code.cpp: parsing and finding RFC 3463 enhanced codes and RFC 5321 reply codes in
// text. The finders are single left-to-right scans with bounded look-around, so they are
// linear in the text and never allocate.

#include "bouncetolk/status_code.h"

#include "common/text.h"

namespace bouncetolk {
namespace {

// Reads 1-3 digits without a leading zero (a lone "0" is fine) starting at s[i].
// Returns the number of digits read (0 when invalid) and the value.
std::size_t ReadSubCode(std::string_view s, std::size_t i, int* value) {
  std::size_t n = 0;
  int v = 0;
  while (i + n < s.size() && IsDigit(s[i + n])) {
    if (n == 3) return 0;  // four or more digits
    v = v * 10 + (s[i + n] - '0');
    ++n;
  }
  if (n == 0) return 0;
  if (n > 1 && s[i] == '0') return 0;  // leading zero
  *value = v;
  return n;
}

bool IsCodeClass(char c) { return c == '2' || c == '4' || c == '5'; }

bool IsWordChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Tries to read an enhanced code at s[i]; on success sets *len to its length.
std::optional<EnhancedStatus> ReadEnhancedAt(std::string_view s, std::size_t i, std::size_t* len) {
  if (i + 5 > s.size() || !IsCodeClass(s[i]) || s[i + 1] != '.') return std::nullopt;
  int subject = 0, detail = 0;
  const std::size_t ns = ReadSubCode(s, i + 2, &subject);
  if (ns == 0) return std::nullopt;
  const std::size_t dot2 = i + 2 + ns;
  if (dot2 >= s.size() || s[dot2] != '.') return std::nullopt;
  const std::size_t nd = ReadSubCode(s, dot2 + 1, &detail);
  if (nd == 0) return std::nullopt;
  *len = dot2 + 1 + nd - i;
  return EnhancedStatus::Parse(s.substr(i, *len));
}

}  // namespace

std::optional<EnhancedStatus> EnhancedStatus::Parse(std::string_view text) {
  text = Trim(text);
  if (text.size() < 5 || !IsCodeClass(text[0]) || text[1] != '.') return std::nullopt;
  int subject = 0, detail = 0;
  const std::size_t ns = ReadSubCode(text, 2, &subject);
  if (ns == 0 || 2 + ns >= text.size() || text[2 + ns] != '.') return std::nullopt;
  const std::size_t nd = ReadSubCode(text, 3 + ns, &detail);
  if (nd == 0 || 3 + ns + nd != text.size()) return std::nullopt;
  return EnhancedStatus(text[0], subject, detail);
}

std::optional<EnhancedStatus> EnhancedStatus::Find(std::string_view text, char want_class) {
  for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
    const char c = text[i];
    if (!IsCodeClass(c) || (want_class != 0 && c != want_class)) continue;
    // The code must not continue a number, a word or a dotted sequence (IP addresses).
    if (i > 0) {
      const char p = text[i - 1];
      if (IsWordChar(p) || p == '.' || p == '/' || p == '=' || p == '+') continue;
    }
    std::size_t len = 0;
    auto code = ReadEnhancedAt(text, i, &len);
    if (!code) continue;
    const std::size_t end = i + len;
    if (end < text.size()) {
      const char n = text[end];
      if (IsWordChar(n) || n == '@' || n == '/') continue;
      if (n == '.' && end + 1 < text.size() && IsDigit(text[end + 1])) continue;  // 5.1.1.2
    }
    return code;
  }
  return std::nullopt;
}

std::string EnhancedStatus::ToString() const {
  std::string out(1, klass_);
  out += '.';
  out += std::to_string(subject_);
  out += '.';
  out += std::to_string(detail_);
  return out;
}

std::optional<ReplyCode> ReplyCode::Parse(std::string_view text) {
  text = Trim(text);
  if (text.size() != 3 || !IsDigit(text[0]) || !IsDigit(text[1]) || !IsDigit(text[2])) {
    return std::nullopt;
  }
  if (text[0] < '2' || text[0] > '5' || text[1] > '5') return std::nullopt;
  return ReplyCode((text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0'));
}

std::optional<ReplyCode> ReplyCode::Find(std::string_view text, bool allow_success) {
  // Two passes: first a reply code directly followed by an enhanced code of the same class
  // ("550 5.1.1", "550-5.7.26", "550 #5.1.0"), which is unambiguous; then any three-digit
  // code that stands where a reply starts (start of text or after a blank/colon/bracket) and
  // is followed by a blank, a hyphen or the end.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
      const char c = text[i];
      if (!(c == '4' || c == '5' || (allow_success && c == '2'))) continue;
      if (!IsDigit(text[i + 1]) || !IsDigit(text[i + 2]) || text[i + 1] > '5') continue;
      if (i > 0) {
        const char p = text[i - 1];
        if (!(IsSpace(p) || p == ':' || p == ';' || p == '(' || p == '[' || p == '<' || p == '"' ||
              p == '\'' || p == '=' || p == '#')) {
          continue;
        }
      }
      const std::size_t end = i + 3;
      if (end < text.size()) {
        const char n = text[end];
        if (!(IsSpace(n) || n == '-' || n == ')' || n == ']' || n == ',' || n == ':' || n == '"' ||
              n == '\'')) {
          continue;
        }
      }
      if (pass == 0) {
        std::size_t j = end;
        while (j < text.size() && (IsSpace(text[j]) || text[j] == '-' || text[j] == '#' ||
                                   text[j] == '(' || text[j] == '\'' || text[j] == '"')) {
          ++j;
          if (j - end > 3) break;
        }
        std::size_t len = 0;
        auto enhanced = ReadEnhancedAt(text, j, &len);
        if (!enhanced || enhanced->klass() != c) continue;
      }
      return ReplyCode((c - '0') * 100 + (text[i + 1] - '0') * 10 + (text[i + 2] - '0'));
    }
  }
  return std::nullopt;
}

}  // namespace bouncetolk

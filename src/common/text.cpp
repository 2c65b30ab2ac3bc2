// SPDX-License-Identifier: MIT
//
// text.cpp: see text.h. Byte loops only; no locale, no regex.

#include "common/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace bouncetolk {

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCaseSameSize(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

std::size_t FindIgnoreCase(std::string_view hay, std::string_view lower_needle, std::size_t from) {
  if (lower_needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (hay.size() < lower_needle.size()) return std::string_view::npos;
  const char first = lower_needle[0];
  const char first_upper = (first >= 'a' && first <= 'z') ? static_cast<char>(first - 32) : first;
  const std::size_t end = hay.size() - lower_needle.size() + 1;  // one past the last start
  // Candidates (the first character in either case) are found with memchr, which skips the
  // bytes between them many at a time; a byte loop was the cost of every search. What each
  // memchr found (or ruled out) is remembered until it is passed: searching anew for the
  // lower-case letter after every upper-case one made a run of "B" quadratic (issue 14.2).
  // The upper-case search never goes past the next lower-case candidate, so a search that
  // ends early reads no further than the old one did.
  constexpr std::size_t kUnknown = std::string_view::npos;
  std::size_t lo = kUnknown;  // the next lower-case candidate at or after i (end: none)
  std::size_t up = from;      // with up_found: the next upper-case one; else none in [i, up)
  bool up_found = false;
  std::size_t i = from;
  while (i < end) {
    if (lo == kUnknown || lo < i) {
      const void* p = std::memchr(hay.data() + i, first, end - i);
      lo = p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : end;
    }
    std::size_t at = lo;
    if (first_upper != first) {
      if (up_found && up < i) up_found = false;
      if (!up_found && std::max(up, i) < at) {
        const std::size_t start = std::max(up, i);
        const void* p = std::memchr(hay.data() + start, first_upper, at - start);
        up_found = p != nullptr;
        up = p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : at;
      }
      if (up_found && up < at) at = up;
    }
    if (at >= end) return std::string_view::npos;
    std::size_t j = 1;
    while (j < lower_needle.size() && AsciiLower(hay[at + j]) == lower_needle[j]) ++j;
    if (j == lower_needle.size()) return at;
    i = at + 1;
  }
  return std::string_view::npos;
}

std::string_view TrimSpaces(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

namespace {

// Per byte: 1 for the white space of IsSpace(), and the byte ASCII-lower-cased.
struct ByteTables {
  bool space[256];
  char lower[256];
  constexpr ByteTables() : space(), lower() {
    for (int i = 0; i < 256; ++i) {
      // As IsSpace() and AsciiLower() (not constexpr).
      space[i] = i == ' ' || i == '\t' || i == '\n' || i == '\r' || i == '\f' || i == '\v';
      lower[i] = static_cast<char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
    }
  }
};
constexpr ByteTables kBytes;

// Collapses white space runs to one space and trims; lower-cases ASCII when \a lower.
// Writes into a buffer of the input's size (the output is never longer) through a pointer:
// push_back per byte was a tenth of a batch run (every text is normalised).
template <bool kLower>
std::string Collapse(std::string_view s) {
  std::string out;
  out.resize(s.size());
  char* const begin = out.data();
  char* o = begin;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  while (p < end && kBytes.space[*p]) ++p;  // leading white space
  while (p < end) {
    while (p < end && !kBytes.space[*p]) {
      *o++ = kLower ? kBytes.lower[*p] : static_cast<char>(*p);
      ++p;
    }
    while (p < end && kBytes.space[*p]) ++p;
    if (p < end) *o++ = ' ';  // a run between two words; trailing runs are dropped
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

}  // namespace

std::string NormalizeForMatch(std::string_view s) { return Collapse<true>(s); }

std::string CollapseSpace(std::string_view s) { return Collapse<false>(s); }

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    lines.push_back(s.substr(pos, eol - pos));
    pos = eol + 1;
  }
  return lines;
}

std::string NormalizeLineEndings(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const void* cr = std::memchr(s.data() + i, '\r', s.size() - i);
    const std::size_t stop =
        cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - s.data()) : s.size();
    out.append(s.data() + i, stop - i);
    if (stop == s.size()) break;
    out.push_back('\n');
    i = stop + 1;
    if (i < s.size() && s[i] == '\n') ++i;
  }
  return out;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return b0 == 0 ? 0 : 1;
  std::size_t len;
  unsigned min_cp;
  unsigned cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    min_cp = 0x80;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    min_cp = 0x800;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    min_cp = 0x10000;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

void AppendUtf8(std::string* out, unsigned cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Length of the run of ASCII bytes other than NUL (valid one-byte sequences) at s[i]: eight
// bytes at a time, most text being plain ASCII.
std::size_t AsciiRun(std::string_view s, std::size_t i) {
  const std::size_t start = i;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  while (i + 8 <= s.size()) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    // A byte >= 0x80, or a zero byte ((v - 1) & ~v has its high bit set for it).
    if ((v & kHigh) != 0 || ((v - kOnes) & ~v & kHigh) != 0) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && s[i] != 0) ++i;
  return i - start;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80 && s[i] != 0) {
      i += AsciiRun(s, i);
      continue;
    }
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t run = AsciiRun(s, i); run > 0) {
      out.append(s.data() + i, run);
      i += run;
      continue;
    }
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string DecodeXtext(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+' && i + 2 < s.size()) {
      // RFC 3461 section 4: hexchar is "+" followed by two upper-case hex digits.
      const int hi = (s[i + 1] >= 'a') ? -1 : HexValue(s[i + 1]);
      const int lo = (s[i + 2] >= 'a') ? -1 : HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string DecodeUtf8AddrXtext(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x' && s[i + 2] == '{') {
      const std::size_t close =
          s.substr(0, i + 10).find('}', i + 3);  // at most 6 digits: no rescans
      if (close != std::string_view::npos && close - (i + 3) >= 2 && close - (i + 3) <= 6) {
        unsigned cp = 0;
        bool ok = true;
        for (std::size_t k = i + 3; k < close; ++k) {
          const int v = HexValue(s[k]);
          if (v < 0) {
            ok = false;
            break;
          }
          cp = cp * 16 + static_cast<unsigned>(v);
        }
        if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          AppendUtf8(&out, cp);
          i = close;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string StripComments(std::string_view s) {
  // Most texts (dates, addresses) have neither comments nor quotes: copied whole.
  std::size_t plain = 0;
  while (plain < s.size() && s[plain] != '(' && s[plain] != '"' && s[plain] != '\\') ++plain;
  if (plain == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  int depth = 0;
  bool in_quote = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && (depth > 0 || in_quote)) {
      if (depth == 0) {
        out.push_back(c);
        out.push_back(s[i + 1]);
      }
      ++i;
      continue;
    }
    if (depth == 0 && c == '"') in_quote = !in_quote;
    if (!in_quote && c == '(') {
      ++depth;
      continue;
    }
    if (!in_quote && c == ')' && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0) out.push_back(c);
  }
  return out;
}

std::string_view StripAngles(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = Trim(s.substr(1, s.size() - 2));
  return s;
}

std::string_view Utf8Prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string CutText(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::string out(Utf8Prefix(s, max < kEllipsis.size() ? 0 : max - kEllipsis.size()));
  out.append(kEllipsis);
  return out;
}

bool IsInvisibleFormatting(unsigned cp) {
  return (cp >= 0x202A && cp <= 0x202E) ||  // LRE RLE PDF LRO RLO
         (cp >= 0x2066 && cp <= 0x2069) ||  // LRI RLI FSI PDI
         cp == 0x200B ||                    // zero width space (joiners stay: emoji, Persian)
         cp == 0x200E || cp == 0x200F ||    // LRM RLM
         cp == 0x2028 || cp == 0x2029 ||    // line and paragraph separators
         (cp >= 0x2060 && cp <= 0x2065) ||  // word joiner, invisible operators
         (cp >= 0x206A && cp <= 0x206F) ||  // deprecated format characters
         cp == 0x061C ||                    // ALM
         cp == 0xFEFF ||                    // BOM / zero width no-break space
         (cp >= 0xFFF9 && cp <= 0xFFFB) ||  // interlinear annotation
         (cp >= 0xE0000 && cp <= 0xE007F);  // tag characters (invisible)
}

unsigned DecodeUtf8At(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
  if (i + n > s.size()) n = s.size() - i;
  unsigned cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool HasControlOrFormatting(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const unsigned cp = DecodeUtf8At(s, i, &len);
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFD || IsInvisibleFormatting(cp))
      return true;
    i += len;
  }
  return false;
}

}  // namespace bouncetolk

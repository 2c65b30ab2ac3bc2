// SPDX-License-Identifier: MIT
//
// text.h: small byte-level string helpers shared by every stage: ASCII case folding, trimming,
// whitespace collapsing, line-ending normalisation, UTF-8 repair and xtext decoding.
// All run in linear time; functions returning string_view return views into their argument.

#ifndef BOUNCETOLK_COMMON_TEXT_H_
#define BOUNCETOLK_COMMON_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// ASCII-lowercased copy.
std::string AsciiLowerCopy(std::string_view s);
/// Case-insensitive ASCII equality of two strings of the same size.
bool EqualsIgnoreCaseSameSize(std::string_view a, std::string_view b);
/// Case-insensitive ASCII equality. Inline so that the common case, different lengths (a
/// header name against another), costs no call: header lookups compare every field's name.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && EqualsIgnoreCaseSameSize(a, b);
}
/// Case-insensitive ASCII prefix test.
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
/// Position of \a needle in \a hay ignoring ASCII case (needle must be lower case), or npos.
std::size_t FindIgnoreCase(std::string_view hay, std::string_view lower_needle,
                           std::size_t from = 0);
/// View without leading and trailing white space (including CR/LF).
std::string_view TrimSpaces(std::string_view s);
/// Trim() in the common case inline: ends that are no white space (every white space byte is
/// at most ' ') need no call.
inline std::string_view Trim(std::string_view s) {
  if (s.empty() ||
      (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' '))
    return s;
  return TrimSpaces(s);
}
/// Lower-cases ASCII and collapses every run of white space to one space; trims the ends.
/// This is the form phrase patterns are matched against.
std::string NormalizeForMatch(std::string_view s);
/// Collapses runs of white space (including newlines) to one space and trims; keeps case.
std::string CollapseSpace(std::string_view s);
/// The lines of \a s (LF-separated, without the LF), as views into \a s. A final LF does not
/// start another line.
std::vector<std::string_view> SplitLines(std::string_view s);
/// Converts CRLF and lone CR to LF. Linear; returns a new string.
std::string NormalizeLineEndings(std::string_view s);
/// Appends code point \a cp (at most U+10FFFF) to \a out as UTF-8.
void AppendUtf8(std::string* out, unsigned cp);
/// True if \a s is valid UTF-8.
bool IsValidUtf8(std::string_view s);
/// Copy of \a s in which every invalid UTF-8 sequence became U+FFFD and NUL became U+FFFD.
std::string RepairUtf8(std::string_view s);
/// Decodes RFC 3461 xtext ("+2B" -> "+"). Malformed escapes are kept as written.
std::string DecodeXtext(std::string_view s);
/// Decodes RFC 6533 "\x{HEX}" escapes of utf-8 addresses into UTF-8.
std::string DecodeUtf8AddrXtext(std::string_view s);
/// Removes RFC 822 comments "(...)" (nesting and quoted pairs honoured) outside quoted strings.
std::string StripComments(std::string_view s);
/// Strips one pair of surrounding angle brackets "<a@b>" and blanks.
std::string_view StripAngles(std::string_view s);

/// Bidi embeddings, overrides, isolates and marks (U+202A-202E, U+2066-2069, U+200E/200F,
/// U+061C), zero width space, line/paragraph separators, invisible operators, BOM, interlinear
/// annotation and tag characters: code points that change how text around them shows, or
/// hide. Terminal-safe output shows them as "\u{XXXX}", JSON escapes them.
bool IsInvisibleFormatting(unsigned cp);
/// The code point of the UTF-8 sequence at \a s[i] (\a s valid UTF-8), and its length.
unsigned DecodeUtf8At(std::string_view s, std::size_t i, std::size_t* len);
/// True when valid UTF-8 \a s holds a C0 control (tab and newline too), DEL, a C1 control, an
/// IsInvisibleFormatting() character or U+FFFD (a byte that was not UTF-8): an address with one
/// is no address mail can be delivered to as written.
bool HasControlOrFormatting(std::string_view s);

/// The longest prefix of \a s of at most \a max bytes that does not split a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, std::size_t max);
/// \a s when it has at most \a max bytes (max >= 4), else a Utf8Prefix() of it followed by
/// "…", together at most \a max bytes.
std::string CutText(std::string_view s, std::size_t max);

/// A text copied to every one of several recipients or records (a shared error text, the
/// fields of a message in each of its flat records) keeps at most this many bytes per copy...
inline constexpr std::size_t kMaxSharedTextBytes = 64u << 10;
/// ... divided among the copies, but never fewer than this many (docs/security.md).
inline constexpr std::size_t kMinSharedTextBytes = 1u << 10;
/// The bytes each of \a copies copies of one text keeps: max(kMaxSharedTextBytes / copies,
/// kMinSharedTextBytes), all of kMaxSharedTextBytes for one. So n copies of a text cost at most
/// max(64 KiB, n KiB), however long the text.
inline std::size_t SharedTextBytes(std::size_t copies) {
  const std::size_t share = kMaxSharedTextBytes / (copies ? copies : 1);
  return share > kMinSharedTextBytes ? share : kMinSharedTextBytes;
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_TEXT_H_

// SPDX-License-Identifier: MIT
//
// transfer_decode.cpp: see transfer_decode.h. The quoted-printable decoder is the state
// machine of mimetic's QP::Decoder (same states, same transitions, same output at the end),
// with its look-behind buffer kept as a range of the input (it always is one: a '=' and the
// blanks and hex digit after it, or a run of blanks) and runs of plain characters copied at
// once.

#include "mime/transfer_decode.h"

#include <cstdint>

namespace bouncetolk {
namespace {

constexpr std::int8_t kEqualSign = 100;  // the value mimetic gives '='

struct Base64Table {
  std::int8_t value[256];
  constexpr Base64Table() : value() {
    for (int i = 0; i < 256; ++i) value[i] = -1;
    for (int i = 0; i < 26; ++i) {
      value['A' + i] = static_cast<std::int8_t>(i);
      value['a' + i] = static_cast<std::int8_t>(26 + i);
    }
    for (int i = 0; i < 10; ++i) value['0' + i] = static_cast<std::int8_t>(52 + i);
    value[static_cast<unsigned char>('+')] = 62;
    value[static_cast<unsigned char>('/')] = 63;
    value[static_cast<unsigned char>('=')] = kEqualSign;
  }
};
constexpr Base64Table kBase64;

// Output of one group of four values (mimetic's Base64::Decoder::writeBuf).
inline char* WriteGroup(const std::uint8_t ch[4], char* o) {
  if (ch[0] == kEqualSign || ch[1] == kEqualSign) return o;  // padding where data belongs
  *o++ = static_cast<char>(static_cast<std::uint8_t>(ch[0] << 2 | ((ch[1] >> 4) & 0x3)));
  if (ch[2] == kEqualSign) return o;
  *o++ = static_cast<char>(static_cast<std::uint8_t>(ch[1] << 4 | ((ch[2] >> 2) & 0xF)));
  if (ch[3] == kEqualSign) return o;
  *o++ = static_cast<char>(static_cast<std::uint8_t>(ch[2] << 6 | ch[3]));
  return o;
}

inline bool IsQpBlank(unsigned char c) { return c == ' ' || c == '\t'; }
inline bool IsQpNewline(unsigned char c) { return c == '\r' || c == '\n'; }
inline bool IsQpHex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}
inline int QpHexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return 0;
}

// Characters written as they are in the "waiting for a character" state: not blank, not a
// line end, not '=', not a control character (those are dropped; TAB is a blank).
struct QpPlainTable {
  bool plain[256];
  constexpr QpPlainTable() : plain() {
    for (int i = 0; i < 256; ++i) plain[i] = i > ' ' && i != '=';
  }
};
constexpr QpPlainTable kQpPlain;

}  // namespace

std::string DecodeBase64Body(std::string_view in) {
  std::string out;
  out.resize(in.size() / 4 * 3 + 3);
  char* const begin = out.data();
  char* o = begin;
  std::uint8_t ch[4];
  int n = 0;
  for (const char c : in) {
    const std::int8_t v = kBase64.value[static_cast<unsigned char>(c)];
    if (v < 0) continue;
    ch[n++] = static_cast<std::uint8_t>(v);
    if (n == 4) {
      o = WriteGroup(ch, o);
      n = 0;
    }
  }
  // An incomplete group at the end: missing characters count as padding; one alone is dropped.
  if (n >= 2) {
    if (n == 2) ch[2] = kEqualSign;
    ch[3] = kEqualSign;
    o = WriteGroup(ch, o);
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

std::string DecodeQuotedPrintableBody(std::string_view in_view) {
  enum State { kWaitingChar, kAfterEq, kWaitingFirstHex, kWaitingSecondHex, kBlank, kNewline };
  const auto* const in = reinterpret_cast<const unsigned char*>(in_view.data());
  const std::size_t size = in_view.size();
  std::string out;
  out.reserve(size);
  State state = kWaitingChar;
  unsigned char nl = 0;     // the line-end character that started kNewline, or 0
  std::size_t prev_at = 0;  // mimetic's m_prev is in[prev_at, prev_at + prev_len)
  std::size_t prev_len = 0;
  auto flush_prev = [&] {
    out.append(in_view.data() + prev_at, prev_len);
    prev_len = 0;
  };
  std::size_t i = 0;
  while (i < size) {
    const unsigned char c = in[i];
    switch (state) {
      case kWaitingChar:
        if (kQpPlain.plain[c]) {
          std::size_t j = i + 1;
          while (j < size && kQpPlain.plain[in[j]]) ++j;
          out.append(in_view.data() + i, j - i);
          i = j;
        } else if (IsQpBlank(c)) {
          state = kBlank;
          prev_at = i;
          prev_len = 0;  // kBlank takes this character
        } else if (IsQpNewline(c)) {
          state = kNewline;  // kNewline takes this character
        } else if (c == '=') {
          state = kAfterEq;
          prev_at = i;
          prev_len = 1;
          ++i;
        } else {
          ++i;  // a control character: dropped
        }
        break;
      case kBlank:
        if (IsQpBlank(c)) {
          ++prev_len;
          ++i;
        } else if (IsQpNewline(c)) {  // blanks before a line end: dropped, with the line end
          prev_len = 0;
          state = kWaitingChar;
          ++i;
        } else {
          flush_prev();
          state = kWaitingChar;  // which takes this character
        }
        break;
      case kAfterEq:
        if (IsQpBlank(c)) {
          ++prev_len;
          ++i;
        } else if (IsQpNewline(c)) {
          state = kNewline;         // a soft line break
        } else if (prev_len > 1) {  // "=" and blanks, then text: kept as they are
          flush_prev();
          state = kWaitingChar;
        } else {
          state = kWaitingFirstHex;
        }
        break;
      case kWaitingFirstHex:
        if (!IsQpHex(c)) {
          flush_prev();
          out.push_back(static_cast<char>(c));
          state = kWaitingChar;
        } else {
          ++prev_len;
          state = kWaitingSecondHex;
        }
        ++i;
        break;
      case kWaitingSecondHex:
        if (!IsQpHex(c)) {
          flush_prev();
          out.push_back(static_cast<char>(c));
        } else {
          const unsigned char first = in[prev_at + prev_len - 1];
          out.push_back(static_cast<char>(
              static_cast<unsigned char>(QpHexValue(first) << 4 | QpHexValue(c))));
          prev_len = 0;
        }
        state = kWaitingChar;
        ++i;
        break;
      case kNewline:
        if (nl == 0) {
          nl = c;
          ++i;
        } else {
          if (prev_len == 0 || in[prev_at] != '=') out.push_back('\n');
          prev_len = 0;
          state = kWaitingChar;
          const bool pair = c == (nl == '\r' ? '\n' : '\r');
          nl = 0;
          if (pair) ++i;  // else kWaitingChar takes this character
        }
        break;
    }
  }
  // The end (mimetic's QP::Decoder::flush).
  if (prev_len == 1) {
    out.push_back('=');
  } else if (prev_len > 1) {
    out.push_back('=');
    if (in[prev_at + 1] != ' ') out.push_back(static_cast<char>(in[prev_at + 1]));
  } else if (nl != 0) {
    out.push_back('\n');
  }
  return out;
}

}  // namespace bouncetolk

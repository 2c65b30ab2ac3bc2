// SPDX-License-Identifier: MIT
//
// charset.cpp: see charset.h. iconv descriptors are opened per conversion; the fast path
// (ASCII or valid UTF-8 in a UTF-8/ASCII/unspecified charset) does not touch iconv at all.

#include "mime/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <vector>

#include "common/text.h"

namespace bouncetolk {
namespace {

bool IsUtf8Name(std::string_view cs) {
  return cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii" ||
         cs == "ansi_x3.4-1968" || cs == "7bit" || cs == "x-unknown" || cs == "unknown-8bit";
}

// iconv with //IGNORE-free manual error handling: an invalid byte becomes U+FFFD and
// conversion continues after it. Returns false when iconv does not know the charset.
// Conversion descriptors per thread and charset, opened once. iconv_open() loads the gconv
// module with dlopen() and iconv_close() unloads it again, which made every Japanese or Latin-1
// text cost a module load in a batch run (and is where ThreadSanitizer saw the loader's
// unsynchronised frees). A failed open is remembered too. At most kMaxCached per thread.
class IconvCache {
 public:
  static constexpr std::size_t kMaxCached = 32;
  ~IconvCache() {
    for (auto& [name, cd] : map_) {
      if (cd != Failed()) iconv_close(cd);
    }
  }
  // A descriptor in its initial state, or Failed(). \a owned: the caller must close it.
  iconv_t Get(const std::string& charset, bool* owned) {
    *owned = false;
    auto it = map_.find(charset);
    if (it == map_.end()) {
      iconv_t cd = iconv_open("UTF-8", charset.c_str());
      if (map_.size() >= kMaxCached) {
        *owned = cd != Failed();
        return cd;
      }
      it = map_.emplace(charset, cd).first;
    }
    if (it->second != Failed())
      iconv(it->second, nullptr, nullptr, nullptr, nullptr);  // reset state
    return it->second;
  }
  static iconv_t Failed() { return reinterpret_cast<iconv_t>(-1); }

 private:
  std::map<std::string, iconv_t> map_;
};

bool IconvToUtf8(std::string_view bytes, const std::string& charset, std::string* out) {
  thread_local IconvCache cache;
  bool owned = false;
  iconv_t cd = cache.Get(charset, &owned);
  if (cd == IconvCache::Failed()) return false;
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  std::vector<char> buf(4096);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  // The input goes to iconv a piece at a time: after an invalid byte the call starts again,
  // and a call that is handed (and may look at: AddressSanitizer's interceptor checks it all)
  // the whole rest of the text made a text of invalid bytes quadratic.
  constexpr std::size_t kPiece = 4096;
  while (in_left > 0) {
    char* o = buf.data();
    std::size_t o_left = buf.size();
    const std::size_t piece = std::min(in_left, kPiece);
    std::size_t piece_left = piece;
    const std::size_t rc = iconv(cd, &in, &piece_left, &o, &o_left);
    in_left -= piece - piece_left;
    out->append(buf.data(), buf.size() - o_left);
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // A sequence cut by the end of the piece, not of the text: the next piece has it whole.
      if (errno == EINVAL && piece < in_left + (piece - piece_left) && piece_left < piece) {
        continue;
      }
      // EILSEQ, or EINVAL at the end: skip one byte, mark it, reset the shift state.
      out->append("\xEF\xBF\xBD");
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  // Flush any shift state (ISO-2022-JP).
  char* o = buf.data();
  std::size_t o_left = buf.size();
  iconv(cd, nullptr, nullptr, &o, &o_left);
  out->append(buf.data(), buf.size() - o_left);
  if (owned) iconv_close(cd);
  return true;
}

// ISO-2022-JP is 7-bit, so unlabelled or "us-ascii" text passes as UTF-8; its escape
// sequences for JIS X 0208 ("ESC $ B", "ESC $ @") give it away. Japanese servers write it
// raw into Diagnostic-Code fields and unlabelled text parts.
bool LooksLikeIso2022Jp(std::string_view bytes) {
  return bytes.find("\x1b$B") != std::string_view::npos ||
         bytes.find("\x1b$@") != std::string_view::npos;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  if (!IconvToUtf8(bytes, "WINDOWS-1252", &out)) return RepairUtf8(bytes);
  return RepairUtf8(out);
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string DecodeQ(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      out.push_back(' ');
    } else if (s[i] == '=' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string DecodeB(std::string_view s) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : s) {
    const std::size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) continue;  // padding and junk
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

// Position of the first "?=" at or after a point, remembered between calls: searching anew
// for every "=?" made "=?a?q?x" repeated quadratic. Calls must ask for ascending positions.
struct CloseCache {
  std::size_t from = 0;
  std::size_t pos = 0;
  bool valid = false;
  std::size_t Find(std::string_view s, std::size_t at) {
    if (!valid || at < from || (pos != std::string_view::npos && pos < at)) {
      pos = s.find("?=", at);
      from = at;
      valid = true;
    }
    return pos;
  }
};

// Parses an encoded-word at s[i] ("=?cs?e?text?="). On success returns true, the decoded
// UTF-8 in *out and the length consumed in *len.
bool ReadEncodedWord(std::string_view s, std::size_t i, CloseCache* close, std::string* out,
                     std::size_t* len) {
  if (s.compare(i, 2, "=?") != 0) return false;
  const std::size_t q1 =
      s.find('?', i + 2);  // stops at the next "=?" at the latest: linear overall
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return false;
  const char enc = AsciiLower(s[q1 + 1]);
  if (enc != 'q' && enc != 'b') return false;
  const std::size_t end = close->Find(s, q1 + 3);
  if (end == std::string_view::npos || end - i > 2000) return false;
  std::string charset = AsciiLowerCopy(s.substr(i + 2, q1 - (i + 2)));
  const std::size_t star = charset.find('*');  // RFC 2231 language tag
  if (star != std::string::npos) charset.resize(star);
  std::string_view text = s.substr(q1 + 3, end - (q1 + 3));
  const std::string bytes = enc == 'q' ? DecodeQ(text) : DecodeB(text);
  *out = ToUtf8(bytes, charset);
  *len = end + 2 - i;
  return true;
}

// Charsets (lower case) in which every byte from 0x01 to 0x7F other than SO, SI and ESC is
// that ASCII character, and which iconv knows: ASCII text in them needs no conversion.
// (Checked with iconv for each name; not Shift_JIS, whose 0x5C and 0x7E are yen and overline,
// nor UTF-7.)
bool IsAsciiCompatible(std::string_view cs) {
  if (cs == "latin1" || cs == "iso-2022-jp" || cs == "euc-jp" || cs == "koi8-r" || cs == "koi8-u" ||
      cs == "gb2312" || cs == "big5" || cs == "euc-kr") {
    return true;
  }
  if (cs.size() == 12 && cs.compare(0, 11, "windows-125") == 0)
    return cs[11] >= '0' && cs[11] <= '8';
  if (cs.compare(0, 9, "iso-8859-") == 0) {
    const std::string_view n = cs.substr(9);
    return (n.size() == 1 && n[0] >= '1' && n[0] <= '9') ||
           (n.size() == 2 && n[0] == '1' &&
            ((n[1] >= '0' && n[1] <= '1') || (n[1] >= '3' && n[1] <= '6')));
  }
  return false;
}

// Bytes 0x01..0x7F only, and no SO, SI or ESC (ISO-2022-JP's shifts).
bool IsPlainAscii(std::string_view bytes) {
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0 || b >= 0x80 || b == 0x0E || b == 0x0F || b == 0x1B) return false;
  }
  return true;
}

}  // namespace

std::string ToUtf8(std::string_view bytes, std::string_view charset_in, bool* known) {
  if (known) *known = true;
  const std::string charset = AsciiLowerCopy(Trim(charset_in));
  if (IsUtf8Name(charset)) {
    if (LooksLikeIso2022Jp(bytes)) return ToUtf8(bytes, "iso-2022-jp", known);
    if (IsValidUtf8(bytes)) return std::string(bytes);
    // Mislabelled 8-bit text is almost always Windows-1252 / Latin-1 in practice.
    return Windows1252ToUtf8(bytes);
  }
  // ASCII text in an ASCII-compatible charset: what iconv would give, without iconv.
  if (IsAsciiCompatible(charset) && IsPlainAscii(bytes)) return std::string(bytes);
  std::string out;
  const std::string name =
      (charset == "iso-8859-1" || charset == "latin1") ? "WINDOWS-1252" : charset;
  if (IconvToUtf8(bytes, name, &out)) return RepairUtf8(out);
  if (known) *known = false;
  return IsValidUtf8(bytes) ? std::string(bytes) : Windows1252ToUtf8(bytes);
}

std::string DecodeHeaderValue(std::string_view value) {
  if (value.find("=?") == std::string_view::npos) return ToUtf8(value, "");
  std::string out;
  std::string pending_space;
  bool last_was_word = false;
  std::size_t plain_start = 0;
  std::size_t i = 0;
  CloseCache close;
  auto flush_plain = [&](std::size_t upto) {
    if (upto > plain_start) out += ToUtf8(value.substr(plain_start, upto - plain_start), "");
  };
  while (i < value.size()) {
    std::string decoded;
    std::size_t len = 0;
    if (value[i] == '=' && ReadEncodedWord(value, i, &close, &decoded, &len)) {
      // White space between two encoded-words is dropped (RFC 2047 section 6.2).
      std::size_t ws_start = i;
      while (ws_start > plain_start && IsSpace(value[ws_start - 1])) --ws_start;
      if (last_was_word && ws_start == plain_start) {
        // only white space since the previous word: drop it
      } else {
        flush_plain(i);
      }
      out += decoded;
      i += len;
      plain_start = i;
      last_was_word = true;
      continue;
    }
    if (!IsSpace(value[i])) last_was_word = false;
    ++i;
  }
  flush_plain(value.size());
  return out;
}

}  // namespace bouncetolk

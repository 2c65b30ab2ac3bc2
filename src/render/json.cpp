// SPDX-License-Identifier: MIT
//
// json.cpp: see json.h.

#include "render/json.h"

#include <cstdint>
#include <cstring>

#include "common/text.h"

namespace bouncetolk {

namespace {

// True for bytes that are copied as they are: printable ASCII other than '"' and '\\', and
// UTF-8 bytes other than 0xC2 (which may start a C1 control) and 0xE2 (which may start
// U+2028/U+2029 or a bidi override).
inline bool IsPlain(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xC2 && c != 0xE2;
}

// Length of the prefix of \a s made of printable ASCII other than '"' and '\\', eight bytes
// at a time (SWAR: a byte is flagged when it is >= 0x80, < 0x20, 0x7F, '"' or '\\').
std::size_t PlainAsciiPrefix(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const std::uint64_t flagged = (x & kHigh) | ((x - 0x20 * kOnes) & ~x & kHigh) |
                                  has_zero(x ^ (0x7F * kOnes)) | has_zero(x ^ ('"' * kOnes)) |
                                  has_zero(x ^ ('\\' * kOnes));
    if (flagged) break;
  }
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view in) {
  // Most values and every key are printable ASCII without quotes or backslashes: valid UTF-8
  // that needs no escape, so one scan decides and one append writes it.
  const std::size_t plain = PlainAsciiPrefix(in);
  if (plain == in.size()) {
    out->push_back('"');
    out->append(in);
    out->push_back('"');
    return;
  }
  const std::string repaired = IsValidUtf8(in) ? std::string() : RepairUtf8(in);
  const std::string_view s = repaired.empty() ? in : std::string_view(repaired);
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the run of bytes that need no escape in one go.
    std::size_t run = i;
    while (run < s.size() && IsPlain(static_cast<unsigned char>(s[run]))) ++run;
    out->append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out->append("\\\"");
        ++i;
        continue;
      case '\\':
        out->append("\\\\");
        ++i;
        continue;
      case '\n':
        out->append("\\n");
        ++i;
        continue;
      case '\r':
        out->append("\\r");
        ++i;
        continue;
      case '\t':
        out->append("\\t");
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      // C1 controls: valid JSON raw, but a terminal showing the JSON would execute U+009B.
      out->append("\\u00");
      out->push_back(kHex[static_cast<unsigned char>(s[i + 1]) >> 4]);
      out->push_back(kHex[static_cast<unsigned char>(s[i + 1]) & 0xF]);
      i += 1;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) >= 0xA8 &&
               static_cast<unsigned char>(s[i + 2]) <= 0xAE) {
      // U+2028/2029 (unsafe in JavaScript) and the bidi embeddings/overrides U+202A-202E.
      out->append("\\u202");
      out->push_back(kHex[static_cast<unsigned char>(s[i + 2]) - 0xA0]);
      i += 2;
    } else {
      out->push_back(static_cast<char>(c));
    }
    ++i;
  }
  out->push_back('"');
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_->append(json);
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_.push_back(true);
}
void JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
}
void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_.push_back(true);
}
void JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(out_, value);
}
void JsonWriter::Int(long long value) {
  Separate();
  out_->append(std::to_string(value));
}
void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}
void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

}  // namespace bouncetolk

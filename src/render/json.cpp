// SPDX-License-Identifier: MIT
//
// json.cpp: see json.h.

#include "render/json.h"

#include "common/text.h"

namespace bouncetolk {

void AppendJsonString(std::string* out, std::string_view in) {
  const std::string repaired = IsValidUtf8(in) ? std::string() : RepairUtf8(in);
  const std::string_view s = repaired.empty() ? in : std::string_view(repaired);
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out->append("\\\""); continue;
      case '\\': out->append("\\\\"); continue;
      case '\n': out->append("\\n"); continue;
      case '\r': out->append("\\r"); continue;
      case '\t': out->append("\\t"); continue;
      default: break;
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
               static_cast<unsigned char>(s[i + 2]) >= 0xA8 && static_cast<unsigned char>(s[i + 2]) <= 0xAE) {
      // U+2028/2029 (unsafe in JavaScript) and the bidi embeddings/overrides U+202A-202E.
      out->append("\\u202");
      out->push_back(kHex[static_cast<unsigned char>(s[i + 2]) - 0xA0]);
      i += 2;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('"');
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

void JsonWriter::BeginObject() { Separate(); out_->push_back('{'); first_.push_back(true); }
void JsonWriter::EndObject() { out_->push_back('}'); first_.pop_back(); }
void JsonWriter::BeginArray() { Separate(); out_->push_back('['); first_.push_back(true); }
void JsonWriter::EndArray() { out_->push_back(']'); first_.pop_back(); }

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) { Separate(); AppendJsonString(out_, value); }
void JsonWriter::Int(long long value) { Separate(); out_->append(std::to_string(value)); }
void JsonWriter::Bool(bool value) { Separate(); out_->append(value ? "true" : "false"); }
void JsonWriter::Null() { Separate(); out_->append("null"); }

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// json.h: the one JSON string encoder and a tiny writer with fixed key order. Input strings
// are valid UTF-8 (Report invariant; repaired here again if not), so output is always valid
// JSON. Controls are escaped, C1 controls and the bidi embeddings/overrides U+202A-202E too
// (so JSON shown on a terminal cannot act on it), and U+2028/2029 (safe to embed in JavaScript).

#ifndef BOUNCETOLK_RENDER_JSON_H_
#define BOUNCETOLK_RENDER_JSON_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// Appends \a s as a quoted JSON string.
void AppendJsonString(std::string* out, std::string_view s);

/// Streams one JSON object or array; commas are handled by the writer.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(long long value);
  void Bool(bool value);
  void Null();
  /// A value that is JSON text already (a number, true, false, null), written as it is.
  void Raw(std::string_view json);
  void KeyString(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void KeyStringOrNull(std::string_view key, std::string_view value) {
    Key(key);
    if (value.empty())
      Null();
    else
      String(value);
  }
  void KeyInt(std::string_view key, std::optional<int> value) {
    Key(key);
    if (value)
      Int(*value);
    else
      Null();
  }
  void KeyBool(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RENDER_JSON_H_

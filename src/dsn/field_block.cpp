// SPDX-License-Identifier: MIT
//
// field_block.cpp: see field_block.h. One pass over the lines.

#include "dsn/field_block.h"

#include "common/text.h"

namespace bouncetolk {

std::string_view FieldNameOf(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view name = Trim(line.substr(0, colon));
  if (name.empty() || name.size() > 80) return {};
  for (char c : name) {
    if (!(IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
          c == '.'))
      return {};
  }
  return name;
}

std::vector<FieldGroup> ReadFieldGroups(std::string_view text, const FieldBlockOptions& options) {
  std::vector<FieldGroup> groups;
  bool in_group = false;
  bool last_was_field = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    ++line_no;
    if (options.comments && !line.empty() && line[0] == '#') continue;
    if (Trim(line).empty()) {
      in_group = false;
      last_was_field = false;
      if (eol == text.size()) break;
      continue;
    }
    if (IsBlank(line[0])) {
      // Continuation of the previous field.
      if (last_was_field) {
        std::string& value = groups.back().fields.back().value;
        if (value.size() < options.max_field_bytes) {
          if (!value.empty()) value.push_back(options.keep_newlines ? '\n' : ' ');
          value.append(Trim(line));
          if (value.size() > options.max_field_bytes) value.resize(options.max_field_bytes);
        }
      }
      if (eol == text.size()) break;
      continue;
    }
    const std::string_view name = FieldNameOf(line);
    if (name.empty()) {
      last_was_field = false;
      if (eol == text.size()) break;
      continue;
    }
    if (!in_group) {
      if (groups.size() >= options.max_groups) break;
      groups.emplace_back();
      groups.back().line = line_no;
      in_group = true;
    }
    std::string value(Trim(line.substr(line.find(':') + 1)));
    if (value.size() > options.max_field_bytes) value.resize(options.max_field_bytes);
    groups.back().fields.push_back(Field{std::string(name), std::move(value)});
    last_was_field = true;
    if (eol == text.size()) break;
  }
  return groups;
}

const std::string* FindField(const std::vector<Field>& group, std::string_view name) {
  for (const Field& f : group) {
    if (EqualsIgnoreCase(f.name, name)) return &f.value;
  }
  return nullptr;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// field_block.cpp: see field_block.h. ReadFieldGroups() is ScanFieldGroups() with a visitor
// that copies the fields.

#include "common/field_block.h"

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

namespace {

// Owned fields, values cut at max_field_bytes, at most max_groups groups.
class GroupCollector {
 public:
  GroupCollector(const FieldBlockOptions& options, std::vector<FieldGroup>* groups)
      : options_(options), groups_(groups) {}

  bool BeginGroup(int line, std::size_t /*offset*/) {
    if (groups_->size() >= options_.max_groups) return false;
    groups_->emplace_back();
    groups_->back().line = line;
    return true;
  }
  void Field(std::string_view name, std::string_view rest) {
    std::string v(Trim(rest));
    if (v.size() > options_.max_field_bytes) v.resize(options_.max_field_bytes);
    groups_->back().fields.push_back(bouncetolk::Field{std::string(name), std::move(v)});
  }
  void Continuation(std::string_view line) {
    std::string& value = groups_->back().fields.back().value;
    if (value.size() >= options_.max_field_bytes) return;
    if (!value.empty()) value.push_back(options_.keep_newlines ? '\n' : ' ');
    value.append(Trim(line));
    if (value.size() > options_.max_field_bytes) value.resize(options_.max_field_bytes);
  }
  void EndGroup(std::size_t /*end*/) {}

 private:
  const FieldBlockOptions& options_;
  std::vector<FieldGroup>* groups_;
};

}  // namespace

std::vector<FieldGroup> ReadFieldGroups(std::string_view text, const FieldBlockOptions& options) {
  std::vector<FieldGroup> groups;
  GroupCollector collector(options, &groups);
  ScanFieldGroups(text, options.comments, collector);
  return groups;
}

const std::string* FindField(const std::vector<Field>& group, std::string_view name) {
  for (const Field& f : group) {
    if (EqualsIgnoreCase(f.name, name)) return &f.value;
  }
  return nullptr;
}

}  // namespace bouncetolk

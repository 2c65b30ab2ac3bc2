// SPDX-License-Identifier: MIT
//
// rule_set.cpp: RuleSet (include/bouncetolk/rules.h): the embedded data files plus an optional
// overlay directory, handed to the loader in rule_table.cpp.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bouncetolk/rules.h"
#include "rules/embedded.h"
#include "rules/rule_table.h"

namespace bouncetolk {
namespace {

bool ReadWholeFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Files of an overlay directory, relative paths with '/', sorted.
bool CollectOverlay(std::string_view dir, std::vector<DataFile>* files, std::vector<std::string>* errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root{std::string(dir)};
  if (!fs::is_directory(root, ec)) {
    errors->push_back(std::string(dir) + ": not a directory");
    return false;
  }
  std::vector<DataFile> found;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = it->path().extension().string();
    if (ext != ".tsv" && ext != ".txt") continue;
    DataFile f;
    f.path = fs::relative(it->path(), root, ec).generic_string();
    f.overlay = true;
    if (!ReadWholeFile(it->path(), &f.content)) {
      errors->push_back(it->path().string() + ": cannot read");
      continue;
    }
    found.push_back(std::move(f));
  }
  std::sort(found.begin(), found.end(), [](const DataFile& a, const DataFile& b) { return a.path < b.path; });
  for (DataFile& f : found) files->push_back(std::move(f));
  return true;
}

}  // namespace

RuleSet::RuleSet(std::unique_ptr<RuleTables> tables) : tables_(std::move(tables)) {}
RuleSet::~RuleSet() = default;

std::unique_ptr<const RuleSet> RuleSet::Load(std::string_view overlay_dir, std::vector<std::string>* errors) {
  std::vector<DataFile> files;
  for (const EmbeddedFile& e : EmbeddedFiles()) {
    files.push_back(DataFile{std::string(e.path), std::string(e.content), false});
  }
  if (!overlay_dir.empty() && !CollectOverlay(overlay_dir, &files, errors)) return nullptr;
  auto tables = BuildRuleTables(files, errors);
  if (!tables) return nullptr;
  return std::unique_ptr<const RuleSet>(new RuleSet(std::move(tables)));
}

std::string RuleSet::VersionString() const {
  std::uint32_t h = 2166136261u;  // FNV-1a over paths and contents, in load order
  for (const auto& [path, content] : tables_->files) {
    for (char c : path + '\0' + content) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", h);
  return std::string("rules ") + hex + " (" + std::to_string(tables_->status.size()) + " status codes, " +
         std::to_string(tables_->reply.size()) + " reply codes, " + std::to_string(tables_->phrases.size()) +
         " phrases, " + std::to_string(tables_->client_errors.size()) + " client errors)";
}

std::vector<std::string> RuleSet::Check() const { return tables_->check_errors; }

std::vector<std::pair<std::string, std::string>> RuleSet::Dump() const { return tables_->files; }

const TextRecord* RuleSet::Text(std::string_view id, Lang lang) const {
  const auto& map = tables_->texts[lang == Lang::kNl ? 0 : 1];
  auto it = map.find(std::string(id));
  return it == map.end() ? nullptr : &it->second;
}

const std::string* RuleSet::ReplyTemplate(std::string_view id, Lang lang) const {
  const auto& map = tables_->replies[lang == Lang::kNl ? 0 : 1];
  auto it = map.find(std::string(id));
  return it == map.end() ? nullptr : &it->second.body;
}

std::string_view RuleSet::Message(std::string_view key, Lang lang) const {
  const auto& map = tables_->messages[lang == Lang::kNl ? 0 : 1];
  auto it = map.find(std::string(key));
  return it == map.end() ? key : std::string_view(it->second);
}

}  // namespace bouncetolk

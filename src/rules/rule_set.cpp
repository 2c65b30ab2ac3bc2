// SPDX-License-Identifier: MIT
//
// rule_set.cpp: RuleSet (include/bouncetolk/rules.h): the embedded data files plus an optional
// overlay directory, handed to the loader in rule_table.cpp.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bouncetolk/render.h"
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

// Files of an overlay directory, relative paths with '/', sorted; their contents are kept in
// \a storage.
bool CollectOverlay(std::string_view dir, std::vector<DataFile>* files,
                    std::deque<std::string>* storage, std::vector<std::string>* errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root{std::string(dir)};
  if (!fs::is_directory(root, ec)) {
    errors->push_back(std::string(dir) + ": not a directory");
    return false;
  }
  std::vector<std::pair<DataFile, std::string>> found;
  for (auto it = fs::recursive_directory_iterator(
           root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = it->path().extension().string();
    if (ext != ".tsv" && ext != ".txt") continue;
    DataFile f;
    f.path = fs::relative(it->path(), root, ec).generic_string();
    f.overlay = true;
    std::string content;
    if (!ReadWholeFile(it->path(), &content)) {
      errors->push_back(it->path().string() + ": cannot read");
      continue;
    }
    found.emplace_back(std::move(f), std::move(content));
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first.path < b.first.path; });
  for (auto& [f, content] : found) {
    f.content = storage->emplace_back(std::move(content));
    files->push_back(std::move(f));
  }
  return true;
}

// Error messages quote cells and file names of an overlay, which may hold escape sequences or
// invalid bytes: they are made safe to print on a terminal (issue 14), as message text is.
std::vector<std::string> SafeErrors(std::vector<std::string> errors) {
  for (std::string& e : errors) e = TerminalSafe(e);
  return errors;
}

}  // namespace

std::vector<DataFile> EmbeddedDataFiles() {
  std::vector<DataFile> files;
  files.reserve(EmbeddedFiles().size());
  for (const EmbeddedFile& e : EmbeddedFiles())
    files.push_back(DataFile{std::string(e.path), e.content, false});
  return files;
}

RuleSet::RuleSet(std::unique_ptr<RuleTables> tables) : tables_(std::move(tables)) {}
RuleSet::~RuleSet() = default;

// The embedded tables alone are trusted: a test validates them at build time
// (RulesTest.EmbeddedTablesPassCheck), so a normal run skips the cross-checks and reads only
// the texts it shows. Overlays are validated in full on every load.
std::unique_ptr<const RuleSet> RuleSet::Load(std::string_view overlay_dir,
                                             std::vector<std::string>* errors) {
  // Whichever way it returns, the errors it added are made safe (SafeErrors).
  struct SafeOnReturn {
    std::vector<std::string>* errors;
    std::size_t from;
    ~SafeOnReturn() {
      for (std::size_t i = from; i < errors->size(); ++i) (*errors)[i] = TerminalSafe((*errors)[i]);
    }
  } safe_on_return{errors, errors->size()};
  std::vector<DataFile> files = EmbeddedDataFiles();
  std::deque<std::string> storage;
  if (!overlay_dir.empty() && !CollectOverlay(overlay_dir, &files, &storage, errors))
    return nullptr;
  auto tables = BuildRuleTables(files, errors, overlay_dir.empty());
  if (!tables) return nullptr;
  tables->file_storage = std::move(storage);  // moving a deque moves no element: views stay valid
  return std::unique_ptr<const RuleSet>(new RuleSet(std::move(tables)));
}

std::string RuleSet::VersionString() const {
  std::uint32_t h = 2166136261u;  // FNV-1a over paths and contents, in load order
  auto add = [&h](std::string_view bytes) {
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  };
  for (const DataFile& f : tables_->files) {
    add(f.path);
    add(std::string_view("\0", 1));
    add(f.content);
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", h);
  return std::string("rules ") + hex + " (" + std::to_string(tables_->status.size()) +
         " status codes, " + std::to_string(tables_->reply.size()) + " reply codes, " +
         std::to_string(tables_->phrases.size()) + " phrases, " +
         std::to_string(tables_->client_errors.size()) + " client errors)";
}

std::vector<std::string> RuleSet::Check() const {
  // A trusted load skipped the checks: run them now, on the same files.
  return SafeErrors(tables_->trusted ? CheckRuleFiles(tables_->files) : tables_->check_errors);
}

std::vector<std::string> RuleSet::Notes() const {
  if (!tables_->trusted) return tables_->check_notes;
  std::vector<std::string> errors;
  auto t = BuildRuleTables(tables_->files, &errors, false);
  return t ? t->check_notes : std::vector<std::string>();
}

std::vector<std::pair<std::string, std::string>> RuleSet::Dump() const {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(tables_->files.size());
  for (const DataFile& f : tables_->files) out.emplace_back(f.path, std::string(f.content));
  return out;
}

const TextRecord* RuleSet::Text(std::string_view id, Lang lang) const {
  return FindText(*tables_, id, lang);
}

const std::string* RuleSet::ReplyTemplate(std::string_view id, Lang lang) const {
  const bouncetolk::ReplyTemplate* r = FindReply(*tables_, id, lang);
  return r ? &r->body : nullptr;
}

std::string_view RuleSet::Message(std::string_view key, Lang lang) const {
  const std::string* m = FindMessage(*tables_, key, lang);
  return m ? std::string_view(*m) : key;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// text_store.cpp: see text_store.h. Text records and reply headers are field blocks
// (common/field_block.h); a trusted file's records are found with the same ScanFieldGroups()
// grouping that ReadFieldGroups() uses, so a record read lazily is the one a full load reads.

#include "rules/text_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/field_block.h"
#include "common/text.h"
#include "rules/rule_table.h"

namespace bouncetolk {
namespace {

FieldBlockOptions TextFileOptions() {
  FieldBlockOptions o;
  o.comments = true;
  return o;
}

// The record of group \a g (whose Id is \a id); unknown fields go to \a errors (may be
// nullptr).
TextRecord MakeTextRecord(const DataFile& f, const FieldGroup& g, const std::string& id,
                          std::vector<std::string>* errors) {
  TextRecord rec;
  rec.id = id;
  for (const Field& field : g.fields) {
    if (EqualsIgnoreCase(field.name, "Title"))
      rec.title = field.value;
    else if (EqualsIgnoreCase(field.name, "Explanation"))
      rec.explanation = field.value;
    else if (EqualsIgnoreCase(field.name, "Fix"))
      rec.fix = field.value;
    else if (errors && !EqualsIgnoreCase(field.name, "Id")) {
      errors->push_back(
          fmt::format("{}: unknown field '{}' in '{}'", Where(f, g.line), field.name, id));
    }
  }
  return rec;
}

// Trusted files: the records of a file by Id, each kept as its bytes, to be parsed by
// ReadFieldGroups when first looked up (a test compares every record with the full load). An Id
// that is folded over several lines is read from the parsed group instead. A visitor of
// ScanFieldGroups.
class TextIndexer {
 public:
  TextIndexer(const DataFile& f, const LazyLang& l) : f_(f), l_(l) {}

  bool BeginGroup(int line, std::size_t offset) {
    line_ = line;
    start_ = offset;
    id_ = std::string_view();
    has_id_ = false;
    id_folded_ = false;
    last_was_id_ = false;
    return true;
  }
  void Field(std::string_view name, std::string_view rest) {
    last_was_id_ = !has_id_ && EqualsIgnoreCase(name, "Id");  // FindField takes the first
    if (last_was_id_) {
      has_id_ = true;
      id_ = Trim(rest);
    }
  }
  void Continuation(std::string_view /*line*/) {
    if (last_was_id_) id_folded_ = true;
  }
  void EndGroup(std::size_t end) {
    const std::string_view block = f_.content.substr(start_, end - start_);
    std::string_view id = id_;
    if (id_folded_) {
      const auto groups = ReadFieldGroups(block, TextFileOptions());
      const std::string* full = groups.empty() ? nullptr : FindField(groups[0].fields, "Id");
      id = full ? std::string_view(l_.folded_ids.emplace_back(*full)) : std::string_view();
    }
    if (id.empty()) return;
    auto [it, added] = l_.texts.try_emplace(id);
    if (!added && it->second.file == &f_) return;  // a duplicate in one file: the first counts
    it->second.block = block;
    it->second.file = &f_;
    it->second.line = line_;
  }

 private:
  const DataFile& f_;
  const LazyLang& l_;
  int line_ = 0;
  std::size_t start_ = 0;
  std::string_view id_;
  bool has_id_ = false;  // the group's first Id field was seen
  bool id_folded_ = false;
  bool last_was_id_ = false;
};

// Errors cannot happen in trusted files (a test loads them validated); they are dropped.
std::vector<std::string>* Ignored() {
  thread_local std::vector<std::string> ignored;
  ignored.clear();
  return &ignored;
}

}  // namespace

void LoadTexts(const DataFile& f, Lang lang, RuleTables* t, std::vector<std::string>* errors) {
  std::set<std::string> seen;
  for (const FieldGroup& g : ReadFieldGroups(f.content, TextFileOptions())) {
    const std::string* id = FindField(g.fields, "Id");
    if (!id || id->empty()) {
      errors->push_back(fmt::format("{}: text record without Id", Where(f, g.line)));
      continue;
    }
    if (!seen.insert(*id).second) {
      errors->push_back(fmt::format("{}: duplicate text record '{}'", Where(f, g.line), *id));
      continue;
    }
    TextRecord rec = MakeTextRecord(f, g, *id, errors);
    if (rec.title.empty() || rec.explanation.empty() || rec.fix.empty()) {
      t->check_errors.push_back(fmt::format("{}: text record '{}' needs Title, Explanation and Fix",
                                            Where(f, g.line), *id));
    }
    t->text_origins[lang][*id] = RowOrigin{f.path, g.line};
    t->texts[lang][*id] = std::move(rec);
  }
}

void LoadMessages(const DataFile& f, std::map<std::string, std::string, std::less<>>* messages,
                  std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"key", "text"}, &rows, errors)) return;
  for (const TsvRow& r : rows) (*messages)[std::string(r.cells[0])] = std::string(r.cells[1]);
}

// data/replies/<lang>/<id>.txt: a header block (Id: must equal the file stem), a blank line,
// then the template body.
void LoadReply(const DataFile& f, std::map<std::string, ReplyTemplate, std::less<>>* replies,
               std::vector<std::string>* errors) {
  const std::string_view path(f.path);
  const std::size_t slash = path.rfind('/');
  const std::string stem(path.substr(slash + 1, path.size() - slash - 1 - 4));
  std::string_view text(f.content);
  const std::size_t blank = text.find("\n\n");
  if (blank == std::string_view::npos) {
    errors->push_back(fmt::format(
        "data/{}:1: a reply template needs a header block, a blank line and a body", f.path));
    return;
  }
  const auto groups = ReadFieldGroups(text.substr(0, blank), TextFileOptions());
  const std::string* id = groups.empty() ? nullptr : FindField(groups[0].fields, "Id");
  if (!id || *id != stem) {
    errors->push_back(fmt::format("data/{}:1: Id must be '{}'", f.path, stem));
    return;
  }
  ReplyTemplate r{stem, std::string(text.substr(blank + 2)), RowOrigin{f.path, 1}};
  // Every {placeholder} must be known.
  for (std::size_t open = r.body.find('{'); open != std::string::npos;
       open = r.body.find('{', open + 1)) {
    const std::size_t close = r.body.find('}', open);
    const std::string name =
        close == std::string::npos ? std::string() : r.body.substr(open + 1, close - open - 1);
    if (std::find(std::begin(kReplyPlaceholders), std::end(kReplyPlaceholders), name) ==
        std::end(kReplyPlaceholders)) {
      errors->push_back(fmt::format("data/{}: unknown placeholder '{{{}}}'", f.path, name));
    }
  }
  (*replies)[stem] = std::move(r);
}

const TextRecord* FindText(const RuleTables& t, std::string_view id, Lang lang) {
  if (!t.trusted) {
    const auto& map = t.texts[lang];
    auto it = map.find(std::string(id));
    return it == map.end() ? nullptr : &it->second;
  }
  const LazyLang& l = t.lazy[lang];
  std::call_once(l.texts_once, [&l] {
    l.texts.reserve(512);
    for (const DataFile* f : l.text_files) {
      TextIndexer indexer(*f, l);
      ScanFieldGroups(f->content, true, indexer);
    }
  });
  auto it = l.texts.find(id);
  if (it == l.texts.end()) return nullptr;
  const LazyText& lt = it->second;
  std::call_once(lt.once, [&lt, id] {
    const auto groups = ReadFieldGroups(lt.block, TextFileOptions());
    if (!groups.empty()) lt.record = MakeTextRecord(*lt.file, groups[0], std::string(id), nullptr);
  });
  return &lt.record;
}

const std::string* FindMessage(const RuleTables& t, std::string_view key, Lang lang) {
  const std::map<std::string, std::string, std::less<>>* map = &t.messages[lang];
  if (t.trusted) {
    const LazyLang& l = t.lazy[lang];
    std::call_once(l.messages_once, [&l] {
      for (const DataFile* f : l.message_files) LoadMessages(*f, &l.messages, Ignored());
    });
    map = &l.messages;
  }
  auto it = map->find(key);
  return it == map->end() ? nullptr : &it->second;
}

const ReplyTemplate* FindReply(const RuleTables& t, std::string_view id, Lang lang) {
  const std::map<std::string, ReplyTemplate, std::less<>>* map = &t.replies[lang];
  if (t.trusted) {
    const LazyLang& l = t.lazy[lang];
    std::call_once(l.replies_once, [&l] {
      for (const DataFile* f : l.reply_files) LoadReply(*f, &l.replies, Ignored());
    });
    map = &l.replies;
  }
  auto it = map->find(id);
  return it == map->end() ? nullptr : &it->second;
}

}  // namespace bouncetolk

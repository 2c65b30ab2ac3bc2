// SPDX-License-Identifier: MIT
//
// rule_table.cpp: the loader of data/ (see rule_table.h and docs/data-format.md). Errors are
// reported as "data/rules/phrases.tsv:42: unknown reason 'mailboxful'".

#include "rules/rule_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "bouncetolk/status_code.h"
#include "common/text.h"
#include "dsn/field_block.h"

namespace bouncetolk {
namespace {

// The widest table (phrases.tsv) has 8 columns.
constexpr std::size_t kMaxColumns = 8;

// A row's cells are views into the file's content (which outlives the tables).
struct TsvRow {
  std::array<std::string_view, kMaxColumns> cells;
  int line = 0;
};

// Splits \a line at tabs into \a cells (trimmed; at most kMaxColumns are kept) and returns
// the number of cells.
std::size_t SplitTabs(std::string_view line, std::array<std::string_view, kMaxColumns>* cells) {
  std::size_t n = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (n < kMaxColumns) {
      (*cells)[n] = Trim(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    }
    ++n;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n;
}

// Reads a TSV table with the given header. Returns false when the header is wrong; rows with
// a wrong column count are reported and skipped, the others are still returned.
bool ReadTsv(const DataFile& file, const std::vector<std::string_view>& header,
             std::vector<TsvRow>* rows, std::vector<std::string>* errors) {
  std::string_view text(file.content);
  bool seen_header = false;
  int line_no = 0;
  std::size_t pos = 0;
  rows->reserve(text.size() / 48);  // about one row per 48 bytes in data/rules/
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    TsvRow row;
    const std::size_t columns = SplitTabs(line, &row.cells);
    if (!seen_header) {
      seen_header = true;
      if (columns != header.size() ||
          !std::equal(header.begin(), header.end(), row.cells.begin())) {
        std::string joined;
        for (auto h : header) joined += std::string(h) + " ";
        errors->push_back(
            fmt::format("data/{}:{}: header must be: {}", file.path, line_no, Trim(joined)));
        return false;
      }
      continue;
    }
    if (columns != header.size()) {
      errors->push_back(fmt::format("data/{}:{}: expected {} columns, found {}", file.path, line_no,
                                    header.size(), columns));
      continue;
    }
    row.line = line_no;
    rows->push_back(row);
  }
  if (!seen_header) {
    errors->push_back(fmt::format("data/{}:1: missing header row", file.path));
    return false;
  }
  return true;
}

std::string Where(const DataFile& f, int line) { return fmt::format("data/{}:{}", f.path, line); }

bool ParseReasonCell(const DataFile& f, const TsvRow& row, std::string_view cell, Reason* out,
                     std::vector<std::string>* errors) {
  auto r = ParseReason(cell);
  if (!r) {
    errors->push_back(fmt::format("{}: unknown reason '{}'", Where(f, row.line), cell));
    return false;
  }
  *out = *r;
  return true;
}

bool ParsePartyCell(const DataFile& f, const TsvRow& row, std::string_view cell, Party* out,
                    std::vector<std::string>* errors) {
  auto p = ParseParty(cell);
  if (!p) {
    errors->push_back(fmt::format("{}: unknown party '{}'", Where(f, row.line), cell));
    return false;
  }
  *out = *p;
  return true;
}

bool ValidStatusPattern(std::string_view code) {
  // c.s.d, X.s.d, c.s.*, X.s.*, c.*.*
  if (code.size() < 5 || code[1] != '.') return false;
  const char c = code[0];
  if (!(c == '2' || c == '4' || c == '5' || c == 'X')) return false;
  std::string concrete(code);
  concrete[0] = c == 'X' ? '5' : c;
  if (code.substr(1) == ".*.*") return c != 'X';
  if (code.size() >= 3 && code.substr(code.size() - 2) == ".*") {
    concrete.replace(concrete.size() - 1, 1, "0");
  }
  return EnhancedStatus::Parse(concrete).has_value();
}

bool ValidReplyPattern(std::string_view code) {
  if (code.size() == 3 && code[1] == 'x' && code[2] == 'x') return code[0] >= '2' && code[0] <= '5';
  return code.size() == 3 && IsDigit(code[0]) && IsDigit(code[1]) && IsDigit(code[2]) &&
         code[0] >= '2' && code[0] <= '5';
}

std::string TextIdOrOwn(std::string_view cell, std::string_view ns, std::string_view key) {
  if (cell.empty() || cell == "-") {
    std::string id;
    id.reserve(ns.size() + 1 + key.size());
    id.append(ns).append(1, ':').append(key);
    return id;
  }
  return std::string(cell);
}

bool ValidPhraseId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!(IsDigit(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_')) return false;
  }
  return true;
}

int LangIndex(std::string_view path) {
  if (path.substr(0, 8) == "text/nl/") return 0;
  if (path.substr(0, 8) == "text/en/") return 1;
  return -1;
}

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

void LoadTexts(const DataFile& f, int lang, RuleTables* t, std::vector<std::string>* errors) {
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

// Trusted files: the records of \a f by Id, each kept as its lines, to be parsed by
// ReadFieldGroups when first looked up. The lines are grouped exactly as ReadFieldGroups
// groups them (a test compares every record with the full load); an Id that is folded over
// several lines is read from the parsed group instead.
void IndexTexts(const DataFile& f, const LazyLang& l) {
  const std::string_view text = f.content;
  std::string_view id;
  bool has_id = false;  // the group's first Id field was seen (FindField takes the first)
  bool id_folded = false;
  bool in_group = false;
  bool last_was_field = false;
  bool last_was_id = false;
  std::size_t group_start = 0;
  int group_line = 0;
  auto finish = [&](std::size_t end) {
    in_group = false;
    const std::string_view block = text.substr(group_start, end - group_start);
    if (id_folded) {
      const auto groups = ReadFieldGroups(block, TextFileOptions());
      const std::string* full = groups.empty() ? nullptr : FindField(groups[0].fields, "Id");
      id = full ? std::string_view(l.folded_ids.emplace_back(*full)) : std::string_view();
    }
    if (id.empty()) return;
    auto [it, added] = l.texts.try_emplace(id);
    if (!added && it->second.file == &f) return;  // a duplicate in one file: the first counts
    it->second.block = block;
    it->second.file = &f;
    it->second.line = group_line;
  };
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::size_t line_start = pos;
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty() ||
        (IsSpace(line[0]) && Trim(line).empty())) {  // Trim only when it may be blank
      if (in_group) finish(line_start);
      last_was_field = false;
      if (eol == text.size()) break;
      continue;
    }
    if (IsBlank(line[0])) {
      if (last_was_field && last_was_id) id_folded = true;
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
      in_group = true;
      group_start = line_start;
      group_line = line_no;
      id = std::string_view();
      has_id = false;
      id_folded = false;
    }
    last_was_id = !has_id && EqualsIgnoreCase(name, "Id");
    if (last_was_id) {
      has_id = true;
      id = Trim(line.substr(line.find(':') + 1));
    }
    last_was_field = true;
    if (eol == text.size()) break;
  }
  if (in_group) finish(text.size());
}

void LoadMessages(const DataFile& f, std::map<std::string, std::string, std::less<>>* messages,
                  std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"key", "text"}, &rows, errors)) return;
  for (const TsvRow& r : rows) (*messages)[std::string(r.cells[0])] = std::string(r.cells[1]);
}

void CheckSource(const DataFile& f, const TsvRow& row, std::string_view source, RuleTables* t) {
  if (t->trusted) return;
  if (source.empty() || source == "-") {
    t->check_errors.push_back(fmt::format("{}: missing source", Where(f, row.line)));
  }
}

void LoadReasons(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"reason", "hard", "party", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    ReasonRule rule;
    if (!ParseReasonCell(f, r, r.cells[0], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[2], &rule.party, errors)) continue;
    rule.hard = r.cells[1];
    if (rule.hard != "yes" && rule.hard != "no" && rule.hard != "if-permanent") {
      errors->push_back(fmt::format("{}: hard must be yes, no or if-permanent, not '{}'",
                                    Where(f, r.line), rule.hard));
      continue;
    }
    rule.source = r.cells[3];
    rule.origin = RowOrigin{f.path, r.line};
    CheckSource(f, r, rule.source, t);
    t->reasons[static_cast<int>(rule.reason)] = std::move(rule);
  }
}

void LoadCodes(const DataFile& f, bool status, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  const bool ok =
      status ? ReadTsv(f, {"code", "kind", "reason", "party", "text", "source"}, &rows, errors)
             : ReadTsv(f, {"code", "reason", "party", "text", "source"}, &rows, errors);
  if (!ok) return;
  std::unordered_set<std::string_view> seen;
  seen.reserve(rows.size());
  for (const TsvRow& r : rows) {
    CodeRule rule;
    std::size_t c = 0;
    rule.code = r.cells[c++];
    if (status) rule.kind = r.cells[c++];
    if (status ? !ValidStatusPattern(rule.code) : !ValidReplyPattern(rule.code)) {
      errors->push_back(fmt::format("{}: malformed code '{}'", Where(f, r.line), rule.code));
      continue;
    }
    if (status && rule.kind != "iana" && rule.kind != "vendor" && rule.kind != "fallback") {
      errors->push_back(fmt::format("{}: kind must be iana, vendor or fallback, not '{}'",
                                    Where(f, r.line), rule.kind));
      continue;
    }
    if (!ParseReasonCell(f, r, r.cells[c++], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[c++], &rule.party, errors)) continue;
    rule.text_id = TextIdOrOwn(r.cells[c++], status ? "status" : "reply", rule.code);
    rule.source = r.cells[c++];
    rule.origin = RowOrigin{f.path, r.line};
    if (!seen.insert(r.cells[0]).second) {
      errors->push_back(fmt::format("{}: duplicate code '{}'", Where(f, r.line), rule.code));
      continue;
    }
    CheckSource(f, r, rule.source, t);
    auto& table = status ? t->status : t->reply;
    table[rule.code] = std::move(rule);
  }
}

// \a index: the position in t->phrases of each id there.
void LoadPhrases(const DataFile& f, RuleTables* t, std::vector<PhraseRule>* front,
                 std::unordered_map<std::string_view, std::size_t>* index,
                 std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"id", "scope", "pattern", "reason", "party", "permanence", "text", "source"},
               &rows, errors))
    return;
  std::unordered_set<std::string_view> seen;
  seen.reserve(rows.size());
  for (const TsvRow& r : rows) {
    PhraseRule rule;
    rule.id = r.cells[0];
    rule.scope = r.cells[1];
    rule.pattern = r.cells[2];
    if (!ValidPhraseId(rule.id)) {
      errors->push_back(
          fmt::format("{}: phrase id '{}' must be [a-z0-9._-]+", Where(f, r.line), rule.id));
      continue;
    }
    if (!seen.insert(r.cells[0]).second) {
      errors->push_back(fmt::format("{}: duplicate phrase id '{}'", Where(f, r.line), rule.id));
      continue;
    }
    if (rule.scope != "text" && rule.scope != "subject") {
      errors->push_back(
          fmt::format("{}: scope must be text or subject, not '{}'", Where(f, r.line), rule.scope));
      continue;
    }
    std::string err;
    // Trusted patterns are not parsed here; one that did not compile would never match.
    if (rule.pattern.empty() || (!t->trusted && !PhraseMatcher::Validate(rule.pattern, &err))) {
      errors->push_back(fmt::format("{}: pattern of '{}' does not compile: {}", Where(f, r.line),
                                    rule.id, err.empty() ? "empty" : err));
      continue;
    }
    if (!t->trusted && rule.pattern.compare(0, 3, "re:") != 0 &&
        rule.pattern != NormalizeForMatch(rule.pattern)) {
      t->check_errors.push_back(fmt::format(
          "{}: pattern of '{}' must be lower case with single spaces, or it can never match",
          Where(f, r.line), rule.id));
    }
    if (!ParseReasonCell(f, r, r.cells[3], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[4], &rule.party, errors)) continue;
    const std::string_view perm = r.cells[5];
    if (perm == "permanent")
      rule.permanence = Permanence::kPermanent;
    else if (perm == "temporary")
      rule.permanence = Permanence::kTemporary;
    else if (perm != "-") {
      errors->push_back(fmt::format("{}: permanence must be permanent, temporary or -, not '{}'",
                                    Where(f, r.line), perm));
      continue;
    }
    rule.text_id = TextIdOrOwn(r.cells[6], "phrase", rule.id);
    rule.source = r.cells[7];
    rule.origin = RowOrigin{f.path, r.line};
    CheckSource(f, r, rule.source, t);
    auto same = index->find(r.cells[0]);
    if (same != index->end()) {
      t->phrases[same->second] = std::move(rule);
    } else if (f.overlay) {
      front->push_back(std::move(rule));
    } else {
      index->emplace(r.cells[0], t->phrases.size());
      t->phrases.push_back(std::move(rule));
    }
  }
}

bool ValidMarkerField(std::string_view field) {
  for (std::string_view f : {"subject", "from", "header", "text", "boundary"}) {
    if (field == f) return true;
  }
  return false;
}

void LoadLhostMarkers(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"reader", "field", "pattern", "source"}, &rows, errors)) return;
  for (TsvRow& r : rows) {
    LhostMarker m{std::string(r.cells[0]), std::string(r.cells[1]), std::string(r.cells[2]),
                  std::string(r.cells[3]), RowOrigin{f.path, r.line}};
    if (!ValidMarkerField(m.field)) {
      errors->push_back(
          fmt::format("{}: field must be subject, from, header, text or boundary, not '{}'",
                      Where(f, r.line), m.field));
      continue;
    }
    if (m.pattern.empty() || (!t->trusted && (m.pattern != NormalizeForMatch(m.pattern) ||
                                              m.pattern.compare(0, 3, "re:") == 0))) {
      errors->push_back(
          fmt::format("{}: pattern '{}' must be lower case with single spaces (no re:)",
                      Where(f, r.line), m.pattern));
      continue;
    }
    CheckSource(f, r, m.source, t);
    t->lhost_markers.push_back(std::move(m));
  }
}

void LoadClientErrors(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"code", "text", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    ClientErrorRule rule;
    rule.code = r.cells[0];
    if (StartsWithIgnoreCase(rule.code, "0x")) {
      for (std::size_t i = 2; i < rule.code.size(); ++i) {
        rule.code[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(rule.code[i])));
      }
      rule.code[1] = 'x';
    }
    rule.text_id = TextIdOrOwn(r.cells[1], "client", rule.code);
    rule.source = r.cells[2];
    rule.origin = RowOrigin{f.path, r.line};
    CheckSource(f, r, rule.source, t);
    t->client_errors[rule.code] = std::move(rule);
  }
}

void LoadExchangeNumbers(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"number", "enhanced", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    ExchangeNumberRule rule{std::string(r.cells[0]), std::string(r.cells[1]),
                            std::string(r.cells[2]), RowOrigin{f.path, r.line}};
    if (!EnhancedStatus::Parse(rule.enhanced)) {
      errors->push_back(
          fmt::format("{}: '{}' is not an enhanced status code", Where(f, r.line), rule.enhanced));
      continue;
    }
    CheckSource(f, r, rule.source, t);
    t->exchange_numbers[rule.number] = std::move(rule);
  }
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
  FieldBlockOptions o;
  o.comments = true;
  const auto groups = ReadFieldGroups(text.substr(0, blank), o);
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

// Cross-table checks for "rules check": every referenced text exists in both languages.
void CheckReferences(RuleTables* t) {
  auto need = [&](const std::string& id, const RowOrigin& o) {
    for (int lang = 0; lang < 2; ++lang) {
      if (t->texts[lang].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/{}:{}: no {} text '{}'", o.file, o.line,
                                              lang == 0 ? "Dutch" : "English", id));
      }
    }
  };
  for (int i = 0; i < kReasonCount; ++i) {
    const auto token = ReasonToken(static_cast<Reason>(i));
    if (!t->reasons[i]) {
      t->check_errors.push_back(
          fmt::format("data/rules/reasons.tsv: reason '{}' has no row", token));
      continue;
    }
    need(fmt::format("reason:{}", token), t->reasons[i]->origin);
  }
  for (const auto& [code, rule] : t->status) need(rule.text_id, rule.origin);
  for (const auto& [code, rule] : t->reply) need(rule.text_id, rule.origin);
  for (const auto& rule : t->phrases) need(rule.text_id, rule.origin);
  for (const auto& [code, rule] : t->client_errors) need(rule.text_id, rule.origin);
  // Records that exist in one language only.
  for (int lang = 0; lang < 2; ++lang) {
    for (const auto& [id, origin] : t->text_origins[lang]) {
      if (t->texts[1 - lang].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/{}:{}: '{}' has no {} counterpart", origin.file,
                                              origin.line, id, lang == 0 ? "English" : "Dutch"));
      }
    }
  }
  // Reply templates: the frames, a general fallback, and one per reason, in both languages.
  for (int lang = 0; lang < 2; ++lang) {
    const char* lname = lang == 0 ? "nl" : "en";
    std::vector<std::string> need_ids = {"frame", "frame-delayed", "frame-other", "delayed",
                                         "default"};
    for (int i = 0; i < kReasonCount; ++i)
      need_ids.emplace_back(ReasonToken(static_cast<Reason>(i)));
    for (const auto& id : need_ids) {
      if (t->replies[lang].count(id) == 0) {
        t->check_errors.push_back(
            fmt::format("data/replies/{}/{}.txt: missing reply template", lname, id));
      }
    }
    for (const auto& [id, tmpl] : t->replies[lang]) {
      if (t->replies[1 - lang].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/{}: no {} counterpart", tmpl.origin.file,
                                              lang == 0 ? "English" : "Dutch"));
      }
    }
  }
  for (const char* key :
       {"label.recipient", "label.status", "label.explanation", "label.fix", "label.party"}) {
    for (int lang = 0; lang < 2; ++lang) {
      if (t->messages[lang].count(key) == 0) {
        t->check_errors.push_back(fmt::format("data/text/{}/messages.tsv: missing key '{}'",
                                              lang == 0 ? "nl" : "en", key));
      }
    }
  }
}

}  // namespace

std::unique_ptr<RuleTables> BuildRuleTables(const std::vector<DataFile>& files,
                                            std::vector<std::string>* errors, bool trusted) {
  auto t = std::make_unique<RuleTables>();
  t->trusted = trusted;
  t->files = files;  // not resized again: LazyLang points into it
  const std::size_t errors_before = errors->size();
  std::vector<PhraseRule> front;
  std::unordered_map<std::string_view, std::size_t> phrase_index;
  phrase_index.reserve(512);
  t->phrases.reserve(512);  // about 350 embedded rows: no reallocation of the rules
  t->lhost_markers.reserve(512);
  // rules/phrases-vendor.tsv holds the vendor formats' phrases; they come after the general
  // phrases of rules/phrases.tsv whatever order the files arrive in (docs/data-format.md).
  std::vector<const DataFile*> vendor_phrases;
  for (const DataFile& f : t->files) {
    const std::string& p = f.path;
    const int lang = LangIndex(p);
    const bool txt = p.size() > 4 && p.compare(p.size() - 4, 4, ".txt") == 0;
    const int reply_lang = p.size() > 15 && txt ? (p.compare(0, 11, "replies/nl/") == 0   ? 0
                                                   : p.compare(0, 11, "replies/en/") == 0 ? 1
                                                                                          : -1)
                                                : -1;
    const bool messages =
        lang >= 0 && p.size() > 13 && p.compare(p.size() - 13, 13, "/messages.tsv") == 0;
    if (p == "rules/reasons.tsv")
      LoadReasons(f, t.get(), errors);
    else if (p == "rules/status.tsv")
      LoadCodes(f, true, t.get(), errors);
    else if (p == "rules/reply.tsv")
      LoadCodes(f, false, t.get(), errors);
    else if (p == "rules/phrases.tsv")
      LoadPhrases(f, t.get(), &front, &phrase_index, errors);
    else if (p == "rules/phrases-vendor.tsv")
      vendor_phrases.push_back(&f);
    else if (p == "rules/lhost.tsv")
      LoadLhostMarkers(f, t.get(), errors);
    else if (p == "rules/client_errors.tsv")
      LoadClientErrors(f, t.get(), errors);
    else if (p == "rules/exchange_numbers.tsv")
      LoadExchangeNumbers(f, t.get(), errors);
    else if (lang >= 0 && txt) {
      if (trusted)
        t->lazy[static_cast<std::size_t>(lang)].text_files.push_back(&f);
      else
        LoadTexts(f, lang, t.get(), errors);
    } else if (reply_lang >= 0) {
      if (trusted)
        t->lazy[static_cast<std::size_t>(reply_lang)].reply_files.push_back(&f);
      else
        LoadReply(f, &t->replies[static_cast<std::size_t>(reply_lang)], errors);
    } else if (messages) {
      if (trusted)
        t->lazy[static_cast<std::size_t>(lang)].message_files.push_back(&f);
      else
        LoadMessages(f, &t->messages[static_cast<std::size_t>(lang)], errors);
    }
    // Other files (examples, README) are carried but not interpreted.
  }
  for (const DataFile* f : vendor_phrases) LoadPhrases(*f, t.get(), &front, &phrase_index, errors);
  t->phrases.insert(t->phrases.begin(), std::make_move_iterator(front.begin()),
                    std::make_move_iterator(front.end()));
  for (std::size_t i = 0; i < t->phrases.size(); ++i) {
    const PhraseRule& rule = t->phrases[i];
    PhraseMatcher& m = rule.scope == "subject" ? t->subject_matcher : t->text_matcher;
    std::string err;
    if (trusted) {
      m.AddTrusted(rule.pattern, static_cast<int>(i));
    } else if (!m.Add(rule.pattern, static_cast<int>(i), &err)) {
      errors->push_back(fmt::format("data/{}:{}: pattern of '{}' does not compile: {}",
                                    rule.origin.file, rule.origin.line, rule.id, err));
    }
  }
  for (std::size_t i = 0; i < t->lhost_markers.size(); ++i) {
    const LhostMarker& m = t->lhost_markers[i];
    if (m.field == "boundary") continue;
    t->lhost_by_reader[m.reader].push_back(static_cast<int>(i));
    PhraseMatcher* matcher = m.field == "text"      ? &t->lhost_text_matcher
                             : m.field == "subject" ? &t->lhost_subject_matcher
                                                    : nullptr;
    std::string err;
    // Markers are plain lower-case text; a leading "re:" would be read as a regex, so such a
    // row (none exists) is matched as the literal it is by quoting nothing and skipping it.
    if (matcher && m.pattern.compare(0, 3, "re:") != 0 &&
        !matcher->Add(m.pattern, static_cast<int>(i), &err)) {
      errors->push_back(
          fmt::format("data/{}:{}: marker '{}': {}", m.origin.file, m.origin.line, m.pattern, err));
    }
  }
  std::string err;
  if (!t->text_matcher.Compile(&err) || !t->subject_matcher.Compile(&err) ||
      !t->lhost_text_matcher.Compile(&err) || !t->lhost_subject_matcher.Compile(&err)) {
    errors->push_back(err);
  }
  if (!trusted) CheckReferences(t.get());
  if (errors->size() != errors_before) return nullptr;
  return t;
}

std::vector<std::string> CheckRuleFiles(const std::vector<DataFile>& files) {
  std::vector<std::string> errors;
  auto t = BuildRuleTables(files, &errors, false);
  return t ? t->check_errors : errors;
}

namespace {

const LazyLang& Lazy(const RuleTables& t, int lang) { return t.lazy[lang == 0 ? 0 : 1]; }

// Errors cannot happen in trusted files (a test loads them validated); they are dropped.
std::vector<std::string>* Ignored() {
  thread_local std::vector<std::string> ignored;
  ignored.clear();
  return &ignored;
}

}  // namespace

const TextRecord* FindText(const RuleTables& t, std::string_view id, int lang) {
  if (!t.trusted) {
    const auto& map = t.texts[lang == 0 ? 0 : 1];
    auto it = map.find(std::string(id));
    return it == map.end() ? nullptr : &it->second;
  }
  const LazyLang& l = Lazy(t, lang);
  std::call_once(l.texts_once, [&l] {
    l.texts.reserve(512);
    for (const DataFile* f : l.text_files) IndexTexts(*f, l);
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

const std::string* FindMessage(const RuleTables& t, std::string_view key, int lang) {
  const std::map<std::string, std::string, std::less<>>* map = &t.messages[lang == 0 ? 0 : 1];
  if (t.trusted) {
    const LazyLang& l = Lazy(t, lang);
    std::call_once(l.messages_once, [&l] {
      for (const DataFile* f : l.message_files) LoadMessages(*f, &l.messages, Ignored());
    });
    map = &l.messages;
  }
  auto it = map->find(key);
  return it == map->end() ? nullptr : &it->second;
}

const ReplyTemplate* FindReply(const RuleTables& t, std::string_view id, int lang) {
  const std::map<std::string, ReplyTemplate, std::less<>>* map = &t.replies[lang == 0 ? 0 : 1];
  if (t.trusted) {
    const LazyLang& l = Lazy(t, lang);
    std::call_once(l.replies_once, [&l] {
      for (const DataFile* f : l.reply_files) LoadReply(*f, &l.replies, Ignored());
    });
    map = &l.replies;
  }
  auto it = map->find(id);
  return it == map->end() ? nullptr : &it->second;
}

const CodeRule* LookupStatus(const RuleTables& t, std::string_view code,
                             std::vector<const CodeRule*>* chain) {
  auto parsed = EnhancedStatus::Parse(code);
  if (!parsed) return nullptr;
  const std::string c(1, parsed->klass());
  const std::string s = std::to_string(parsed->subject());
  const std::string d = std::to_string(parsed->detail());
  const std::string keys[] = {c + "." + s + "." + d, "X." + s + "." + d, c + "." + s + ".*",
                              "X." + s + ".*", c + ".*.*"};
  const CodeRule* best = nullptr;
  for (const std::string& key : keys) {
    auto it = t.status.find(key);
    if (it == t.status.end()) continue;
    if (!best) best = &it->second;
    if (chain) chain->push_back(&it->second);
  }
  return best;
}

const CodeRule* LookupReply(const RuleTables& t, int code, std::vector<const CodeRule*>* chain) {
  const std::string keys[] = {std::to_string(code), fmt::format("{}xx", code / 100)};
  const CodeRule* best = nullptr;
  for (const std::string& key : keys) {
    auto it = t.reply.find(key);
    if (it == t.reply.end()) continue;
    if (!best) best = &it->second;
    if (chain) chain->push_back(&it->second);
  }
  return best;
}

}  // namespace bouncetolk

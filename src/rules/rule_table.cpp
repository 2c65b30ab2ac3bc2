// SPDX-License-Identifier: MIT
//
// rule_table.cpp: the loader of data/ (see rule_table.h and docs/data-format.md). Errors are
// reported as "data/rules/phrases.tsv:42: unknown reason 'mailboxful'".

#include "rules/rule_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "bouncetolk/status_code.h"
#include "common/text.h"
#include "dsn/field_block.h"

namespace bouncetolk {
namespace {

struct TsvRow {
  std::vector<std::string> cells;
  int line = 0;
};

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.emplace_back(Trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Reads a TSV table with the given header. Returns false when the header is wrong; rows with
// a wrong column count are reported and skipped, the others are still returned.
bool ReadTsv(const DataFile& file, const std::vector<std::string_view>& header,
             std::vector<TsvRow>* rows, std::vector<std::string>* errors) {
  std::string_view text(file.content);
  bool seen_header = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> cells = SplitTabs(line);
    if (!seen_header) {
      seen_header = true;
      std::vector<std::string> want(header.begin(), header.end());
      if (cells != want) {
        std::string joined;
        for (auto h : header) joined += std::string(h) + " ";
        errors->push_back(fmt::format("data/{}:{}: header must be: {}", file.path, line_no, Trim(joined)));
        return false;
      }
      continue;
    }
    if (cells.size() != header.size()) {
      errors->push_back(fmt::format("data/{}:{}: expected {} columns, found {}", file.path, line_no,
                                    header.size(), cells.size()));
      continue;
    }
    rows->push_back(TsvRow{std::move(cells), line_no});
  }
  if (!seen_header) {
    errors->push_back(fmt::format("data/{}:1: missing header row", file.path));
    return false;
  }
  return true;
}

std::string Where(const DataFile& f, int line) { return fmt::format("data/{}:{}", f.path, line); }

bool ParseReasonCell(const DataFile& f, const TsvRow& row, const std::string& cell, Reason* out,
                     std::vector<std::string>* errors) {
  auto r = ParseReason(cell);
  if (!r) {
    errors->push_back(fmt::format("{}: unknown reason '{}'", Where(f, row.line), cell));
    return false;
  }
  *out = *r;
  return true;
}

bool ParsePartyCell(const DataFile& f, const TsvRow& row, const std::string& cell, Party* out,
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

std::string TextIdOrOwn(const std::string& cell, std::string_view ns, const std::string& key) {
  if (cell.empty() || cell == "-") return fmt::format("{}:{}", ns, key);
  return cell;
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

void LoadTexts(const DataFile& f, int lang, RuleTables* t, std::vector<std::string>* errors) {
  FieldBlockOptions o;
  o.comments = true;
  std::set<std::string> seen;
  for (const FieldGroup& g : ReadFieldGroups(f.content, o)) {
    const std::string* id = FindField(g.fields, "Id");
    if (!id || id->empty()) {
      errors->push_back(fmt::format("{}: text record without Id", Where(f, g.line)));
      continue;
    }
    if (!seen.insert(*id).second) {
      errors->push_back(fmt::format("{}: duplicate text record '{}'", Where(f, g.line), *id));
      continue;
    }
    TextRecord rec;
    rec.id = *id;
    for (const Field& field : g.fields) {
      if (EqualsIgnoreCase(field.name, "Title")) rec.title = field.value;
      else if (EqualsIgnoreCase(field.name, "Explanation")) rec.explanation = field.value;
      else if (EqualsIgnoreCase(field.name, "Fix")) rec.fix = field.value;
      else if (!EqualsIgnoreCase(field.name, "Id")) {
        errors->push_back(fmt::format("{}: unknown field '{}' in '{}'", Where(f, g.line), field.name, *id));
      }
    }
    if (rec.title.empty() || rec.explanation.empty() || rec.fix.empty()) {
      t->check_errors.push_back(
          fmt::format("{}: text record '{}' needs Title, Explanation and Fix", Where(f, g.line), *id));
    }
    t->text_origins[lang][*id] = RowOrigin{f.path, g.line};
    t->texts[lang][*id] = std::move(rec);
  }
}

void LoadMessages(const DataFile& f, int lang, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"key", "text"}, &rows, errors)) return;
  for (TsvRow& r : rows) t->messages[lang][r.cells[0]] = std::move(r.cells[1]);
}

void CheckSource(const DataFile& f, const TsvRow& row, const std::string& source, RuleTables* t) {
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
      errors->push_back(fmt::format("{}: hard must be yes, no or if-permanent, not '{}'", Where(f, r.line), rule.hard));
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
  const bool ok = status ? ReadTsv(f, {"code", "kind", "reason", "party", "text", "source"}, &rows, errors)
                         : ReadTsv(f, {"code", "reason", "party", "text", "source"}, &rows, errors);
  if (!ok) return;
  std::set<std::string> seen;
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
      errors->push_back(fmt::format("{}: kind must be iana, vendor or fallback, not '{}'", Where(f, r.line), rule.kind));
      continue;
    }
    if (!ParseReasonCell(f, r, r.cells[c++], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[c++], &rule.party, errors)) continue;
    rule.text_id = TextIdOrOwn(r.cells[c++], status ? "status" : "reply", rule.code);
    rule.source = r.cells[c++];
    rule.origin = RowOrigin{f.path, r.line};
    if (!seen.insert(rule.code).second) {
      errors->push_back(fmt::format("{}: duplicate code '{}'", Where(f, r.line), rule.code));
      continue;
    }
    CheckSource(f, r, rule.source, t);
    auto& table = status ? t->status : t->reply;
    table[rule.code] = std::move(rule);
  }
}

void LoadPhrases(const DataFile& f, RuleTables* t, std::vector<PhraseRule>* front,
                 std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"id", "scope", "pattern", "reason", "party", "permanence", "text", "source"}, &rows, errors)) return;
  std::set<std::string> seen;
  for (const TsvRow& r : rows) {
    PhraseRule rule;
    rule.id = r.cells[0];
    rule.scope = r.cells[1];
    rule.pattern = r.cells[2];
    if (!ValidPhraseId(rule.id)) {
      errors->push_back(fmt::format("{}: phrase id '{}' must be [a-z0-9._-]+", Where(f, r.line), rule.id));
      continue;
    }
    if (!seen.insert(rule.id).second) {
      errors->push_back(fmt::format("{}: duplicate phrase id '{}'", Where(f, r.line), rule.id));
      continue;
    }
    if (rule.scope != "text" && rule.scope != "subject") {
      errors->push_back(fmt::format("{}: scope must be text or subject, not '{}'", Where(f, r.line), rule.scope));
      continue;
    }
    std::string err;
    if (rule.pattern.empty() || !PhraseMatcher::Validate(rule.pattern, &err)) {
      errors->push_back(fmt::format("{}: pattern of '{}' does not compile: {}", Where(f, r.line), rule.id,
                                    err.empty() ? "empty" : err));
      continue;
    }
    if (rule.pattern.compare(0, 3, "re:") != 0 && rule.pattern != NormalizeForMatch(rule.pattern)) {
      t->check_errors.push_back(fmt::format(
          "{}: pattern of '{}' must be lower case with single spaces, or it can never match",
          Where(f, r.line), rule.id));
    }
    if (!ParseReasonCell(f, r, r.cells[3], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[4], &rule.party, errors)) continue;
    const std::string& perm = r.cells[5];
    if (perm == "permanent") rule.permanence = Permanence::kPermanent;
    else if (perm == "temporary") rule.permanence = Permanence::kTemporary;
    else if (perm != "-") {
      errors->push_back(fmt::format("{}: permanence must be permanent, temporary or -, not '{}'", Where(f, r.line), perm));
      continue;
    }
    rule.text_id = TextIdOrOwn(r.cells[6], "phrase", rule.id);
    rule.source = r.cells[7];
    rule.origin = RowOrigin{f.path, r.line};
    CheckSource(f, r, rule.source, t);
    auto same = std::find_if(t->phrases.begin(), t->phrases.end(),
                             [&](const PhraseRule& p) { return p.id == rule.id; });
    if (same != t->phrases.end()) {
      *same = std::move(rule);
    } else if (f.overlay) {
      front->push_back(std::move(rule));
    } else {
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
    LhostMarker m{r.cells[0], r.cells[1], r.cells[2], r.cells[3], RowOrigin{f.path, r.line}};
    if (!ValidMarkerField(m.field)) {
      errors->push_back(fmt::format("{}: field must be subject, from, header, text or boundary, not '{}'",
                                    Where(f, r.line), m.field));
      continue;
    }
    if (m.pattern.empty() || m.pattern != NormalizeForMatch(m.pattern) || m.pattern.compare(0, 3, "re:") == 0) {
      errors->push_back(fmt::format("{}: pattern '{}' must be lower case with single spaces (no re:)", Where(f, r.line),
                                    m.pattern));
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
    ExchangeNumberRule rule{r.cells[0], r.cells[1], r.cells[2], RowOrigin{f.path, r.line}};
    if (!EnhancedStatus::Parse(rule.enhanced)) {
      errors->push_back(fmt::format("{}: '{}' is not an enhanced status code", Where(f, r.line), rule.enhanced));
      continue;
    }
    CheckSource(f, r, rule.source, t);
    t->exchange_numbers[rule.number] = std::move(rule);
  }
}

// data/replies/<lang>/<id>.txt: a header block (Id: must equal the file stem), a blank line,
// then the template body.
void LoadReply(const DataFile& f, int lang, RuleTables* t, std::vector<std::string>* errors) {
  const std::string_view path(f.path);
  const std::size_t slash = path.rfind('/');
  const std::string stem(path.substr(slash + 1, path.size() - slash - 1 - 4));
  std::string_view text(f.content);
  const std::size_t blank = text.find("\n\n");
  if (blank == std::string_view::npos) {
    errors->push_back(fmt::format("data/{}:1: a reply template needs a header block, a blank line and a body", f.path));
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
  for (std::size_t open = r.body.find('{'); open != std::string::npos; open = r.body.find('{', open + 1)) {
    const std::size_t close = r.body.find('}', open);
    const std::string name = close == std::string::npos ? std::string() : r.body.substr(open + 1, close - open - 1);
    if (std::find(std::begin(kReplyPlaceholders), std::end(kReplyPlaceholders), name) == std::end(kReplyPlaceholders)) {
      errors->push_back(fmt::format("data/{}: unknown placeholder '{{{}}}'", f.path, name));
    }
  }
  t->replies[lang][stem] = std::move(r);
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
      t->check_errors.push_back(fmt::format("data/rules/reasons.tsv: reason '{}' has no row", token));
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
    std::vector<std::string> need_ids = {"frame", "frame-delayed", "frame-other", "delayed", "default"};
    for (int i = 0; i < kReasonCount; ++i) need_ids.emplace_back(ReasonToken(static_cast<Reason>(i)));
    for (const auto& id : need_ids) {
      if (t->replies[lang].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/replies/{}/{}.txt: missing reply template", lname, id));
      }
    }
    for (const auto& [id, tmpl] : t->replies[lang]) {
      if (t->replies[1 - lang].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/{}: no {} counterpart", tmpl.origin.file, lang == 0 ? "English" : "Dutch"));
      }
    }
  }
  for (const char* key : {"label.recipient", "label.status", "label.explanation", "label.fix", "label.party"}) {
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
                                            std::vector<std::string>* errors) {
  auto t = std::make_unique<RuleTables>();
  const std::size_t errors_before = errors->size();
  std::vector<PhraseRule> front;
  // rules/phrases-vendor.tsv holds the vendor formats' phrases; they come after the general
  // phrases of rules/phrases.tsv whatever order the files arrive in (docs/data-format.md).
  std::vector<const DataFile*> vendor_phrases;
  for (const DataFile& f : files) {
    t->files.emplace_back(f.path, f.content);
    const std::string& p = f.path;
    const int lang = LangIndex(p);
    if (p == "rules/reasons.tsv") LoadReasons(f, t.get(), errors);
    else if (p == "rules/status.tsv") LoadCodes(f, true, t.get(), errors);
    else if (p == "rules/reply.tsv") LoadCodes(f, false, t.get(), errors);
    else if (p == "rules/phrases.tsv") LoadPhrases(f, t.get(), &front, errors);
    else if (p == "rules/phrases-vendor.tsv") vendor_phrases.push_back(&f);
    else if (p == "rules/lhost.tsv") LoadLhostMarkers(f, t.get(), errors);
    else if (p == "rules/client_errors.tsv") LoadClientErrors(f, t.get(), errors);
    else if (p == "rules/exchange_numbers.tsv") LoadExchangeNumbers(f, t.get(), errors);
    else if (lang >= 0 && p.size() > 4 && p.compare(p.size() - 4, 4, ".txt") == 0) LoadTexts(f, lang, t.get(), errors);
    else if (p.compare(0, 11, "replies/nl/") == 0 && p.size() > 15 && p.compare(p.size() - 4, 4, ".txt") == 0) LoadReply(f, 0, t.get(), errors);
    else if (p.compare(0, 11, "replies/en/") == 0 && p.size() > 15 && p.compare(p.size() - 4, 4, ".txt") == 0) LoadReply(f, 1, t.get(), errors);
    else if (lang >= 0 && p.size() > 13 && p.compare(p.size() - 13, 13, "/messages.tsv") == 0) LoadMessages(f, lang, t.get(), errors);
    // Other files (examples, README) are carried but not interpreted.
  }
  for (const DataFile* f : vendor_phrases) LoadPhrases(*f, t.get(), &front, errors);
  t->phrases.insert(t->phrases.begin(), std::make_move_iterator(front.begin()),
                    std::make_move_iterator(front.end()));
  for (std::size_t i = 0; i < t->phrases.size(); ++i) {
    const PhraseRule& rule = t->phrases[i];
    PhraseMatcher& m = rule.scope == "subject" ? t->subject_matcher : t->text_matcher;
    std::string err;
    if (!m.Add(rule.pattern, static_cast<int>(i), &err)) {
      errors->push_back(fmt::format("data/{}:{}: pattern of '{}' does not compile: {}", rule.origin.file,
                                    rule.origin.line, rule.id, err));
    }
  }
  for (std::size_t i = 0; i < t->lhost_markers.size(); ++i) {
    const LhostMarker& m = t->lhost_markers[i];
    if (m.field == "boundary") continue;
    t->lhost_by_reader[m.reader].push_back(static_cast<int>(i));
    PhraseMatcher* matcher = m.field == "text" ? &t->lhost_text_matcher : m.field == "subject" ? &t->lhost_subject_matcher : nullptr;
    std::string err;
    // Markers are plain lower-case text; a leading "re:" would be read as a regex, so such a
    // row (none exists) is matched as the literal it is by quoting nothing and skipping it.
    if (matcher && m.pattern.compare(0, 3, "re:") != 0 && !matcher->Add(m.pattern, static_cast<int>(i), &err)) {
      errors->push_back(fmt::format("data/{}:{}: marker '{}': {}", m.origin.file, m.origin.line, m.pattern, err));
    }
  }
  std::string err;
  if (!t->text_matcher.Compile(&err) || !t->subject_matcher.Compile(&err) ||
      !t->lhost_text_matcher.Compile(&err) || !t->lhost_subject_matcher.Compile(&err)) {
    errors->push_back(err);
  }
  CheckReferences(t.get());
  if (errors->size() != errors_before) return nullptr;
  return t;
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

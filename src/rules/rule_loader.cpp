// SPDX-License-Identifier: MIT
//
// rule_loader.cpp: the rows of the rule tables (data/rules/*.tsv, docs/data-format.md) into
// RuleTables, one function per table. Errors are reported as
// "data/rules/phrases.tsv:42: unknown reason 'mailboxful'".

#include "rules/rule_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "bouncetolk/status_code.h"
#include "common/text.h"
#include "rules/rule_table.h"
#include "rules/rule_vocabulary.h"
#include "rules/tsv.h"

namespace bouncetolk {
namespace {

// *out = \a parsed, the value of \a cell of \a row; false, with "<where>: <message> '<cell>'"
// in \a errors, when the cell holds none.
template <typename E>
bool ReadCell(const DataFile& f, const TsvRow& row, std::string_view cell,
              const std::optional<E>& parsed, std::string_view message, E* out,
              std::vector<std::string>* errors) {
  if (!parsed) {
    errors->push_back(fmt::format("{}: {} '{}'", Where(f, row.line), message, cell));
    return false;
  }
  *out = *parsed;
  return true;
}

bool ParseReasonCell(const DataFile& f, const TsvRow& row, std::string_view cell, Reason* out,
                     std::vector<std::string>* errors) {
  return ReadCell(f, row, cell, ParseReason(cell), "unknown reason", out, errors);
}

bool ParsePartyCell(const DataFile& f, const TsvRow& row, std::string_view cell, Party* out,
                    std::vector<std::string>* errors) {
  return ReadCell(f, row, cell, ParseParty(cell), "unknown party", out, errors);
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

void CheckSource(const DataFile& f, const TsvRow& row, std::string_view source, RuleTables* t) {
  if (t->trusted) return;
  if (source.empty() || source == "-") {
    t->check_errors.push_back(fmt::format("{}: missing source", Where(f, row.line)));
  }
}

// A permanence cell: permanent, temporary, or - (none).
bool ParsePermanenceCell(const DataFile& f, const TsvRow& r, std::string_view perm,
                         std::optional<Permanence>* out, std::vector<std::string>* errors) {
  if (perm == "permanent") {
    *out = Permanence::kPermanent;
  } else if (perm == "temporary") {
    *out = Permanence::kTemporary;
  } else if (perm != "-") {
    errors->push_back(fmt::format("{}: permanence must be permanent, temporary or -, not '{}'",
                                  Where(f, r.line), perm));
    return false;
  }
  return true;
}

// The code column of a status-words row: a concrete code ("5.4.1"), a range of details
// ("5.7.606-649"), or "*"; false when it is none of these.
bool ParseStatusWordCode(StatusWordRule* rule) {
  if (rule->code == "*") return true;
  std::string first = rule->code;
  int to = -1;
  if (const std::size_t dash = first.find('-'); dash != std::string::npos) {
    const std::string last = first.substr(dash + 1);
    first.resize(dash);
    if (last.empty() || last.size() > 3 ||
        last.find_first_not_of("0123456789") != std::string::npos)
      return false;
    to = std::stoi(last);
  }
  const auto code = EnhancedStatus::Parse(first);
  if (!code || code->ToString() != first || code->IsPseudo()) return false;
  rule->klass = code->klass();
  rule->subject = code->subject();
  rule->detail_from = code->detail();
  rule->detail_to = to < 0 ? code->detail() : to;
  return rule->detail_to >= rule->detail_from;
}

// The columns reason, party, permanence, text and source of a phrase, concept or status-words row
// (whose id is \a id), from cell \a first on, into \a rule; false, with the error, for a bad cell.
bool ReadOutcome(const DataFile& f, const TsvRow& r, std::size_t first, std::string_view ns,
                 std::string_view id, RuleMeaning* rule, RuleTables* t,
                 std::vector<std::string>* errors) {
  if (!ParseReasonCell(f, r, r.cells[first], &rule->reason, errors)) return false;
  if (!ParsePartyCell(f, r, r.cells[first + 1], &rule->party, errors)) return false;
  if (!ParsePermanenceCell(f, r, r.cells[first + 2], &rule->permanence, errors)) return false;
  rule->text_id = TextIdOrOwn(r.cells[first + 3], ns, id);
  rule->source = r.cells[first + 4];
  rule->origin = RowOrigin{f.path, r.line};
  CheckSource(f, r, rule->source, t);
  return true;
}

}  // namespace

void LoadReasons(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"reason", "hard", "party", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    ReasonRule rule;
    if (!ParseReasonCell(f, r, r.cells[0], &rule.reason, errors)) continue;
    if (!ParsePartyCell(f, r, r.cells[2], &rule.party, errors)) continue;
    if (!ReadCell(f, r, r.cells[1], ParseToken<Hardness>(r.cells[1]),
                  "hard must be yes, no or if-permanent, not", &rule.hard, errors))
      continue;
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
    const std::string_view kind = status ? r.cells[c++] : std::string_view();
    if (status ? !ValidStatusPattern(rule.code) : !ValidReplyPattern(rule.code)) {
      errors->push_back(fmt::format("{}: malformed code '{}'", Where(f, r.line), rule.code));
      continue;
    }
    CodeKind parsed_kind = CodeKind::kIana;
    if (status &&
        !ReadCell(f, r, kind, ParseToken<CodeKind>(kind),
                  "kind must be iana, vendor, fallback or generic, not", &parsed_kind, errors))
      continue;
    if (status) rule.kind = parsed_kind;
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
    if (!ReadCell(f, r, r.cells[1], ParseToken<PhraseScope>(r.cells[1]),
                  "scope must be text or subject, not", &rule.scope, errors))
      continue;
    std::string err;
    // Trusted patterns are not parsed here; one that did not compile would never match.
    if (rule.pattern.empty() || (!t->trusted && !t->regexes.Validate(rule.pattern, &err))) {
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
    if (!ReadOutcome(f, r, 3, "phrase", rule.id, &rule, t, errors)) continue;
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

void LoadWords(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"class", "lang", "word", "source"}, &rows, errors)) return;
  t->words.reserve(t->words.size() + rows.size());
  static constexpr std::string_view kWordLangs[] = {"*", "en", "nl", "de", "fr", "es", "it", "pt"};
  for (const TsvRow& r : rows) {
    const WordRule w{r.cells[0], r.cells[1], r.cells[2], r.cells[3], RowOrigin{f.path, r.line}};
    if (!ValidPhraseId(w.klass)) {
      errors->push_back(
          fmt::format("{}: word class '{}' must be [a-z0-9._-]+", Where(f, r.line), w.klass));
      continue;
    }
    if (std::find(std::begin(kWordLangs), std::end(kWordLangs), w.lang) == std::end(kWordLangs)) {
      errors->push_back(fmt::format("{}: lang must be one of * en nl de fr es it pt, not '{}'",
                                    Where(f, r.line), w.lang));
      continue;
    }
    std::string_view bare = w.word;
    if (!bare.empty() && bare.front() == '*') bare.remove_prefix(1);
    if (!bare.empty() && bare.back() == '*') bare.remove_suffix(1);
    if (bare.empty() || (!t->trusted && (bare != NormalizeForMatch(bare) || !IsValidUtf8(bare) ||
                                         bare.find('*') != std::string_view::npos))) {
      errors->push_back(
          fmt::format("{}: word '{}' must be lower case with single spaces, '*' only at an end",
                      Where(f, r.line), w.word));
      continue;
    }
    CheckSource(f, r, w.source, t);
    t->words.push_back(w);
  }
}

void LoadConcepts(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(
          f,
          {"id", "classes", "window", "unless", "reason", "party", "permanence", "text", "source"},
          &rows, errors))
    return;
  std::unordered_set<std::string_view> seen;
  for (const TsvRow& r : rows) {
    ConceptRule rule;
    rule.id = r.cells[0];
    if (!ValidPhraseId(rule.id) || !seen.insert(r.cells[0]).second) {
      errors->push_back(fmt::format("{}: concept id '{}' must be [a-z0-9._-]+ and unique",
                                    Where(f, r.line), rule.id));
      continue;
    }
    for (std::string_view rest = r.cells[1]; !rest.empty();) {
      const std::size_t space = rest.find(' ');
      if (space != 0) rule.classes.emplace_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    const std::string_view window = r.cells[2];
    if (rule.classes.empty() || rule.classes.size() > 4 || window.empty() || window.size() > 2 ||
        !std::all_of(window.begin(), window.end(), IsDigit)) {
      errors->push_back(
          fmt::format("{}: concept '{}' needs 1 to 4 classes and a window of 0 to 99 words",
                      Where(f, r.line), rule.id));
      continue;
    }
    rule.window = std::stoi(std::string(window));
    std::string bad;
    if (!ParseGuards(r.cells[3], &rule.unless, &bad)) {
      errors->push_back(fmt::format(
          "{}: unless of '{}': '{}' is not around:, before:, between: or next: with a class",
          Where(f, r.line), rule.id, bad));
      continue;
    }
    if (!ReadOutcome(f, r, 4, "concept", rule.id, &rule, t, errors)) continue;
    auto same = std::find_if(t->concepts.begin(), t->concepts.end(),
                             [&rule](const ConceptRule& c) { return c.id == rule.id; });
    if (same != t->concepts.end())
      *same = std::move(rule);
    else
      t->concepts.push_back(std::move(rule));
  }
}

void BuildConcepts(RuleTables* t, std::vector<std::string>* errors) {
  ConceptMatcher& m = t->concept_matcher;
  std::string_view last_class;  // the rows of a class stand together: one lookup per class
  int klass = -1;
  for (const WordRule& w : t->words) {
    if (klass < 0 || w.klass != last_class) klass = m.Class(last_class = w.klass);
    m.AddWord(w.word, klass);
  }
  for (const ConceptRule& rule : t->concepts) {
    ConceptPattern p;
    p.window = rule.window;
    const auto known = [&](const std::string& name) {
      if (m.HasWords(name)) return true;
      errors->push_back(fmt::format("data/{}:{}: concept '{}': word class '{}' has no words",
                                    rule.origin.file, rule.origin.line, rule.id, name));
      return false;
    };
    for (const std::string& c : rule.classes) {
      if (known(c)) p.classes.push_back(m.Class(c));
    }
    for (const auto& [name, place] : rule.unless) {
      if (known(name)) p.unless.push_back(ConceptPattern::Guard{m.Class(name), place});
    }
    m.AddRule(std::move(p));
  }
  m.Build();
}

void LoadStatusWords(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f,
               {"id", "family", "code", "word", "reason", "party", "permanence", "text", "source"},
               &rows, errors))
    return;
  for (const TsvRow& r : rows) {
    StatusWordRule rule;
    rule.id = r.cells[0];
    rule.family = r.cells[1];
    rule.code = r.cells[2];
    rule.word = r.cells[3];
    // Something must tie the row down: a code with a family or a word, or a word.
    const bool tied = rule.word != "*" || (rule.code != "*" && rule.family != "*");
    if (!ValidPhraseId(rule.id) || !ParseStatusWordCode(&rule) || rule.word.empty() ||
        rule.word.compare(0, 3, "re:") == 0 || rule.family.empty() || !tied ||
        (!t->trusted && rule.word != NormalizeForMatch(rule.word))) {
      errors->push_back(fmt::format(
          "{}: '{}' needs an id [a-z0-9._-]+, a family or *, a code (5.4.1, 5.7.606-649 or *) "
          "and a lower-case word not starting with re: (or *), and a family, code or word that "
          "is not *",
          Where(f, r.line), rule.id));
      continue;
    }
    const bool concrete = rule.klass != 0 && rule.detail_from == rule.detail_to;
    if (!concrete && (r.cells[7].empty() || r.cells[7] == "-")) {
      errors->push_back(fmt::format("{}: '{}': a row without one concrete code needs a text",
                                    Where(f, r.line), rule.id));
      continue;
    }
    if (!ReadOutcome(f, r, 4, "status", rule.code, &rule, t, errors)) continue;
    auto same = std::find_if(t->status_words.begin(), t->status_words.end(),
                             [&rule](const StatusWordRule& w) { return w.id == rule.id; });
    if (same != t->status_words.end())
      *same = std::move(rule);
    else
      t->status_words.push_back(std::move(rule));
  }
}

void LoadHostFamilies(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"family", "suffix", "source"}, &rows, errors)) return;
  for (const TsvRow& r : rows) {
    HostFamilyRule rule;
    rule.family = r.cells[0];
    rule.suffix = r.cells[1];
    const bool host_chars = rule.suffix.find_first_not_of(
                                "abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos;
    if (!ValidPhraseId(rule.family) || rule.family == "*" || rule.suffix.empty() || !host_chars ||
        rule.suffix.front() == '.' || rule.suffix.back() == '.' ||
        rule.suffix.find('.') == std::string::npos) {
      errors->push_back(fmt::format(
          "{}: '{}' needs a family [a-z0-9._-]+ and a lower-case host suffix with a dot",
          Where(f, r.line), rule.suffix));
      continue;
    }
    rule.source = r.cells[2];
    rule.origin = RowOrigin{f.path, r.line};
    CheckSource(f, r, rule.source, t);
    t->host_families.push_back(std::move(rule));
  }
}

void LoadLhostMarkers(const DataFile& f, RuleTables* t, std::vector<std::string>* errors) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(f, {"reader", "field", "pattern", "source"}, &rows, errors)) return;
  for (TsvRow& r : rows) {
    LhostMarker m{std::string(r.cells[0]), MarkerField::kText, std::string(r.cells[2]),
                  std::string(r.cells[3]), RowOrigin{f.path, r.line}};
    if (!ReadCell(f, r, r.cells[1], ParseToken<MarkerField>(r.cells[1]),
                  "field must be subject, from, header, text or boundary, not", &m.field, errors))
      continue;
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

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// summary_render.cpp: RenderSummary() (render.h). The tables are gathered once into a neutral
// list (id, rows with a key and a label) and then written as a table for people, JSON or
// CSV/TSV, so the formats cannot disagree. Labels come from the RuleSet in the chosen
// language; keys taken from messages (domains, diagnostic texts) are made terminal-safe.
// Numbers follow the language: 1.234 and 12,5% in Dutch, 1,234 and 12.5% in English.

#include <fmt/format.h>

#include "bouncetolk/batch.h"
#include "bouncetolk/render.h"
#include "common/text.h"
#include "render/json.h"
#include "render/separated.h"

namespace bouncetolk {
namespace {

// Rows per table in the text form; JSON and CSV have them all.
constexpr std::size_t kTextRows = 15;

struct Table {
  std::string id;           ///< "kind", "reason", ...
  std::uint64_t total = 0;  ///< what the shares are of
  std::vector<CountRow> rows;
  std::vector<std::string> labels;  ///< one per row, for people
};

// A label key's text, or \a fallback when the tables have none.
std::string LabelOr(const RuleSet& rules, Lang lang, const std::string& key,
                    std::string_view fallback) {
  const std::string_view text = rules.Message(key, lang);
  return text == key ? std::string(fallback) : std::string(text);
}

std::string ReasonLabel(const RuleSet& rules, Lang lang, const std::string& token) {
  const TextRecord* rec = rules.Text("reason:" + token, lang);
  if (!rec || rec->title.empty()) return token;
  return fmt::format("{} ({})", rec->title, token);
}

std::vector<Table> Gather(const BatchSummary& s, const RuleSet& rules, Lang lang, std::size_t top) {
  const std::string other = Msg(rules, lang, "batch.other");
  const std::string none = Msg(rules, lang, "label.none");
  auto make = [&](std::string id, std::uint64_t total, std::vector<CountRow> rows, auto label_of) {
    Table t{std::move(id), total, std::move(rows), {}};
    for (const CountRow& r : t.rows) {
      t.labels.push_back(r.key == BatchSummary::kOtherKey ? other
                         : r.key.empty()                  ? none
                                                          : label_of(r.key));
    }
    return t;
  };
  auto token_label = [&](std::string prefix) {
    return [&rules, lang, prefix](const std::string& key) {
      return LabelOr(rules, lang, prefix + key, key);
    };
  };
  auto safe = [](const std::string& key) { return TerminalSafe(key); };
  std::vector<CountRow> errors = s.ByError();
  std::uint64_t unreadable = 0;
  for (const CountRow& r : errors) unreadable += r.count;
  std::vector<Table> tables;
  tables.push_back(make("kind", s.messages(), s.ByKind(), token_label("kind.")));
  tables.push_back(make("error", unreadable, std::move(errors), token_label("errorkind.")));
  tables.push_back(make("outcome", s.recipients(), s.ByOutcome(), token_label("outcome_label.")));
  tables.push_back(make("reason", s.recipients(), s.ByReason(),
                        [&](const std::string& k) { return ReasonLabel(rules, lang, k); }));
  tables.push_back(make("hard_soft", s.recipients(), s.ByHardSoft(), token_label("hardsoft.")));
  tables.push_back(make("party", s.recipients(), s.ByParty(), token_label("party.")));
  tables.push_back(make("status", s.recipients(), s.ByStatus(), safe));
  tables.push_back(make("domain", s.recipients(), s.ByDomain(), safe));
  tables.push_back(make("diagnostic", s.recipients(), s.TopDiagnostics(top), safe));
  return tables;
}

// 1234567 -> "1.234.567" (nl) or "1,234,567" (en).
std::string Thousands(std::uint64_t n, Lang lang) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(lang == Lang::kNl ? '.' : ',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Share(std::uint64_t part, std::uint64_t whole, Lang lang) {
  std::string s = fmt::format(
      "{:.1f}%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  if (lang == Lang::kNl) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

std::string RenderText(const std::vector<Table>& tables, const BatchSummary& s,
                       const RuleSet& rules, Lang lang) {
  std::string out = Msg(rules, lang, "batch.title", {Thousands(s.messages(), lang)}) + "\n";
  out += Msg(rules, lang, "batch.recipients", {Thousands(s.recipients(), lang)}) + "\n";
  const std::string count = Msg(rules, lang, "batch.col_count");
  const std::string share = Msg(rules, lang, "batch.col_share");
  for (const Table& t : tables) {
    if (t.rows.empty()) continue;
    out += fmt::format("\n{}\n  {:>10}  {:>8}\n", Msg(rules, lang, "batch.table." + t.id), count,
                       share);
    // Long tables (status codes, domains) show their top rows and one row for the rest.
    std::uint64_t sum = 0, rest = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      sum += t.rows[i].count;
      if (i >= kTextRows && t.rows.size() > kTextRows + 1) {
        rest += t.rows[i].count;
        continue;
      }
      out += fmt::format("  {:>10}  {:>8}  {}\n", Thousands(t.rows[i].count, lang),
                         Share(t.rows[i].count, t.total, lang), t.labels[i]);
    }
    if (rest > 0) {
      out +=
          fmt::format("  {:>10}  {:>8}  {}\n", Thousands(rest, lang), Share(rest, t.total, lang),
                      Msg(rules, lang, "batch.rest", {Thousands(t.rows.size() - kTextRows, lang)}));
    }
    if (t.id != "diagnostic") {
      out += fmt::format("  {:>10}  {:>8}  {}\n", Thousands(sum, lang), Share(sum, t.total, lang),
                         Msg(rules, lang, "batch.total"));
    }
  }
  return out;
}

std::string RenderJsonSummary(const std::vector<Table>& tables, const BatchSummary& s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.KeyInt("schema", kSchemaVersion);
  w.Key("messages");
  w.Int(static_cast<long long>(s.messages()));
  w.Key("recipients");
  w.Int(static_cast<long long>(s.recipients()));
  for (const Table& t : tables) {
    w.Key(t.id);
    w.BeginArray();
    for (const CountRow& r : t.rows) {
      w.BeginObject();
      w.KeyString("key", r.key);
      w.Key("count");
      w.Int(static_cast<long long>(r.count));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string RenderRows(const std::vector<Table>& tables, char sep) {
  std::string out = fmt::format("table{}key{}count{}", sep, sep, SeparatedLineEnd(sep));
  for (const Table& t : tables) {
    for (const CountRow& r : t.rows) {
      out += t.id;
      out.push_back(sep);
      AppendSeparatedCell(&out, r.key, sep);
      out.push_back(sep);
      out += std::to_string(r.count);
      out += SeparatedLineEnd(sep);
    }
  }
  return out;
}

}  // namespace

std::string RenderSummary(const BatchSummary& summary, const RuleSet& rules,
                          const RenderOptions& options, std::size_t top) {
  const std::vector<Table> tables = Gather(summary, rules, options.lang, top);
  switch (options.format) {
    case Format::kText:
    case Format::kBrief:
      return RenderText(tables, summary, rules, options.lang);
    case Format::kJson:
    case Format::kJsonl:
    case Format::kSisimai:
      return RenderJsonSummary(tables, summary);
    case Format::kCsv:
      return RenderRows(tables, ',');
    case Format::kTsv:
      return RenderRows(tables, '\t');
  }
  return {};
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// explain.cpp: Explain() (explain.h). Uses the same tables and the same precedence as the
// classifier: a code with its vendor's words, phrases (a concept rule when none matched), the
// code's meaning at a server family the text names, the enhanced code with its fallbacks, then
// the reply code. A short
// token query ("B-URL") also finds phrase rules whose pattern contains it as a word.

#include "bouncetolk/explain.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "bouncetolk/status_code.h"
#include "classify/classify.h"
#include "classify/host_family.h"
#include "common/text.h"
#include "rules/rule_table.h"
#include "smtp/diagnostic.h"

namespace bouncetolk {
namespace {

Permanence OfClass(char c) {
  return c == '2'   ? Permanence::kSuccess
         : c == '4' ? Permanence::kTemporary
                    : Permanence::kPermanent;
}

ExplainHit FromCodeRule(const CodeRule& rule, std::string_view kind, std::string matched,
                        char klass, bool fallback) {
  ExplainHit h;
  h.kind = std::string(kind);
  h.matched = std::move(matched);
  h.rule_id = fmt::format("{}:{}", kind, rule.code);
  h.text_id = rule.text_id;
  h.reason = rule.reason;
  h.party = rule.party;
  h.permanence = OfClass(klass);
  h.fallback = fallback;
  h.source = rule.source;
  if (kind == "status" && rule.kind == CodeKind::kVendor) h.note = "vendor_code";
  return h;
}

// A hit of a text rule (a phrase, a concept, a status-words row): what its row says.
ExplainHit FromMeaning(const RuleMeaning& rule, std::string_view kind, const std::string& id,
                       std::string matched) {
  ExplainHit h;
  h.kind = std::string(kind);
  h.matched = std::move(matched);
  h.rule_id = fmt::format("{}:{}", kind, id);
  h.text_id = rule.text_id;
  h.reason = rule.reason;
  h.party = rule.party;
  h.permanence = rule.permanence;
  h.source = rule.source;
  return h;
}

ExplainHit FromPhrase(const PhraseRule& rule, std::string matched) {
  return FromMeaning(rule, "phrase", rule.id, std::move(matched));
}

// A status-words row: its permanence, else the class of the code in the text (\a klass, 0 when
// none).
ExplainHit FromStatusWord(const StatusWordRule& rule, std::string matched, char klass) {
  ExplainHit h = FromMeaning(rule, "status-word", rule.id, std::move(matched));
  if (!h.permanence && klass != 0) h.permanence = OfClass(klass);
  return h;
}

bool IsWordBoundary(std::string_view s, std::size_t pos) {
  if (pos == 0 || pos >= s.size()) return true;
  const char a = s[pos - 1], b = s[pos];
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  return !(word(a) && word(b));
}

void AddStatus(const RuleTables& t, const EnhancedStatus& code, ExplainResult* out) {
  std::vector<const CodeRule*> chain;
  LookupStatus(t, code.ToString(), &chain);
  if (chain.empty()) return;
  const CodeRule* best = chain.front();
  const bool fallback = best->kind == CodeKind::kFallback;
  ExplainHit h = FromCodeRule(*best, "status", code.ToString(), code.klass(), fallback);
  if (code.IsPseudo())
    h.note = "pseudo_code";
  else if (fallback)
    h.note = "not_registered";
  out->hits.push_back(std::move(h));
}

void AddReply(const RuleTables& t, int code, ExplainResult* out) {
  std::vector<const CodeRule*> chain;
  const CodeRule* rule = LookupReply(t, code, &chain);
  if (!rule) return;
  const bool fallback = rule->code.find('x') != std::string::npos;
  out->hits.push_back(FromCodeRule(*rule, "reply", std::to_string(code),
                                   static_cast<char>('0' + code / 100), fallback));
}

// "X.1.1" (any class, as the registry and seed 003 write codes): the X row itself.
bool AddAnyClassStatus(const RuleTables& t, std::string_view q, ExplainResult* out) {
  if (q.size() < 5 || (q[0] != 'X' && q[0] != 'x') || q[1] != '.') return false;
  auto concrete = EnhancedStatus::Parse("5" + std::string(q.substr(1)));
  if (!concrete) return false;
  const std::string key = "X" + concrete->ToString().substr(1);
  auto it = t.status.find(key);
  if (it == t.status.end()) it = t.status.find("X." + std::to_string(concrete->subject()) + ".*");
  if (it == t.status.end()) return true;
  ExplainHit h =
      FromCodeRule(it->second, "status", key, '5', it->second.kind == CodeKind::kFallback);
  h.permanence.reset();  // the class decides, and the query has none
  if (h.fallback) h.note = "not_registered";
  out->hits.push_back(std::move(h));
  return true;
}

}  // namespace

ExplainResult Explain(std::string_view query_in, const RuleSet& rules) {
  const RuleTables& t = rules.tables();
  ExplainResult out;
  out.query = CollapseSpace(query_in);
  const std::string_view q = out.query;

  // Mail client error numbers.
  std::string upper(q);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (StartsWithIgnoreCase(upper, "0X")) upper[1] = 'x';
  if (auto it = t.client_errors.find(upper); it != t.client_errors.end()) {
    ExplainHit h;
    h.kind = "client";
    h.matched = it->second.code;
    h.rule_id = "client:" + it->second.code;
    h.text_id = it->second.text_id;
    h.source = it->second.source;
    out.hits.push_back(std::move(h));
  }

  // Exactly one code.
  if (AddAnyClassStatus(t, q, &out)) {
    // done
  } else if (auto code = EnhancedStatus::Parse(q)) {
    AddStatus(t, *code, &out);
  } else if (q.size() == 3 && IsDigit(q[0]) && IsDigit(q[1]) && IsDigit(q[2])) {
    if (auto reply = ReplyCode::Parse(q)) AddReply(t, reply->value(), &out);
    if (auto it = t.exchange_numbers.find(std::string(q)); it != t.exchange_numbers.end()) {
      if (auto meant = EnhancedStatus::Parse(it->second.enhanced)) {
        const std::size_t before = out.hits.size();
        AddStatus(t, *meant, &out);
        if (out.hits.size() > before) {
          out.hits.back().kind = "exchange";
          out.hits.back().matched = std::string(q) + " = " + meant->ToString();
          out.hits.back().source += "; " + it->second.source;
        }
      }
    }
  } else if (out.hits.empty()) {
    // Free text or a token: a code with its vendor's words (or a vendor's token), phrases
    // (text, then subject), a concept rule when no phrase matched, the code's meaning at the
    // family of a server the text names, then the codes inside (docs/precedence.md).
    const std::string norm = NormalizeForMatch(q);
    const TextCodes codes = ExtractCodes(q);
    const char klass = codes.status  ? codes.status->klass()
                       : codes.reply ? static_cast<char>('0' + codes.reply->value() / 100)
                                     : 0;
    const std::vector<std::string> families = ServerFamilies(t, {}, q);
    const StatusWordRule* with_words =
        FindStatusWord(t, codes.status, norm, families, /*any_word=*/false);
    if (with_words) out.hits.push_back(FromStatusWord(*with_words, std::string(q), klass));
    std::vector<int> ids = t.text_matcher.Match(norm);
    for (int id : t.subject_matcher.Match(norm)) ids.push_back(id);
    for (int id : ids) {
      if (id < kStatusWordIds)  // the words of status-words.tsv: above
        out.hits.push_back(FromPhrase(t.phrases[static_cast<std::size_t>(id)], std::string(q)));
    }
    const StatusWordRule* vendor =
        with_words || !codes.status
            ? nullptr
            : FindStatusWord(t, codes.status, norm, families, /*any_word=*/true);
    // A concept rule decides only over the code's generic reading (as in Classify): beside a
    // specific code it comes after the codes.
    const int concept = ids.empty() ? t.concept_matcher.Match(norm) : -1;
    const CodeRule* status_row =
        codes.status ? LookupStatus(t, codes.status->ToString(), nullptr) : nullptr;
    const bool concept_decides =
        !with_words && !vendor &&
        (!status_row || status_row->kind == CodeKind::kFallback ||
         status_row->kind == CodeKind::kGeneric || status_row->reason == Reason::kUndefined);
    std::optional<ExplainHit> concept_hit;
    if (concept >= 0)
      concept_hit = FromMeaning(t.concepts[static_cast<std::size_t>(concept)], "concept",
                                t.concepts[static_cast<std::size_t>(concept)].id, std::string(q));
    if (concept_hit && concept_decides) out.hits.push_back(*concept_hit);
    if (vendor) out.hits.push_back(FromStatusWord(*vendor, codes.status->ToString(), klass));
    if (ids.empty() && norm.size() >= 3 && norm.size() <= 40 &&
        norm.find(' ') == std::string::npos) {
      for (const PhraseRule& rule : t.phrases) {
        const std::size_t pos = rule.pattern.find(norm);
        if (pos != std::string::npos && IsWordBoundary(rule.pattern, pos) &&
            IsWordBoundary(rule.pattern, pos + norm.size())) {
          out.hits.push_back(FromPhrase(rule, std::string(q)));
        }
      }
    }
    if (codes.status) AddStatus(t, *codes.status, &out);
    if (codes.reply) AddReply(t, codes.reply->value(), &out);
    if (concept_hit && !concept_decides) out.hits.push_back(*concept_hit);
  }
  for (const ExplainHit& h : out.hits) {
    if (!h.fallback) out.found = true;
  }
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// rule_check.cpp: the checks of "rules check" that look across tables (CheckReferences), and
// CheckRuleFiles(), the full validation of a set of files.

#include "rules/rule_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_table.h"

namespace bouncetolk {

// Cross-table checks for "rules check": every referenced text exists in both languages.
void CheckReferences(RuleTables* t) {
  auto need = [&](const std::string& id, const RowOrigin& o) {
    for (Lang lang : kLangs) {
      if (t->texts[lang].count(id) == 0) {
        t->check_errors.push_back(
            fmt::format("data/{}:{}: no {} text '{}'", o.file, o.line, LangName(lang), id));
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
  for (const auto& rule : t->concepts) need(rule.text_id, rule.origin);
  for (const auto& rule : t->status_words) {
    need(rule.text_id, rule.origin);
    const bool known =
        rule.family == "*" ||
        std::any_of(t->host_families.begin(), t->host_families.end(),
                    [&rule](const HostFamilyRule& h) { return h.family == rule.family; });
    if (!known) {
      t->check_errors.push_back(
          fmt::format("data/{}:{}: family '{}' has no row in host-families.tsv", rule.origin.file,
                      rule.origin.line, rule.family));
    }
  }
  for (const auto& [code, rule] : t->client_errors) need(rule.text_id, rule.origin);
  for (const auto& rule : t->fix_actions.rules) need(rule.text_id, rule.origin);
  CheckFixActions(*t, &t->check_notes, &t->check_errors);
  // Records that exist in one language only.
  for (Lang lang : kLangs) {
    for (const auto& [id, origin] : t->text_origins[lang]) {
      if (t->texts[OtherLang(lang)].count(id) == 0) {
        t->check_errors.push_back(fmt::format("data/{}:{}: '{}' has no {} counterpart", origin.file,
                                              origin.line, id, LangName(OtherLang(lang))));
      }
    }
  }
  // Reply templates: the frames, a general fallback, and one per reason, in both languages.
  for (Lang lang : kLangs) {
    std::vector<std::string> need_ids = {"frame", "frame-delayed", "frame-other", "delayed",
                                         "default"};
    for (int i = 0; i < kReasonCount; ++i)
      need_ids.emplace_back(ReasonToken(static_cast<Reason>(i)));
    for (const auto& id : need_ids) {
      if (t->replies[lang].count(id) == 0) {
        t->check_errors.push_back(
            fmt::format("data/replies/{}/{}.txt: missing reply template", LangDir(lang), id));
      }
    }
    for (const auto& [id, tmpl] : t->replies[lang]) {
      if (t->replies[OtherLang(lang)].count(id) == 0) {
        t->check_errors.push_back(
            fmt::format("data/{}: no {} counterpart", tmpl.origin.file, LangName(OtherLang(lang))));
      }
    }
  }
  for (const char* key :
       {"label.recipient", "label.status", "label.explanation", "label.fix", "label.party"}) {
    for (Lang lang : kLangs) {
      if (t->messages[lang].count(key) == 0) {
        t->check_errors.push_back(
            fmt::format("data/text/{}/messages.tsv: missing key '{}'", LangDir(lang), key));
      }
    }
  }
}

std::vector<std::string> CheckRuleFiles(const std::vector<DataFile>& files) {
  std::vector<std::string> errors;
  auto t = BuildRuleTables(files, &errors, false);
  return t ? t->check_errors : errors;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// rule_table.cpp: BuildRuleTables(), which hands each file of data/ to its loader
// (rule_loader.cpp for the rule tables, text_store.cpp for the texts) and builds the matchers,
// and the lookups of the code tables. See rule_table.h and docs/data-format.md.

#include "rules/rule_table.h"

#include <fmt/format.h>

#include "bouncetolk/status_code.h"
#include "rules/prebuilt_automata.h"
#include "rules/rule_check.h"
#include "rules/rule_loader.h"

namespace bouncetolk {
namespace {

// Whether \a path starts with \a folder and a language's directory ("text/nl/"); that
// language in *lang.
bool LangOf(std::string_view path, std::string_view folder, Lang* lang) {
  if (path.compare(0, folder.size(), folder) != 0) return false;
  const std::string_view rest = path.substr(folder.size());
  for (Lang l : kLangs) {
    const std::string_view dir = LangDir(l);
    if (rest.size() > dir.size() && rest.compare(0, dir.size(), dir) == 0 &&
        rest[dir.size()] == '/') {
      *lang = l;
      return true;
    }
  }
  return false;
}

std::string PatternError(const PhraseRule& rule, std::string_view error) {
  return fmt::format("data/{}:{}: pattern of '{}' does not compile: {}", rule.origin.file,
                     rule.origin.line, rule.id, error);
}

std::string MarkerError(const LhostMarker& m, std::string_view error) {
  return fmt::format("data/{}:{}: marker '{}': {}", m.origin.file, m.origin.line, m.pattern, error);
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
    Lang lang = Lang::kNl, reply_lang = Lang::kNl;
    const bool text = LangOf(p, "text/", &lang);
    const bool txt = p.size() > 4 && p.compare(p.size() - 4, 4, ".txt") == 0;
    const bool reply = p.size() > 15 && txt && LangOf(p, "replies/", &reply_lang);
    const bool messages =
        text && p.size() > 13 && p.compare(p.size() - 13, 13, "/messages.tsv") == 0;
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
    else if (p == "rules/words.tsv")
      LoadWords(f, t.get(), errors);
    else if (p == "rules/concepts.tsv")
      LoadConcepts(f, t.get(), errors);
    else if (p == "rules/status-words.tsv")
      LoadStatusWords(f, t.get(), errors);
    else if (p == "rules/host-families.tsv")
      LoadHostFamilies(f, t.get(), errors);
    else if (p == "rules/lhost.tsv")
      LoadLhostMarkers(f, t.get(), errors);
    else if (p == "rules/client_errors.tsv")
      LoadClientErrors(f, t.get(), errors);
    else if (p == "rules/exchange_numbers.tsv")
      LoadExchangeNumbers(f, t.get(), errors);
    else if (p == "rules/fix-actions.tsv")
      LoadFixActions(f, &t->fix_actions, errors);
    else if (p == "rules/outcome-actions.tsv")
      LoadOutcomeActions(f, &t->fix_actions, errors);
    else if (text && txt) {
      if (trusted)
        t->lazy[lang].text_files.push_back(&f);
      else
        LoadTexts(f, lang, t.get(), errors);
    } else if (reply) {
      if (trusted)
        t->lazy[reply_lang].reply_files.push_back(&f);
      else
        LoadReply(f, &t->replies[reply_lang], errors);
    } else if (messages) {
      if (trusted)
        t->lazy[lang].message_files.push_back(&f);
      else
        LoadMessages(f, &t->messages[lang], errors);
    }
    // Other files (examples, README) are carried but not interpreted.
  }
  for (const DataFile* f : vendor_phrases) LoadPhrases(*f, t.get(), &front, &phrase_index, errors);
  t->phrases.insert(t->phrases.begin(), std::make_move_iterator(front.begin()),
                    std::make_move_iterator(front.end()));
  for (std::size_t i = 0; i < t->phrases.size(); ++i) {
    const PhraseRule& rule = t->phrases[i];
    PhraseMatcher& m = rule.scope == PhraseScope::kSubject ? t->subject_matcher : t->text_matcher;
    std::string err;
    if (trusted) {
      m.AddTrusted(rule.pattern, static_cast<int>(i));
    } else if (!m.Add(rule.pattern, static_cast<int>(i), &err)) {
      errors->push_back(PatternError(rule, err));
    }
  }
  for (std::size_t i = 0; i < t->lhost_markers.size(); ++i) {
    const LhostMarker& m = t->lhost_markers[i];
    if (m.field == MarkerField::kBoundary) continue;
    t->lhost_by_reader[m.reader].push_back(static_cast<int>(i));
    PhraseMatcher* matcher = m.field == MarkerField::kText      ? &t->lhost_text_matcher
                             : m.field == MarkerField::kSubject ? &t->lhost_subject_matcher
                                                                : nullptr;
    // Markers are plain lower-case text; a leading "re:" would be read as a regex, so such a
    // row (none exists) is not matched.
    if (!matcher || m.pattern.compare(0, 3, "re:") == 0) continue;
    std::string err;
    if (trusted) {
      matcher->AddTrusted(m.pattern, static_cast<int>(i));
    } else if (!matcher->Add(m.pattern, static_cast<int>(i), &err)) {
      errors->push_back(MarkerError(m, err));
    }
  }
  // The words of status-words.tsv go into the phrases' automaton: the pass over a text that
  // finds the phrases finds them too (a word is plain text; the loader refuses a leading "re:").
  for (std::size_t i = 0; i < t->status_words.size(); ++i) {
    const StatusWordRule& w = t->status_words[i];
    if (w.AnyWord()) continue;
    const int id = kStatusWordIds + static_cast<int>(i);
    std::string err;
    if (RunsAsRegex(w.word)) {  // Classify looks for them as literals of the automaton
      errors->push_back(
          fmt::format("data/{}:{}: a word must be ASCII", w.origin.file, w.origin.line));
      continue;
    }
    if (trusted) {
      t->text_matcher.AddTrusted(w.word, id);
    } else if (!t->text_matcher.Add(w.word, id, &err)) {
      errors->push_back(fmt::format("data/{}:{}: {}", w.origin.file, w.origin.line, err));
    }
  }
  // Regexes that parse but do not compile (RE2's memory limit): only validated loads compile.
  // The automata as the build made them, when the patterns are the same (prebuilt_automata.h).
  const std::pair<PhraseMatcher*, std::string_view> phrase_matchers[] = {
      {&t->text_matcher, kPhraseTextAutomaton}, {&t->subject_matcher, kPhraseSubjectAutomaton}};
  for (const auto& [m, name] : phrase_matchers) {
    std::string err;
    int id = -1;
    if (m->Compile(&err, &id, PrebuiltAutomaton(name))) continue;
    if (id >= kStatusWordIds) {
      const StatusWordRule& w = t->status_words[static_cast<std::size_t>(id - kStatusWordIds)];
      errors->push_back(fmt::format("data/{}:{}: {}", w.origin.file, w.origin.line, err));
    } else {
      errors->push_back(PatternError(t->phrases[static_cast<std::size_t>(id)], err));
    }
  }
  const std::pair<PhraseMatcher*, std::string_view> lhost_matchers[] = {
      {&t->lhost_text_matcher, kLhostTextAutomaton},
      {&t->lhost_subject_matcher, kLhostSubjectAutomaton}};
  for (const auto& [m, name] : lhost_matchers) {
    std::string err;
    int id = -1;
    if (!m->Compile(&err, &id, PrebuiltAutomaton(name)))
      errors->push_back(MarkerError(t->lhost_markers[static_cast<std::size_t>(id)], err));
  }
  t->concept_matcher.UsePrebuilt(PrebuiltAutomaton(kConceptWordAutomaton));
  BuildConcepts(t.get(), errors);
  if (!trusted) CheckReferences(t.get());
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

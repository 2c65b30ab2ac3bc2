// SPDX-License-Identifier: MIT
//
// concept_matcher.cpp: see concept_matcher.h. The automaton reports every word (id = its index
// in words) with where it ends; the hits that stand between word boundaries are sorted by
// position and numbered by the words before them (the text's single spaces). Each rule then
// takes every hit of one of its classes as the last word of a match and, for its other classes,
// the nearest earlier hit that does not overlap it: the narrowest match ending there. That is
// a match when it spans at most window words and no guard class occurs where the rule forbids.

#include "rules/concept_matcher.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "rules/aho_corasick.h"

namespace bouncetolk {
namespace {

// Hits looked at per text: a hostile text full of class words costs at most this many.
constexpr std::size_t kMaxHits = 4096;

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}

struct Hit {
  std::uint32_t start, end;
  int klass;
  std::uint32_t first_word, last_word;  // numbers of the words it starts and ends in
};

bool Overlaps(const Hit& a, const Hit& b) { return a.start < b.end && b.start < a.end; }

}  // namespace

struct ConceptMatcher::Impl {
  struct Word {
    std::uint32_t length;
    int klass;
    bool open_start, open_end;
  };
  std::map<std::string, int, std::less<>> class_numbers;
  std::vector<bool> class_has_words;
  std::vector<Word> words;
  std::vector<ConceptPattern> rules;
  // The words as added, views the caller keeps alive (the embedded words.tsv): they go into the
  // automaton on first use, so a run whose every bounce has a phrase never builds it.
  std::vector<std::string_view> pending;
  AhoCorasick automaton;
  const AhoCorasickImage* prebuilt = nullptr;
  bool built = false;
  std::once_flag once;

  void EnsureAutomaton() {
    std::call_once(once, [this] {
      for (std::size_t i = 0; i < pending.size(); ++i)
        automaton.Add(pending[i], static_cast<int>(i));
      automaton.Build(prebuilt);
      pending = {};
    });
  }

  // The hits of \a text between word boundaries, in text order, and per class (indexes).
  void Find(std::string_view text, std::vector<Hit>* hits,
            std::vector<std::vector<std::uint32_t>>* by_class) const;
  bool Matches(const ConceptPattern& rule, const std::vector<Hit>& hits,
               const std::vector<std::vector<std::uint32_t>>& by_class) const;
  // Whether a hit of \a guard occurs where it vetoes the match \a chosen (first .. last).
  bool Vetoed(const ConceptPattern& rule, const ConceptPattern::Guard& guard,
              const std::vector<const Hit*>& chosen, const Hit& first, const Hit& last,
              const std::vector<Hit>& hits,
              const std::vector<std::vector<std::uint32_t>>& by_class) const;
};

void ConceptMatcher::Impl::Find(std::string_view text, std::vector<Hit>* hits,
                                std::vector<std::vector<std::uint32_t>>* by_class) const {
  std::vector<AhoCorasick::Hit> raw;
  automaton.MatchWithEnds(text, &raw);
  for (const AhoCorasick::Hit& h : raw) {
    const Word& w = words[static_cast<std::size_t>(h.id)];
    const std::uint32_t start = h.end - w.length;
    if (!w.open_start && start > 0 && IsWordByte(static_cast<unsigned char>(text[start - 1])))
      continue;
    if (!w.open_end && h.end < text.size() && IsWordByte(static_cast<unsigned char>(text[h.end])))
      continue;
    hits->push_back(Hit{start, h.end, w.klass, 0, 0});
    if (hits->size() == kMaxHits) break;
  }
  std::sort(hits->begin(), hits->end(), [](const Hit& a, const Hit& b) {
    return a.start != b.start ? a.start < b.start
                              : (a.end != b.end ? a.end < b.end : a.klass < b.klass);
  });
  hits->erase(std::unique(hits->begin(), hits->end(),
                          [](const Hit& a, const Hit& b) {
                            return a.start == b.start && a.end == b.end && a.klass == b.klass;
                          }),
              hits->end());
  // Word numbers: the spaces before each position (the text has single spaces). Starts are in
  // order; an end may lie before the next hit's start, so it is counted from its own start.
  std::uint32_t pos = 0, spaces = 0;
  for (Hit& h : *hits) {
    for (; pos < h.start; ++pos) spaces += text[pos] == ' ';
    h.first_word = spaces;
    std::uint32_t inner = 0;
    for (std::uint32_t p = h.start; p + 1 < h.end; ++p) inner += text[p] == ' ';
    h.last_word = spaces + inner;
  }
  by_class->assign(class_numbers.size(), {});
  for (std::uint32_t i = 0; i < hits->size(); ++i)
    (*by_class)[static_cast<std::size_t>((*hits)[i].klass)].push_back(i);
}

bool ConceptMatcher::Impl::Vetoed(const ConceptPattern& rule, const ConceptPattern::Guard& guard,
                                  const std::vector<const Hit*>& chosen, const Hit& first,
                                  const Hit& last, const std::vector<Hit>& hits,
                                  const std::vector<std::vector<std::uint32_t>>& by_class) const {
  const std::int64_t reach = std::max(rule.window, kGuardReach);
  const bool between = guard.place == GuardPlace::kBetween;
  const bool next = guard.place == GuardPlace::kNext;
  // The guard's hits from the first word that may count on (hits are in word order).
  const std::int64_t lo =
      static_cast<std::int64_t>(first.first_word) - (between ? 0 : (next ? 2 : reach));
  const std::int64_t hi = guard.place == GuardPlace::kAround
                              ? static_cast<std::int64_t>(last.last_word) + reach
                              : static_cast<std::int64_t>(last.first_word);
  const auto& list = by_class[static_cast<std::size_t>(guard.klass)];
  auto it =
      std::lower_bound(list.begin(), list.end(), lo, [&hits](std::uint32_t i, std::int64_t word) {
        return static_cast<std::int64_t>(hits[i].first_word) < word;
      });
  for (; it != list.end() && static_cast<std::int64_t>(hits[*it].first_word) <= hi; ++it) {
    const Hit& h = hits[*it];
    if (between && !(h.start >= first.end && h.end <= last.start)) continue;
    if (next) {
      bool close_before = false;
      for (const Hit* c : chosen)
        close_before = close_before || (h.end <= c->start && h.last_word + 2 >= c->first_word);
      if (!close_before) continue;
    }
    // A guard word inside a word of the match ("no" of "no such") is part of it; one that
    // reaches beyond ("ip address" around "address") reads the words otherwise.
    bool own = false;
    for (const Hit* c : chosen) own = own || (c->start <= h.start && h.end <= c->end);
    if (!own) return true;
  }
  return false;
}

bool ConceptMatcher::Impl::Matches(const ConceptPattern& rule, const std::vector<Hit>& hits,
                                   const std::vector<std::vector<std::uint32_t>>& by_class) const {
  std::vector<const Hit*> chosen;
  for (int last_class : rule.classes) {
    for (std::uint32_t index : by_class[static_cast<std::size_t>(last_class)]) {
      const Hit& last = hits[index];
      chosen.assign(1, &last);
      bool complete = true;
      for (int c : rule.classes) {
        if (c == last_class) continue;
        // The nearest hit of class c that starts before the last one and does not overlap it.
        const auto& list = by_class[static_cast<std::size_t>(c)];
        auto it = std::lower_bound(list.begin(), list.end(), index);
        const Hit* best = nullptr;
        for (int steps = 0; it != list.begin() && steps < 4; ++steps) {
          const Hit& h = hits[*--it];
          if (!Overlaps(h, last)) {
            best = &h;
            break;
          }
        }
        if (!best) {
          complete = false;
          break;
        }
        chosen.push_back(best);
      }
      if (!complete) continue;
      const Hit* first = chosen.front();
      for (const Hit* h : chosen)
        if (h->start < first->start) first = h;
      if (last.first_word - first->first_word > static_cast<std::uint32_t>(rule.window)) continue;
      bool vetoed = false;
      for (const ConceptPattern::Guard& g : rule.unless) {
        vetoed = Vetoed(rule, g, chosen, *first, last, hits, by_class);
        if (vetoed) break;
      }
      if (!vetoed) return true;
    }
  }
  return false;
}

ConceptMatcher::ConceptMatcher() : impl_(std::make_unique<Impl>()) {}
ConceptMatcher::~ConceptMatcher() = default;
ConceptMatcher::ConceptMatcher(ConceptMatcher&&) noexcept = default;
ConceptMatcher& ConceptMatcher::operator=(ConceptMatcher&&) noexcept = default;

int ConceptMatcher::Class(std::string_view name) {
  const auto it = impl_->class_numbers.find(name);
  if (it != impl_->class_numbers.end()) return it->second;
  const int n = static_cast<int>(impl_->class_numbers.size());
  impl_->class_numbers.emplace(std::string(name), n);
  impl_->class_has_words.push_back(false);
  return n;
}

bool ConceptMatcher::HasWords(std::string_view name) const {
  const auto it = impl_->class_numbers.find(name);
  return it != impl_->class_numbers.end() &&
         impl_->class_has_words[static_cast<std::size_t>(it->second)];
}

bool ConceptMatcher::AddWord(std::string_view word, int klass) {
  const bool open_start = !word.empty() && word.front() == '*';
  if (open_start) word.remove_prefix(1);
  const bool open_end = !word.empty() && word.back() == '*';
  if (open_end) word.remove_suffix(1);
  if (word.empty()) return false;
  impl_->pending.push_back(word);
  impl_->words.push_back(
      Impl::Word{static_cast<std::uint32_t>(word.size()), klass, open_start, open_end});
  impl_->class_has_words[static_cast<std::size_t>(klass)] = true;
  return true;
}

void ConceptMatcher::AddRule(ConceptPattern rule) { impl_->rules.push_back(std::move(rule)); }

void ConceptMatcher::Build() { impl_->built = true; }

void ConceptMatcher::UsePrebuilt(const AhoCorasickImage* prebuilt) { impl_->prebuilt = prebuilt; }

const AhoCorasickImage& ConceptMatcher::automaton() const {
  impl_->EnsureAutomaton();
  return impl_->automaton.image();
}

int ConceptMatcher::Match(std::string_view normalized_text) const {
  const std::vector<int> all = MatchAll(normalized_text, true);
  return all.empty() ? -1 : all.front();
}

std::vector<int> ConceptMatcher::MatchAll(std::string_view normalized_text, bool first_only) const {
  std::vector<int> out;
  if (!impl_->built || impl_->words.empty() || normalized_text.empty()) return out;
  impl_->EnsureAutomaton();
  std::vector<Hit> hits;
  std::vector<std::vector<std::uint32_t>> by_class;
  impl_->Find(normalized_text, &hits, &by_class);
  for (std::size_t i = 0; !hits.empty() && i < impl_->rules.size(); ++i) {
    if (!impl_->Matches(impl_->rules[i], hits, by_class)) continue;
    out.push_back(static_cast<int>(i));
    if (first_only) break;
  }
  return out;
}

bool ParseGuards(std::string_view cell, std::vector<std::pair<std::string, GuardPlace>>* guards,
                 std::string* error) {
  if (cell == "-") return true;
  static constexpr std::pair<std::string_view, GuardPlace> kPlaces[] = {
      {"around:", GuardPlace::kAround},
      {"before:", GuardPlace::kBefore},
      {"between:", GuardPlace::kBetween},
      {"next:", GuardPlace::kNext}};
  std::size_t pos = 0;
  while (pos < cell.size()) {
    std::size_t space = cell.find(' ', pos);
    if (space == std::string_view::npos) space = cell.size();
    const std::string_view item = cell.substr(pos, space - pos);
    pos = space + 1;
    if (item.empty()) continue;
    bool ok = false;
    for (const auto& [prefix, place] : kPlaces) {
      if (item.size() > prefix.size() && item.compare(0, prefix.size(), prefix) == 0) {
        guards->emplace_back(std::string(item.substr(prefix.size())), place);
        ok = true;
        break;
      }
    }
    if (!ok) {
      if (error) *error = std::string(item);
      return false;
    }
  }
  return true;
}

}  // namespace bouncetolk

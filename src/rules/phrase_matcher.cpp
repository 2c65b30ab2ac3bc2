// SPDX-License-Identifier: MIT
//
// phrase_matcher.cpp: see phrase_matcher.h. The automaton reports the caller's id for a literal,
// and -1 - k for the k-th atom entry, an atom of one regex (the same atom of two regexes is two
// entries). A regex is asked when an atom of it was found, or when its condition holds without
// searchable atoms; its FilteredRegex then decides: the pre-check of its atoms, then (compiled on
// first use) the condition, then RE2. Everything stays linear in the text (RE2 never
// backtracks), which matters because rule patterns meet hostile text.

#include "rules/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "common/text.h"
#include "rules/aho_corasick.h"
#include "rules/embedded.h"

namespace bouncetolk {

RegexStore::RegexStore() = default;
RegexStore::~RegexStore() = default;

bool RegexStore::Validate(std::string_view pattern, std::string* error) {
  if (!IsValidUtf8(pattern)) {
    if (error) *error = "invalid UTF-8";
    return false;
  }
  if (!RunsAsRegex(pattern)) return true;
  std::string key(pattern);
  if (const auto known = parsed_.find(key); known != parsed_.end() && known->second) return true;
  const bool ok = ParseRegex(pattern, error);
  parsed_[std::move(key)] = ok;
  return ok;
}

namespace {

// The regex of \a pattern as the build left it (compiled on first use), or null when the build
// did not see the pattern and \a unknown is false; with \a unknown, a pattern the build did not
// see is run for every text.
std::unique_ptr<FilteredRegex> FromBuild(std::string_view pattern, bool unknown) {
  RegexAtoms atoms;
  if (const EmbeddedRegexAtoms* built = FindEmbeddedRegexAtoms(pattern)) {
    atoms.atoms.assign(built->atoms, built->atoms + built->atom_count);
    atoms.always_candidate = built->always_candidate;
    atoms.required = built->required;
    atoms.needs_more = built->needs_more;
    atoms.exact = built->exact;
  } else if (unknown) {
    atoms.always_candidate = true;
    atoms.exact = true;
  } else {
    return nullptr;
  }
  return std::make_unique<FilteredRegex>(pattern, std::move(atoms));
}

}  // namespace

const FilteredRegex* RegexStore::Compile(std::string_view pattern, std::string* error) {
  std::unique_ptr<FilteredRegex>& slot = by_pattern_[std::string(pattern)];
  if (!slot) slot = FromBuild(pattern, false);
  if (!slot) slot = FilteredRegex::Compile(pattern, error);
  if (!slot) by_pattern_.erase(std::string(pattern));  // the message again when asked again
  return slot.get();
}

const FilteredRegex* RegexStore::Trusted(std::string_view pattern) {
  std::unique_ptr<FilteredRegex>& slot = by_pattern_[std::string(pattern)];
  if (!slot) slot = FromBuild(pattern, true);
  return slot.get();
}

struct PhraseMatcher::Impl {
  struct Regex {
    const FilteredRegex* regex;
    int id;
  };
  struct AtomEntry {
    std::uint32_t regex;  // index into regexes
    int atom;             // index into its atoms().atoms
  };

  explicit Impl(RegexStore* s) : store(s ? s : &own_store.emplace()) {}

  void AddRegex(const FilteredRegex* regex, int id) {
    const auto k = static_cast<std::uint32_t>(regexes.size());
    regexes.push_back(Regex{regex, id});
    const RegexAtoms& a = regex->atoms();
    if (a.always_candidate) always.push_back(k);
    for (std::size_t i = 0; i < a.atoms.size(); ++i) {
      if (!IsSearchableAtom(a.atoms[i])) continue;
      automaton.Add(a.atoms[i], -1 - static_cast<int>(entries.size()));
      entries.push_back(AtomEntry{k, static_cast<int>(i)});
    }
  }

  std::optional<RegexStore> own_store;
  RegexStore* store;
  AhoCorasick automaton;
  std::vector<Regex> regexes;
  std::vector<AtomEntry> entries;
  std::vector<std::uint32_t> always;  // regexes that are candidates for every text
  std::vector<std::pair<std::string, int>> to_compile;  // regexes of Add(), and their ids
  std::size_t patterns = 0;
  bool compiled = false;
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>(nullptr)) {}
PhraseMatcher::PhraseMatcher(RegexStore* store) : impl_(std::make_unique<Impl>(store)) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

bool PhraseMatcher::Add(std::string_view pattern, int id, std::string* error) {
  if (!impl_->store->Validate(pattern, error)) return false;
  ++impl_->patterns;
  if (RunsAsRegex(pattern)) {
    impl_->to_compile.emplace_back(pattern, id);
  } else {
    impl_->automaton.Add(pattern, id);
  }
  return true;
}

void PhraseMatcher::AddTrusted(std::string_view pattern, int id) {
  ++impl_->patterns;
  if (RunsAsRegex(pattern)) {
    impl_->AddRegex(impl_->store->Trusted(pattern), id);
  } else {
    impl_->automaton.Add(pattern, id);
  }
}

bool PhraseMatcher::Compile(std::string* error, int* failed_id, const AhoCorasickImage* prebuilt) {
  bool ok = true;
  for (const auto& [pattern, id] : impl_->to_compile) {
    std::string err;
    if (const FilteredRegex* regex = impl_->store->Compile(pattern, &err)) {
      impl_->AddRegex(regex, id);
    } else if (ok) {
      ok = false;
      if (error) *error = err;
      if (failed_id) *failed_id = id;
    }
  }
  impl_->to_compile.clear();
  impl_->automaton.Build(prebuilt);
  impl_->compiled = true;
  return ok;
}

const AhoCorasickImage& PhraseMatcher::automaton() const { return impl_->automaton.image(); }

std::vector<int> PhraseMatcher::Match(std::string_view normalized_text) const {
  std::vector<int> out;
  if (impl_->patterns == 0 || !impl_->compiled) return out;
  std::vector<int> hits;
  impl_->automaton.Match(normalized_text, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  // The candidates: (regex, atom found), with atom -1 for the regexes that are candidates anyway.
  std::vector<std::pair<std::uint32_t, int>> candidates;
  for (int h : hits) {
    if (h >= 0) {
      out.push_back(h);
    } else {
      const Impl::AtomEntry& e = impl_->entries[static_cast<std::size_t>(-1 - h)];
      candidates.emplace_back(e.regex, e.atom);
    }
  }
  for (std::uint32_t k : impl_->always) candidates.emplace_back(k, -1);
  std::sort(candidates.begin(), candidates.end());
  std::vector<int> found;
  for (std::size_t i = 0; i < candidates.size();) {
    const std::uint32_t k = candidates[i].first;
    found.clear();
    for (; i < candidates.size() && candidates[i].first == k; ++i) {
      if (candidates[i].second >= 0) found.push_back(candidates[i].second);
    }
    const Impl::Regex& r = impl_->regexes[k];
    if (r.regex->Matches(normalized_text, found)) out.push_back(r.id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int> PhraseMatcher::MatchLiterals(std::string_view normalized_text) const {
  std::vector<int> hits;
  if (impl_->patterns == 0 || !impl_->compiled) return hits;
  impl_->automaton.Match(normalized_text, &hits);
  hits.erase(std::remove_if(hits.begin(), hits.end(), [](int h) { return h < 0; }), hits.end());
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  return hits;
}

bool PhraseMatcher::empty() const { return impl_->patterns == 0; }

bool PhraseMatcher::Validate(std::string_view pattern, std::string* error) {
  RegexStore store;
  return store.Validate(pattern, error);
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// regex_atoms.cpp: see regex_atoms.h. Each regex has a FilteredRE2 of its own, so that it can be
// compiled on first use: one FilteredRE2 for all of them would compile every regex at start-up,
// twice the time of a whole one-bounce run.

#include "rules/regex_atoms.h"

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <algorithm>

#include "rules/re2_options.h"

namespace bouncetolk {
namespace {

// The RE2 syntax of a phrase pattern: after "re:", or the literal quoted.
std::string RegexOf(std::string_view pattern) {
  if (pattern.substr(0, 3) == "re:") return std::string(pattern.substr(3));
  return RE2::QuoteMeta(re2::StringPiece(pattern.data(), pattern.size()));
}

// A FilteredRE2 holding \a regex alone, compiled, and its atoms; null, with RE2's message in
// *error (may be null), when the regex does not compile.
std::unique_ptr<re2::FilteredRE2> NewFilter(const std::string& regex,
                                            std::vector<std::string>* atoms, std::string* error) {
  auto filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
  int id = 0;
  if (filter->Add(regex, MatcherOptions(), &id) != RE2::NoError) {
    // FilteredRE2 drops the RE2 with its message; the error path may compile twice.
    if (error) *error = RE2(regex, MatcherOptions()).error();
    return nullptr;
  }
  filter->Compile(atoms);
  return filter;
}

// The indexes of the atoms that are not searchable.
std::vector<int> Unsearchable(const std::vector<std::string>& atoms) {
  std::vector<int> out;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (!IsSearchableAtom(atoms[i])) out.push_back(static_cast<int>(i));
  }
  return out;
}

// Whether the condition of \a filter's regex holds with the atoms \a present (indexes).
bool Holds(const re2::FilteredRE2& filter, const std::vector<int>& present) {
  std::vector<int> passed;
  filter.AllPotentials(present, &passed);
  return !passed.empty();
}

// always_candidate, required and needs_more of \a atoms, from the condition of \a filter's
// regex: with only the unsearchable atoms (FilteredRE2 passes a regex without a condition,
// "unfiltered", always), with all atoms but one, and with the required ones.
void Classify(const re2::FilteredRE2& filter, RegexAtoms* atoms) {
  const std::vector<std::string>& a = atoms->atoms;
  std::vector<int> present = Unsearchable(a);
  atoms->always_candidate = Holds(filter, present);
  atoms->required = 0;
  atoms->needs_more = false;
  if (atoms->always_candidate) return;
  std::vector<int> others;
  for (std::size_t i = 0; i < a.size() && i < 64; ++i) {
    if (!IsSearchableAtom(a[i])) continue;
    others.clear();
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (j != i) others.push_back(static_cast<int>(j));
    }
    if (Holds(filter, others)) continue;
    atoms->required |= std::uint64_t{1} << i;
    present.push_back(static_cast<int>(i));
  }
  atoms->needs_more = !Holds(filter, present);
}

// Whether PreCheck() agrees with the condition for every combination of searchable atoms found;
// false when there are more than kMaxExactAtoms.
bool Exact(const re2::FilteredRE2& filter, const RegexAtoms& atoms) {
  if (atoms.always_candidate) return true;  // no pre-check, and the condition holds
  const std::vector<int> assumed = Unsearchable(atoms.atoms);
  std::vector<int> searchable;
  for (std::size_t i = 0; i < atoms.atoms.size(); ++i) {
    if (IsSearchableAtom(atoms.atoms[i])) searchable.push_back(static_cast<int>(i));
  }
  if (searchable.size() > kMaxExactAtoms) return false;
  std::vector<int> found, present;
  for (std::uint32_t subset = 0; subset < (1u << searchable.size()); ++subset) {
    found.clear();
    for (std::size_t b = 0; b < searchable.size(); ++b) {
      if ((subset >> b & 1) != 0) found.push_back(searchable[b]);
    }
    present = assumed;
    present.insert(present.end(), found.begin(), found.end());
    if (PreCheck(atoms, found) != Holds(filter, present)) return false;
  }
  return true;
}

}  // namespace

bool PreCheck(const RegexAtoms& atoms, const std::vector<int>& found) {
  if (atoms.always_candidate) return true;
  std::uint64_t mask = 0;
  bool more = false;  // an atom found that is not required
  for (int i : found) {
    if (i < 64) mask |= std::uint64_t{1} << i;
    if (i >= 64 || (atoms.required >> i & 1) == 0) more = true;
  }
  return (mask & atoms.required) == atoms.required && (more || !atoms.needs_more) && !found.empty();
}

bool RunsAsRegex(std::string_view pattern) {
  if (pattern.empty() || pattern.substr(0, 3) == "re:") return true;
  return !IsSearchableAtom(pattern);
}

bool IsSearchableAtom(std::string_view atom) {
  return std::none_of(atom.begin(), atom.end(),
                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool ParseRegex(std::string_view pattern, std::string* error) {
  // RE2::Set::Add parses and nothing more. Case folding only multiplies character classes; the
  // syntax is the same without it.
  RE2::Options options = MatcherOptions();
  options.set_case_sensitive(true);
  RE2::Set probe(options, RE2::UNANCHORED);
  std::string err;
  if (probe.Add(RegexOf(pattern), &err) >= 0) return true;
  if (error) *error = err;
  return false;
}

bool ComputeRegexAtoms(std::string_view pattern, RegexAtoms* out, std::string* error) {
  std::vector<std::string> atoms;
  const std::unique_ptr<re2::FilteredRE2> filter = NewFilter(RegexOf(pattern), &atoms, error);
  if (!filter) return false;
  out->atoms = std::move(atoms);
  Classify(*filter, out);
  out->exact = Exact(*filter, *out);
  return true;
}

std::unique_ptr<FilteredRegex> FilteredRegex::Compile(std::string_view pattern,
                                                      std::string* error) {
  std::unique_ptr<FilteredRegex> r(new FilteredRegex());
  r->regex_ = RegexOf(pattern);
  std::call_once(r->once_, [&r, error] {
    r->filter_ = NewFilter(r->regex_, &r->atoms_.atoms, error);
    if (!r->filter_) return;
    Classify(*r->filter_, &r->atoms_);
    for (std::size_t i = 0; i < r->atoms_.atoms.size(); ++i)
      r->filter_atom_.push_back(static_cast<int>(i));
    r->assumed_ = Unsearchable(r->atoms_.atoms);
  });
  if (!r->filter_) return nullptr;
  return r;
}

FilteredRegex::FilteredRegex(std::string_view pattern, RegexAtoms atoms)
    : regex_(RegexOf(pattern)), atoms_(std::move(atoms)) {}

FilteredRegex::~FilteredRegex() = default;

// Compiles the regex. Its atoms are those known before unless this RE2 computes others (they
// were computed by the same library at build time, so it should not): then an atom of ours that
// it lacks is never asked for, and one of its own that we do not know is taken as found. A regex
// that is a candidate for every text runs whatever its atoms: no condition is computed.
void FilteredRegex::Build() const {
  if (atoms_.exact) {
    plain_ = std::make_unique<RE2>(regex_, MatcherOptions());
    if (!plain_->ok()) plain_.reset();
    return;
  }
  std::vector<std::string> atoms;
  filter_ = NewFilter(regex_, &atoms, nullptr);
  if (!filter_) return;
  filter_atom_.assign(atoms_.atoms.size(), -1);
  for (std::size_t j = 0; j < atoms.size(); ++j) {
    const auto known = std::find(atoms_.atoms.begin(), atoms_.atoms.end(), atoms[j]);
    if (known != atoms_.atoms.end() && IsSearchableAtom(atoms[j])) {
      filter_atom_[static_cast<std::size_t>(known - atoms_.atoms.begin())] = static_cast<int>(j);
    } else {
      assumed_.push_back(static_cast<int>(j));
    }
  }
}

bool FilteredRegex::Matches(std::string_view text, const std::vector<int>& found) const {
  if (!PreCheck(atoms_, found)) return false;
  std::call_once(once_, [this] { Build(); });
  if (plain_) return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *plain_);
  if (!filter_) return false;
  std::vector<int> present = assumed_;
  for (int i : found) {
    const int j = filter_atom_[static_cast<std::size_t>(i)];
    if (j >= 0) present.push_back(j);
  }
  return filter_->FirstMatch(re2::StringPiece(text.data(), text.size()), present) >= 0;
}

}  // namespace bouncetolk

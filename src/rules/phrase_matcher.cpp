// SPDX-License-Identifier: MIT
//
// phrase_matcher.cpp: RE2::Set over all patterns. RE2 guarantees time linear in the text
// (no backtracking), which matters because rule patterns meet hostile text.

#include "rules/phrase_matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace bouncetolk {

namespace {

RE2::Options MatcherOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  o.set_max_mem(256 << 20);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

std::string ToRegex(std::string_view pattern) {
  if (pattern.substr(0, 3) == "re:") return std::string(pattern.substr(3));
  return RE2::QuoteMeta(re2::StringPiece(pattern.data(), pattern.size()));
}

}  // namespace

struct CapturePattern::Impl {
  explicit Impl(std::string_view regex) : re(std::string("(?m)") + std::string(regex), MatcherOptions()) {}
  RE2 re;
};

CapturePattern::CapturePattern(std::string_view regex) : impl_(std::make_unique<Impl>(regex)) {}
CapturePattern::~CapturePattern() = default;

bool CapturePattern::ok() const { return impl_->re.ok(); }

bool CapturePattern::FirstCapture(std::string_view text, std::string* capture, int* group) const {
  const int n = impl_->re.NumberOfCapturingGroups();
  if (!impl_->re.ok() || n <= 0) return false;
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(n) + 1);
  const re2::StringPiece input(text.data(), text.size());
  if (!impl_->re.Match(input, 0, input.size(), RE2::UNANCHORED, pieces.data(), n + 1)) return false;
  for (int i = 1; i <= n; ++i) {
    if (pieces[static_cast<std::size_t>(i)].data() == nullptr) continue;
    capture->assign(pieces[static_cast<std::size_t>(i)].data(), pieces[static_cast<std::size_t>(i)].size());
    if (group) *group = i;
    return true;
  }
  return false;
}

struct PhraseMatcher::Impl {
  Impl() : set(MatcherOptions(), RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> ids;  // set index -> caller id
  bool compiled = false;
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

bool PhraseMatcher::Add(std::string_view pattern, int id, std::string* error) {
  std::string err;
  const int index = impl_->set.Add(ToRegex(pattern), &err);
  if (index < 0) {
    if (error) *error = err;
    return false;
  }
  impl_->ids.push_back(id);
  return true;
}

bool PhraseMatcher::Compile(std::string* error) {
  if (impl_->ids.empty()) {
    impl_->compiled = true;
    return true;
  }
  if (!impl_->set.Compile()) {
    if (error) *error = "the phrase automaton could not be built (out of memory)";
    return false;
  }
  impl_->compiled = true;
  return true;
}

std::vector<int> PhraseMatcher::Match(std::string_view normalized_text) const {
  std::vector<int> out;
  if (impl_->ids.empty() || !impl_->compiled) return out;
  std::vector<int> hits;
  impl_->set.Match(re2::StringPiece(normalized_text.data(), normalized_text.size()), &hits);
  out.reserve(hits.size());
  for (int h : hits) out.push_back(impl_->ids[static_cast<std::size_t>(h)]);
  std::sort(out.begin(), out.end());
  return out;
}

bool PhraseMatcher::empty() const { return impl_->ids.empty(); }

bool PhraseMatcher::Validate(std::string_view pattern, std::string* error) {
  RE2 re(ToRegex(pattern), MatcherOptions());
  if (!re.ok()) {
    if (error) *error = re.error();
    return false;
  }
  return true;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// capture_pattern.cpp: see capture_pattern.h.

#include "rules/capture_pattern.h"

#include <vector>

#include "rules/re2_options.h"

namespace bouncetolk {

struct CapturePattern::Impl {
  explicit Impl(std::string_view regex)
      : re(std::string("(?m)") + std::string(regex), MatcherOptions()) {}
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
    capture->assign(pieces[static_cast<std::size_t>(i)].data(),
                    pieces[static_cast<std::size_t>(i)].size());
    if (group) *group = i;
    return true;
  }
  return false;
}

}  // namespace bouncetolk

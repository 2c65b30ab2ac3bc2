// SPDX-License-Identifier: MIT
//
// capture_pattern.h: one regular expression with capture groups, for the structural parsing of
// vendor formats (src/lhost/). Keeps <re2/...> out of the readers.

#ifndef BOUNCETOLK_RULES_CAPTURE_PATTERN_H_
#define BOUNCETOLK_RULES_CAPTURE_PATTERN_H_

#include <memory>
#include <string>
#include <string_view>

namespace bouncetolk {

/// An RE2 pattern: case-insensitive, "^"/"$" match at line ends, linear time. Thread-safe after
/// construction.
class CapturePattern {
 public:
  explicit CapturePattern(std::string_view regex);
  ~CapturePattern();
  CapturePattern(const CapturePattern&) = delete;
  CapturePattern& operator=(const CapturePattern&) = delete;

  /// False when the pattern did not compile (a bug in the caller's literal).
  bool ok() const;
  /// The first capture group that took part in the leftmost match of \a text; *group (may be
  /// nullptr) is its 1-based number. False when nothing matched.
  bool FirstCapture(std::string_view text, std::string* capture, int* group = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_CAPTURE_PATTERN_H_

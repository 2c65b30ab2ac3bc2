// SPDX-License-Identifier: MIT
//
// fuzz_check.h: the invariants every fuzz target checks on what the library returns, shared
// by the targets in tests/fuzz/. A broken invariant aborts, so libFuzzer records the input as
// a crash. Header-only because each target is its own executable.

#ifndef BOUNCETOLK_TESTS_FUZZ_FUZZ_CHECK_H_
#define BOUNCETOLK_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/text.h"

namespace bouncetolk::fuzz {

/// Aborts with \a what when \a ok is false (assert() would vanish under NDEBUG).
inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

/// Text output may contain newlines (CSV/TSV also CR and tab) but no other C0 control, no DEL,
/// no C1 control, no bidi or other invisible formatting character: nothing a message wrote may
/// act on a terminal or hide text there.
inline void CheckTerminalSafe(std::string_view text, bool color, bool table = false) {
  Check(IsValidUtf8(text), "text output is not valid UTF-8");
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1B && color) continue;  // our own colour codes; message text cannot reach here raw
    Check(c == '\n' || (table && (c == '\r' || c == '\t')) || (c >= 0x20 && c != 0x7F),
          "control byte in text output");
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      Check(d < 0x80 || d > 0x9F, "C1 control in text output");
    }
    if (c >= 0xC2) {
      std::size_t len = 1;
      Check(!IsInvisibleFormatting(DecodeUtf8At(text, i, &len)),
            "bidi or invisible formatting character in text output");
    }
  }
}

}  // namespace bouncetolk::fuzz

#endif  // BOUNCETOLK_TESTS_FUZZ_FUZZ_CHECK_H_

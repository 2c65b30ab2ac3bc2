// SPDX-License-Identifier: MIT
//
// shell_run.h: runs the real binary (BT_BINARY) through the shell and returns what it printed,
// and finds the first sequence in output that could act on a terminal. Shared by the tests of
// terminal safety and of the output schema.

#ifndef BOUNCETOLK_TESTS_TESTING_SHELL_RUN_H_
#define BOUNCETOLK_TESTS_TESTING_SHELL_RUN_H_

#include <cctype>
#include <cstdio>
#include <string>

namespace bouncetolk::testing {

/// The standard output of `BT_BINARY args` (a shell command line), with standard error too
/// unless \a with_stderr is false.
inline std::string RunShell(const std::string& args, bool with_stderr = true) {
  std::string out;
  const std::string command =
      std::string(BT_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

/// The first sequence in \a out that could act on a terminal or hide text, or empty: ESC (but
/// our own SGR colours with \a color), other C0 controls than tab and line ends, DEL, C1
/// controls, invalid UTF-8, and the invisible formatting characters (bidi embeddings,
/// overrides, isolates and marks, ALM, separators, zero width space, BOM, tags). Written here,
/// apart from the library's own list, so that the tests check it.
inline std::string FirstUnsafe(const std::string& out, bool color) {
  for (std::size_t i = 0; i < out.size();) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b == 0x1b) {
      std::size_t j = i + 1;
      if (color && j < out.size() && out[j] == '[') {
        ++j;
        while (j < out.size() &&
               (std::isdigit(static_cast<unsigned char>(out[j])) || out[j] == ';'))
          ++j;
        if (j < out.size() && out[j] == 'm') {
          i = j + 1;
          continue;
        }
      }
      return out.substr(i, 12);
    }
    if (b < 0x80) {
      if ((b < 0x20 && b != '\n' && b != '\t' && b != '\r') || b == 0x7f) return out.substr(i, 12);
      ++i;
      continue;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > out.size()) return "invalid UTF-8: " + out.substr(i, 8);
    unsigned cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(out[i + k]);
      if ((c & 0xC0) != 0x80) return "invalid UTF-8: " + out.substr(i, 8);
      cp = (cp << 6) | (c & 0x3F);
    }
    const bool bad = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                     (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0x200E ||
                     cp == 0x200F || cp == 0x2028 || cp == 0x2029 || cp == 0x061C || cp == 0xFEFF ||
                     (cp >= 0xE0000 && cp <= 0xE007F);
    if (bad) return out.substr(i, 12);
    i += len;
  }
  return {};
}

}  // namespace bouncetolk::testing

#endif  // BOUNCETOLK_TESTS_TESTING_SHELL_RUN_H_

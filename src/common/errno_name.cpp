// SPDX-License-Identifier: MIT
//
// errno_name.cpp: see errno_name.h. glibc (2.32 and later) knows the names.

#include "common/errno_name.h"

#include <cstring>

namespace bouncetolk {

std::string ErrnoName(int errnum) {
  if (const char* name = ::strerrorname_np(errnum)) return name;
  return "E" + std::to_string(errnum);
}

int ErrnoFromName(std::string_view name) {
  if (name.size() < 2 || name[0] != 'E') return 0;
  // errno values are small: a linear look-up, only ever done for an error message.
  for (int e = 1; e < 256; ++e) {
    const char* n = ::strerrorname_np(e);
    if (n && name == n) return e;
  }
  if (name.find_first_not_of("0123456789", 1) == std::string_view::npos && name.size() < 6)
    return std::stoi(std::string(name.substr(1)));
  return 0;
}

}  // namespace bouncetolk

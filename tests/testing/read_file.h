// SPDX-License-Identifier: MIT
// ReadFile(): the bytes of a test input (golden messages, corpus files).

#ifndef BOUNCETOLK_TESTS_TESTING_READ_FILE_H_
#define BOUNCETOLK_TESTS_TESTING_READ_FILE_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace bouncetolk {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_TESTS_TESTING_READ_FILE_H_

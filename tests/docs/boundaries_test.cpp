// SPDX-License-Identifier: MIT
// The module boundaries of docs/design.md, checked on the sources so they cannot drift:
// mimetic only in src/mime/mime_walk.cpp, RE2 only in src/rules/ (re2_options.h and the two
// files that include it: regex_atoms.cpp, capture_pattern.cpp), CLI11 only
// in src/cli/, no third-party header under include/, and no output to stdout/stderr outside
// src/cli/ (the library never prints).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every source file under src/ and include/, relative to the source dir.
std::vector<std::string> Sources() {
  std::vector<std::string> out;
  const fs::path root(BT_SOURCE_DIR);
  for (const char* dir : {"src", "include"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = e.path().extension();
      if (ext == ".cpp" || ext == ".h")
        out.push_back(fs::relative(e.path(), root).generic_string());
    }
  }
  return out;
}

TEST(BoundariesTest, ThirdPartyHeadersStayInTheirAdapters) {
  const std::regex include_re("#include <(mimetic|re2|CLI|nlohmann)/");
  const std::regex output_re("\\b(stdout|stderr|std::cout|std::cerr)\\b");
  int files = 0;
  for (const std::string& rel : Sources()) {
    ++files;
    const std::string text = Read(fs::path(BT_SOURCE_DIR) / rel);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), include_re);
         it != std::sregex_iterator(); ++it) {
      const std::string lib = (*it)[1];
      const bool ok = (lib == "mimetic" && rel == "src/mime/mime_walk.cpp") ||
                      (lib == "re2" &&
                       (rel == "src/rules/re2_options.h" || rel == "src/rules/regex_atoms.cpp" ||
                        rel == "src/rules/capture_pattern.cpp")) ||
                      (lib == "CLI" && rel.rfind("src/cli/", 0) == 0);
      EXPECT_TRUE(ok) << rel << " includes <" << lib << "/...>";
    }
    if (rel.rfind("include/", 0) == 0) {
      EXPECT_EQ(text.find("#include <fmt/"), std::string::npos) << rel << " exposes fmt";
    }
    if (rel.rfind("src/cli/", 0) != 0) {
      EXPECT_FALSE(std::regex_search(text, output_re)) << rel << " writes to stdout/stderr";
    }
  }
  EXPECT_GT(files, 40);
}

}  // namespace

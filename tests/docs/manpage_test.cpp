// SPDX-License-Identifier: MIT
// The man page (docs/bouncetolk.1), the shell completions and --help name the same options.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Help() {
  std::string out;
  FILE* p = popen((std::string(BT_BINARY) + " --help").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// Long options ("--name") in \a text. std::regex is fine here: the input is our own docs.
std::set<std::string> LongOptions(const std::string& text) {
  std::set<std::string> out;
  const std::regex re("--([a-z][a-z-]*[a-z])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

std::string Section(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t a = text.find(from);
  if (a == std::string::npos) return {};
  const std::size_t b = text.find(to, a + from.size());
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

TEST(ManPageTest, SameOptionsAsHelp) {
  const std::string help = Section(Help(), "Options:", "Subcommands:");
  ASSERT_FALSE(help.empty());
  std::string man = Section(ReadFile(std::string(BT_SOURCE_DIR) + "/docs/bouncetolk.1"),
                            ".SH OPTIONS", ".SH COMMANDS");
  ASSERT_FALSE(man.empty());
  // roff writes "\-\-name".
  for (std::size_t p; (p = man.find("\\-")) != std::string::npos;) man.replace(p, 2, "-");
  const auto in_help = LongOptions(help);
  const auto in_man = LongOptions(man);
  for (const auto& o : in_help)
    EXPECT_TRUE(in_man.count(o)) << "--" << o << " is in --help but not in the man page";
  for (const auto& o : in_man)
    EXPECT_TRUE(in_help.count(o)) << "--" << o << " is in the man page but not in --help";
}

TEST(ManPageTest, CompletionsKnowEveryOption) {
  const auto in_help = LongOptions(Section(Help(), "Options:", "Subcommands:"));
  for (const char* file : {"/completions/bouncetolk.bash", "/completions/_bouncetolk"}) {
    const auto in_completion = LongOptions(ReadFile(std::string(BT_SOURCE_DIR) + file));
    for (const auto& o : in_help)
      EXPECT_TRUE(in_completion.count(o)) << "--" << o << " missing in " << file;
  }
}

}  // namespace

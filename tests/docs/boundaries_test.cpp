// SPDX-License-Identifier: MIT
// The module boundaries of docs/design.md, checked on the sources so they cannot drift:
// mimetic only in src/mime/mime_walk.cpp, RE2 only in src/rules/ (re2_options.h and the two
// files that include it: regex_atoms.cpp, capture_pattern.cpp), CLI11 only in src/cli/,
// nlohmann-json only in src/input/jsonl_source.cpp, the decompression libraries (zlib, libbz2,
// liblzma, libzstd) only in src/input/decompress.cpp, no third-party header under include/,
// and no output to stdout/stderr outside src/cli/ (the library never prints). And the include
// order of the folders of src/ ("Folders and include order" in docs/design.md): no include
// climbs back up, no two folders import each other.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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
  const std::regex compression_re("#include <(zlib|bzlib|lzma|zstd)\\.h>");
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
                      (lib == "CLI" && rel.rfind("src/cli/", 0) == 0) ||
                      (lib == "nlohmann" && rel == "src/input/jsonl_source.cpp");
      EXPECT_TRUE(ok) << rel << " includes <" << lib << "/...>";
    }
    if (rel != "src/input/decompress.cpp") {
      EXPECT_FALSE(std::regex_search(text, compression_re))
          << rel << " includes a decompression library's header";
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

// The folders of src/ in include order, lowest first: a file may include the headers of its own
// folder, of include/bouncetolk/ (the public API, which every folder may use), and of folders on
// a LOWER row, never of a folder on its own row or above. "" is src/ itself (analyze.cpp orders
// the stages; explain.cpp, vocabulary.cpp). The rows follow the pipeline of docs/design.md,
// except that the toolkits of row 1 serve several stages: smtp/ reads codes and commands for
// the readers (lhost/) as well as for stage 6, rules/ holds the tables that the view and the
// classifier look things up in.
const std::vector<std::vector<std::string_view>> kFolderOrder = {
    {"common"},                          // shared helpers: text, addresses, dates
    {"input", "mime", "rules", "smtp"},  // stages 1, 2 and 6; the rule tables
    {"view"},                            // stage 3: what the readers see
    {"dsn"},                             // stage 4: reports in a standard format
    {"lhost"},                           // stage 5: the vendor readers
    {"classify"},                        // stage 7
    {""},                                // Analyze() and Explain()
    {"render"},                          // stage 8
    {"batch"},                           // many reports: summary, suppression list
    {"cli"},                             // the command line
};

struct Include {
  std::string file;    // relative to the source dir: "src/lhost/exim.cpp"
  std::string header;  // as written: "lhost/lhost.h"
  int line = 0;
};

// The quoted #include lines of every file of Sources().
std::vector<Include> QuotedIncludes() {
  std::vector<Include> out;
  for (const std::string& rel : Sources()) {
    std::istringstream in(Read(fs::path(BT_SOURCE_DIR) / rel));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      const std::size_t hash = line.find_first_not_of(" \t");
      if (hash == std::string::npos || line[hash] != '#') continue;
      const std::size_t word = line.find_first_not_of(" \t", hash + 1);
      if (word == std::string::npos || line.compare(word, 7, "include") != 0) continue;
      const std::size_t open = line.find('"', word);
      const std::size_t close = open == std::string::npos ? open : line.find('"', open + 1);
      if (close == std::string::npos) continue;  // <system> header
      out.push_back(Include{rel, line.substr(open + 1, close - open - 1), n});
    }
  }
  return out;
}

// The folder of a file under src/ ("" for src/ itself), or of an included header.
std::string FolderOfFile(const std::string& rel) {
  const std::string_view path = std::string_view(rel).substr(4);  // after "src/"
  const std::size_t slash = path.find('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}
std::string FolderOfHeader(const std::string& header) {
  const std::size_t slash = header.find('/');
  return slash == std::string::npos ? "?" : header.substr(0, slash);
}

int RowOf(const std::string& folder) {
  for (std::size_t row = 0; row < kFolderOrder.size(); ++row) {
    for (const std::string_view f : kFolderOrder[row]) {
      if (f == folder) return static_cast<int>(row);
    }
  }
  return -1;
}

// A cycle in \a graph as "a -> b -> a", or empty when there is none (depth-first search).
std::string FindCycle(const std::map<std::string, std::set<std::string>>& graph) {
  std::map<std::string, int> state;  // 0 new, 1 on the current path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  const auto visit = [&](const auto& self, const std::string& node) -> void {
    state[node] = 1;
    path.push_back(node);
    if (const auto it = graph.find(node); it != graph.end()) {
      for (const std::string& next : it->second) {
        if (!cycle.empty()) break;
        if (state[next] == 1) {
          const auto from = std::find(path.begin(), path.end(), next);
          for (auto p = from; p != path.end(); ++p) cycle += "'" + *p + "' -> ";
          cycle += "'" + next + "'";
        } else if (state[next] == 0) {
          self(self, next);
        }
      }
    }
    path.pop_back();
    state[node] = 2;
  };
  for (const auto& [node, edges] : graph) {
    if (cycle.empty() && state[node] == 0) visit(visit, node);
  }
  return cycle;
}

TEST(BoundariesTest, FolderOrderNamesEveryFolderOnce) {
  std::set<std::string> present = {""};
  for (const auto& e : fs::directory_iterator(fs::path(BT_SOURCE_DIR) / "src")) {
    if (e.is_directory()) present.insert(e.path().filename().string());
  }
  std::set<std::string> listed;
  for (const auto& row : kFolderOrder) {
    for (const std::string_view f : row) {
      EXPECT_TRUE(listed.insert(std::string(f)).second) << "'" << f << "' listed twice";
      EXPECT_EQ(present.count(std::string(f)), 1u) << "src/" << f << " does not exist";
    }
  }
  for (const std::string& f : present) {
    EXPECT_EQ(listed.count(f), 1u) << "src/" << f << "/ is not in kFolderOrder: give it a row";
  }
}

TEST(BoundariesTest, IncludesFollowTheFolderOrder) {
  const std::vector<Include> includes = QuotedIncludes();
  ASSERT_GT(includes.size(), 100u);
  for (const Include& inc : includes) {
    const std::string to = FolderOfHeader(inc.header);
    const std::string where = inc.file + ":" + std::to_string(inc.line) + ": " + inc.header;
    if (inc.file.rfind("include/", 0) == 0) {
      EXPECT_EQ(to, "bouncetolk") << where << ": a public header includes a private one";
      continue;
    }
    if (to == "bouncetolk") continue;
    const std::string from = FolderOfFile(inc.file);
    if (to == from) continue;
    const int from_row = RowOf(from);
    const int to_row = RowOf(to);
    EXPECT_NE(to_row, -1) << where << ": '" << to << "' is not a folder of kFolderOrder";
    EXPECT_LT(to_row, from_row) << where << ": src/" << from << (from.empty() ? "" : "/")
                                << " may not include src/" << to
                                << "/ (same row or above it in kFolderOrder)";
  }
}

TEST(BoundariesTest, FindCycleFindsOne) {
  EXPECT_EQ(FindCycle({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}}), "'a' -> 'b' -> 'c' -> 'a'");
  EXPECT_EQ(FindCycle({{"a", {"b", "c"}}, {"b", {"c"}}, {"c", {}}}), "");
}

// Independent of kFolderOrder: whatever the table says, no two folders import each other.
TEST(BoundariesTest, NoCycleBetweenFolders) {
  std::map<std::string, std::set<std::string>> graph;
  for (const Include& inc : QuotedIncludes()) {
    if (inc.file.rfind("src/", 0) != 0) continue;
    const std::string from = FolderOfFile(inc.file);
    const std::string to = FolderOfHeader(inc.header);
    if (to != from && to != "bouncetolk") graph[from].insert(to);
  }
  EXPECT_EQ(FindCycle(graph), "");
}

// The command line uses the library through its public API only: its own headers and
// include/bouncetolk/.
TEST(BoundariesTest, CliIncludesOnlyPublicHeaders) {
  int checked = 0;
  for (const Include& inc : QuotedIncludes()) {
    if (inc.file.rfind("src/cli/", 0) != 0) continue;
    ++checked;
    const std::string to = FolderOfHeader(inc.header);
    EXPECT_TRUE(to == "bouncetolk" || to == "cli")
        << inc.file << ":" << inc.line << ": includes " << inc.header;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace

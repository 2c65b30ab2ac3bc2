// SPDX-License-Identifier: MIT
//
// mime_fast_test.cpp: ParseMimeFast() (mime_fast.h) must build exactly the tree mimetic
// builds, or decline. Checked on every sample bounce of the corpus and on hand-made messages
// with mimetic's surprising corners (boundaries inside lines, missing closing boundaries,
// folded and empty header values, Content-Type rewriting, nested returned messages).

#include "mime/mime_fast.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/text.h"
#include "mime/header_repair.h"
#include "mime/mime_walk.h"

namespace bouncetolk {
namespace {

// First difference between two trees, or empty.
std::string Diff(const Entity& a, const Entity& b, const std::string& path = "root") {
  if (a.type != b.type) return path + ": type " + a.type + " vs " + b.type;
  if (a.charset != b.charset) return path + ": charset " + a.charset + " vs " + b.charset;
  if (a.transfer_encoding != b.transfer_encoding)
    return path + ": cte " + a.transfer_encoding + " vs " + b.transfer_encoding;
  if (a.depth != b.depth) return path + ": depth";
  if (a.body != b.body)
    return path + ": body [" + a.body.substr(0, 80) + "] vs [" + b.body.substr(0, 80) + "]";
  if (a.headers.size() != b.headers.size()) return path + ": header count";
  for (std::size_t i = 0; i < a.headers.size(); ++i) {
    if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value) {
      return path + ": header [" + a.headers[i].name + ": " + a.headers[i].value + "] vs [" +
             b.headers[i].name + ": " + b.headers[i].value + "]";
    }
  }
  if (a.children.size() != b.children.size()) return path + ": children count";
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    std::string d = Diff(a.children[i], b.children[i], path + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return {};
}

// Checks one message; returns whether the fast parser took it.
bool Check(const std::string& name, std::string_view raw) {
  // ParseMime mends unfolded parameters before either parser runs; give ParseMimeFast the same.
  std::string text = NormalizeLineEndings(raw);
  if (std::optional<std::string> mended = RepairParameterFolding(text)) text = std::move(*mended);
  std::vector<Problem> p1, p2;
  const Entity mimetic = ParseMime(text, AnalyzeOptions(), &p1, MimeParser::kMimeticOnly);
  Entity fast;
  if (!ParseMimeFast(text, AnalyzeOptions(), &fast)) return false;
  EXPECT_EQ(Diff(fast, mimetic), "") << name;
  const Entity chosen = ParseMime(text, AnalyzeOptions(), &p2);
  EXPECT_EQ(Diff(chosen, mimetic), "") << name;
  EXPECT_EQ(p1.size(), p2.size()) << name;
  return true;
}

TEST(MimeFast, SameTreesAsMimeticOnHandMadeMessages) {
  const char* cases[] = {
      "Subject: x\n\nbody",
      "Subject: x\nX-Empty:\nX-Blank:   \nX-Fold: a  \n\tb\n  \n c\n\nbody\n\n",
      "\nno header at all\n",
      "Content-type: Text/Plain; CHARSET=\"UTF-8\"; format=flowed\nContent-Transfer-Encoding:  "
      "Base64 \n\naGVsbG8=\n",
      "Content-Type: multipart/mixed; boundary=b\n\npre\n--b\nX: "
      "1\n\none\n--b\n\ntwo\n\n--b--\nepi\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\ninline --b in a line\n--b--",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nno closing boundary\n",
      "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"=_x y\"\n\n--=_x "
      "y\n"
      "Content-Type: message/delivery-status\n\nStatus: 5.1.1\n\n--=_x y\nContent-Type: "
      "message/rfc822\n\n"
      "Subject: inner\nContent-Type: multipart/alternative; "
      "boundary=in\n\n--in\n\nplain\n--in--\n\n--=_x y--\n",
      "Content-Type: Message/RFC822\n\nSubject: inner, type names are case-insensitive\n\nbody\n",
      "Content-Type: message/rfc822\n\nSubject: inner\n\ninner body\n",
      "Content-Type: text/plain; charset=UTF-8;\n\ntrailing semicolon\n",
      "Content-Type: multipart/mixed; boundary=b\n\n  --b   \nX: 1\n\nindented delimiter\n--b-- "
      "junk after\nepi\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nnot a delimiter: --b\n--bb\nX: "
      "2\n\nprefix match\n--b--\n",
      "Content-Type: text/plain;; charset=a; novalue; \n\nempty and bare parameters\n",
      // The delimiter search goes from '-' to '-': dashes before a delimiter in the same line,
      // blanks and dashes on lines before it, a delimiter as the first line of a body.
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n- a - b --b\n \t-\n\t --x --b\n\t "
      "--b\n\nsecond\n--b--\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--b\n\n--- - --b---\n---b--\n--b--",
      "Content-Type: multipart/mixed; boundary=b\n\nno dash at all in the preamble\n",
  };
  int fast = 0;
  for (const char* c : cases) fast += Check(c, c);
  EXPECT_GE(fast, 13);
}

TEST(MimeFast, DeclinesWhatItDoesNotModel) {
  const char* cases[] = {
      "Subject: x\r\n\r\nbody",                       // CR
      "Subject : x\n\nbody",                          // blank in a field name
      "Subject: x\nno colon here\n\nbody",            // not a header line
      "Subject: x\n",                                 // header block without its empty line
      "Content-Type: text/plain; a=\"x;y\"\n\nbody",  // ';' inside quotes
      "Content-Type: text/plain\nContent-Type: text/html\n\nbody",
      "Content-Type: multipart/mixed; boundary=b\n\nno parts at all\n",
  };
  for (const char* c : cases) {
    Entity e;
    EXPECT_FALSE(ParseMimeFast(c, AnalyzeOptions(), &e)) << c;
    Check(c, c);
  }
}

TEST(MimeFast, SameTreesAsMimeticOnTheCorpus) {
  const std::filesystem::path dir = std::filesystem::path(BT_CORPUS_DIR) / "eml";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  int files = 0, fast = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.compare(0, 5, "From ") == 0) text.erase(0, text.find('\n') + 1);  // as Analyze does
    ++files;
    fast += Check(entry.path().filename().string(), text);
  }
  std::printf("mime_fast: %d of %d corpus messages took the fast path\n", fast, files);
  EXPECT_GE(fast * 10, files * 7) << "the fast path should take most well-formed bounces";
}

// Corpus messages mutated line by line (deleted, doubled, emptied, cut, swapped, joined) and
// byte by byte (a blank, colon, dash, quote, ... inserted, or a byte deleted): whenever the fast
// parser accepts a mutant, its tree must equal mimetic's.
TEST(MimeFast, SameTreesOnMutatedMessages) {
  const std::filesystem::path dir = std::filesystem::path(BT_CORPUS_DIR) / "eml";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  std::vector<std::string> messages;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    messages.push_back(NormalizeLineEndings(ss.str()));
  }
  std::sort(messages.begin(), messages.end());
  std::uint64_t seed = 12345;
  auto next = [&seed](std::size_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((seed >> 33) % (n ? n : 1));
  };
  constexpr int kRounds = 3000;  // 100000 rounds with other seeds also passed, once
  int accepted = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<std::string> lines;
    std::stringstream ss(messages[next(messages.size())]);
    for (std::string l; std::getline(ss, l);) lines.push_back(l);
    if (lines.size() < 3) continue;
    for (int m = 0; m < 3; ++m) {
      const std::size_t i = next(lines.size()), j = next(lines.size());
      static constexpr char kTricky[] = " \t:-;\"=\n/\\(";
      switch (next(8)) {
        case 0:
          lines.erase(lines.begin() + static_cast<long>(i));
          break;
        case 1:
          lines.insert(lines.begin() + static_cast<long>(i), lines[j]);
          break;
        case 2:
          lines[i].clear();
          break;
        case 3:
          lines[i] = lines[i].substr(0, next(lines[i].size() + 1));
          break;
        case 4:
          std::swap(lines[i], lines[j]);
          break;
        case 5:
          lines[i] += lines[j];
          break;
        case 6:
          lines[i].insert(next(lines[i].size() + 1), 1, kTricky[next(sizeof kTricky - 1)]);
          break;
        case 7:
          if (!lines[i].empty()) lines[i].erase(next(lines[i].size()), 1);
          break;
      }
      if (lines.size() < 3) break;
    }
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    if (next(4) == 0) text.pop_back();  // sometimes no final newline
    accepted += Check("mutant " + std::to_string(round), text);
  }
  std::printf("mime_fast: %d of %d mutants took the fast path\n", accepted, kRounds);
  EXPECT_GT(accepted, kRounds / 3);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// scorecard.cpp: runs the library over a directory of .eml files that comes with an
// expected.tsv (columns file, index, status, replycode, reason, hardbounce, anotherone, as in
// ../shared/corpus/sisimai) and prints per-column agreement and the disagreeing rows.
// Expected statuses of the form X.0.9NN are not real codes: only their class is compared.
// Rows are matched to records by index; a repeated index is taken as the next recipient not
// yet compared, when the message has one (expected.tsv numbers some messages' recipients 1, 1).
//
//   bouncetolk-scorecard DIR [--only-dsn] [--list] [--rules RULES_DIR] [--min COLUMN=PERCENT ...]
//                            [--share work|check] [--seed N]
//
// --share splits the corpus into a work share (70%) and a check share (30%), stratified by the
// server family of the file name (its prefix before the last "-NN"), with a fixed --seed
// (default 2026): rules are written from the work share; the check share measures how well
// they generalise. For the check share only the totals are printed, never a file name, so it
// stays unlooked-at (--list is refused there).
//
// --line-endings cr|crlf rewrites every message's LF line endings before reading it, to measure
// the readings of the same messages as a Mac-style (bare CR) or network-style file.
//
// --rules overlays the embedded tables with a directory of the data/ layout, as the CLI does,
// so a change to the tables can be measured without rebuilding.
//
// Exit 1 when a --min floor is not reached, 2 on usage errors.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/source.h"

namespace {

struct Expected {
  std::string file;
  int index = 0;
  std::string status, reply, reason, hard, another;
};

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, '\t')) out.push_back(cell);
  if (!line.empty() && line.back() == '\t') out.push_back("");
  return out;
}

bool HasDsnPart(const std::string& bytes) {
  std::string lower(bytes);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return lower.find("message/delivery-status") != std::string::npos ||
         lower.find("message/global-delivery-status") != std::string::npos;
}

// The server family of a corpus file name: "lhost-postfix-04.eml" -> "lhost-postfix".
std::string FamilyOf(const std::string& file) {
  std::string stem = file.substr(0, file.rfind('.'));
  const std::size_t dash = stem.rfind('-');
  if (dash != std::string::npos && dash + 1 < stem.size() &&
      stem.find_first_not_of("0123456789", dash + 1) == std::string::npos) {
    stem.resize(dash);
  }
  return stem;
}

// A 64-bit hash of \a text under \a seed (FNV-1a, then the splitmix64 finaliser): the same on
// every machine and compiler, unlike std::hash or std::shuffle.
std::uint64_t SeededHash(std::uint64_t seed, const std::string& text) {
  std::uint64_t h = 14695981039346656037ull ^ seed;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  h += 0x9e3779b97f4a7c15ull;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

// The files of the check share: in each family, the files are put in the order of their
// seeded hash and every file where the running count (i + 1) * 0.3 + u passes a whole number
// is taken, u being a seeded offset per family in [0, 1) (systematic sampling), so each family
// gives 30% of its files, rounded up or down at random, and the whole share is 30% on average.
std::set<std::string> CheckShare(const std::vector<std::string>& files, std::uint64_t seed) {
  std::map<std::string, std::vector<std::string>> families;
  for (const std::string& f : files) families[FamilyOf(f)].push_back(f);
  std::set<std::string> check;
  for (auto& [family, members] : families) {
    std::sort(members.begin(), members.end(), [seed](const std::string& a, const std::string& b) {
      return SeededHash(seed, a) < SeededHash(seed, b);
    });
    const double u =
        static_cast<double>(SeededHash(seed ^ 0x5eed, family) >> 11) / 9007199254740992.0;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (std::floor((static_cast<double>(i) + 1) * 0.3 + u) >
          std::floor(static_cast<double>(i) * 0.3 + u)) {
        check.insert(members[i]);
      }
    }
  }
  return check;
}

bool IsPseudo(const std::string& status) {
  return status.size() >= 7 && status[1] == '.' && status.compare(2, 3, "0.9") == 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace bouncetolk;
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: %s DIR [--only-dsn] [--list] [--rules RULES_DIR] [--min COLUMN=PERCENT ...] "
        "[--share work|check] [--seed N]\n",
        argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  bool only_dsn = false, list = false;
  std::string rules_dir, share, line_endings;
  std::uint64_t seed = 2026;
  std::map<std::string, double> floors;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--only-dsn")
      only_dsn = true;
    else if (a == "--list")
      list = true;
    else if (a == "--rules" && i + 1 < argc)
      rules_dir = argv[++i];
    else if (a == "--share" && i + 1 < argc)
      share = argv[++i];
    else if (a == "--line-endings" && i + 1 < argc)
      line_endings = argv[++i];
    else if (a == "--seed" && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--min" && i + 1 < argc) {
      const std::string spec = argv[++i];
      const auto eq = spec.find('=');
      if (eq == std::string::npos) return 2;
      floors[spec.substr(0, eq)] = std::stod(spec.substr(eq + 1));
    } else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (!share.empty() && share != "work" && share != "check") {
    std::fprintf(stderr, "--share takes work or check\n");
    return 2;
  }
  if (share == "check" && list) {
    std::fprintf(stderr, "--list is refused for the check share: it stays unlooked-at\n");
    return 2;
  }
  std::ifstream tsv(dir + "/expected.tsv");
  if (!tsv) {
    std::fprintf(stderr, "%s/expected.tsv: cannot open\n", dir.c_str());
    return 2;
  }
  std::map<std::string, std::vector<Expected>> by_file;
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    auto c = Split(line);
    if (c.size() < 6) continue;
    Expected e{c[0], std::atoi(c[1].c_str()), c[2], c[3], c[4], c[5], c.size() > 6 ? c[6] : ""};
    by_file[e.file].push_back(e);
  }
  if (!share.empty()) {
    std::vector<std::string> names;
    for (const auto& entry : by_file) names.push_back(entry.first);
    const std::set<std::string> check = CheckShare(names, seed);
    for (auto it = by_file.begin(); it != by_file.end();) {
      it = (check.count(it->first) != 0) == (share == "check") ? std::next(it) : by_file.erase(it);
    }
  }
  std::vector<std::string> errors;
  auto rules = RuleSet::Load(rules_dir, &errors);
  if (!rules) {
    for (auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    return 2;
  }
  const char* kCols[] = {"recipient", "status", "reply", "reason", "hard"};
  std::map<std::string, int> agree;
  int rows = 0, files = 0, files_without_records = 0, undefined = 0;
  std::vector<std::string> disagreements;
  for (const auto& [file, expected] : by_file) {
    InputMessage in = ReadInput(dir + "/eml/" + file, 64u << 20);
    if (only_dsn && (in.error || !HasDsnPart(in.bytes))) continue;
    ++files;
    Report report;
    if (!in.error && !line_endings.empty()) {
      // Some samples have CRLF already: a CR before the LF is part of the line ending.
      std::string converted;
      for (std::size_t i = 0; i < in.bytes.size(); ++i) {
        const char c = in.bytes[i];
        if (c == '\r' && i + 1 < in.bytes.size() && in.bytes[i + 1] == '\n') continue;
        if (c == '\n')
          converted += line_endings == "cr" ? "\r" : "\r\n";
        else
          converted += c;
      }
      in.bytes = std::move(converted);
    }
    if (!in.error) report = Analyze(in.bytes, *rules);
    if (report.recipients.empty()) ++files_without_records;
    std::vector<int> taken;  // record positions already compared
    for (const Expected& e : expected) {
      ++rows;
      const auto record_at = [&](int index) -> const RecipientResult* {
        for (const auto& rr : report.recipients) {
          if (rr.index == index) return &rr;
        }
        return nullptr;
      };
      // A repeated index (two rows "1" for a message with two recipients) stands for the next
      // recipient not yet compared, when the message has one.
      int index = e.index;
      if (std::find(taken.begin(), taken.end(), index) != taken.end()) {
        int next = index + 1;
        while (std::find(taken.begin(), taken.end(), next) != taken.end()) ++next;
        if (record_at(next)) index = next;
      }
      taken.push_back(index);
      const RecipientResult* r = record_at(index);
      std::string got_status = r ? r->status : "",
                  got_reply = r && r->reply_code ? std::to_string(*r->reply_code) : "";
      std::string got_reason = r ? std::string(ReasonToken(r->reason)) : "";
      std::string got_hard = r ? (r->hard_bounce ? "true" : "false") : "";
      const bool ok_status =
          r && (IsPseudo(e.status) ? got_status.substr(0, 1) == e.status.substr(0, 1)
                                   : got_status == e.status);
      const bool ok[] = {r != nullptr, ok_status, r && got_reply == e.reply,
                         r && got_reason == e.reason, r && got_hard == e.hard};
      for (int k = 0; k < 5; ++k) agree[kCols[k]] += ok[k];
      if (r && r->reason == Reason::kUndefined) ++undefined;
      if (!(ok[0] && ok[1] && ok[2] && ok[3] && ok[4])) {
        disagreements.push_back(
            file + "\t" + std::to_string(e.index) + "\twant " + e.status + " " + e.reply + " " +
            e.reason + " " + e.hard + "\tgot " +
            (r ? got_status + " " + got_reply + " " + got_reason + " " + got_hard
               : std::string("no recipient")));
      }
    }
  }
  std::printf("scorecard: %d files, %d expected rows%s%s; files without records: %d\n", files, rows,
              only_dsn ? " (messages with a delivery-status part)" : "",
              share.empty() ? "" : (share == "work" ? " (work share)" : " (check share)"),
              files_without_records);
  int failed_floors = 0;
  for (const char* col : kCols) {
    const double pct = rows ? 100.0 * agree[col] / rows : 0.0;
    std::printf("  %-10s %4d/%-4d %6.1f%%", col, agree[col], rows, pct);
    if (floors.count(col)) {
      std::printf("  (floor %.1f%%%s)", floors[col],
                  pct + 1e-9 < floors[col] ? " NOT REACHED" : "");
      if (pct + 1e-9 < floors[col]) ++failed_floors;
    }
    std::printf("\n");
  }
  std::printf("  %-10s %4d/%-4d %6.1f%% of the rows read as undefined\n", "undefined", undefined,
              rows, rows ? 100.0 * undefined / rows : 0.0);
  if (list) {
    for (const auto& d : disagreements) std::printf("%s\n", d.c_str());
  }
  return failed_floors ? 1 : 0;
}

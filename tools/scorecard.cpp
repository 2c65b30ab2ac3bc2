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
//
// --rules overlays the embedded tables with a directory of the data/ layout, as the CLI does,
// so a change to the tables can be measured without rebuilding.
//
// Exit 1 when a --min floor is not reached, 2 on usage errors.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
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

bool IsPseudo(const std::string& status) {
  return status.size() >= 7 && status[1] == '.' && status.compare(2, 3, "0.9") == 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace bouncetolk;
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: %s DIR [--only-dsn] [--list] [--rules RULES_DIR] [--min COLUMN=PERCENT ...]\n",
        argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  bool only_dsn = false, list = false;
  std::string rules_dir;
  std::map<std::string, double> floors;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--only-dsn")
      only_dsn = true;
    else if (a == "--list")
      list = true;
    else if (a == "--rules" && i + 1 < argc)
      rules_dir = argv[++i];
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
  std::vector<std::string> errors;
  auto rules = RuleSet::Load(rules_dir, &errors);
  if (!rules) {
    for (auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    return 2;
  }
  const char* kCols[] = {"recipient", "status", "reply", "reason", "hard"};
  std::map<std::string, int> agree;
  int rows = 0, files = 0, files_without_records = 0;
  std::vector<std::string> disagreements;
  for (const auto& [file, expected] : by_file) {
    InputMessage in = ReadInput(dir + "/eml/" + file, 64u << 20);
    if (only_dsn && (in.error || !HasDsnPart(in.bytes))) continue;
    ++files;
    Report report;
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
      if (!(ok[0] && ok[1] && ok[2] && ok[3] && ok[4])) {
        disagreements.push_back(
            file + "\t" + std::to_string(e.index) + "\twant " + e.status + " " + e.reply + " " +
            e.reason + " " + e.hard + "\tgot " +
            (r ? got_status + " " + got_reply + " " + got_reason + " " + got_hard
               : std::string("no recipient")));
      }
    }
  }
  std::printf("scorecard: %d files, %d expected rows%s; files without records: %d\n", files, rows,
              only_dsn ? " (messages with a delivery-status part)" : "", files_without_records);
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
  if (list) {
    for (const auto& d : disagreements) std::printf("%s\n", d.c_str());
  }
  return failed_floors ? 1 : 0;
}

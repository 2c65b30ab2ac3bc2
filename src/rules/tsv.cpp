// SPDX-License-Identifier: MIT
//
// tsv.cpp: see tsv.h.

#include "rules/tsv.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/text.h"

namespace bouncetolk {
namespace {

// Splits \a line at tabs into \a cells (trimmed; at most kMaxTsvColumns are kept) and returns
// the number of cells.
std::size_t SplitTabs(std::string_view line, std::array<std::string_view, kMaxTsvColumns>* cells) {
  std::size_t n = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (n < kMaxTsvColumns) {
      (*cells)[n] = Trim(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    }
    ++n;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n;
}

}  // namespace

bool ReadTsv(const DataFile& file, const std::vector<std::string_view>& header,
             std::vector<TsvRow>* rows, std::vector<std::string>* errors) {
  std::string_view text(file.content);
  bool seen_header = false;
  int line_no = 0;
  std::size_t pos = 0;
  rows->reserve(text.size() / 48);  // about one row per 48 bytes in data/rules/
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    TsvRow row;
    const std::size_t columns = SplitTabs(line, &row.cells);
    if (!seen_header) {
      seen_header = true;
      if (columns != header.size() ||
          !std::equal(header.begin(), header.end(), row.cells.begin())) {
        std::string joined;
        for (auto h : header) joined += std::string(h) + " ";
        errors->push_back(
            fmt::format("data/{}:{}: header must be: {}", file.path, line_no, Trim(joined)));
        return false;
      }
      continue;
    }
    if (columns != header.size()) {
      errors->push_back(fmt::format("data/{}:{}: expected {} columns, found {}", file.path, line_no,
                                    header.size(), columns));
      continue;
    }
    row.line = line_no;
    rows->push_back(row);
  }
  if (!seen_header) {
    errors->push_back(fmt::format("data/{}:1: missing header row", file.path));
    return false;
  }
  return true;
}

std::string Where(const DataFile& f, int line) { return fmt::format("data/{}:{}", f.path, line); }

}  // namespace bouncetolk

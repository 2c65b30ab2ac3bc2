// SPDX-License-Identifier: MIT
//
// tsv.h: the files of data/ as the loader gets them, and the reader of the rule tables' syntax
// (data/rules/*.tsv, data/text/<lang>/messages.tsv; docs/data-format.md): a header row of fixed
// column names, '#' comments, blank lines, cells separated by tabs and trimmed. Errors are
// "data/<path>:<line>: message" strings.

#ifndef BOUNCETOLK_RULES_TSV_H_
#define BOUNCETOLK_RULES_TSV_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// One input file of the loader.
struct DataFile {
  std::string path;          ///< relative to data/: "rules/status.tsv", "text/nl/status.txt"
  std::string_view content;  ///< the embedded bytes, or an overlay file kept by its RuleTables
  bool overlay = false;      ///< from --rules DIR: its rows replace rows with the same id, and its
                             ///< new phrase rows come before the embedded ones
};

/// Where a row came from, for "file:line:" messages.
struct RowOrigin {
  std::string_view file;  ///< the DataFile::path of its file in RuleTables::files
  int line = 0;
};

/// The widest table (concepts.tsv) has 9 columns.
inline constexpr std::size_t kMaxTsvColumns = 9;

/// A row's cells are views into the file's content (which outlives the tables).
struct TsvRow {
  std::array<std::string_view, kMaxTsvColumns> cells;
  int line = 0;
};

/// Reads the table \a file, whose header row must be \a header. Returns false when the header
/// is wrong or missing; rows with a wrong column count are reported and skipped, the others are
/// still returned.
bool ReadTsv(const DataFile& file, const std::vector<std::string_view>& header,
             std::vector<TsvRow>* rows, std::vector<std::string>* errors);

/// "data/<path>:<line>", the start of every message about a row of \a file.
std::string Where(const DataFile& file, int line);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_TSV_H_

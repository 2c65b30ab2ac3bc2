// SPDX-License-Identifier: MIT
//
// embedded.h: the files of data/, compiled into the binary by cmake/embed_data.cmake.
// Paths are relative to data/ ("rules/status.tsv"); contents are views into static storage
// that live for the whole program. Also the atoms of the regular expressions in those files,
// computed at build time by tools/regex_atoms.cpp.

#ifndef BOUNCETOLK_RULES_EMBEDDED_H_
#define BOUNCETOLK_RULES_EMBEDDED_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// One embedded data file.
struct EmbeddedFile {
  std::string_view path;     ///< relative to data/, with '/' separators
  std::string_view content;  ///< the file's bytes
};

/// All files of data/, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedFiles();

/// The atoms of a pattern of data/rules/phrases*.tsv or lhost.tsv that runs as a regex
/// (regex_atoms.h),
/// computed by ComputeRegexAtoms() when the binary was built.
struct EmbeddedRegexAtoms {
  std::string_view pattern;  ///< as written in the table ("re:...")
  const std::string_view* atoms;
  std::size_t atom_count;
  bool always_candidate;
  std::uint64_t required;
  bool needs_more;
  bool exact;
};

/// The atoms of \a pattern computed at build time, or nullptr when it is not in the embedded
/// tables.
const EmbeddedRegexAtoms* FindEmbeddedRegexAtoms(std::string_view pattern);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_EMBEDDED_H_

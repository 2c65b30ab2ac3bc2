// SPDX-License-Identifier: MIT
//
// embedded.h: the files of data/, compiled into the binary by cmake/embed_data.cmake.
// Paths are relative to data/ ("rules/status.tsv"); contents are views into static storage
// that live for the whole program.

#ifndef BOUNCETOLK_RULES_EMBEDDED_H_
#define BOUNCETOLK_RULES_EMBEDDED_H_

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

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_EMBEDDED_H_

// SPDX-License-Identifier: MIT
//
// field_block.h: reader for RFC 822-style "Name: value" groups separated by blank lines, with
// folding. Used for message/delivery-status bodies (RFC 3464 section 2.1), ARF reports and the
// text records of data/text/. Lines that are not fields are skipped (Malformed DSNs are common).

#ifndef BOUNCETOLK_DSN_FIELD_BLOCK_H_
#define BOUNCETOLK_DSN_FIELD_BLOCK_H_

#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/report.h"

namespace bouncetolk {

/// One group of fields and the 1-based line where it starts.
struct FieldGroup {
  std::vector<Field> fields;
  int line = 0;
};

/// Options for ReadFieldGroups.
struct FieldBlockOptions {
  std::size_t max_field_bytes = 64u << 10;  ///< longer values are cut
  std::size_t max_groups = 100000;          ///< further groups are ignored
  bool comments = false;                    ///< '#' at line start is a comment (data files)
  bool keep_newlines = false;               ///< join folded lines with '\n' instead of ' '
};

/// Splits \a text (LF line endings) into groups. Folded continuation lines are joined with one
/// space (or '\n' with keep_newlines), their leading white space removed.
std::vector<FieldGroup> ReadFieldGroups(std::string_view text, const FieldBlockOptions& options);

/// First value of \a name in \a group (case-insensitive), or nullptr.
const std::string* FindField(const std::vector<Field>& group, std::string_view name);

/// The field name of \a line ("Name: value"), trimmed, when it is one ReadFieldGroups()
/// accepts (1 to 80 letters, digits, '-', '_' or '.'); empty otherwise.
std::string_view FieldNameOf(std::string_view line);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_FIELD_BLOCK_H_

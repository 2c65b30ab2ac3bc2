// SPDX-License-Identifier: MIT
//
// field_block.h: the one reader of RFC 822-style "Name: value" groups separated by blank lines,
// with folding. Used for message/delivery-status bodies (RFC 3464 section 2.1), ARF reports
// (RFC 5965), the text records of data/text/ and the header blocks of data/replies/. Lines that
// are not fields are skipped (malformed DSNs are common); they do not end a group, only a blank
// line does.
//
// ScanFieldGroups() is the grouping itself, one pass over the lines that hands each group, field
// and folded line to a visitor as views into the text; ReadFieldGroups() builds owned fields with
// it, and the lazy text store of src/rules/ uses it to find each record's bytes without copying.

#ifndef BOUNCETOLK_COMMON_FIELD_BLOCK_H_
#define BOUNCETOLK_COMMON_FIELD_BLOCK_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/report.h"
#include "common/text.h"

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

/// The grouping of ReadFieldGroups(), for callers that want views instead of copies (nothing is
/// trimmed that the visitor does not trim: that was a tenth of indexing the text files). Walks
/// \a text (LF line endings; a CR before the LF is dropped) once and calls, in text order:
///   bool visitor.BeginGroup(int line, std::size_t offset): a group starts with the field line
///       numbered \a line (1-based) at byte \a offset; false stops the scan there;
///   void visitor.Field(std::string_view name, std::string_view rest): a field of the group, its
///       name trimmed, \a rest the line after the colon (the value once trimmed);
///   void visitor.Continuation(std::string_view line): a folded line of the field before it (its
///       text once trimmed; a folded line after a line that is no field is dropped);
///   void visitor.EndGroup(std::size_t end): the group ends before byte \a end (the start of the
///       blank line after it, or the end of the text).
/// With \a comments, lines starting with '#' are skipped as if absent.
template <typename Visitor>
void ScanFieldGroups(std::string_view text, bool comments, Visitor& visitor) {
  bool in_group = false;
  bool last_was_field = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::size_t line_start = pos;
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    ++line_no;
    if (comments && !line.empty() && line[0] == '#') continue;
    if (line.empty() || (IsSpace(line[0]) && Trim(line).empty())) {  // Trim only when it may be
      if (in_group) visitor.EndGroup(line_start);                    // blank
      in_group = false;
      last_was_field = false;
    } else if (IsBlank(line[0])) {
      if (last_was_field) visitor.Continuation(line);
    } else if (const std::string_view name = FieldNameOf(line); name.empty()) {
      last_was_field = false;
    } else {
      if (!in_group) {
        if (!visitor.BeginGroup(line_no, line_start)) return;
        in_group = true;
      }
      visitor.Field(name, line.substr(line.find(':') + 1));
      last_was_field = true;
    }
    if (eol == text.size()) break;
  }
  if (in_group) visitor.EndGroup(text.size());
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_FIELD_BLOCK_H_

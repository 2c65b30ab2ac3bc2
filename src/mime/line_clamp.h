// SPDX-License-Identifier: MIT
//
// line_clamp.h: bounds the lines of a message before the MIME parser sees it. mimetic grows a
// header field's buffer 128 bytes at a time, so a field of n bytes costs n^2/128 bytes of
// copying: a 50 MiB header line would take hours. Like Postfix's line_length_limit, longer
// lines are broken into pieces; a field's folded continuation lines beyond the header limit
// are dropped. mimetic also keeps every header field as two strings in a list node (about
// 170 bytes for a 5-byte "A: b" line), so the number of lines shaped like a field is capped
// too: the message is cut before the one over the limit. Only hostile or very unusual
// messages are changed; the rest pass untouched.

#ifndef BOUNCETOLK_MIME_LINE_CLAMP_H_
#define BOUNCETOLK_MIME_LINE_CLAMP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bouncetolk {

/// Result of ClampLines: \a text is empty when nothing had to change (use the input then).
struct ClampedText {
  std::string text;
  bool lines_broken = false;          ///< a line over max_line_bytes was broken into pieces
  bool continuation_dropped = false;  ///< folded lines beyond max_field_bytes were dropped
  bool cut = false;                   ///< the text was cut at the field line over max_field_lines
};

/// The limits ClampLines applies.
struct ClampLimits {
  std::size_t max_line_bytes;
  std::size_t max_field_bytes;
  std::size_t max_field_lines;
};

/// Breaks lines of \a text (LF line endings) longer than max_line_bytes by inserting LF, drops
/// continuation lines (starting with a blank) once the line they continue has collected
/// max_field_bytes, and cuts the text before the field-shaped line ("Name: value") that would
/// be number max_field_lines + 1. Linear in the size of \a text.
ClampedText ClampLines(std::string_view text, const ClampLimits& limits);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_LINE_CLAMP_H_

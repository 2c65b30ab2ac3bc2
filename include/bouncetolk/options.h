// SPDX-License-Identifier: MIT
//
// options.h: switches and safety limits for Analyze(). Every limit has a name and a default;
// crossing one adds a Problem to the Report and never crashes.

#ifndef BOUNCETOLK_OPTIONS_H_
#define BOUNCETOLK_OPTIONS_H_

#include <cstddef>

namespace bouncetolk {

/// Limits and switches for one analysis. The defaults suit every real bounce seen.
struct AnalyzeOptions {
  /// Larger inputs are refused with ErrorCode::kTooLarge. Keep it below 1 GiB: the MIME
  /// parser counts block sizes in int.
  std::size_t max_message_bytes = 64u << 20;
  /// MIME nesting (multiparts and embedded messages) deeper than this is not read.
  int max_mime_depth = 32;
  /// Number of MIME parts read per message; the rest is ignored.
  int max_mime_parts = 512;
  /// A single header or DSN field longer than this is cut: folded continuation lines beyond
  /// it are dropped before MIME parsing.
  std::size_t max_header_bytes = 64u << 10;
  /// Lines longer than this are broken into pieces before MIME parsing (as Postfix's
  /// line_length_limit); a header line that long ends its header block.
  std::size_t max_line_bytes = 8u << 10;
  /// Lines shaped like a header field ("Name: value") per message, in any part; the message is
  /// cut before the one over the limit (each costs the MIME parser about 170 bytes).
  std::size_t max_field_lines = 100000;
  /// Recipients per message beyond this are dropped.
  int max_recipients = 1000;
  /// Bytes of a part body that are searched for report text; the rest is ignored.
  std::size_t max_text_bytes = 1u << 20;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_OPTIONS_H_

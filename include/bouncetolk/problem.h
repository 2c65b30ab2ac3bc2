// SPDX-License-Identifier: MIT
//
// problem.h: what went wrong with an input, as a code plus an argument. A Problem carries no
// language; ProblemText() (render.h) turns it into Dutch or English at the edge.

#ifndef BOUNCETOLK_PROBLEM_H_
#define BOUNCETOLK_PROBLEM_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// Conditions found in an input. Fatal ones make the input unreadable; the others are notes.
enum class ErrorCode {
  kNone,
  kCannotOpen,         ///< arg: the OS error's name ("ENOENT", errno_name.h)
  kIsDirectory,        ///< a directory where a file was expected
  kNotRegularFile,     ///< socket, device, ...
  kEmpty,              ///< zero bytes
  kTooLarge,           ///< over AnalyzeOptions::max_message_bytes; arg: the limit
  kNotMessage,         ///< no header block at all (binary or garbage)
  kMimeTooDeep,        ///< nesting over the limit; the deeper parts were not read
  kMimeTooManyParts,   ///< more parts than the limit; the others were not read
  kHeaderTooLong,      ///< a header line over the limit was cut
  kTooManyRecipients,  ///< recipients over the limit were dropped
  kTooManyFields,  ///< over AnalyzeOptions::max_field_lines; the rest of the message was not read
  kBadStatus,      ///< a Status field that is not RFC 3463; arg: the value
  kMissingFinalRecipient,
  kStatusDisagrees,  ///< Status field and diagnostic text carry different codes; arg: both
  kCharsetUnknown,   ///< arg: the charset name; bytes kept with U+FFFD for invalid ones
  kInternal,         ///< a bug: an invariant did not hold
  kSymlinkLoop,      ///< a directory reached a second time (symbolic-link loop); not read again
  kBadCompression,   ///< compressed data damaged or cut short; arg: format and the library's word
  kBadFileName,      ///< a --files-from entry with a NUL byte or over 4096 bytes (no file name)
  kBadInputLine,     ///< a JSON Lines input line that holds no message; arg: what is wrong
};

/// One finding about an input.
struct Problem {
  ErrorCode code = ErrorCode::kNone;
  std::string arg;  ///< free-form argument (a value, a limit, an OS message)
};

/// Stable token for machine output: "cannot_open", "mime_too_deep", ...
std::string_view ErrorCodeToken(ErrorCode code);
/// True when the problem means the input could not be read at all.
bool IsFatal(ErrorCode code);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_PROBLEM_H_

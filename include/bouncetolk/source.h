// SPDX-License-Identifier: MIT
//
// source.h: reading inputs. ReadInput() reads one file or standard input ("-") whole, in
// linear time, refusing directories, sockets and devices with a Problem instead of an
// exception. MessageSource streams the messages of many inputs one at a time, in a
// reproducible order: plain files, standard input, Maildirs (cur/ and new/; tmp/ skipped),
// mbox files (split on "From " separator lines) and directories (descended with recursive).
// Files compressed with gzip, bzip2, xz or zstd are read decompressed. Unreadable entries
// become messages with an error, never exceptions. Nothing here keeps more than one message
// (plus one read buffer) in memory at a time.

#ifndef BOUNCETOLK_SOURCE_H_
#define BOUNCETOLK_SOURCE_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/problem.h"

namespace bouncetolk {

/// One message read from somewhere.
struct InputMessage {
  /// Where it came from: the path as given or found ("dir/cur/123.host"), "-" (or the
  /// label, SourceOptions::stdin_name) for standard input, "box.mbox:7" for the 7th message of
  /// an mbox holding more than one message, "queue.jsonl:7" for line 7 of JSON Lines input.
  std::string name;
  std::string bytes;             ///< the raw message (empty when error is set)
  std::optional<Problem> error;  ///< why it could not be read
  /// JSON Lines input: bytes hold the line itself until DecodeJsonLine() makes it the message.
  bool json_line = false;
  /// JSON Lines input: the line's "id", to be echoed in its records; std::nullopt without one.
  std::optional<std::string> id;
  /// The id is a JSON number, true, false or null, written as such; otherwise it is a string
  /// (an object or array id is kept as its JSON text, in a string).
  bool id_literal = false;
};

/// Turns a JSON Lines input line (InputMessage::json_line) into its message: one JSON object
/// {"id": ..., "raw": "<the whole message>"}; "id" is optional, other members are ignored.
/// The message is the UTF-8 of "raw"; a line that is no such object, or a message over
/// \a max_bytes, becomes an error (ErrorCode::kBadInputLine, kTooLarge; kCannotOpen "ENOMEM"
/// when it does not fit into memory). Linear time.
void DecodeJsonLine(InputMessage* in, std::size_t max_bytes);

/// Reads \a path ("-" = standard input), decompressed when it is compressed (gzip, bzip2, xz,
/// zstd). Reads at most max_bytes + 1 bytes (after decompression), so a larger input is
/// detected without being loaded whole (ErrorCode::kTooLarge).
InputMessage ReadInput(std::string_view path, std::size_t max_bytes);

/// How a MessageSource finds messages.
struct SourceOptions {
  /// Descend into subdirectories of directories (and into Maildir++ folders of a Maildir).
  /// Without it a subdirectory is skipped and counted in skipped_directories().
  bool recursive = false;
  /// A file with one more input path per line ("-": standard input), read lazily after the
  /// paths given directly. Empty lines are ignored, and a CR before the LF; no other parsing
  /// (names may hold blanks). A line holding a NUL byte or longer than 4096 bytes is a
  /// kBadFileName record of its own; a list running on for 1 MiB without a name ends there
  /// (with a kBadFileName record naming the list when it was empty lines).
  std::string files_from;
  /// files_from holds names each ended by a NUL byte (find -print0, xargs -0), which may hold
  /// newlines, instead of lines.
  bool null_separated = false;
  /// A message larger than this becomes an ErrorCode::kTooLarge record without being held.
  std::size_t max_message_bytes = 64u << 20;
  /// Only list messages: bytes stay empty, plain Maildir files are not opened, mbox files are
  /// scanned for separators without keeping message bytes. For counting (progress display).
  bool names_only = false;
  /// Every file and standard input is JSON Lines, one message a line (DecodeJsonLine()),
  /// named "name:N" for its line N; no mbox detection. Compressed JSON Lines are read
  /// decompressed too. A line longer than twice max_message_bytes (plus 64 KiB for escapes)
  /// is a kTooLarge record without being held.
  bool json_lines = false;
  /// The name of standard input in InputMessage::name.
  std::string stdin_name = "-";
};

/// Yields the messages of a list of inputs one at a time, in this order: the inputs as given,
/// then those of files_from; a directory's entries sorted by name (bytewise); a Maildir's cur/
/// then new/ (each sorted), then, when recursive, its other subdirectories (Maildir++ folders).
/// A directory reached again while it is being walked (a symbolic-link loop) yields one
/// ErrorCode::kSymlinkLoop record; one reached again after it was walked (named twice, or two
/// links to it) is read once. Entries are opened relative to their directory, so trees deeper
/// than PATH_MAX are read whole.
///
/// A file is an mbox when its first line is a separator (IsMboxSeparator in input/reader.h):
/// "From ", a sender word or none (the empty sender), blanks and a date holding a time "hh:mm"
/// and a four-digit year. After that, a separator line is such a line that follows an empty
/// line; the empty line belongs to the separator. Lines end in LF, CRLF or CR. Body lines
/// ">From ", ">>From ", ... lose one '>' (mboxrd); a body line "From ..." that does not follow
/// an empty line or holds no date is kept as it is. Content-Length headers are not trusted.
/// Files inside a Maildir's cur/ and new/ are always single messages; names there starting with
/// a dot are not messages (Maildir specification) and are passed over, and so are the mail
/// server's own files in its root (indexes, quota and subscription files); any other file in
/// the root is read. A compressed file (gzip, bzip2, xz, zstd) is read decompressed, as a
/// message or an mbox; there a message over max_message_bytes ends the file (a decompression
/// bomb is not read on), and damaged data is an ErrorCode::kBadCompression record.
///
/// Not thread-safe; one thread calls Next().
class MessageSource {
 public:
  MessageSource(std::vector<std::string> paths, SourceOptions options);
  ~MessageSource();
  MessageSource(const MessageSource&) = delete;
  MessageSource& operator=(const MessageSource&) = delete;

  /// Fills \a out with the next message and returns true; false when all inputs are done.
  bool Next(InputMessage* out);
  /// For a caller that holds messages back in batches: waits until \a deadline for input to
  /// arrive when the next Next() would read from a stream (standard input, a pipe, a FIFO, a
  /// socket) that has nothing to read yet. False when nothing came by then: what is held
  /// should go out before Next() blocks. True at once for files and directories.
  bool WaitForInput(std::chrono::steady_clock::time_point deadline);
  /// Subdirectories passed over because recursive was off.
  std::size_t skipped_directories() const;
  /// True when a directory was among the inputs (so this is a batch, whatever its size).
  bool saw_directory() const;
  /// The directories among the inputs (named directly or in files_from) in which no message
  /// was found, in input order.
  const std::vector<std::string>& empty_directories() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The number of messages MessageSource would yield for these inputs (names_only walk), or
/// std::nullopt when that cannot be known in advance (files_from or an input is standard
/// input, a FIFO or a device: it can be read once only). A compressed file counts as one
/// message: it is not decompressed to be counted (JSON Lines input is: its lines count).
std::optional<std::size_t> CountMessages(const std::vector<std::string>& paths,
                                         SourceOptions options);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SOURCE_H_

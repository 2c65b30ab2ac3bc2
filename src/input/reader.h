// SPDX-License-Identifier: MIT
//
// reader.h: the pieces shared by ReadInput() and MessageSource (source.h): reading a file
// descriptor with a byte cap, recognising an mbox separator line, and the streaming mbox
// splitter. POSIX file descriptors only; no exceptions other than std::bad_alloc.

#ifndef BOUNCETOLK_INPUT_READER_H_
#define BOUNCETOLK_INPUT_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/source.h"

namespace bouncetolk {

/// Appends from \a fd to \a out until EOF or until \a out holds \a limit bytes. A regular file
/// of known size \a size_hint is read in one call when it fits. Returns false with errno set on
/// a read error. A FIFO opened with O_NONBLOCK is switched to blocking reads when it is empty.
bool ReadAll(int fd, std::size_t limit, std::size_t size_hint, std::string* out);

/// True when \a line (without its line ending) is an mbox separator: "From ", a word, a blank
/// and text holding a time "hh:mm" ("From MAILER-DAEMON Thu Apr 29 23:45:32 2013").
bool IsMboxSeparator(std::string_view line);

/// What a directory entry is, after following symbolic links.
enum class EntryKind : std::uint8_t { kFile, kDirectory, kSpecial, kBroken };

/// One name in a directory listing: a view into its DirListing.
struct DirEntry {
  std::string_view name;
  EntryKind kind = EntryKind::kBroken;
  int error = 0;  ///< errno of the failed stat() when kind is kBroken
};

/// The entries of one directory except "." and "..", sorted bytewise by name, kinds resolved
/// (d_type when it is definite, stat() for links and unknown types). Compact, because a Maildir
/// may hold millions of files: all names in one buffer plus 8 bytes per entry.
class DirListing {
 public:
  /// Reads \a dir. False with errno on failure.
  bool Read(const std::string& dir);
  std::size_t size() const { return items_.size(); }
  DirEntry operator[](std::size_t i) const;
  /// Keeps only the entries at \a indexes, in that order.
  void Select(const std::vector<std::size_t>& indexes);

 private:
  struct Item {
    std::uint32_t offset;
    std::uint8_t length;  // NAME_MAX is 255
    EntryKind kind;
    std::uint8_t error;
  };
  std::string names_;
  std::vector<Item> items_;
};

/// True when \a listing (of one directory) shows a Maildir: at least two of cur/, new/ and
/// tmp/ are directories, one of them cur/ or new/.
bool IsMaildir(const DirListing& listing);

/// Reorders a Maildir's entries for reading: cur/ and new/ first, tmp/ dropped, plain files
/// (index and state files of the mail server) dropped, subdirectories (Maildir++ folders) last.
void OrderMaildir(DirListing* listing);

/// Reads the lines of a stream in chunks (a files-from list, JSON Lines input): memory is one
/// line (capped) plus one chunk, time is linear.
class LineReader {
 public:
  /// Takes ownership of \a fd (closed by the destructor unless it is 0, standard input).
  explicit LineReader(int fd);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// The next line into *line, without its "\n" or "\r\n"; false at the end of the stream (or
  /// on a read error: error() then says which). A line longer than \a max_bytes is not kept:
  /// *line is left empty, *too_long set, and the rest of it is skipped.
  bool Next(std::string* line, std::size_t max_bytes, bool* too_long);
  /// The line number of the last line returned, from 1.
  std::size_t line_number() const { return line_number_; }
  /// errno of a failed read, or 0.
  int error() const { return error_; }
  /// The descriptor to wait on, or -1 when a whole line is buffered already (or the stream
  /// ended): the next Next() will not block.
  int WaitFd() const;

 private:
  bool Fill();  // one more read into buf_; false at the end or on error

  int fd_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  int error_ = 0;
  std::size_t line_number_ = 0;
};

/// Splits one mbox stream into messages, reading it in fixed-size chunks: memory is one
/// message (capped) plus one chunk, time is linear in the file. See MessageSource for the rules.
class MboxReader {
 public:
  /// Takes ownership of \a fd (closed by the destructor). \a head holds the bytes already read
  /// from it; its first line is a separator. Messages are named "name:N", or "name" when the
  /// stream holds exactly one message.
  MboxReader(std::string name, int fd, std::string head, std::size_t max_message_bytes,
             bool names_only);
  ~MboxReader();
  MboxReader(const MboxReader&) = delete;
  MboxReader& operator=(const MboxReader&) = delete;

  /// The next message; false when the stream is done.
  bool Next(InputMessage* out);
  /// The descriptor it reads from.
  int fd() const { return fd_; }

 private:
  // Next line including its '\n' (the last one may lack it). A line longer than the chunk size
  // comes in pieces; *at_start is false for the pieces after the first.
  bool NextLine(std::string_view* line, bool* at_start);

  std::string name_;
  int fd_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  int read_errno_ = 0;
  bool at_line_start_ = true;
  bool more_ = true;   // a separator for another message has been consumed (or not yet read)
  bool first_ = true;  // the first separator line is still in buf_
  std::size_t index_ = 0;
  std::size_t max_message_bytes_;
  bool names_only_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_INPUT_READER_H_

// SPDX-License-Identifier: MIT
//
// reader.h: the pieces shared by ReadInput() and MessageSource (source.h): byte streams (a file
// descriptor, or a decompressor in front of one), reading one with a byte cap, recognising an
// mbox separator line, the line reader (--files-from lists, JSON Lines input) and the
// streaming mbox splitter. POSIX file descriptors only; no exceptions other than
// std::bad_alloc.

#ifndef BOUNCETOLK_INPUT_READER_H_
#define BOUNCETOLK_INPUT_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/problem.h"
#include "bouncetolk/source.h"

namespace bouncetolk {

/// A stream of bytes read in pieces: a file descriptor (FdStream), or a decompressor in front
/// of one (OpenDecompressor). What went wrong is kept as a Problem, so that a read error and
/// damaged compressed data become the same kind of record.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  /// Reads up to \a n bytes into \a buf: their number, 0 at the end, or -1 on an error (then
  /// error() says which, and later calls return -1 too).
  virtual long Read(char* buf, std::size_t n) = 0;
  /// True when the bytes are decompressed: their number is not the file's size, and a message
  /// over the size limit ends the stream (a decompression bomb is not read to its end).
  virtual bool decompressed() const { return false; }
  /// The descriptor a Read() may wait on (a pipe, a FIFO, standard input), or -1 when there is
  /// none or the stream has ended. For a decompressor it is that of the raw stream, even when
  /// bytes are buffered: a poll on it may then wait needlessly, but never a read on a stream
  /// that was said not to wait.
  virtual int WaitFd() const { return -1; }
  const Problem& error() const { return error_; }

 protected:
  Problem error_;
};

/// A file descriptor. A FIFO opened with O_NONBLOCK is switched to blocking reads when it is
/// empty. The descriptor is closed by the destructor when \a owned (standard input never is).
class FdStream : public ByteStream {
 public:
  FdStream(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdStream() override;
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;
  long Read(char* buf, std::size_t n) override;
  int WaitFd() const override { return fd_; }

 private:
  int fd_;
  bool owned_;
};

/// The compressed formats that are read as such, known by their first bytes.
enum class Compression : std::uint8_t { kNone, kGzip, kBzip2, kXz, kZstd };

/// The format whose magic number \a head starts with (kNone when none, or when \a head is too
/// short to tell).
Compression DetectCompression(std::string_view head);

/// The bytes DetectCompression() needs to tell every format.
inline constexpr std::size_t kMagicBytes = 6;

/// A stream of the decompressed bytes of \a raw, whose first bytes \a head were already read
/// from it. Concatenated members (gzip, bzip2, xz) and frames (zstd) are read one after the
/// other; damaged or cut-off data ends the stream with ErrorCode::kBadCompression.
std::unique_ptr<ByteStream> OpenDecompressor(Compression format, std::unique_ptr<ByteStream> raw,
                                             std::string head);

/// Appends from \a in to \a out until its end or until \a out holds \a limit bytes. A regular
/// file of known size \a size_hint is read in one call when it fits. Returns false on an error
/// (in->error() says which).
bool ReadAll(ByteStream* in, std::size_t limit, std::size_t size_hint, std::string* out);

/// The same on a file descriptor; false with errno set on a read error.
bool ReadAll(int fd, std::size_t limit, std::size_t size_hint, std::string* out);

/// The offset of the first line end ('\n', or a '\r' not followed by '\n') in \a text at or
/// after \a from, pointing at its last byte, or npos. A '\r' at the very end counts as a line
/// end. CRLF, LF and CR alone are all line ends (docs/design.md: any line ending is read).
std::size_t FindLineEnd(std::string_view text, std::size_t from = 0);

/// True when \a line (with or without its line ending) is an mbox separator: "From ", a sender
/// word (empty for the empty sender <>: "From  Thu Apr 29 23:45:32 2013", as mblaze writes
/// it), blanks, and a date holding a time "hh:mm" and a four-digit year ("From MAILER-DAEMON
/// Thu Apr 29 23:45:32 2013", "From a@b  Thu Apr 29 23:45:32 2013 +0200", "From a@b
/// 2019-10-02 05:04:34 +0000").
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
/// (d_type when it is definite, fstatat() for links and unknown types). Compact, because a
/// Maildir may hold millions of files: all names in one buffer plus 8 bytes per entry.
class DirListing {
 public:
  /// Reads the directory open as \a dir_fd (which stays open). False with errno on failure.
  bool Read(int dir_fd);
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

/// True for a file a mail server keeps in a Maildir's root next to cur/, new/ and tmp/ (index,
/// quota, subscription and lock files of Dovecot, Courier and Maildir++), or a name starting
/// with a dot: never a message.
bool IsMaildirStateFile(std::string_view name);

/// Reorders a Maildir's entries for reading: cur/ and new/ first, then the other files (a
/// message saved into the root by hand is still a message) except IsMaildirStateFile() ones,
/// then the subdirectories (Maildir++ folders); tmp/ is dropped.
void OrderMaildir(DirListing* listing);

/// Reads a stream as lines (ended by LF or CRLF) or as NUL-ended names, in chunks: the
/// --files-from list and JSON Lines input. Memory is one line (capped) plus one chunk, time is
/// linear.
class LineReader {
 public:
  /// Reads from \a in, after the bytes \a head that were already taken from it. Entries end
  /// in \a separator: '\n' (a CR before it is dropped too) or '\0'.
  LineReader(std::unique_ptr<ByteStream> in, char separator = '\n', std::string head = {});
  /// Reads \a fd, which it owns (closed at the end unless it is 0, standard input).
  explicit LineReader(int fd, char separator = '\n');

  /// The next line into *line, without its line end; false at the end of the stream, on a
  /// read error (error() then says which), or after the stream ran on (ran_on()). A line
  /// longer than \a max_bytes sets *too_long; *line then holds its first max_bytes bytes and
  /// the rest is passed over without being kept. So does a line too big for the memory left
  /// (std::bad_alloc), with *line empty and out_of_memory() true.
  bool Next(std::string* line, std::size_t max_bytes, bool* too_long);
  /// The last line returned did not fit into memory.
  bool out_of_memory() const { return out_of_memory_; }
  /// Ends the stream once \a bytes have gone by without a non-empty line (empty lines, the
  /// rest of an overlong one): a list that is no list ("--files-from /dev/zero") must end. An
  /// overlong line cut off there is still returned; otherwise ran_on() tells.
  void set_max_run(std::size_t bytes) { max_run_ = bytes; }
  /// True when the stream ended by set_max_run() after empty lines.
  bool ran_on() const { return ran_on_; }
  /// The line number of the last line returned, from 1.
  std::size_t line_number() const { return line_number_; }
  /// What went wrong when a read failed (ErrorCode::kNone otherwise).
  const Problem& error() const { return in_->error(); }
  /// The descriptor to wait on, or -1 when a whole line is buffered already (or the stream
  /// ended): the next Next() will not block.
  int WaitFd() const;

 private:
  bool Fill();  // the next chunk into buf_ (what was there is used up); false at the end

  std::unique_ptr<ByteStream> in_;
  char separator_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t run_ = 0;  // bytes since the last non-empty line
  std::size_t max_run_ = SIZE_MAX;
  bool eof_ = false;
  bool ended_ = false;
  bool ran_on_ = false;
  bool out_of_memory_ = false;
  std::size_t line_number_ = 0;
};

/// Splits one mbox stream into messages, reading it in fixed-size chunks: memory is one
/// message (capped) plus one chunk, time is linear in the stream. See MessageSource for the
/// rules. Lines end in LF, CRLF or CR.
class MboxReader {
 public:
  /// Reads from \a in. \a head holds the bytes already read from it; its first line is a
  /// separator. Messages are named "name:N", or "name" when the stream holds exactly one
  /// message. In a decompressed stream a message over max_message_bytes is the last one read.
  MboxReader(std::string name, std::unique_ptr<ByteStream> in, std::string head,
             std::size_t max_message_bytes, bool names_only);
  ~MboxReader();
  MboxReader(const MboxReader&) = delete;
  MboxReader& operator=(const MboxReader&) = delete;

  /// The next message; false when the stream is done.
  bool Next(InputMessage* out);
  /// The descriptor the next Next() may wait on, or -1 at the end (ByteStream::WaitFd()).
  int WaitFd() const { return eof_ ? -1 : in_->WaitFd(); }

 private:
  // Next line including its line end (the last one may lack it). A line longer than the chunk
  // size comes in pieces; *at_start is false for the pieces after the first.
  bool NextLine(std::string_view* line, bool* at_start);
  // Offset in buf_ of the first '\n' at or after pos_, or npos: remembered until passed, so
  // that a file without any LF (CR line ends) is not searched to its end once per line.
  std::size_t NextLf();
  // Appends one more chunk from in_ to buf_ (after dropping what was consumed); false at the
  // end of the stream or on an error.
  void ReadChunk();

  std::string name_;
  std::unique_ptr<ByteStream> in_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t lf_ = std::string::npos;  // see NextLf(): a '\n' at lf_, when lf_ >= pos_
  std::size_t lf_searched_ = 0;         // no '\n' in [pos_, lf_searched_) when lf_ is stale
  bool eof_ = false;
  bool failed_ = false;  // in_ reported an error
  bool at_line_start_ = true;
  bool more_ = true;   // a separator for another message has been consumed (or not yet read)
  bool first_ = true;  // the first separator line is still in buf_
  std::size_t index_ = 0;
  std::size_t max_message_bytes_;
  bool names_only_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_INPUT_READER_H_

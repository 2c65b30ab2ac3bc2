// SPDX-License-Identifier: MIT
//
// mbox_source.cpp: MboxReader and IsMboxSeparator (reader.h). The stream is read in chunks of
// kChunk bytes and consumed line by line, so memory stays at one message plus one chunk and
// time is linear. Rules (documented on MessageSource in source.h): a separator is a "From "
// line with a time in it that starts the file or follows an empty line; that empty line is
// dropped; ">From " lines lose one '>' (mboxrd); Content-Length is ignored.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/errno_name.h"
#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

std::string_view WithoutLineEnd(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

// ">From ", ">>From ", ... (at the start of a line).
bool IsQuotedFrom(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == '>') ++i;
  return i > 0 && line.compare(i, 5, "From ") == 0;
}

}  // namespace

bool IsMboxSeparator(std::string_view line) {
  line = WithoutLineEnd(line);
  if (line.compare(0, 5, "From ") != 0) return false;
  // The sender word: at least one non-blank character, then a blank.
  std::size_t i = 5;
  const std::size_t word = i;
  while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  if (i == word || i == line.size()) return false;
  // The date: somewhere a time "hh:mm" (one-digit hours too).
  for (std::size_t c = line.find(':', i); c != std::string_view::npos; c = line.find(':', c + 1)) {
    if (c >= 1 && c + 2 < line.size() && IsDigitChar(line[c - 1]) && IsDigitChar(line[c + 1]) &&
        IsDigitChar(line[c + 2])) {
      return true;
    }
  }
  return false;
}

MboxReader::MboxReader(std::string name, int fd, std::string head, std::size_t max_message_bytes,
                       bool names_only)
    : name_(std::move(name)),
      fd_(fd),
      buf_(std::move(head)),
      max_message_bytes_(max_message_bytes),
      names_only_(names_only) {}

MboxReader::~MboxReader() {
  if (fd_ > 0) ::close(fd_);  // standard input (0) stays open
}

bool MboxReader::NextLine(std::string_view* line, bool* at_start) {
  for (;;) {
    const char* base = buf_.data() + pos_;
    const std::size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(base, '\n', avail);
    if (nl || eof_ || avail >= kChunk) {
      std::size_t len =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1 : avail;
      if (!nl && !eof_) len = kChunk;  // an overlong line: hand it over in pieces
      if (len == 0) return false;
      *line = std::string_view(base, len);
      *at_start = at_line_start_;
      at_line_start_ = nl != nullptr;
      pos_ += len;
      return true;
    }
    // Need more bytes: drop what was consumed, then read one more chunk.
    buf_.erase(0, pos_);
    pos_ = 0;
    // Read into a scratch chunk and append what came: resizing buf_ by a whole chunk would
    // zero-fill 256 KiB for every small file that merely starts with "From ".
    static thread_local char scratch[kChunk];  // zeroed once per thread, not per file
    ssize_t n;
    do {
      n = ::read(fd_, scratch, kChunk);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && errno == EAGAIN) {
      const int flags = ::fcntl(fd_, F_GETFL);
      ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
      continue;
    }
    if (n < 0) read_errno_ = errno;
    if (n > 0) buf_.append(scratch, static_cast<std::size_t>(n));
    if (n <= 0) eof_ = true;
  }
}

bool MboxReader::Next(InputMessage* out) {
  std::string_view line;
  bool at_start = false;
  if (first_) {
    first_ = false;
    NextLine(&line, &at_start);  // the separator that made this an mbox
  }
  if (!more_) return false;
  more_ = false;
  out->name.clear();
  out->bytes.clear();
  out->error.reset();
  std::string& msg = out->bytes;
  bool too_large = false;
  bool prev_blank = false;
  std::string_view held_blank;  // an empty line that may belong to the next separator
  bool had_content = false;
  auto append = [&](std::string_view s) {
    had_content = true;
    if (too_large || names_only_) return;
    if (msg.size() + s.size() > max_message_bytes_) {
      too_large = true;
      std::string().swap(msg);
      return;
    }
    msg.append(s);
  };
  while (NextLine(&line, &at_start)) {
    if (at_start && prev_blank && IsMboxSeparator(line)) {
      more_ = true;
      break;
    }
    if (!held_blank.empty()) append(held_blank);
    held_blank = {};
    const bool blank = at_start && WithoutLineEnd(line).empty() && line.back() == '\n';
    if (blank) {
      // Held as a literal, not a view: the next NextLine() may move the buffer.
      held_blank = line.size() == 1 ? std::string_view("\n") : std::string_view("\r\n");
      prev_blank = true;
      continue;
    }
    prev_blank = false;
    if (at_start && line[0] == '>' && IsQuotedFrom(line)) line.remove_prefix(1);
    append(line);
  }
  ++index_;
  out->name = (index_ == 1 && !more_) ? name_ : name_ + ":" + std::to_string(index_);
  if (read_errno_ != 0 && !more_) {
    out->error = Problem{ErrorCode::kCannotOpen, ErrnoName(read_errno_)};
  } else if (too_large) {
    out->error = Problem{ErrorCode::kTooLarge, std::to_string(max_message_bytes_)};
  } else if (!had_content) {
    out->error = Problem{ErrorCode::kEmpty, ""};
  }
  if (out->error) msg.clear();
  return true;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// mbox_source.cpp: MboxReader, IsMboxSeparator and FindLineEnd (reader.h). The stream is read
// in chunks of kChunk bytes and consumed line by line, so memory stays at one message plus one
// chunk and time is linear. Lines end in LF, CRLF or CR alone. Rules (documented on
// MessageSource in source.h): a separator is a "From " line with a date in it that starts the
// file or follows an empty line; that empty line is dropped; ">From " lines lose one '>'
// (mboxrd); Content-Length is ignored.

#include <cerrno>
#include <cstring>
#include <new>

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
bool IsBlankChar(char c) { return c == ' ' || c == '\t'; }

// ">From ", ">>From ", ... (at the start of a line).
bool IsQuotedFrom(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == '>') ++i;
  return i > 0 && line.compare(i, 5, "From ") == 0;
}

// A date as the writers of mbox files put it after the sender: asctime (mutt, mblaze,
// formail, Postfix local, Dovecot: "Thu Apr 29 23:45:32 2013", with or without a time zone
// before or after the year), also ISO ("2019-10-02 05:04:34 +0000") or RFC 5322 order. What
// they share: a time "hh:mm" and a year of four digits, neither of which a body line starting
// "From someone" has.
bool HoldsDate(std::string_view date) {
  bool time = false, year = false;
  for (std::size_t i = 0; i < date.size();) {
    if (!IsDigitChar(date[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < date.size() && IsDigitChar(date[i])) ++i;
    const std::size_t digits = i - start;
    const bool colon_after = i < date.size() && date[i] == ':';
    const bool colon_before = start > 0 && date[start - 1] == ':';
    if (colon_after && digits <= 2 && i + 2 < date.size() + 0 && IsDigitChar(date[i + 1]) &&
        IsDigitChar(date[i + 2])) {
      time = true;
    }
    if (digits == 4 && !colon_after && !colon_before) year = true;
  }
  return time && year;
}

}  // namespace

bool IsMboxSeparator(std::string_view line) {
  line = WithoutLineEnd(line);
  if (line.compare(0, 5, "From ") != 0) return false;
  std::size_t i = 5;
  // The sender: a word, or nothing (the empty sender <> of a bounce, as mblaze's mexport
  // writes it: "From  Wed Oct 12 04:25:28 2016"), then blanks.
  while (i < line.size() && IsBlankChar(line[i])) ++i;
  const bool empty_sender = i > 5;
  if (!empty_sender) {
    const std::size_t word = i;
    while (i < line.size() && !IsBlankChar(line[i])) ++i;
    if (i == word || i == line.size()) return false;
  }
  return HoldsDate(line.substr(i));
}

std::size_t FindLineEnd(std::string_view text, std::size_t from) {
  if (from >= text.size()) return std::string_view::npos;
  const char* base = text.data() + from;
  const std::size_t avail = text.size() - from;
  const void* lf = std::memchr(base, '\n', avail);
  const std::size_t stop =
      lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - base) : avail;
  // A CR before the LF (or anywhere, without one): the line ends there, or at the LF after it.
  if (const void* cr = std::memchr(base, '\r', stop)) {
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(cr) - base);
    return from + (at + 1 < avail && base[at + 1] == '\n' ? at + 1 : at);
  }
  return lf ? from + stop : std::string_view::npos;
}

MboxReader::MboxReader(std::string name, std::unique_ptr<ByteStream> in, std::string head,
                       std::size_t max_message_bytes, bool names_only)
    : name_(std::move(name)),
      in_(std::move(in)),
      buf_(std::move(head)),
      max_message_bytes_(max_message_bytes),
      names_only_(names_only) {}

MboxReader::~MboxReader() = default;

std::size_t MboxReader::NextLf() {
  if (lf_ != std::string::npos && lf_ >= pos_) return lf_;
  const std::size_t from = std::max(pos_, lf_searched_);
  const void* p =
      from < buf_.size() ? std::memchr(buf_.data() + from, '\n', buf_.size() - from) : nullptr;
  lf_ = p ? static_cast<std::size_t>(static_cast<const char*>(p) - buf_.data()) : std::string::npos;
  lf_searched_ = p ? lf_ : buf_.size();
  return lf_;
}

void MboxReader::ReadChunk() {
  // Drop what was consumed (the remembered offsets move with it), then read one more chunk.
  buf_.erase(0, pos_);
  lf_ = lf_ != std::string::npos && lf_ >= pos_ ? lf_ - pos_ : std::string::npos;
  lf_searched_ = lf_searched_ > pos_ ? lf_searched_ - pos_ : 0;
  pos_ = 0;
  // Read into a scratch chunk and append what came: resizing buf_ by a whole chunk would
  // zero-fill 256 KiB for every small file that merely starts with "From ".
  static thread_local char scratch[kChunk];  // zeroed once per thread, not per file
  const long n = in_->Read(scratch, kChunk);
  if (n > 0) {
    buf_.append(scratch, static_cast<std::size_t>(n));
  } else {
    eof_ = true;
    failed_ = n < 0;
  }
}

bool MboxReader::NextLine(std::string_view* line, bool* at_start) {
  for (;;) {
    const std::size_t avail = buf_.size() - pos_;
    // The line end: the first CR or LF (a CR followed by LF ends after the LF). The CR search
    // stops at the next LF, which is remembered, so each byte is looked at a bounded number
    // of times whatever the line ends are.
    const std::size_t lf = NextLf();
    const std::size_t stop = lf == std::string::npos ? buf_.size() : lf;
    std::size_t end = lf;  // offset of the line end's last byte, or npos
    if (const void* cr = std::memchr(buf_.data() + pos_, '\r', stop - pos_)) {
      end = static_cast<std::size_t>(static_cast<const char*>(cr) - buf_.data());
      if (end + 1 == buf_.size() && !eof_)
        end = std::string::npos;  // an LF may follow
      else if (end + 1 < buf_.size() && buf_[end + 1] == '\n')
        ++end;
    }
    const bool found = end != std::string::npos;
    if (found || eof_ || avail >= kChunk) {
      std::size_t len = found ? end + 1 - pos_ : avail;
      if (!found && !eof_) len = kChunk;  // an overlong line: hand it over in pieces
      if (len == 0) return false;
      *line = std::string_view(buf_.data() + pos_, len);
      *at_start = at_line_start_;
      at_line_start_ = found;
      pos_ += len;
      return true;
    }
    ReadChunk();
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
  bool out_of_memory = false;
  bool prev_blank = false;
  std::string_view held_blank;  // an empty line that may belong to the next separator
  bool had_content = false;
  auto append = [&](std::string_view s) {
    had_content = true;
    if (too_large || out_of_memory || names_only_) return;
    if (msg.size() + s.size() > max_message_bytes_) {
      too_large = true;
      std::string().swap(msg);
      return;
    }
    try {
      msg.append(s);
    } catch (const std::bad_alloc&) {
      // Too big for the memory left: read on to the next message, as for too_large.
      out_of_memory = true;
      std::string().swap(msg);
    }
  };
  while (NextLine(&line, &at_start)) {
    if (at_start && prev_blank && IsMboxSeparator(line)) {
      more_ = true;
      break;
    }
    if (!held_blank.empty()) append(held_blank);
    held_blank = {};
    const bool blank =
        at_start && WithoutLineEnd(line).empty() && (line.back() == '\n' || line.back() == '\r');
    if (blank) {
      // Held as a literal, not a view: the next NextLine() may move the buffer.
      held_blank = line == "\n"   ? std::string_view("\n")
                   : line == "\r" ? std::string_view("\r")
                                  : std::string_view("\r\n");
      prev_blank = true;
      continue;
    }
    prev_blank = false;
    if (at_start && line[0] == '>' && IsQuotedFrom(line)) line.remove_prefix(1);
    append(line);
    // A decompressed stream has no size on disk to bound it: a message over the limit there
    // is where a decompression bomb is stopped, so nothing after it is read.
    if ((too_large || out_of_memory) && in_->decompressed()) break;
  }
  ++index_;
  out->name = (index_ == 1 && !more_) ? name_ : name_ + ":" + std::to_string(index_);
  if (failed_ && !more_) {
    out->error = in_->error();
  } else if (too_large) {
    out->error = Problem{ErrorCode::kTooLarge, std::to_string(max_message_bytes_)};
  } else if (out_of_memory) {
    out->error = Problem{ErrorCode::kCannotOpen, ErrnoName(ENOMEM)};
  } else if (!had_content) {
    out->error = Problem{ErrorCode::kEmpty, ""};
  }
  if (out->error) msg.clear();
  return true;
}

}  // namespace bouncetolk

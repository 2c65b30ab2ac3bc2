// SPDX-License-Identifier: MIT
//
// line_reader.cpp: LineReader (reader.h). Reads 64 KiB at a time and hands out lines; a line
// longer than its cap is skipped as it streams by, never held, so memory stays bounded.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

void StripCr(std::string* line) {
  if (!line->empty() && line->back() == '\r') line->pop_back();
}

}  // namespace

LineReader::LineReader(int fd) : fd_(fd) {}

LineReader::~LineReader() {
  if (fd_ > 0) ::close(fd_);  // standard input (0) stays open
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {  // drop what was handed out; the rest moves to the front
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  ssize_t n;
  for (;;) {
    n = ::read(fd_, &buf_[old], kChunk);
    if (n >= 0 || errno == EINTR) {
      if (n >= 0) break;
      continue;
    }
    if (errno == EAGAIN) {  // opened non-blocking: wait the blocking way from here on
      ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
      continue;
    }
    error_ = errno;
    break;
  }
  buf_.resize(old + (n > 0 ? static_cast<std::size_t>(n) : 0));
  if (n <= 0) eof_ = true;
  return n > 0;
}

bool LineReader::Next(std::string* line, std::size_t max_bytes, bool* too_long) {
  line->clear();
  *too_long = false;
  std::size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* base = buf_.data() + pos_;
    const std::size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(base + scanned, '\n', avail - scanned);
    if (nl) {
      const std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
      if (!*too_long && len <= max_bytes + 1) line->assign(base, len);
      if (len > max_bytes + 1) *too_long = true;
      pos_ += len + 1;
      break;
    }
    if (avail > max_bytes + 1) {  // longer than the cap: skip it as it comes
      *too_long = true;
      pos_ = buf_.size();
      scanned = 0;
    } else {
      scanned = avail;
    }
    if (!Fill()) {
      if (buf_.size() == pos_ && !*too_long) return false;
      if (!*too_long) line->assign(buf_.data() + pos_, buf_.size() - pos_);
      pos_ = buf_.size();
      break;
    }
  }
  StripCr(line);
  if (line->size() > max_bytes) {
    line->clear();
    *too_long = true;
  }
  ++line_number_;
  return true;
}

int LineReader::WaitFd() const {
  if (eof_) return -1;
  if (std::memchr(buf_.data() + pos_, '\n', buf_.size() - pos_)) return -1;
  return fd_;
}

}  // namespace bouncetolk

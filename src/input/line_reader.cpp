// SPDX-License-Identifier: MIT
//
// line_reader.cpp: LineReader (reader.h). Reads 64 KiB at a time and hands out lines; the part
// of a line over its cap is passed over as it streams by, never held, so memory stays bounded.

#include <algorithm>
#include <cstring>
#include <new>

#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

LineReader::LineReader(std::unique_ptr<ByteStream> in, char separator, std::string head)
    : in_(std::move(in)), separator_(separator), buf_(std::move(head)) {}

LineReader::LineReader(int fd, char separator)
    : LineReader(std::make_unique<FdStream>(fd, /*owned=*/true), separator) {}

bool LineReader::Fill() {
  if (eof_) return false;
  buf_.resize(kChunk);
  pos_ = 0;
  const long n = in_->Read(buf_.data(), buf_.size());
  buf_.resize(static_cast<std::size_t>(std::max(n, 0L)));
  eof_ = n <= 0;
  return n > 0;
}

bool LineReader::Next(std::string* line, std::size_t max_bytes, bool* too_long) {
  line->clear();
  *too_long = false;
  out_of_memory_ = false;
  if (ended_) return false;
  if (run_ > max_run_) {  // empty lines only, for too long
    ended_ = ran_on_ = true;
    return false;
  }
  std::size_t length = 0;  // of the whole line, also the part that is not kept
  bool found = false;      // its end was seen
  while (!found) {
    if (pos_ == buf_.size() && !Fill()) {
      // A read error drops the line in hand: a cut name must not be opened.
      if (length == 0 || in_->error().code != ErrorCode::kNone) return false;
      break;  // a last line without its end
    }
    const char* base = buf_.data() + pos_;
    const std::size_t avail = buf_.size() - pos_;
    const void* end = std::memchr(base, separator_, avail);
    const std::size_t n =
        end ? static_cast<std::size_t>(static_cast<const char*>(end) - base) : avail;
    // Kept: max_bytes + 1 bytes at most (the one more tells a CR before the LF from a line
    // that is too long). A line too big for the memory left is passed over like a long one.
    if (line->size() <= max_bytes && !out_of_memory_) {
      try {
        line->append(base, std::min(n, max_bytes + 1 - line->size()));
      } catch (const std::bad_alloc&) {
        std::string().swap(*line);
        out_of_memory_ = true;
      }
    }
    found = end != nullptr;
    length += n;
    pos_ += n + (found ? 1 : 0);
    run_ += n + (found ? 1 : 0);
    if (!found && run_ > max_run_) {  // a line without end: give up on the stream
      ended_ = true;
      if (length <= max_bytes && !out_of_memory_) {
        ran_on_ = true;
        line->clear();
        return false;
      }
      break;
    }
  }
  if (separator_ == '\n' && length > 0 && length == line->size() && line->back() == '\r') {
    line->pop_back();
    --length;
  }
  if (out_of_memory_) {
    *too_long = true;
  } else if (length > max_bytes) {
    *too_long = true;
    line->resize(max_bytes);
  }
  if (length > 0) run_ = 0;
  ++line_number_;
  return true;
}

int LineReader::WaitFd() const {
  if (ended_ || eof_) return -1;
  if (std::memchr(buf_.data() + pos_, separator_, buf_.size() - pos_)) return -1;
  return in_->WaitFd();
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// file_source.cpp: ReadInput() (source.h) and ReadAll() (reader.h) with POSIX calls:
// open(O_NONBLOCK) so a FIFO without a writer cannot hang us before fstat tells what it is,
// then read(). A regular file is read in one call into a buffer of its size (no zero-filled
// slack to clear, no second read); other inputs in doubling chunks (amortised linear).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "bouncetolk/source.h"
#include "common/errno_name.h"
#include "input/reader.h"

namespace bouncetolk {

bool ReadAll(int fd, std::size_t limit, std::size_t size_hint, std::string* out) {
  // A regular file of known size: ask for exactly what is left of it, then stop at size_hint
  // (the file's size when it was opened: Maildir files never change after delivery).
  // Otherwise start small and double: the buffer is zero-filled before each read, and a
  // 64 KiB first chunk for every empty file was most of the time of a directory of them.
  std::size_t chunk = size_hint > out->size() ? size_hint - out->size() : 4 * 1024;
  while (out->size() < limit) {
    const std::size_t want = std::min(chunk, limit - out->size());
    const std::size_t old = out->size();
    out->resize(old + want);
    const ssize_t n = ::read(fd, &(*out)[old], want);
    if (n < 0) {
      out->resize(old);
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        // A FIFO opened non-blocking: wait for data the blocking way from here on.
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        continue;
      }
      return false;
    }
    out->resize(old + static_cast<std::size_t>(n));
    if (n == 0) break;
    if (size_hint > 0 && out->size() >= size_hint) break;
    chunk = size_hint > out->size() ? size_hint - out->size()
                                    : std::min<std::size_t>(chunk * 2, 4u << 20);
  }
  return true;
}

InputMessage ReadInput(std::string_view path, std::size_t max_bytes) {
  InputMessage in;
  in.name = std::string(path);
  const bool is_stdin = path == "-";
  int fd = 0;
  if (!is_stdin) {
    fd = ::open(in.name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      in.error = Problem{errno == EISDIR ? ErrorCode::kIsDirectory : ErrorCode::kCannotOpen,
                         ErrnoName(errno)};
      return in;
    }
  }
  struct stat st {};
  std::size_t size_hint = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      in.error = Problem{ErrorCode::kIsDirectory, ""};
    } else if (!is_stdin && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
      in.error = Problem{ErrorCode::kNotRegularFile, ""};
    } else if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
      in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
    } else if (S_ISREG(st.st_mode)) {
      size_hint = static_cast<std::size_t>(st.st_size);
    }
  }
  if (!in.error && !ReadAll(fd, max_bytes + 1, size_hint, &in.bytes)) {
    in.error = Problem{ErrorCode::kCannotOpen, ErrnoName(errno)};
  }
  if (!is_stdin) ::close(fd);
  if (!in.error && in.bytes.size() > max_bytes)
    in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
  if (!in.error && in.bytes.empty()) in.error = Problem{ErrorCode::kEmpty, ""};
  if (in.error) in.bytes.clear();
  return in;
}

}  // namespace bouncetolk

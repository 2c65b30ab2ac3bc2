// SPDX-License-Identifier: MIT
//
// file_source.cpp: ReadInput() (source.h) with POSIX calls: open(O_NONBLOCK) so a FIFO
// without a writer cannot hang us before fstat tells what it is, then plain read() in large
// chunks into one growing string (amortised linear).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include "bouncetolk/source.h"

namespace bouncetolk {
namespace {

// Reads fd to EOF, at most limit bytes. Returns false with errno set on a read error.
bool ReadAll(int fd, std::size_t limit, std::string* out) {
  std::size_t chunk = 64 * 1024;
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
    if (chunk < (4u << 20)) chunk *= 2;
  }
  return true;
}

}  // namespace

InputMessage ReadInput(std::string_view path, std::size_t max_bytes) {
  InputMessage in;
  in.name = std::string(path);
  const bool is_stdin = path == "-";
  int fd = 0;
  if (!is_stdin) {
    fd = ::open(in.name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      in.error = Problem{errno == EISDIR ? ErrorCode::kIsDirectory : ErrorCode::kCannotOpen, std::strerror(errno)};
      return in;
    }
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      in.error = Problem{ErrorCode::kIsDirectory, ""};
    } else if (!is_stdin && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
      in.error = Problem{ErrorCode::kNotRegularFile, ""};
    } else if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
      in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
    } else if (S_ISREG(st.st_mode)) {
      in.bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
    }
  }
  if (!in.error && !ReadAll(fd, max_bytes + 1, &in.bytes)) {
    in.error = Problem{ErrorCode::kCannotOpen, std::strerror(errno)};
  }
  if (!is_stdin) ::close(fd);
  if (!in.error && in.bytes.size() > max_bytes) in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
  if (!in.error && in.bytes.empty()) in.error = Problem{ErrorCode::kEmpty, ""};
  if (in.error) in.bytes.clear();
  return in;
}

}  // namespace bouncetolk

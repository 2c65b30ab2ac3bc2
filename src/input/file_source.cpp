// SPDX-License-Identifier: MIT
//
// file_source.cpp: ReadInput() (source.h), FdStream and ReadAll() (reader.h) with POSIX calls:
// open(O_NONBLOCK) so a FIFO without a writer cannot hang us before fstat tells what it is,
// then read(). A regular file is read in one call into a buffer of its size (no zero-filled
// slack to clear, no second read); other inputs in doubling chunks (amortised linear). A
// compressed file (gzip, bzip2, xz, zstd) is read through its decompressor.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "bouncetolk/source.h"
#include "common/errno_name.h"
#include "input/reader.h"

namespace bouncetolk {

FdStream::~FdStream() {
  if (owned_ && fd_ > 0) ::close(fd_);  // standard input (0) stays open
}

long FdStream::Read(char* buf, std::size_t n) {
  if (error_.code != ErrorCode::kNone) return -1;
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<long>(got);
    if (errno == EINTR) continue;
    if (errno == EAGAIN) {
      // A FIFO opened non-blocking: wait for data the blocking way from here on.
      const int flags = ::fcntl(fd_, F_GETFL);
      ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
      continue;
    }
    error_ = Problem{ErrorCode::kCannotOpen, ErrnoName(errno)};
    return -1;
  }
}

bool ReadAll(ByteStream* in, std::size_t limit, std::size_t size_hint, std::string* out) {
  // A regular file of known size: ask for exactly what is left of it, then stop at size_hint
  // (the file's size when it was opened: Maildir files never change after delivery).
  // Otherwise start small and double: the buffer is zero-filled before each read, and a
  // 64 KiB first chunk for every empty file was most of the time of a directory of them.
  std::size_t chunk = size_hint > out->size() ? size_hint - out->size() : 4 * 1024;
  while (out->size() < limit) {
    const std::size_t want = std::min(chunk, limit - out->size());
    const std::size_t old = out->size();
    out->resize(old + want);
    const long n = in->Read(&(*out)[old], want);
    out->resize(old + static_cast<std::size_t>(std::max(n, 0L)));
    if (n < 0) return false;
    if (n == 0) break;
    if (size_hint > 0 && out->size() >= size_hint) break;
    chunk = size_hint > out->size() ? size_hint - out->size()
                                    : std::min<std::size_t>(chunk * 2, 4u << 20);
  }
  return true;
}

bool ReadAll(int fd, std::size_t limit, std::size_t size_hint, std::string* out) {
  FdStream in(fd, false);
  return ReadAll(&in, limit, size_hint, out);  // errno is still that of the failed read()
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
  std::unique_ptr<ByteStream> stream = std::make_unique<FdStream>(fd, !is_stdin);
  struct stat st {};
  std::size_t size_hint = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      in.error = Problem{ErrorCode::kIsDirectory, ""};
    } else if (!is_stdin && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
      in.error = Problem{ErrorCode::kNotRegularFile, ""};
    } else if (S_ISREG(st.st_mode)) {
      size_hint = static_cast<std::size_t>(st.st_size);
    }
  }
  // The first bytes say whether the file is compressed; a file that is not may be refused by
  // its size alone, without reading more.
  if (!in.error && !ReadAll(stream.get(), kMagicBytes, 0, &in.bytes)) in.error = stream->error();
  const Compression format = DetectCompression(in.bytes);
  if (!in.error && format != Compression::kNone) {
    stream = OpenDecompressor(format, std::move(stream), std::move(in.bytes));
    in.bytes.clear();
    size_hint = 0;
  } else if (!in.error && size_hint > max_bytes) {
    in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
  }
  if (!in.error && !ReadAll(stream.get(), max_bytes + 1, size_hint, &in.bytes)) {
    in.error = stream->error();
  }
  if (!in.error && in.bytes.size() > max_bytes)
    in.error = Problem{ErrorCode::kTooLarge, std::to_string(max_bytes)};
  if (!in.error && in.bytes.empty()) in.error = Problem{ErrorCode::kEmpty, ""};
  if (in.error) in.bytes.clear();
  return in;
}

}  // namespace bouncetolk

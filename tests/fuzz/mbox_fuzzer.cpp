// SPDX-License-Identifier: MIT
//
// mbox_fuzzer.cpp: libFuzzer target for the streaming mbox splitter (input/mbox_source.cpp)
// and IsMboxSeparator. The input is fed to MboxReader through a memfd (a regular file) or a
// pipe (short reads), after a separator line, with a small message cap so the "too large"
// path is walked too. Checks that every message is within the cap, that the messages together
// are no larger than the input (the splitter only removes separators, blank lines before them
// and '>' quoting), and that the number of messages is bounded by the number of lines.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "input/reader.h"

namespace {

// A file descriptor from which \a data can be read: a memfd, or a pipe when \a pipe and the
// data fits in the pipe's buffer (so writing cannot block). -1 on failure.
int Feed(std::string_view data, bool pipe) {
  if (pipe && data.size() < 60000) {
    int fds[2];
    if (::pipe(fds) != 0) return -1;
    if (::write(fds[1], data.data(), data.size()) != static_cast<ssize_t>(data.size())) {
      ::close(fds[0]);
      ::close(fds[1]);
      return -1;
    }
    ::close(fds[1]);
    return fds[0];
  }
  const int fd = ::memfd_create("mbox", MFD_CLOEXEC);
  if (fd < 0) return -1;
  if (::write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size()) ||
      ::lseek(fd, 0, SEEK_SET) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bouncetolk;
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);

  // Lines end in LF, CRLF or CR: each of those may end a message.
  std::size_t lines = 1;
  for (std::size_t pos = 0; pos < body.size();) {
    const std::size_t eol = FindLineEnd(body, pos);
    const std::string_view line =
        body.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    (void)IsMboxSeparator(line);
    ++lines;
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }

  const int fd = Feed(body, flags & 1);
  if (fd < 0) return 0;
  const std::string head = "From MAILER-DAEMON Thu Apr 29 23:45:32 2013\n";
  const std::size_t max_bytes = (flags & 2) ? 64 : 1u << 20;
  MboxReader reader("fuzz.mbox", std::make_unique<FdStream>(fd, true), head, max_bytes,
                    (flags & 4) != 0);
  InputMessage m;
  std::size_t total = 0, count = 0;
  while (reader.Next(&m)) {
    ++count;
    fuzz::Check(count <= lines + 1, "more messages than lines");
    fuzz::Check(m.bytes.size() <= max_bytes, "message over max_message_bytes");
    fuzz::Check(!m.error || m.bytes.empty(), "bytes kept with an error");
    fuzz::Check(!m.name.empty(), "message without a name");
    total += m.bytes.size();
  }
  fuzz::Check(total <= body.size(), "messages larger than the input");
  return 0;
}

// SPDX-License-Identifier: MIT
//
// output.cpp: see output.h. The batch's worker threads may take a signal too, so one atomic
// word decides between "writing" and "exiting": a handler that claims it first ends the
// program, and a writer that finds it claimed waits for that end instead of starting a write.
// Everything the handler does (write, sigaction, sigprocmask, raise) is async-signal-safe.

#include "cli/output.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace bouncetolk {
namespace {

enum State : int { kIdle, kWriting, kExiting };

constexpr char kEraseLine[] = "\r\x1b[K";

std::atomic<int> g_state{kIdle};    // lock-free, so usable in a signal handler
std::atomic<int> g_stop_signal{0};  // a signal that arrived during a write
std::atomic<bool> g_progress_shown{false};
int g_output_errno = 0;          // first failed write to stdout (EPIPE included)
bool g_atomic_lines = false;     // stdout is a pipe or socket: pieces of at most PIPE_BUF
bool g_signals_handled = false;  // InstallOutputSignals() ran

void RaiseDefault(int sig) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
}

extern "C" void OnStopSignal(int sig) {
  int idle = kIdle;
  if (!g_state.compare_exchange_strong(idle, kExiting)) {
    g_stop_signal.store(sig);  // a write is under way: stop after it
    return;
  }
  const int saved = errno;
  if (g_progress_shown.load()) {
    ssize_t n = ::write(2, kEraseLine, sizeof kEraseLine - 1);
    (void)n;
  }
  RaiseDefault(sig);
  errno = saved;
}

// Writes all of \a bytes to \a fd (partial writes continued). False with errno on failure.
bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The length of the longest prefix of \a bytes of at most PIPE_BUF bytes that ends with
// \a record_end; when even the first record is longer, that record.
std::size_t AtomicPiece(std::string_view bytes, std::string_view record_end) {
  if (bytes.size() <= PIPE_BUF) return bytes.size();
  std::size_t end = bytes.substr(0, PIPE_BUF).rfind(record_end);
  if (end != std::string_view::npos) return end + record_end.size();
  end = bytes.find(record_end, PIPE_BUF);
  return end == std::string_view::npos ? bytes.size() : end + record_end.size();
}

// Runs \a write marked as writing for the handler; a signal now only stops after it.
template <typename F>
bool Guarded(F write) {
  int idle = kIdle;
  while (!g_state.compare_exchange_strong(idle, kWriting)) {
    idle = kIdle;
    ::pause();  // a handler on another thread is ending the program
  }
  const bool ok = write();
  g_state.store(kIdle);
  return ok;
}

// Keeps descriptor \a fd from being reused when it was closed: /dev/null read-only takes its
// place, so writes to it fail (EBADF) the way writes to the closed descriptor would.
void HoldOpen(int fd) {
  if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) return;
  const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null >= 0 && null != fd) {
    ::dup2(null, fd);
    ::close(null);
  }
}

void HandleUnlessIgnored(int sig, const struct sigaction& action) {
  struct sigaction old {};
  sigaction(sig, nullptr, &old);
  if (old.sa_handler == SIG_IGN) return;  // inherited "ignore": the caller wants it so
  sigaction(sig, &action, nullptr);
}

}  // namespace

void InstallOutputSignals() {
  for (int fd = 0; fd <= 2; ++fd) HoldOpen(fd);
  struct stat st {};
  g_atomic_lines = ::fstat(1, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, nullptr);
  struct sigaction stop {};
  stop.sa_handler = OnStopSignal;
  sigemptyset(&stop.sa_mask);
  stop.sa_flags = SA_RESTART;  // a write in progress continues to the end of its record
  HandleUnlessIgnored(SIGINT, stop);
  HandleUnlessIgnored(SIGTERM, stop);
  g_signals_handled = true;
}

bool WriteRecords(std::string_view records, std::string_view record_end) {
  if (g_output_errno != 0) return false;
  const bool ok = Guarded([&] {
    if (!g_atomic_lines) return WriteAll(1, records);
    while (!records.empty()) {
      const std::size_t n = AtomicPiece(records, record_end);
      if (!WriteAll(1, records.substr(0, n))) return false;
      records.remove_prefix(n);
    }
    return true;
  });
  if (!ok) g_output_errno = errno != 0 ? errno : EIO;
  return ok;
}

void WriteError(std::string_view text) {
  const int saved = errno;
  Guarded([&] { return WriteAll(2, text); });
  errno = saved;
}

void SetProgressLineShown(bool shown) { g_progress_shown.store(shown); }

int StopSignal() { return g_stop_signal.load(); }

int ReraiseStopSignal() {
  const int sig = g_stop_signal.load();
  if (sig == 0) return 0;
  if (g_progress_shown.load()) WriteError(kEraseLine);
  if (g_signals_handled) RaiseDefault(sig);
  return 128 + sig;
}

int OutputError() { return g_output_errno == EPIPE ? 0 : g_output_errno; }

}  // namespace bouncetolk

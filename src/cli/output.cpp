// SPDX-License-Identifier: MIT
//
// output.cpp: see output.h. Between writes the stdio buffers are empty, so a signal that
// arrives there can end the program at once (_exit, async-signal-safe, in the handler) without
// cutting a record; one that arrives while a write is under way is recorded, and the code
// that asked for the write decides to stop (RecordSink::StopRequested() in a scan). The
// batch's worker threads may take the signal too, so one atomic word decides between
// "writing" and "exiting": a handler that claims it first exits, and a writer that finds it
// claimed waits for that exit instead of starting a write.

#include "cli/output.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

namespace bouncetolk {
namespace {

enum State : int { kIdle, kWriting, kExiting };

std::atomic<int> g_state{kIdle};    // lock-free, so usable in a signal handler
std::atomic<int> g_stop_signal{0};  // a signal that arrived during a write
bool g_stdout_closed = false;

extern "C" void OnStopSignal(int sig) {
  int idle = kIdle;
  if (g_state.compare_exchange_strong(idle, kExiting)) ::_exit(128 + sig);
  g_stop_signal.store(sig);
}

// Writes \a bytes to \a stream and flushes it, marked as writing for the handler.
bool WriteWhole(std::FILE* stream, std::string_view bytes) {
  int idle = kIdle;
  while (!g_state.compare_exchange_strong(idle, kWriting)) {
    idle = kIdle;
    ::pause();  // a handler on another thread is exiting
  }
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), stream) == bytes.size() &&
                  std::fflush(stream) == 0;
  g_state.store(kIdle);
  return ok;
}

}  // namespace

void InstallOutputSignals() {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, nullptr);
  struct sigaction stop {};
  stop.sa_handler = OnStopSignal;
  sigemptyset(&stop.sa_mask);
  stop.sa_flags = SA_RESTART;  // a write in progress continues to the end of its record
  sigaction(SIGINT, &stop, nullptr);
  sigaction(SIGTERM, &stop, nullptr);
}

bool WriteRecord(std::string_view record) {
  if (g_stdout_closed) return false;
  if (WriteWhole(stdout, record)) return true;
  g_stdout_closed = true;
  std::clearerr(stdout);
  return false;
}

void WriteError(std::string_view text) { WriteWhole(stderr, text); }

int StopSignal() { return g_stop_signal.load(); }

}  // namespace bouncetolk

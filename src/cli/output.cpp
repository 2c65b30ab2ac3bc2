// SPDX-License-Identifier: MIT
//
// output.cpp: see output.h. Between records the stdio buffer of stdout is empty, so a signal
// that arrives there can end the program at once (_exit, async-signal-safe) without cutting
// a record; one that arrives while a record is being written is remembered and acted on when
// the write is done. The batch's worker threads may take the signal too, so one atomic word
// decides between "writing" and "exiting": a handler that claims it first exits, and a writer
// that finds it claimed waits for that exit instead of starting a record.

#include "cli/output.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

namespace bouncetolk {
namespace {

enum State : int { kIdle, kWriting, kExiting };

std::atomic<int> g_state{kIdle};  // lock-free, so usable in a signal handler
std::atomic<int> g_pending{0};    // a signal that arrived during a write
bool g_closed = false;

extern "C" void OnStopSignal(int sig) {
  int idle = kIdle;
  if (g_state.compare_exchange_strong(idle, kExiting)) ::_exit(128 + sig);
  g_pending.store(sig);
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
  if (g_closed) return false;
  int idle = kIdle;
  while (!g_state.compare_exchange_strong(idle, kWriting)) {
    idle = kIdle;
    ::pause();  // a handler on another thread is exiting
  }
  const bool ok = std::fwrite(record.data(), 1, record.size(), stdout) == record.size() &&
                  std::fflush(stdout) == 0;
  if (const int sig = g_pending.load()) ::_exit(128 + sig);
  g_state.store(kIdle);
  if (const int sig = g_pending.load()) ::_exit(128 + sig);  // arrived just before the store
  if (!ok) {
    g_closed = true;
    std::clearerr(stdout);
  }
  return ok;
}

bool OutputClosed() { return g_closed; }

}  // namespace bouncetolk

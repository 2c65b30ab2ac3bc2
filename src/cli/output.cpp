// SPDX-License-Identifier: MIT
//
// output.cpp: see output.h. Between records the stdio buffer of stdout is empty, so a signal
// that arrives there can end the program at once (_exit, async-signal-safe) without cutting
// a record; one that arrives while a record is being written is remembered and acted on when
// the write is done.

#include "cli/output.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>

namespace bouncetolk {
namespace {

volatile sig_atomic_t g_in_write = 0;
volatile sig_atomic_t g_pending_signal = 0;
bool g_closed = false;

extern "C" void OnStopSignal(int sig) {
  if (!g_in_write) ::_exit(128 + sig);
  g_pending_signal = sig;
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
  g_in_write = 1;
  const bool ok = std::fwrite(record.data(), 1, record.size(), stdout) == record.size() && std::fflush(stdout) == 0;
  g_in_write = 0;
  if (g_pending_signal) ::_exit(128 + g_pending_signal);
  if (!ok) {
    g_closed = true;
    std::clearerr(stdout);
  }
  return ok;
}

bool OutputClosed() { return g_closed; }

}  // namespace bouncetolk

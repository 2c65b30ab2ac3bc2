// SPDX-License-Identifier: MIT
//
// output.cpp: see output.h. One atomic word says who owns the record buffer: the writer
// thread while it adds or writes (kBusy), or a signal handler that is writing it out before
// exiting (kHandler). A handler that finds the writer busy leaves the signal number in
// g_pending; the writer acts on it when it lets go. Only async-signal-safe calls (write,
// _exit, lock-free atomics) happen in the handler, and it touches the buffer only when it
// owns it.

#include "cli/output.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <string>

namespace bouncetolk {
namespace {

enum Owner : int { kIdle, kBusy, kHandler };

std::atomic<int> g_owner{kIdle};
std::atomic<int> g_pending{0};
std::string g_buffer;  // complete records not yet written
bool g_terminal = false;

// Writes all of [data, data + size) to fd 1. Returns false on EPIPE or another error.
bool WriteAll(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(1, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Writes the buffer out; the caller owns it. A reader that went away ends the program: there
// is no one left to tell anything.
void WriteBuffer() {
  std::fflush(stdout);  // anything written through stdio before (the CSV header row) comes first
  const bool ok = WriteAll(g_buffer.data(), g_buffer.size());
  g_buffer.clear();
  if (!ok) ::_exit(0);
}

extern "C" void OnStopSignal(int sig) {
  int idle = kIdle;
  if (!g_owner.compare_exchange_strong(idle, kHandler)) {
    g_pending.store(sig);  // the writer is busy: it exits when done
    return;
  }
  WriteAll(g_buffer.data(), g_buffer.size());
  ::_exit(128 + sig);
}

// Takes the buffer for the writer thread. If a handler owns it, that handler is writing it
// out and will _exit the whole process: wait for that.
void Acquire() {
  int idle = kIdle;
  while (!g_owner.compare_exchange_strong(idle, kBusy)) {
    idle = kIdle;
    ::pause();
  }
}

void Release() {
  if (const int sig = g_pending.load()) {
    WriteBuffer();
    ::_exit(128 + sig);
  }
  g_owner.store(kIdle);
  if (const int sig = g_pending.exchange(0)) OnStopSignal(sig);  // arrived between the two
}

}  // namespace

void InstallOutputSignals() {
  g_terminal = ::isatty(1);
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, nullptr);
  struct sigaction stop {};
  stop.sa_handler = OnStopSignal;
  sigemptyset(&stop.sa_mask);
  sigaddset(&stop.sa_mask, SIGINT);
  sigaddset(&stop.sa_mask, SIGTERM);
  stop.sa_flags = SA_RESTART;
  sigaction(SIGINT, &stop, nullptr);
  sigaction(SIGTERM, &stop, nullptr);
}

void WriteRecord(std::string_view record) {
  Acquire();
  g_buffer.append(record);
  if (g_terminal || g_buffer.size() >= kFlushBytes) WriteBuffer();
  Release();
}

void FlushRecords() {
  Acquire();
  WriteBuffer();
  Release();
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// process.h: test helpers that run a program the way a shell or a terminal would: with chosen
// descriptors (a file, a pipe the test holds, a pseudo-terminal), in a process group of its
// own, with SIGINT ignored as a background job inherits it; reading its output with a time
// limit; and running a shell command line with its stdout, stderr and exit status.

#ifndef BOUNCETOLK_TESTS_TESTING_PROCESS_H_
#define BOUNCETOLK_TESTS_TESTING_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace bouncetolk::testing {

/// How to start a child.
struct SpawnOptions {
  int stdin_fd = -1;           ///< dup'ed to 0 (-1: /dev/null)
  int stdout_fd = -1;          ///< dup'ed to 1 (-1: /dev/null)
  int stderr_fd = -1;          ///< dup'ed to 2 (-1: /dev/null)
  bool own_group = false;      ///< setpgid(0, 0): a signal can go to it and its children only
  bool ignore_sigint = false;  ///< start with SIGINT ignored (a background job of a script)
};

/// Starts \a argv[0] with \a argv; the child closes every other descriptor the test holds.
inline pid_t Spawn(const std::vector<std::string>& argv, const SpawnOptions& o) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  if (o.own_group) ::setpgid(0, 0);
  ::signal(SIGINT, o.ignore_sigint ? SIG_IGN : SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  const int null = ::open("/dev/null", O_RDWR);
  ::dup2(o.stdin_fd >= 0 ? o.stdin_fd : null, 0);
  ::dup2(o.stdout_fd >= 0 ? o.stdout_fd : null, 1);
  ::dup2(o.stderr_fd >= 0 ? o.stderr_fd : null, 2);
  for (int fd = 3; fd < 1024; ++fd) ::close(fd);
  ::execvp(args[0], args.data());
  ::_exit(127);
}

/// Waits up to \a seconds for \a pid; true with *status when it ended.
inline bool WaitFor(pid_t pid, double seconds, int* status) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (::waitpid(pid, status, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

/// Reads what \a fd has until it ends (EOF, or EIO on a pseudo-terminal whose other side
/// closed) or \a seconds pass, or, when \a until is not empty, until that text has been read.
inline std::string ReadFor(int fd, double seconds, const std::string& until = "") {
  std::string out;
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    struct pollfd p {};
    p.fd = fd;
    p.events = POLLIN;
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[65536];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (!until.empty() && out.find(until) != std::string::npos) break;
  }
  return out;
}

/// A pseudo-terminal: master() is the test's side, slave() the program's terminal.
class Pty {
 public:
  Pty() {
    struct winsize ws {};
    ws.ws_row = 24;
    ws.ws_col = 100;
    if (::openpty(&master_, &slave_, nullptr, nullptr, &ws) != 0) master_ = slave_ = -1;
  }
  ~Pty() {
    CloseSlave();
    if (master_ >= 0) ::close(master_);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;
  bool ok() const { return master_ >= 0; }
  int master() const { return master_; }
  int slave() const { return slave_; }
  /// After the child has it: the test's copy closed, so the master sees the end.
  void CloseSlave() {
    if (slave_ >= 0) ::close(slave_);
    slave_ = -1;
  }

 private:
  int master_ = -1;
  int slave_ = -1;
};

/// What a shell command line printed and its exit status.
struct ShellResult {
  std::string out, err;
  int status = -1;  ///< exit status; 128 + signal when killed
};

inline std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs \a command with bash (pipefail on) in \a dir, stdin from /dev/null unless the command
/// redirects it; stdout and stderr are kept in files of \a dir.
inline ShellResult Shell(const std::string& dir, const std::string& command) {
  const std::string out = dir + "/.shell-out", err = dir + "/.shell-err", script = dir + "/.sh";
  std::ofstream(script) << "set -o pipefail\ncd '" << dir << "' || exit 99\n" << command << "\n";
  const std::string cmd = "bash '" + script + "' > '" + out + "' 2> '" + err + "' < /dev/null";
  const int st = std::system(cmd.c_str());
  ShellResult r;
  r.out = ReadWhole(out);
  r.err = ReadWhole(err);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

/// \a s quoted for the shell.
inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace bouncetolk::testing

#endif  // BOUNCETOLK_TESTS_TESTING_PROCESS_H_

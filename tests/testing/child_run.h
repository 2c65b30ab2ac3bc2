// SPDX-License-Identifier: MIT
//
// child_run.h: runs the real binary (BT_BINARY) as a child process for the hostile tests and
// measures it: exit code, wall time, peak RSS (from wait4) and its standard output and error.
// The child reads /dev/null, writes to files in \a dir, is killed after \a kill_after seconds,
// and may be given an address-space limit (RLIMIT_AS), so that a run that would eat gigabytes
// fails fast instead of taking the machine with it.

#ifndef BOUNCETOLK_TESTS_TESTING_CHILD_RUN_H_
#define BOUNCETOLK_TESTS_TESTING_CHILD_RUN_H_

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace bouncetolk::testing {

struct ChildRun {
  int exit_code = -1;  ///< -1 when killed or signalled
  double seconds = 0;
  long peak_rss_mib = 0;
  std::string out;
  std::string err;
};

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

/// Runs BT_BINARY with \a args, stdout and stderr to files in \a dir. fork() rather than
/// posix_spawn(): a vfork-style spawn would hand the child this process's peak RSS (Linux
/// keeps the old mm's high-water mark across exec), so callers also free their large inputs
/// before calling this. \a max_address_space_mib: 0 for no limit.
inline ChildRun RunChild(const std::string& dir, const std::vector<std::string>& args,
                         double kill_after, long max_address_space_mib = 0) {
  const std::string out_path = dir + "/stdout";
  const std::string err_path = dir + "/stderr";
  std::vector<std::string> argv_s = {BT_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  ChildRun run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) return run;
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 ||
        ::dup2(err, 2) < 0)
      ::_exit(127);
    if (max_address_space_mib > 0) {
      struct rlimit limit {};
      limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(max_address_space_mib) << 20;
      ::setrlimit(RLIMIT_AS, &limit);
    }
    ::execv(BT_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage ru {};
  for (;;) {
    const pid_t got = ::wait4(pid, &status, WNOHANG, &ru);
    if (got == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(kill_after)) {
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &ru);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.peak_rss_mib = ru.ru_maxrss / 1024;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadBytes(out_path);
  run.err = ReadBytes(err_path);
  return run;
}

}  // namespace bouncetolk::testing

#endif  // BOUNCETOLK_TESTS_TESTING_CHILD_RUN_H_

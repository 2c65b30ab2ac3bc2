// SPDX-License-Identifier: MIT
//
// pipeline_test.cpp: the real binary (BT_BINARY) in the pipelines people build around it
// (issues 13 and 14): a shell loop stopped with Ctrl-C, a background job with SIGINT ignored,
// the progress line on a terminal, a live pipe and a queue consumer that must see each record
// at once, parallel writers to one pipe, and outputs that cannot be written.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testing/compress.h"
#include "testing/process.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::FromLine;
using testing::PlainMail;
using testing::Pty;
using testing::ReadFor;
using testing::Shell;
using testing::ShellQuote;
using testing::Spawn;
using testing::SpawnOptions;
using testing::TempDir;
using testing::WaitFor;
using testing::WriteFile;

// A bounce with \a recipients recipients: long records, and a batch that takes a moment.
std::string BigBounce(int recipients, int n = 0) {
  std::string dsn = "Reporting-MTA: dns; mx.example.nl\n";
  for (int i = 0; i < recipients; ++i) {
    dsn += "\nFinal-Recipient: rfc822; klant" + std::to_string(n) + "-" + std::to_string(i) +
           "@example.nl\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user "
           "unknown\n";
  }
  return "From: MAILER-DAEMON@mx.example.nl\nSubject: Undelivered\nMIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
         "--b\nContent-Type: message/delivery-status\n\n" +
         dsn + "\n--b--\n";
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(s.substr(start, nl - start));
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

// Every line a whole JSON object; returns how many.
std::size_t CountJsonLines(const std::string& out, const std::string& what) {
  std::size_t n = 0;
  for (const std::string& line : Lines(out)) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << what << ": torn record: " << line.substr(0, 100);
    ++n;
  }
  EXPECT_TRUE(out.empty() || out.back() == '\n') << what << ": the last record is cut";
  return n;
}

bool KilledBySigint(int status) {
  return (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) ||
         (WIFEXITED(status) && WEXITSTATUS(status) == 130);
}

// ---- issue 13 item 2: signals as the shell expects -----------------------------------------

TEST(SignalTest, ShellLoopStopsOnCtrlC) {
  // Each round waits for its list on a FIFO that the test holds open for writing but never
  // writes to, so every round is still running when the terminal's Ctrl-C (SIGINT to the
  // whole process group) comes. (Without a writer the list would be empty: it is opened
  // non-blocking.)
  TempDir tmp;
  ASSERT_EQ(::mkfifo((tmp / "list").c_str(), 0600), 0);
  const int writer = ::open((tmp / "list").c_str(), O_RDWR | O_CLOEXEC);  // never blocks
  ASSERT_GE(writer, 0);
  const std::string loop = "for i in 1 2 3; do " + ShellQuote(BT_BINARY) + " --files-from " +
                           ShellQuote(tmp / "list") + "; echo $i >> " + ShellQuote(tmp / "log") +
                           "; done";
  SpawnOptions o;
  o.own_group = true;
  const pid_t pid = Spawn({"bash", "-c", loop}, o);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // ASan starts slowly
  ::kill(-pid, SIGINT);
  int status = 0;
  const bool ended = WaitFor(pid, 5, &status);
  if (!ended) ::kill(-pid, SIGKILL), ::waitpid(pid, &status, 0);
  EXPECT_TRUE(ended) << "the shell loop went on after Ctrl-C";
  EXPECT_TRUE(KilledBySigint(status)) << "status " << status;
  EXPECT_EQ(testing::ReadWhole(tmp / "log"), "") << "a round after the interrupt ran";
  ::close(writer);
}

TEST(SignalTest, ShellLoopStopsOnCtrlCDuringABatch) {
  TempDir tmp;
  for (int i = 0; i < 1000; ++i) WriteFile(tmp / ("md/cur/" + std::to_string(i)), BigBounce(40, i));
  std::filesystem::create_directories(tmp / "md/new");
  const std::string loop = "for i in 1 2 3 4 5 6 7 8; do " + ShellQuote(BT_BINARY) +
                           " --format jsonl -j 1 " + ShellQuote(tmp / "md") + " > " +
                           ShellQuote(tmp / "out") + "; echo $i >> " + ShellQuote(tmp / "log") +
                           "; done";
  SpawnOptions o;
  o.own_group = true;
  const pid_t pid = Spawn({"bash", "-c", loop}, o);
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  ::kill(-pid, SIGINT);
  int status = 0;
  const bool ended = WaitFor(pid, 10, &status);
  if (!ended) ::kill(-pid, SIGKILL), ::waitpid(pid, &status, 0);
  ASSERT_TRUE(ended);
  EXPECT_TRUE(KilledBySigint(status)) << "status " << status;
  EXPECT_LT(Lines(testing::ReadWhole(tmp / "log")).size(), 8u) << "the loop ran to its end";
  CountJsonLines(testing::ReadWhole(tmp / "out"), "interrupted round");
}

TEST(SignalTest, InheritedIgnoredSigintStaysIgnored) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  ASSERT_EQ(::mkfifo((tmp / "list").c_str(), 0600), 0);
  // Held open for writing from the start, so that the program waits for the list's names
  // (without a writer it would be an empty list: it is opened non-blocking).
  const int list = ::open((tmp / "list").c_str(), O_RDWR | O_CLOEXEC);  // never blocks
  ASSERT_GE(list, 0);
  const int out = ::open((tmp / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  SpawnOptions o;
  o.ignore_sigint = true;
  o.stdout_fd = out;
  const pid_t pid = Spawn({BT_BINARY, "--format", "jsonl", "--files-from", tmp / "list"}, o);
  ::close(out);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ::kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, WNOHANG), 0) << "an ignored SIGINT ended the program";
  const std::string path = tmp / "a.eml\n";
  ASSERT_EQ(::write(list, path.data(), path.size()), static_cast<ssize_t>(path.size()));
  ::close(list);
  ASSERT_TRUE(WaitFor(pid, 10, &status));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(testing::ReadWhole(tmp / "out").find("a@x.example"), std::string::npos);
}

// ---- the progress line on a terminal (issue 13 item 2, issue 14 item 6) --------------------

// Runs the binary with standard error on a pseudo-terminal; returns what the terminal got.
// \a feed, when given, runs in a thread of its own with the child's pid once it has started.
std::string OnTerminal(const std::vector<std::string>& argv, int stdin_fd = -1,
                       const std::string& stdout_path = "/dev/null",
                       std::function<void(pid_t)> feed = nullptr) {
  Pty pty;
  EXPECT_TRUE(pty.ok());
  const int out = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  SpawnOptions o;
  o.stdin_fd = stdin_fd;
  o.stdout_fd = out;
  o.stderr_fd = pty.slave();
  const pid_t pid = Spawn(argv, o);
  ::close(out);
  pty.CloseSlave();
  std::thread feeder;
  if (feed) feeder = std::thread(feed, pid);
  const std::string seen = ReadFor(pty.master(), 30);
  int status = 0;
  EXPECT_TRUE(WaitFor(pid, 30, &status));
  if (feeder.joinable()) feeder.join();
  return seen;
}

// True once process \a pid has \a path open (it is in /proc/PID/fd); waits up to 10 s.
bool WaitUntilOpen(pid_t pid, const std::string& path) {
  const std::string fd_dir = "/proc/" + std::to_string(pid) + "/fd";
  for (int i = 0; i < 1000; ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(fd_dir, ec)) {
      std::error_code ec2;
      if (std::filesystem::read_symlink(e.path(), ec2) == path) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(ProgressTest, NotDrawnForASingleMessage) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  const std::string seen = OnTerminal({BT_BINARY, "--format", "jsonl", tmp / "a.eml"});
  EXPECT_EQ(seen.find("bericht"), std::string::npos) << seen;
  EXPECT_EQ(seen.find('\r'), std::string::npos) << seen;
}

TEST(ProgressTest, ErasedWhenInterrupted) {
  TempDir tmp;
  for (int i = 0; i < 1000; ++i) WriteFile(tmp / ("md/cur/" + std::to_string(i)), BigBounce(40, i));
  std::filesystem::create_directories(tmp / "md/new");
  Pty pty;
  ASSERT_TRUE(pty.ok());
  SpawnOptions o;
  o.stderr_fd = pty.slave();
  const pid_t pid = Spawn({BT_BINARY, "--format", "jsonl", "-j", "1", tmp / "md"}, o);
  pty.CloseSlave();
  std::string seen = ReadFor(pty.master(), 20, "berichten");
  ASSERT_NE(seen.find("berichten"), std::string::npos) << "no progress line: " << seen;
  ::kill(pid, SIGINT);
  seen += ReadFor(pty.master(), 10);
  int status = 0;
  ASSERT_TRUE(WaitFor(pid, 10, &status));
  EXPECT_TRUE(KilledBySigint(status)) << status;
  // The last thing on the terminal erases the line: nothing of it is left for the prompt.
  const std::size_t last_text = seen.rfind("berichten");
  EXPECT_NE(seen.find("\r\x1b[K", last_text), std::string::npos)
      << "the progress line is left on the screen: " << seen.substr(last_text);
}

TEST(ProgressTest, CountingNeverReadsAStreamTwice) {
  // The progress line's counting walk used to open /dev/stdin (or a FIFO, or <(...)) again
  // and swallow messages meant for the scan.
  TempDir tmp;
  std::string mbox;
  for (int i = 0; i < 50; ++i)
    mbox += FromLine() + Bounce("u" + std::to_string(i) + "@x.example", "5.1.1") + "\n";
  ASSERT_EQ(::mkfifo((tmp / "fifo").c_str(), 0600), 0);
  auto write_all = [&mbox](int fd) {
    for (std::size_t at = 0; at < mbox.size();) {
      const ssize_t n =
          ::write(fd, mbox.data() + at, std::min<std::size_t>(4096, mbox.size() - at));
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::close(fd);
  };
  // Standard input: a pipe whose writer writes a moment after the start, when both the scan
  // and a counting walk would be waiting for bytes.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const int writer = fds[1];
  OnTerminal({BT_BINARY, "--format", "jsonl", "/dev/stdin"}, fds[0], tmp / "out", [&](pid_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    write_all(writer);
  });
  ::close(fds[0]);
  EXPECT_EQ(CountJsonLines(testing::ReadWhole(tmp / "out"), "/dev/stdin"), 50u);
  // A FIFO (as <(...) gives): its writer is there before the program starts (held O_RDWR,
  // which never blocks), and writes once the program has opened it, and a little later.
  const int fifo = ::open((tmp / "fifo").c_str(), O_RDWR);
  OnTerminal({BT_BINARY, "--format", "jsonl", tmp / "fifo"}, -1, tmp / "out", [&](pid_t pid) {
    EXPECT_TRUE(WaitUntilOpen(pid, tmp / "fifo"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    write_all(fifo);
  });
  EXPECT_EQ(CountJsonLines(testing::ReadWhole(tmp / "out"), "fifo"), 50u);
}

// ---- issue 13 item 3: streaming --------------------------------------------------------------

// Starts the binary reading from a pipe the test keeps open; returns its pid, with the pipes.
struct LiveRun {
  pid_t pid = -1;
  int to_child = -1;    // its standard input
  int from_child = -1;  // its standard output
};

LiveRun StartLive(const std::vector<std::string>& argv) {
  int in[2], out[2];
  LiveRun r;
  if (::pipe(in) != 0 || ::pipe(out) != 0) return r;
  SpawnOptions o;
  o.stdin_fd = in[0];
  o.stdout_fd = out[1];
  r.pid = Spawn(argv, o);
  ::close(in[0]);
  ::close(out[1]);
  r.to_child = in[1];
  r.from_child = out[0];
  return r;
}

void Send(int fd, const std::string& s) {
  ASSERT_EQ(::write(fd, s.data(), s.size()), static_cast<ssize_t>(s.size()));
}

TEST(StreamingTest, ARecordArrivesWhileTheStreamStaysOpen) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  WriteFile(tmp / "b.eml", Bounce("b@x.example", "5.1.1"));
  // A list of paths arriving one by one (inotifywait, find on a slow disk).
  LiveRun run = StartLive({BT_BINARY, "--format", "jsonl", "--files-from", "-"});
  ASSERT_GT(run.pid, 0);
  Send(run.to_child, tmp / "a.eml\n");
  const std::string first = ReadFor(run.from_child, 1.0, "\n");
  EXPECT_NE(first.find("a@x.example"), std::string::npos) << "no record within a second";
  Send(run.to_child, tmp / "b.eml\n");
  const std::string second = ReadFor(run.from_child, 1.0, "\n");
  EXPECT_NE(second.find("b@x.example"), std::string::npos) << "no record within a second";
  ::close(run.to_child);
  EXPECT_EQ(ReadFor(run.from_child, 5), "");
  int status = 0;
  ASSERT_TRUE(WaitFor(run.pid, 5, &status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ::close(run.from_child);
}

// The same with -0: a name is taken as soon as its NUL has come.
TEST(StreamingTest, ANulSeparatedListStreamsToo) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  WriteFile(tmp / "b\nc.eml", Bounce("b@x.example", "5.1.1"));
  LiveRun run = StartLive({BT_BINARY, "--format", "jsonl", "-0", "--files-from", "-"});
  ASSERT_GT(run.pid, 0);
  Send(run.to_child, tmp / "a.eml" + std::string(1, '\0'));
  EXPECT_NE(ReadFor(run.from_child, 1.0, "\n").find("a@x.example"), std::string::npos)
      << "no record within a second";
  Send(run.to_child, tmp / "b\nc.eml" + std::string(1, '\0'));
  EXPECT_NE(ReadFor(run.from_child, 1.0, "\n").find("b@x.example"), std::string::npos)
      << "no record within a second";
  ::close(run.to_child);
  EXPECT_EQ(ReadFor(run.from_child, 5), "");
  int status = 0;
  ASSERT_TRUE(WaitFor(run.pid, 5, &status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ::close(run.from_child);
}

std::string JsonLine(const std::string& id_json, const std::string& message) {
  nlohmann::json j;
  j["raw"] = message;
  std::string line = j.dump();
  if (!id_json.empty()) line = "{\"id\":" + id_json + "," + line.substr(1);
  return line + "\n";
}

TEST(StreamingTest, QueueConsumerGetsEachRecordWithItsId) {
  LiveRun run = StartLive({BT_BINARY, "--input-format", "jsonl", "--format", "jsonl"});
  ASSERT_GT(run.pid, 0);
  Send(run.to_child, JsonLine("\"msg-17\"", Bounce("a@x.example", "5.1.1")));
  const std::string first = ReadFor(run.from_child, 1.0, "\n");
  ASSERT_TRUE(nlohmann::json::accept(first)) << "no whole record within a second: " << first;
  const auto rec = nlohmann::json::parse(first);
  EXPECT_EQ(rec["id"], "msg-17");
  EXPECT_EQ(rec["recipient"], "a@x.example");
  EXPECT_EQ(rec["file"], "-:1");
  Send(run.to_child,
       JsonLine("42", PlainMail("hello")) + "\n" + "not json\n" + JsonLine("", BigBounce(2)));
  ::close(run.to_child);
  const auto rest = Lines(ReadFor(run.from_child, 10));
  ASSERT_EQ(rest.size(), 4u);
  EXPECT_EQ(nlohmann::json::parse(rest[0])["id"], 42);
  EXPECT_EQ(nlohmann::json::parse(rest[0])["kind"], "not_a_bounce");
  EXPECT_EQ(nlohmann::json::parse(rest[1])["error"], "bad_input_line");
  EXPECT_EQ(nlohmann::json::parse(rest[1])["file"], "-:4");  // line 3 was empty
  EXPECT_TRUE(nlohmann::json::parse(rest[2])["id"].is_null());
  int status = 0;
  ASSERT_TRUE(WaitFor(run.pid, 5, &status));
  EXPECT_EQ(WEXITSTATUS(status), 3);  // one line could not be read
  ::close(run.from_child);
}

// A compressed queue: each line its own gzip member, as a producer that compresses per
// message writes them. A member's lines go out without waiting for the next member.
TEST(StreamingTest, CompressedJsonLinesStream) {
  LiveRun run = StartLive({BT_BINARY, "--input-format", "jsonl", "--format", "jsonl"});
  ASSERT_GT(run.pid, 0);
  Send(run.to_child, testing::Gzip(JsonLine("1", Bounce("a@x.example", "5.1.1"))));
  const std::string first = ReadFor(run.from_child, 1.0, "\n");
  ASSERT_TRUE(nlohmann::json::accept(first)) << "no whole record within a second: " << first;
  EXPECT_EQ(nlohmann::json::parse(first)["recipient"], "a@x.example");
  Send(run.to_child, testing::Gzip(JsonLine("2", Bounce("b@x.example", "5.1.1"))));
  const std::string second = ReadFor(run.from_child, 1.0, "\n");
  ASSERT_TRUE(nlohmann::json::accept(second)) << "no whole record within a second: " << second;
  EXPECT_EQ(nlohmann::json::parse(second)["id"], 2);
  ::close(run.to_child);
  EXPECT_EQ(ReadFor(run.from_child, 5), "");
  int status = 0;
  ASSERT_TRUE(WaitFor(run.pid, 5, &status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ::close(run.from_child);
}

// A compressed mbox or JSON Lines file on standard input, in every format, read through the
// streaming reader: every message, none "not a message".
TEST(StreamingTest, CompressedStandardInput) {
  std::string mbox, jsonl;
  for (int i = 0; i < 3; ++i) {
    const std::string bounce = Bounce("u" + std::to_string(i) + "@x.example", "5.1.1");
    mbox += FromLine() + bounce + "\n";
    jsonl += JsonLine(std::to_string(i), bounce);
  }
  using Compressor = std::string (*)(const std::string&);
  for (const auto& [name, compress] :
       std::vector<std::pair<std::string, Compressor>>{{"gzip", testing::Gzip},
                                                       {"bzip2", testing::Bzip2},
                                                       {"xz", testing::Xz},
                                                       {"zstd", testing::Zstd}}) {
    for (const bool json_lines : {false, true}) {
      std::vector<std::string> argv = {BT_BINARY, "--format", "jsonl"};
      if (json_lines) argv.insert(argv.end(), {"--input-format", "jsonl"});
      LiveRun run = StartLive(argv);
      ASSERT_GT(run.pid, 0);
      Send(run.to_child, compress(json_lines ? jsonl : mbox));
      ::close(run.to_child);
      const std::string out = ReadFor(run.from_child, 10);
      int status = 0;
      ASSERT_TRUE(WaitFor(run.pid, 5, &status));
      EXPECT_EQ(WEXITSTATUS(status), 0) << name << " " << json_lines << ": " << out;
      const auto lines = Lines(out);
      EXPECT_EQ(lines.size(), 3u) << name << " " << json_lines << ": " << out;
      for (const std::string& line : lines)
        EXPECT_EQ(nlohmann::json::parse(line)["kind"], "bounce") << name << ": " << line;
      ::close(run.from_child);
    }
  }
}

TEST(StreamingTest, IdsInEveryFormatAndALabelForStandardInput) {
  TempDir tmp;
  WriteFile(tmp / "in.jsonl", JsonLine("\"a,1\"", Bounce("a@x.example", "5.1.1")));
  const auto csv = Shell(tmp.path(), ShellQuote(BT_BINARY) +
                                         " --input-format jsonl --format csv --label chunk7 "
                                         "< in.jsonl");
  const auto rows = Lines(csv.out);
  ASSERT_EQ(rows.size(), 2u) << csv.err;
  EXPECT_EQ(rows[0].rfind("id,file,kind,", 0), 0u) << rows[0];
  EXPECT_EQ(rows[1].rfind("\"a,1\",chunk7:1,bounce,", 0), 0u) << rows[1];
  const auto json =
      Shell(tmp.path(), ShellQuote(BT_BINARY) + " --input-format jsonl --format json in.jsonl");
  EXPECT_EQ(nlohmann::json::parse(json.out)["id"], "a,1");
  // A label names standard input in every format; files keep their names.
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  const auto labelled =
      Shell(tmp.path(), ShellQuote(BT_BINARY) + " --format jsonl --label part-3 < a.eml");
  EXPECT_EQ(nlohmann::json::parse(labelled.out)["file"], "part-3");
}

TEST(StreamingTest, ParallelWritersToOnePipeKeepRecordsWhole) {
  TempDir tmp;
  std::string list;
  for (int i = 0; i < 24; ++i) {
    WriteFile(tmp / ("m" + std::to_string(i) + ".eml"), BigBounce(50, i));
    list += "m" + std::to_string(i) + ".eml\n";
  }
  WriteFile(tmp / "list", list);
  // A slow reader, so that the pipe fills and the writers take turns in it.
  const auto r = Shell(tmp.path(), "xargs -P 4 -n 3 " + ShellQuote(BT_BINARY) +
                                       " --format jsonl < list | "
                                       "while IFS= read -r line; do printf '%s\\n' \"$line\"; "
                                       "done");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(CountJsonLines(r.out, "xargs -P 4"), 24u * 50u);
}

// ---- issue 14 item 5: write failures are not silent ----------------------------------------

TEST(WriteFailureTest, FullDiskOrClosedOutputIsAnErrorWithExit4) {
  TempDir tmp;
  WriteFile(tmp / "a.eml", Bounce("a@x.example", "5.1.1"));
  const std::string bin = ShellQuote(BT_BINARY);
  for (const std::string args : {"a.eml", "--format jsonl a.eml", "--suppress a.eml", "explain 550",
                                 "rules dump", "--version", "--example"}) {
    for (const std::string to : {"> /dev/full", ">&-"}) {
      const auto r = Shell(tmp.path(), bin + " " + args + " " + to);
      EXPECT_EQ(r.status, 4) << args << " " << to << ": " << r.err;
      EXPECT_EQ(r.err.rfind("bouncetolk: ", 0), 0u) << args << " " << to << ": " << r.err;
      EXPECT_NE(r.err.find("uitvoer"), std::string::npos) << args << " " << to << ": " << r.err;
    }
  }
  const auto en = Shell(tmp.path(), bin + " --lang en --example > /dev/full");
  EXPECT_NE(en.err.find("cannot write the output: no space left"), std::string::npos) << en.err;
}

TEST(WriteFailureTest, AReaderThatGoesAwayIsAQuietStop) {
  TempDir tmp;
  const auto r = Shell(tmp.path(), ShellQuote(BT_BINARY) + " rules dump | head -c 10");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  const auto ex = Shell(tmp.path(), ShellQuote(BT_BINARY) + " --example | true");
  EXPECT_EQ(ex.status, 0);
  EXPECT_EQ(ex.err, "");
}

}  // namespace
}  // namespace bouncetolk

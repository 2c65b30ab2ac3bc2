// SPDX-License-Identifier: MIT
//
// hostile_test.cpp: inputs built to break a mail parser (issue 6): deep nesting, boundaries
// that never close, 50 MiB header lines, a million recipient groups, NUL bytes, garbage
// base64, thousands of parameters and Status lines, a zero-byte file, a directory, a FIFO.
// Each case runs the real binary (BT_BINARY) on a file in a temporary directory and checks
// the exit code, that the JSON output parses and names the expected problem, and that the
// child's wall time and peak RSS (wait4) stay under a bound. Each case prints one line
// "[hostile] name: input, time, peak RSS" for the record. Under ASan the inputs are scaled
// down by kScale and the bounds raised, since the sanitizer suite runs in CI too.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "testing/child_run.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kScale = 8;  // inputs are this many times smaller
constexpr double kMaxSeconds = 60;
constexpr long kMaxRssMiB = 2048;
#else
constexpr std::size_t kScale = 1;
constexpr double kMaxSeconds = 5;
constexpr long kMaxRssMiB = 640;
#endif

std::string TempDir() {
  static const std::string dir = [] {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/bt-hostile-XXXXXX";
    if (!::mkdtemp(tmpl.data())) std::abort();
    return tmpl;
  }();
  return dir;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  bouncetolk::testing::WriteBytes(path, bytes);
}

using bouncetolk::testing::ChildRun;

// Runs BT_BINARY with \a args (testing/child_run.h), killed after kMaxSeconds * 2.
ChildRun RunBinary(const std::vector<std::string>& args) {
  return bouncetolk::testing::RunChild(TempDir(), args, kMaxSeconds * 2);
}

// ---- message builders ------------------------------------------------------------------

const char kHeader[] =
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\n"
    "To: info@klant.example\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n";

// A multipart/report with \a dsn as its delivery-status part; \a extra_header goes into the
// top-level header after Content-Type; \a close says whether the closing delimiter is written.
std::string Report(const std::string& dsn, const std::string& extra_header = "", bool close = true,
                   const std::string& dsn_part_header = "Content-Type: message/delivery-status\n") {
  std::string m = kHeader;
  m += "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUND\"\n";
  m += extra_header;
  m += "\n--BOUND\nContent-Type: text/plain\n\nYour message could not be delivered.\n";
  m += "--BOUND\n" + dsn_part_header + "\n" + dsn;
  if (close) m += "\n--BOUND--\n";
  return m;
}

const char kOneRecipient[] =
    "Reporting-MTA: dns; mx.example.nl\n\n"
    "Final-Recipient: rfc822; jan@klant.example\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <jan@klant.example>: user unknown\n";

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// ---- the table -------------------------------------------------------------------------

struct Case {
  const char* name;
  std::function<std::string()> make;  ///< the input file's bytes
  std::vector<int> exit_codes;        ///< acceptable exit codes
  const char* problem;                ///< a problem code the JSON must list, or nullptr
  int recipients;                     ///< expected recipients, or -1 for any
};

std::string NestedMultiparts() {
  const std::size_t n = 100000 / kScale;
  std::string m = std::string(kHeader) + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n";
  for (std::size_t i = 0; i < n; ++i) {
    m += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=\"b" +
         std::to_string(i + 1) + "\"\n\n";
  }
  return m;
}

std::string FortyNestedMultiparts() {
  // Deeper than max_mime_depth (32) with far fewer parts than max_mime_parts (512).
  std::string m = std::string(kHeader) + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n";
  for (int i = 0; i < 40; ++i) {
    m += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=\"b" +
         std::to_string(i + 1) + "\"\n\n";
  }
  return m;
}

std::string NestedMessages() {
  return std::string(kHeader) + Repeat("Content-Type: message/rfc822\n\n", 100000 / kScale) + "x\n";
}

std::string ManyEmptyParts() {
  // Every "--b" line is a part for mimetic: 12 million of them in 60 MB.
  return std::string(kHeader) + "Content-Type: multipart/mixed; boundary=\"b\"\n\n" +
         Repeat("--b\n\n", (12u << 20) / kScale);
}

std::string BoundarySearchBait() {
  // A long boundary made of the body's own letter: a naive Boyer-Moore is O(n * m) here.
  const std::string boundary = "x" + std::string(4000, 'a');
  return std::string(kHeader) + "Content-Type: multipart/mixed; boundary=\"" + boundary +
         "\"\n\n--" + boundary + "\n\n" + Repeat(std::string(4000, 'a') + "\n", (12000u) / kScale);
}

std::string ManyBoundaries() {
  // 400 nested multiparts, then 200,000 lines that look like delimiters but are none.
  std::string m = std::string(kHeader) + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n";
  for (int i = 0; i < 400; ++i) {
    m += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=\"b" +
         std::to_string(i + 1) + "\"\n\n";
  }
  return m + "--b400\n\n" + Repeat("--b1x not a delimiter\n", 200000 / kScale);
}

std::string LongHeaderLine() {
  return Report(kOneRecipient, "X-Long: " + std::string((50u << 20) / kScale, 'a') + "\n");
}

std::string LongFoldedHeader() {
  return Report(kOneRecipient, "X-Folded: start\n" + Repeat(" " + std::string(78, 'f') + "\n",
                                                            (50u << 20) / 80 / kScale));
}

std::string LongFieldName() {
  return std::string(kHeader) + std::string((50u << 20) / kScale, 'N') + "\n\nbody\n";
}

std::string MillionRecipients() {
  std::string dsn = "Reporting-MTA: dns; mx.example.nl\n\n";
  const std::size_t n = 1000000 / kScale;
  dsn.reserve(n * 40);
  for (std::size_t i = 0; i < n; ++i)
    dsn += "Final-Recipient: rfc822; u" + std::to_string(i) + "@b\n\n";
  return Report(dsn);
}

// A string literal with its embedded NUL bytes.
template <std::size_t N>
std::string Bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

std::string NulAndInvalidUtf8() {
  const std::string dsn = Bytes(
      "Reporting-MTA: dns; mx\x00\xff.example\n\n"
      "Final-Recipient: rfc822; j\x00\xc3\x28n@klant\xfe.example\n"
      "Action: fa\x00iled\n"
      "Status: 5.1.1\n"
      "Remote-MTA: dns; \xed\xa0\x80mx\n"
      "Diagnostic-Code: smtp; 550 5.1.1 \xf8\x88\x80\x80\x80 user \x00\x00 unknown \xc0\xaf\n");
  std::string m = Report(dsn, Bytes("X-Nul: a\0b\xff\n"));
  m.insert(m.find("Subject: ") + 9, Bytes("\x00\xfe\xc3"));
  return m;
}

std::string Base64Garbage() {
  std::mt19937 rng(6);
  std::string garbage((4u << 20) / kScale, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  return Report(garbage, "", true,
                "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n");
}

std::string ManyParameters() {
  std::string ct = "Content-Type: multipart/report; report-type=delivery-status";
  for (int i = 0; i < 10000; ++i)
    ct += ";\n p" + std::to_string(i) + "=\"v" + std::to_string(i) + "\"";
  ct += ";\n boundary=\"BOUND\"\n";
  std::string m = std::string(kHeader) + ct;
  m += "\n--BOUND\nContent-Type: message/delivery-status\n\n" + std::string(kOneRecipient) +
       "\n--BOUND--\n";
  return m;
}

std::string ManyStatusLines() {
  return Report(std::string(kOneRecipient) + Repeat("Status: 5.2.2\n", 10000));
}

std::string MissingBoundary() {
  return std::string(kHeader) +
         "Content-Type: multipart/report; report-type=delivery-status\n\n--x\n"
         "Content-Type: message/delivery-status\n\n" +
         kOneRecipient + "\n--x--\n";
}

std::string EmptyBoundary() {
  return std::string(kHeader) +
         "Content-Type: multipart/report; boundary=\"\"\n\n--\n"
         "Content-Type: message/delivery-status\n\n" +
         kOneRecipient + "\n----\n";
}

std::string UnclosedBoundary() {
  // The report part is never closed, and a megabyte of text follows it.
  return Report(std::string(kOneRecipient) + "\n" +
                    Repeat("trailing line of text\n", (1u << 20) / 22 / kScale),
                "", false);
}

std::string TwelveMillionFields() {
  return std::string(kHeader) + Repeat("A: b\n", (12u << 20) / kScale) + "\nbody\n";
}

const Case kCases[] = {
    {"nested_multiparts_100k", NestedMultiparts, {1}, "mime_too_many_parts", 0},
    {"nested_multiparts_40", FortyNestedMultiparts, {1}, "mime_too_deep", 0},
    {"nested_message_rfc822_100k", NestedMessages, {1}, "mime_too_many_parts", 0},
    {"empty_parts_12M", ManyEmptyParts, {1}, "mime_too_many_parts", 0},
    {"boundary_search_bait", BoundarySearchBait, {1}, nullptr, 0},
    {"delimiter_lookalikes_400_deep", ManyBoundaries, {1}, nullptr, 0},
    {"boundary_never_closes", UnclosedBoundary, {0}, nullptr, 1},
    {"boundary_parameter_missing", MissingBoundary, {0, 1}, nullptr, -1},
    {"boundary_parameter_empty", EmptyBoundary, {0, 1}, nullptr, -1},
    {"header_line_50MiB", LongHeaderLine, {0}, "header_too_long", 1},
    {"folded_header_50MiB", LongFoldedHeader, {0}, "header_too_long", 1},
    {"field_name_50MiB", LongFieldName, {1}, "header_too_long", 0},
    {"header_fields_12M", TwelveMillionFields, {1}, "too_many_fields", 0},
    {"recipient_groups_1M", MillionRecipients, {0}, "too_many_recipients", 1000},
    {"nul_and_invalid_utf8", NulAndInvalidUtf8, {0}, nullptr, 1},
    {"base64_garbage", Base64Garbage, {0, 1}, nullptr, -1},
    {"content_type_10k_parameters", ManyParameters, {0}, nullptr, 1},
    {"dsn_10k_status_lines", ManyStatusLines, {0}, nullptr, 1},
};

class HostileTest : public ::testing::TestWithParam<Case> {};

bool HasProblem(const nlohmann::json& doc, const std::string& code) {
  for (const auto& p : doc["problems"]) {
    if (p["code"] == code) return true;
  }
  return false;
}

TEST_P(HostileTest, BoundedAndClear) {
  const Case& c = GetParam();
  const std::string path = TempDir() + "/" + c.name + ".eml";
  std::size_t size = 0;
  {
    const std::string input = c.make();  // freed before the child starts (see RunBinary)
    size = input.size();
    WriteFile(path, input);
  }
  const ChildRun run = RunBinary({"--format", "json", path});
  std::remove(path.c_str());
  std::printf("[hostile] %-30s %8.1f MiB in, %6.2f s, peak RSS %5ld MiB, exit %d\n", c.name,
              static_cast<double>(size) / (1 << 20), run.seconds, run.peak_rss_mib, run.exit_code);
  EXPECT_NE(std::find(c.exit_codes.begin(), c.exit_codes.end(), run.exit_code), c.exit_codes.end())
      << "got exit " << run.exit_code << "; stderr: " << run.err.substr(0, 300);
  EXPECT_LT(run.seconds, kMaxSeconds) << "too slow";
  EXPECT_LT(run.peak_rss_mib, kMaxRssMiB) << "too much memory";
  nlohmann::json doc;
  ASSERT_NO_THROW(doc = nlohmann::json::parse(run.out))
      << "output is not valid JSON: " << run.out.substr(0, 300);
  if (c.problem) {
    EXPECT_TRUE(HasProblem(doc, c.problem))
        << "want problem " << c.problem << " in " << doc["problems"];
  }
  if (c.recipients >= 0) {
    EXPECT_EQ(doc["recipients"].size(), static_cast<std::size_t>(c.recipients));
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, HostileTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return std::string(p.param.name);
                         });

// ---- inputs that are not regular files ---------------------------------------------------

TEST(HostileFileTest, ZeroByteFile) {
  const std::string path = TempDir() + "/empty.eml";
  WriteFile(path, "");
  const ChildRun run = RunBinary({"--format", "json", path});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(HasProblem(nlohmann::json::parse(run.out), "empty")) << run.out;
}

// A directory is a valid input (a directory of messages), but --files-from expects a file:
// there it is one record with is_directory, not a silent empty run.
TEST(HostileFileTest, DirectoryWhereAFileIsExpected) {
  const ChildRun run = RunBinary({"--format", "json", "--files-from", TempDir()});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(HasProblem(nlohmann::json::parse(run.out), "is_directory")) << run.out;
}

TEST(HostileFileTest, EmptyDirectory) {
  const std::string dir = TempDir() + "/empty-dir";
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  const ChildRun run = RunBinary({"--format", "jsonl", dir});
  ::rmdir(dir.c_str());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
}

TEST(HostileFileTest, FifoWithoutWriterDoesNotHang) {
  const std::string path = TempDir() + "/fifo";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  const ChildRun run = RunBinary({"--format", "json", path});
  std::remove(path.c_str());
  EXPECT_LT(run.seconds, kMaxSeconds);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_TRUE(HasProblem(nlohmann::json::parse(run.out), "empty")) << run.out;
}

TEST(HostileFileTest, FifoWithWriterIsRead) {
  const std::string path = TempDir() + "/fifo-writer";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  const std::string message = Report(kOneRecipient);
  // The writer holds the FIFO open from before the reader starts until it has written.
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);  // O_RDWR: does not wait for a reader
  ASSERT_GE(fd, 0);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    (void)!::write(fd, message.data(), message.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ::close(fd);
  });
  const ChildRun run = RunBinary({"--format", "json", path});
  writer.join();
  std::remove(path.c_str());
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

}  // namespace

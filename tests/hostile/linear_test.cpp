// SPDX-License-Identifier: MIT
//
// linear_test.cpp: every scan over message bytes must be linear (issue 14.2). Each scanner of
// src/mime/ and src/common/text.cpp, and Analyze() with the text placed in each part of a
// message, runs on adversarial texts of 1 MiB and of 4 MiB (a long run of one upper-case
// letter, escape floods, '=' and '-' floods, NULs, ...). The CPU time of the larger must stay
// below 6 times that of the smaller (plus a little for timer noise); a quadratic scan takes 16
// times as long. Times are per-thread CPU time, and a pair that looks too slow is measured again
// (best of 3) so that a loaded machine does not fail it. Under ASan the texts are 8 times
// smaller. Prints "[linear] scanner pattern: t1 t4" for the slowest pairs.

#include <gtest/gtest.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bouncetolk/bouncetolk.h"
#include "common/text.h"
#include "mime/charset.h"
#include "mime/header_repair.h"
#include "mime/line_clamp.h"
#include "mime/mime_fast.h"
#include "mime/mime_walk.h"
#include "mime/transfer_decode.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kSmall = 128u << 10;
#else
constexpr std::size_t kSmall = 1u << 20;
#endif
constexpr std::size_t kLarge = 4 * kSmall;
constexpr double kMaxRatio = 6;
// Timer resolution, caches that hold 1 MiB but not 4, and the page faults of a large result
// (SplitLines of 4 MiB of "--\n" builds a 22 MB vector) on a loaded machine. The quadratic
// scans this test is for take seconds at 1 MiB already.
constexpr double kSlackSeconds = 0.3;
constexpr double kGiveUpSeconds = 2;   // at the small size: no need to try the large one

double CpuSeconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// \a unit repeated to at least \a bytes (by doubling: building the texts must not cost more
// than scanning them).
std::string Fill(const std::string& unit, std::size_t bytes) {
  std::string out = unit;
  out.reserve(2 * bytes + unit.size());
  while (out.size() < bytes) out.append(out);
  return out;
}

// Adversarial units, each repeated to the size under test. Every one aims at some scanner:
// FindIgnoreCase's candidates, the ISO-2022-JP shifts, RFC 2047 and quoted-printable '=',
// delimiter searches ('-'), line and field splitting, UTF-8 repair, comment and xtext decoding.
struct Pattern {
  const char* name;
  std::string unit;
};

const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern> patterns = {
      {"upper_B", "B"},
      {"upper_mixed", "BoUnDaRy"},
      {"esc", "\x1b"},
      {"esc_jis", "\x1b$B"},
      {"esc_ascii", "\x1b(B"},
      {"esc_pair", "\x1b$B\x1b(B"},
      {"jis_text", "\x1b$B\x30\x21\x1b(Bx"},
      {"equals", "="},
      {"encoded_open", "=?a?q?"},
      {"qp_soft", "=\n"},
      {"dash", "-"},
      {"dash_lines", "--\n"},
      {"delimiters", "--BOUND\n"},
      {"boundary_param", "boundary=b\n"},
      {"nul", std::string(1, '\0')},
      {"cr", "\r"},
      {"crlf", "\r\n"},
      {"lf", "\n"},
      {"blank_lines", " \n"},
      {"semicolon_param", "a;\nb=\n"},
      {"field_lines", "A: b\n"},
      {"folded", "A: b\n c\n"},
      {"slash", "/"},
      {"multipart", "multipart/"},
      {"high", "\xff"},
      {"utf8_cut", "\xe3\x81"},
      {"paren", "(\\"},
      {"xtext", "+2"},
      {"utf8_xtext", "\\x{"},
      {"base64", "AAA="},
  };
  return patterns;
}

// A scanner: prepares its input from the adversarial text (not timed), then runs on it.
struct Scanner {
  const char* name;
  std::function<std::string(const std::string&)> wrap;  // nullptr: the text as it is
  std::function<void(const std::string&)> run;
};

const char kTop[] =
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\n"
    "To: info@klant.example\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n";

std::string InHeader(const std::string& t) {
  return std::string(kTop) + "X-Text: " + t + "\n\nx\n";
}
std::string InBody(const std::string& t) { return std::string(kTop) + "\n" + t + "\n"; }

// A multipart/report; \a t goes into the part whose header is \a part_header.
std::string InPart(const std::string& part_header, const std::string& t) {
  return std::string(kTop) +
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUND\"\n\n"
         "--BOUND\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
         "--BOUND\n" +
         part_header + "\n" + t +
         "\n--BOUND\nContent-Type: message/delivery-status\n\n"
         "Reporting-MTA: dns; mx.example.nl\n\nFinal-Recipient: rfc822; jan@klant.example\n"
         "Action: failed\nStatus: 5.1.1\n\n--BOUND--\n";
}
std::string InPartHeader(const std::string& t) {
  return std::string(kTop) +
         "Content-Type: multipart/mixed; boundary=\"BOUND\"\n\n--BOUND\nContent-Type: "
         "text/plain\n" +
         t + "\n\ntext\n--BOUND--\n";
}
std::string InText(const std::string& t) { return InPart("Content-Type: text/plain\n", t); }
std::string InIsoText(const std::string& t) {
  return InPart("Content-Type: text/plain; charset=iso-2022-jp\n", t);
}
std::string InQpText(const std::string& t) {
  return InPart("Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n", t);
}
std::string InBase64Text(const std::string& t) {
  return InPart("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n", t);
}
std::string InAttachment(const std::string& t) {
  return InPart("Content-Type: application/octet-stream\n", t);
}
std::string InReturnedHeaders(const std::string& t) {
  return InPart("Content-Type: text/rfc822-headers\n", "Subject: " + t);
}
std::string InDeliveryStatus(const std::string& t) {
  return std::string(kTop) +
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUND\"\n\n"
         "--BOUND\nContent-Type: message/delivery-status\n\n"
         "Reporting-MTA: dns; mx.example.nl\n\nFinal-Recipient: rfc822; jan@klant.example\n"
         "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 " +
         t + "\n\n--BOUND--\n";
}

std::vector<Scanner> Scanners() {
  static const AnalyzeOptions options;
  auto mime = [](MimeParser parser) {
    return [parser](const std::string& m) {
      std::vector<Problem> problems;
      (void)ParseMime(m, options, &problems, parser);
    };
  };
  auto analyze = [](const std::string& m) { (void)Analyze(m, TestRules()); };
  std::vector<Scanner> s = {
      {"find_ignore_case", nullptr,
       [](const std::string& t) { (void)FindIgnoreCase(t, "boundary="); }},
      {"find_ignore_case_long", nullptr,
       [](const std::string& t) { (void)FindIgnoreCase(t, "content-type:"); }},
      {"normalize_line_endings", nullptr,
       [](const std::string& t) { (void)NormalizeLineEndings(t); }},
      {"normalize_for_match", nullptr, [](const std::string& t) { (void)NormalizeForMatch(t); }},
      {"split_lines", nullptr, [](const std::string& t) { (void)SplitLines(t); }},
      {"repair_utf8", nullptr, [](const std::string& t) { (void)RepairUtf8(t); }},
      {"xtext", nullptr, [](const std::string& t) { (void)DecodeXtext(t); }},
      {"utf8_addr_xtext", nullptr, [](const std::string& t) { (void)DecodeUtf8AddrXtext(t); }},
      {"strip_comments", nullptr, [](const std::string& t) { (void)StripComments(t); }},
      {"to_utf8_unlabelled", nullptr, [](const std::string& t) { (void)ToUtf8(t, ""); }},
      {"to_utf8_iso2022jp", nullptr, [](const std::string& t) { (void)ToUtf8(t, "iso-2022-jp"); }},
      {"to_utf8_unknown", nullptr, [](const std::string& t) { (void)ToUtf8(t, "x-unknown-cs"); }},
      {"decode_header_value", nullptr, [](const std::string& t) { (void)DecodeHeaderValue(t); }},
      {"base64", nullptr, [](const std::string& t) { (void)DecodeBase64Body(t); }},
      {"quoted_printable", nullptr,
       [](const std::string& t) { (void)DecodeQuotedPrintableBody(t); }},
      {"repair_parameter_folding", nullptr,
       [](const std::string& t) { (void)RepairParameterFolding(t); }},
      {"clamp_lines", nullptr,
       [](const std::string& t) {
         (void)ClampLines(
             t, {options.max_line_bytes, options.max_header_bytes, options.max_field_lines});
       }},
      {"parse_header_block", nullptr,
       [](const std::string& t) { (void)ParseHeaderBlock(t, options.max_header_bytes); }},
      {"mime_fast_body", InText,
       [](const std::string& m) {
         Entity e;
         (void)ParseMimeFast(m, options, &e);
       }},
      {"mime_header", InHeader, mime(MimeParser::kFastOrMimetic)},
      {"mime_body", InBody, mime(MimeParser::kFastOrMimetic)},
      {"mime_part", InText, mime(MimeParser::kFastOrMimetic)},
      {"mime_part_header", InPartHeader, mime(MimeParser::kFastOrMimetic)},
      {"mime_attachment", InAttachment, mime(MimeParser::kFastOrMimetic)},
      {"mimetic_header", InHeader, mime(MimeParser::kMimeticOnly)},
      {"mimetic_part", InText, mime(MimeParser::kMimeticOnly)},
      {"mimetic_part_header", InPartHeader, mime(MimeParser::kMimeticOnly)},
      {"analyze_header", InHeader, analyze},
      {"analyze_body", InBody, analyze},
      {"analyze_text_part", InText, analyze},
      {"analyze_iso2022jp_part", InIsoText, analyze},
      {"analyze_qp_part", InQpText, analyze},
      {"analyze_base64_part", InBase64Text, analyze},
      {"analyze_part_header", InPartHeader, analyze},
      {"analyze_attachment", InAttachment, analyze},
      {"analyze_returned_headers", InReturnedHeaders, analyze},
      {"analyze_delivery_status", InDeliveryStatus, analyze},
  };
  return s;
}

struct Timing {
  double small = 0, large = 0;
};

double TimeOnce(const Scanner& s, const std::string& input) {
  const double start = CpuSeconds();
  s.run(input);
  return CpuSeconds() - start;
}

// Best of up to three for each size; the later tries only when the first looks non-linear.
Timing Measure(const Scanner& s, const std::string& unit) {
  auto make = [&](std::size_t bytes) {
    const std::string text = Fill(unit, bytes);
    return s.wrap ? s.wrap(text) : text;
  };
  Timing t;
  const std::string small = make(kSmall);
  t.small = TimeOnce(s, small);
  if (t.small > kGiveUpSeconds) {
    t.large = 1e9;  // already far too slow: the large size could take hours
    return t;
  }
  const std::string large = make(kLarge);
  t.large = TimeOnce(s, large);
  for (int attempt = 1; attempt < 3 && t.large > kMaxRatio * t.small + kSlackSeconds; ++attempt) {
    t.small = std::min(t.small, TimeOnce(s, small));
    t.large = std::min(t.large, TimeOnce(s, large));
  }
  return t;
}

class LinearTest : public ::testing::TestWithParam<Scanner> {};

TEST_P(LinearTest, FourTimesTheInputCostsAboutFourTimesTheTime) {
  const Scanner& s = GetParam();
  double worst_large = 0;
  std::string worst;
  for (const Pattern& p : Patterns()) {
    const Timing t = Measure(s, p.unit);
    EXPECT_LT(t.small, kGiveUpSeconds)
        << s.name << " on " << p.name << ": " << t.small << " s for " << kSmall << " bytes";
    EXPECT_LT(t.large, kMaxRatio * t.small + kSlackSeconds)
        << s.name << " on " << p.name << ": " << t.small << " s for " << kSmall << " bytes, "
        << t.large << " s for " << kLarge;
    if (t.large > worst_large) {
      worst_large = t.large;
      worst = p.name;
    }
  }
  std::printf("[linear] %-26s slowest on %-16s %.3f s for %zu MiB\n", s.name, worst.c_str(),
              worst_large, kLarge >> 20);
}

INSTANTIATE_TEST_SUITE_P(Scanners, LinearTest, ::testing::ValuesIn(Scanners()),
                         [](const ::testing::TestParamInfo<Scanner>& p) {
                           return std::string(p.param.name);
                         });

}  // namespace
}  // namespace bouncetolk

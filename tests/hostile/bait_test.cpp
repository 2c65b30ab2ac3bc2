// SPDX-License-Identifier: MIT
//
// bait_test.cpp: pathological texts for every text scanner, in process: each phrase rule
// (near-misses repeated, the classic backtracking bait), the code finders, RFC 2047 decoding,
// comment stripping, xtext, the DSN field reader and TerminalSafe. Each runs on a 1 MiB text
// (128 KiB under ASan) and must finish well within a second; quadratic code would take
// minutes. Prints "[bait] name: seconds" for the record.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/status_code.h"
#include "classify/classify.h"
#include "common/field_block.h"
#include "common/text.h"
#include "mime/charset.h"
#include "rules/rule_table.h"
#include "smtp/diagnostic.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kBytes = 128u << 10;
constexpr double kMaxSeconds = 5;
#else
constexpr std::size_t kBytes = 1u << 20;
constexpr double kMaxSeconds = 1;
#endif

// \a unit repeated to kBytes.
std::string Fill(const std::string& unit) {
  std::string out;
  out.reserve(kBytes + unit.size());
  while (out.size() < kBytes) out += unit;
  return out;
}

double Seconds(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const RuleSet& Rules() { return TestRules(); }

struct Bait {
  const char* name;
  std::function<void(const std::string&)> run;
  std::string text;
};

TEST(BaitTest, ScannersAreLinear) {
  const std::vector<Bait> baits = {
      {"enhanced_status_dots", [](const std::string& t) { (void)EnhancedStatus::Find(t); },
       Fill("5.5.")},
      {"enhanced_status_digits", [](const std::string& t) { (void)EnhancedStatus::Find(t, '4'); },
       Fill("5.1.1111 ")},
      {"reply_code_runs", [](const std::string& t) { (void)ReplyCode::Find(t); },
       Fill("550-550 55 ")},
      {"extract_codes", [](const std::string& t) { (void)ExtractCodes(t); },
       Fill("550 #5.1 (5.1.")},
      {"encoded_words_unclosed", [](const std::string& t) { (void)DecodeHeaderValue(t); },
       Fill("=?a?q?x")},
      {"encoded_words_charset", [](const std::string& t) { (void)DecodeHeaderValue(t); },
       Fill("=?utf-8")},
      {"encoded_words_many", [](const std::string& t) { (void)DecodeHeaderValue(t); },
       Fill("=?iso-8859-1?q?=E9?= ")},
      {"comments_nested", [](const std::string& t) { (void)StripComments(t); }, Fill("((\\")},
      {"xtext", [](const std::string& t) { (void)DecodeXtext(t); }, Fill("+2+")},
      {"utf8_xtext", [](const std::string& t) { (void)DecodeUtf8AddrXtext(t); }, Fill("\\x{")},
      {"terminal_safe", [](const std::string& t) { (void)TerminalSafe(t); },
       Fill("\x1b[31m\xc2\x9b\xe2\x80\xae\xff")},
      {"field_groups", [](const std::string& t) { (void)ReadFieldGroups(t, FieldBlockOptions()); },
       Fill("A: b\n c\n\n")},
      {"field_folding", [](const std::string& t) { (void)ReadFieldGroups(t, FieldBlockOptions()); },
       "A: b\n" + Fill(" c\n")},
  };
  for (const Bait& b : baits) {
    const double s = Seconds([&] { b.run(b.text); });
    std::printf("[bait] %-24s %6.3f s\n", b.name, s);
    EXPECT_LT(s, kMaxSeconds) << b.name;
  }
}

// For every phrase rule: its pattern minus the last character, repeated (each position starts
// a near-match), and the pattern's words with the spaces doubled, through Classify().
TEST(BaitTest, EveryPhraseRule) {
  const RuleTables& t = Rules().tables();
  double worst = 0;
  std::string worst_id = "(none)";
  for (const PhraseRule& rule : t.phrases) {
    std::string pattern =
        rule.pattern.compare(0, 3, "re:") == 0 ? rule.pattern.substr(3) : rule.pattern;
    if (pattern.size() < 2) continue;
    for (const std::string& text :
         {Fill(pattern.substr(0, pattern.size() - 1) + " "), Fill(pattern.substr(0, 1))}) {
      RecipientResult r;
      r.status = "5.0.0";
      r.diagnostic = text;
      const double s = Seconds([&] { Classify(t, text, text.substr(0, 4096), &r); });
      if (s > worst) {
        worst = s;
        worst_id = rule.id;
      }
      EXPECT_LT(s, kMaxSeconds) << rule.id;
    }
  }
  std::printf("[bait] %zu phrase rules, slowest %s: %.3f s\n", t.phrases.size(), worst_id.c_str(),
              worst);
}

TEST(BaitTest, WholeAnalysisOfALongDiagnostic) {
  // A report whose Diagnostic-Code is a megabyte of near-misses, folded: Analyze() as a whole.
  std::string message =
      "From: MAILER-DAEMON@x.example\nSubject: failure\nContent-Type: multipart/report; "
      "boundary=b\n\n"
      "--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550";
  for (std::size_t i = 0; message.size() < kBytes; ++i) message += "\n user unknow 5.1. 55 (";
  message += "\n--b--\n";
  const double s = Seconds([&] { (void)Analyze(message, Rules()); });
  std::printf("[bait] %-24s %6.3f s\n", "analyze_long_diagnostic", s);
  EXPECT_LT(s, kMaxSeconds);
}

}  // namespace
}  // namespace bouncetolk

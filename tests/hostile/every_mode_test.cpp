// SPDX-License-Identifier: MIT
//
// every_mode_test.cpp: issue 14's escape test. Messages that carry every escape vector (CSI,
// OSC 52 clipboard, OSC 8 hyperlink, DCS, BEL/BS/DEL, C1 CSI and DCS, a raw 0x9B byte, bidi
// overrides and isolates, LRM/RLM/ALM, zero width space, BOM, a tag character) in every field
// that reaches the output: the bounce's headers, every DSN field (the recipient as a utf-8-addr
// "\x{1B}" escape too), the returned original's headers, an SES notification's JSON strings,
// a feedback report, and the file name. Every output mode of the real binary must show none of
// them raw; the JSON modes must parse and give the text back; an address holding one is marked
// as no address (recipient_valid false, "# " in the suppression list).

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing/shell_run.h"
#include "testing/temp_tree.h"

namespace {

const std::string kEsc = "\x1b";
// Every vector in one string, as bytes. The raw 0x9B is invalid UTF-8 (it becomes U+FFFD).
const std::string kAll = kEsc + "[2J" + kEsc + "]52;c;ZXZpbA==\x07" + kEsc +
                         "]8;;http://evil.example/" + kEsc + "\\klik" + kEsc + "]8;;" + kEsc +
                         "\\" + kEsc + "P1$qm" + kEsc + "\\\x08\x7f" +
                         "\xc2\x9b"
                         "31m\xc2\x90"
                         "dcs\x9b"
                         "raw\xe2\x80\xae"
                         "gnp.exe\xe2\x81\xa6"
                         "iso\xe2\x81\xa9\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c\xe2\x80\x8b\xef\xbb\xbf"
                         "tag\xf3\xa0\x80\x81";
// kAll without the raw 0x9B: text that is valid UTF-8 is read as UTF-8 (a message with invalid
// bytes is read in a fallback charset), so the JSON must give these back exactly.
const std::string kValid = [] {
  std::string v = kAll;
  v.erase(v.find("\x9b"
                 "raw"),
          1);
  return v;
}();
// The same as RFC 6533 utf-8-addr escapes for a Final-Recipient of type utf-8.
const std::string kAddrXtext = "\\x{1B}[2J\\x{1B}]52;c;eA==\\x{7}\\x{9B}\\x{202E}\\x{2066}";

std::string Dsn(const std::string& v) {
  return "From: Mail Delivery System " + v +
         " <MAILER-DAEMON@mx.example>\n"
         "To: bounce" +
         v +
         "@afzender.example\n"
         "Delivered-To: bounce" +
         v +
         "@afzender.example\n"
         "Date: Tue, 03 Mar 2026 08:59:00 +0100 " +
         v + "\nSubject: Undelivered " + v +
         "\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
         "boundary=\"b\"\n\n"
         "--b\nContent-Type: text/plain; charset=utf-8\n\nfailed " +
         v +
         "\n"
         "--b\nContent-Type: message/delivery-status; charset=utf-8\n\n"
         "Reporting-MTA: dns; mx" +
         v +
         ".example\n"
         "Original-Envelope-Id: env" +
         v +
         "\n"
         "Arrival-Date: Tue, 03 Mar 2026 08:58:00 +0100 " +
         v +
         "\n"
         "X-Postfix-Queue-ID: 2DAEB" +
         v +
         "\n\n"
         "Final-Recipient: rfc822; jan" +
         v +
         "@klant.example\n"
         "Original-Recipient: rfc822; oud" +
         v +
         "@klant.example\n"
         "Action: failed" +
         v +
         "\nStatus: 5.1.1\n"
         "Remote-MTA: dns; in" +
         v +
         ".example\n"
         "Last-Attempt-Date: Tue, 03 Mar 2026 08:59:00 +0100 " +
         v +
         "\n"
         "Final-Log-ID: log" +
         v +
         "\n"
         "Will-Retry-Until: later " +
         v +
         "\n"
         "X-Extra" +
         v + ": extra " + v +
         "\n"
         "Diagnostic-Code: smtp; 550 5.1.1 " +
         v +
         " user unknown\n\n"
         "Final-Recipient: utf-8; piet" +
         kAddrXtext +
         "@klant.example\n"
         "Action: failed\nStatus: 5.1.1\n"
         "Diagnostic-Code: smtp; 550 5.1.1 no such user\n\n"
         "--b\nContent-Type: message/rfc822\n\n"
         "From: Afzender " +
         v +
         " <info@afzender.example>\n"
         "Subject: origineel " +
         v + "\nTo: klant" + v + "@x.example\nDate: gisteren " + v + "\nMessage-ID: <id" + v +
         "@afzender.example>\nList-Id: Lijst " + v + " <lijst" + v + ".example>\n\nbody\n--b--\n";
}

std::string Ses(const std::string& raw) {
  std::string v;  // a JSON string holds a backslash as "\\"
  for (char c : raw) v += c == '\\' ? std::string("\\\\") : std::string(1, c);
  return "From: MAILER-DAEMON@amazonses.com\nTo: info@afzender.example\n"
         "Subject: AWS Notification Message\nX-SES-Outgoing: 2026.03.03-54.240.0.1\n"
         "Date: Tue, 03 Mar 2026 08:59:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n"
         "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
         "\"bouncedRecipients\":[{\"emailAddress\":\"ses" +
         v +
         "@klant.example\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; "
         "550 " +
         v + " no such user\"}]}}\n";
}

std::string Arf(const std::string& v) {
  return "From: fbl@isp.example\nTo: fbl@afzender.example\nSubject: complaint " + v +
         "\nDate: Tue, 03 Mar 2026 08:59:00 +0100\nMIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=feedback-report; boundary=\"f\"\n\n"
         "--f\nContent-Type: text/plain\n\nspam\n"
         "--f\nContent-Type: message/feedback-report\n\n"
         "Feedback-Type: abuse" +
         v + "\nUser-Agent: x\nVersion: 1\nOriginal-Rcpt-To: klager" + v +
         "@klant.example\n\n"
         "--f\nContent-Type: message/rfc822\n\nFrom: info@afzender.example\nSubject: s " +
         v + "\n\nbody\n--f--\n";
}

using bouncetolk::testing::FirstUnsafe;

std::string RunBinary(const std::string& args) { return bouncetolk::testing::RunShell(args); }

class EveryModeTest : public ::testing::Test {
 protected:
  // The three messages with \a v in every field, their paths for a shell command line. The
  // file names carry the vectors too (the text output and the records print them).
  std::string Write(const std::string& v) {
    std::string name = v;
    for (char& c : name) c = c == '/' ? '_' : c;
    std::string paths;
    for (const auto& [stem, bytes] :
         {std::pair<std::string, std::string>{"dsn", Dsn(v)}, {"ses", Ses(v)}, {"arf", Arf(v)}}) {
      const std::string path = dir_.path() + "/" + stem + name + ".eml";
      std::ofstream(path, std::ios::binary) << bytes;
      paths += " '" + path + "'";
    }
    return paths;
  }
  bouncetolk::testing::TempDir dir_;
};

TEST_F(EveryModeTest, NoModeShowsAnEscapeRaw) {
  const std::string paths = Write(kAll) + Write(kValid);
  const std::vector<std::string> modes = {"--color never",
                                          "--color always",
                                          "--color never --lang en",
                                          "--brief",
                                          "--brief --color always",
                                          "--format json",
                                          "--format jsonl",
                                          "--format csv",
                                          "--format tsv",
                                          "--format sisimai",
                                          "--summary",
                                          "--summary --lang en",
                                          "--summary --format json",
                                          "--summary --format csv",
                                          "--reply",
                                          "--reply --lang en",
                                          "--suppress",
                                          "--suppress --format csv",
                                          "--suppress --format tsv",
                                          "-j 2 --format jsonl"};
  for (const std::string& mode : modes) {
    const std::string out = RunBinary(mode + paths);
    SCOPED_TRACE(mode);
    ASSERT_NE(out.find("klant"), std::string::npos) << out.substr(0, 500);
    EXPECT_EQ(FirstUnsafe(out, mode.find("always") != std::string::npos), "");
  }
  for (const std::string& query : {"'" + kAll + "'", "'550 5.1.1 " + kAll + "'"}) {
    for (const char* format : {"", "--format json "}) {
      const std::string out = RunBinary(std::string(format) + "explain " + query);
      EXPECT_EQ(FirstUnsafe(out, false), "") << format << query;
    }
  }
}

TEST_F(EveryModeTest, JsonGivesTheTextBackEscaped) {
  std::istringstream lines(RunBinary("--format json" + Write(kValid)));
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line)) {
    ASSERT_NO_THROW(docs.push_back(nlohmann::json::parse(line))) << line.substr(0, 300);
  }
  ASSERT_EQ(docs.size(), 3u);  // one document per input, one per line (JSON Lines)
  const std::string& v = kValid;
  const nlohmann::json& dsn = docs[0];  // dsn, ses, arf: the order on the command line
  EXPECT_EQ(dsn["bounce"]["subject"], "Undelivered " + v);
  EXPECT_EQ(dsn["bounce"]["delivered_to"], "bounce" + v + "@afzender.example");
  EXPECT_EQ(dsn["per_message"]["reporting_mta"], "mx" + v + ".example");
  EXPECT_EQ(dsn["original"]["subject"], "origineel " + v);
  EXPECT_EQ(dsn["original"]["list_id"], "lijst" + v + ".example");
  const auto& r = dsn["recipients"][0];
  EXPECT_EQ(r["recipient"], "jan" + v + "@klant.example");
  EXPECT_EQ(r["diagnostic"], "550 5.1.1 " + v + " user unknown");
  EXPECT_EQ(r["recipient_valid"], false);
  const auto& utf8 = dsn["recipients"][1];
  const std::string piet = utf8["recipient"];
  EXPECT_EQ(piet.compare(0, 19, "piet\x1b[2J\x1b]52;c;eA=="), 0) << piet;  // \x{1B} decoded
  EXPECT_EQ(utf8["recipient_valid"], false);
  EXPECT_EQ(docs[1]["recipients"][0]["recipient"], "ses" + v + "@klant.example");
  EXPECT_EQ(docs[1]["recipients"][0]["recipient_valid"], false);
  EXPECT_EQ(docs[2]["kind"], "feedback");
  EXPECT_EQ(docs[2]["recipients"][0]["recipient"], "klager" + v + "@klant.example");
  EXPECT_EQ(docs[2]["recipients"][0]["recipient_valid"], false);
}

TEST_F(EveryModeTest, SuppressionListMarksWhatIsNoAddress) {
  const std::string paths = Write(kAll);
  const std::string plain = RunBinary("--suppress" + paths);
  std::istringstream lines(plain);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(line.compare(0, 2, "# "), 0) << line;  // every address here holds a vector
    ++n;
  }
  EXPECT_EQ(n, 4) << plain;  // jan, piet (utf-8-addr), ses, klager (the complaint)
  const std::string csv = RunBinary("--suppress --format csv" + paths);
  EXPECT_EQ(csv.compare(0, 46, "email,reason,status,outcome,timestamp,source\r\n"), 0) << csv;
  EXPECT_NE(csv.find("feedback,,feedback,2026-03-03T07:59:00Z,"), std::string::npos) << csv;
}

}  // namespace

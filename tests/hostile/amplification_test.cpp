// SPDX-License-Identifier: MIT
//
// amplification_test.cpp: messages that are small but name many recipients and one large text
// they share, or many recipients in a vendor format (issue 14). Before, each recipient got its
// own copy of the shared text (a 910 KB Postfix-style text became 3.35 GB of memory and 889 MB
// of JSON), and a vendor reader turned every one of 340,000 empty SES objects into a recipient
// before the recipient limit applied. The bound (docs/security.md): memory and output at most a
// small constant times the input's size plus a fixed amount per recipient kept (at most
// --max-recipients), and linear time. Each case runs the real binary in every output mode
// that repeats per-recipient or per-message text, under an address-space limit, and prints
// "[amplification] name mode: input, output, time, peak RSS" for the record.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testing/child_run.h"
#include "testing/temp_tree.h"

namespace {

using bouncetolk::testing::ChildRun;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kScale = 8;  // inputs are this many times smaller
constexpr double kMaxSeconds = 60;
constexpr long kAddressSpaceMiB = 0;  // ASan reserves terabytes of shadow memory
constexpr long kBaseRssMiB = 256;
#else
constexpr std::size_t kScale = 1;
constexpr double kMaxSeconds = 4;
constexpr long kAddressSpaceMiB = 1536;
constexpr long kBaseRssMiB = 24;
#endif

// The bound for one run: a fixed base, a small multiple of the input and a fixed amount per
// recipient kept (the prose texts of a JSON record alone are about 1.5 KiB).
constexpr double kRssPerInputByte = 8;
constexpr double kOutputPerInputByte = 4;
constexpr double kBytesPerRecipient = 24 << 10;

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// About \a bytes of prose in lines of 80 characters, with no address and no SMTP code.
std::string Prose(std::size_t bytes) {
  return Repeat("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor in\n",
                bytes / 81 + 1);
}

std::string Address(std::size_t i) { return "user" + std::to_string(i) + "@klant.example"; }

const char kBounceHeader[] =
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\n"
    "To: info@afzender.example\n"
    "Date: Tue, 03 Mar 2026 08:59:00 +0100\n"
    "MIME-Version: 1.0\n";

// Issue 14's first shape: 1000 recipient lines, then one 0.9 MB diagnostic they all borrow.
std::string PostfixSharedDiagnostic() {
  std::string m = std::string(kBounceHeader) +
                  "Subject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n"
                  "This is the mail system at host mx.example.nl.\n\n";
  for (std::size_t i = 0; i < 1000; ++i) m += "<" + Address(i) + ">:\n";
  return m + "host mx.klant.example[192.0.2.1] said: 550 5.1.1 user unknown\n" +
         Prose((900u << 10) / kScale);
}

// Issue 14's second shape: an SES notification of 340,000 empty objects.
std::string SesEmptyObjects() {
  return std::string(kBounceHeader) +
         "Subject: AWS Notification Message\nX-SES-Outgoing: 2026.03.03-54.240.0.1\n"
         "Content-Type: text/plain\n\n"
         "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
         "\"bouncedRecipients\":[" +
         Repeat("{},", 340000 / kScale) + "{}]}}\n";
}

// An SES delivery notice: every recipient shares the one smtpResponse.
std::string SesDeliverySharedResponse() {
  std::string list;
  for (std::size_t i = 0; i < 1000; ++i) list += (i ? ",\"" : "\"") + Address(i) + "\"";
  std::string response = Prose((900u << 10) / kScale);
  for (char& c : response) c = c == '\n' ? ' ' : c;
  return std::string(kBounceHeader) +
         "Subject: AWS Notification Message\nX-SES-Outgoing: 2026.03.03-54.240.0.1\n"
         "Content-Type: text/plain\n\n"
         "{\"notificationType\":\"Delivery\",\"delivery\":{\"recipients\":[" +
         list + "],\"smtpResponse\":\"250 2.0.0 OK " + response + "\"}}\n";
}

// Exim without address lines: X-Failed-Recipients names 1000 addresses, the whole text is the
// diagnostic of each.
std::string FailedRecipientsHeader() {
  std::string header = "X-Failed-Recipients: ";
  for (std::size_t i = 0; i < 1000; ++i) header += (i ? ",\n " : "") + Address(i);
  return std::string(kBounceHeader) + header +
         "\nSubject: Mail delivery failed: returning message to sender\n"
         "Content-Type: text/plain\n\n"
         "This message was created automatically by mail delivery software.\n\n"
         "A message that you sent could not be delivered to one or more of its recipients.\n"
         "550 5.1.1 mailbox unavailable\n" +
         Prose((900u << 10) / kScale);
}

// The generic reader's lines that name an address inside a failure sentence, 20,000 of them
// without a blank line: each took the text from its line to the next blank line.
std::string FailureLinesWithoutBlank() {
  std::string m = std::string(kBounceHeader) +
                  "Subject: Returned mail: see transcript for details\n"
                  "Content-Type: text/plain\n\nThe following message could not be delivered.\n";
  for (std::size_t i = 0; i < 20000 / kScale; ++i)
    m += "Delivery to " + Address(i) + " failed permanently: 550 rejected\n";
  return m;
}

// 100,000 recipient lines, each with its own error: the block splitter looked every address
// up among the blocks before it.
std::string HundredThousandRecipientLines() {
  std::string m = std::string(kBounceHeader) +
                  "Subject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n"
                  "This is the mail system at host mx.example.nl.\n\n";
  for (std::size_t i = 0; i < 100000 / kScale; ++i)
    m += "<" + Address(i) + ">: 550 5.1.1 user unknown\n";
  return m;
}

// A Postfix SMTP server notice: every "In: RCPT TO" recipient shares all "Out:" error lines.
std::string PostfixServerTranscript() {
  std::string m = std::string(kBounceHeader) +
                  "Subject: Postfix SMTP server: errors from mx.klant.example[192.0.2.1]\n"
                  "Content-Type: text/plain\n\n"
                  "Transcript of session follows.\n\n";
  for (std::size_t i = 0; i < 1000; ++i) m += " In:  RCPT TO:<" + Address(i) + "> NOTIFY=FAILURE\n";
  return m + Repeat(" Out: 451 4.3.0 Error: queue file write error and some more words here\n",
                    (900u << 10) / 72 / kScale);
}

// A delivery-status part with 1000 recipients without Diagnostic-Code; the text lists them all
// above one large shared error, and holds a session transcript: every DSN recipient took the
// vendor text's copy and searched the whole transcript.
std::string DsnWithSharedVendorText() {
  std::string text = "This is the mail system at host mx.example.nl.\n\n";
  std::string dsn = "Reporting-MTA: dns; mx.example.nl\n\n";
  for (std::size_t i = 0; i < 1000; ++i) {
    text += "<" + Address(i) + ">:\n";
    dsn += "Final-Recipient: rfc822; " + Address(i) + "\nAction: failed\nStatus: 5.0.0\n\n";
  }
  text += "host mx.klant.example[192.0.2.1] said: 550 user unknown\n" +
          Prose((400u << 10) / kScale) + ">>> MAIL FROM:<info@afzender.example>\n";
  for (std::size_t i = 0; i < 1000; ++i)
    text += ">>> RCPT TO:<" + Address(i) + ">\n<<< 550 5.1.1 user unknown\n";
  text += Prose((400u << 10) / kScale);
  return std::string(kBounceHeader) +
         "Subject: Undelivered Mail Returned to Sender\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
         "--B\nContent-Type: text/plain\n\n" +
         text + "--B\nContent-Type: message/delivery-status\n\n" + dsn + "--B--\n";
}

// 1000 recipients and header fields of 60 KiB each (folded, as lines over 8 KiB end a header
// block) in the bounce and in the returned message: the flat formats repeat the message's
// fields in every recipient's record.
std::string LongHeadersManyRecipients() {
  const std::string big = Repeat(std::string(1000, 'x') + "\n ", 60 / kScale) + "x";
  std::string dsn = "Reporting-MTA: dns; mx" + big + "\nArrival-Date: " + big + "\n\n";
  for (std::size_t i = 0; i < 1000; ++i)
    dsn += "Final-Recipient: rfc822; " + Address(i) +
           "\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 user unknown\n\n";
  return "From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\n"
         "To: info" +
         big +
         "@afzender.example\n"
         "Date: Tue, 03 Mar 2026 08:59:00 +0100 " +
         big + "\nSubject: Undelivered " + big +
         "\nMIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
         "--B\nContent-Type: text/plain\n\nfailed\n"
         "--B\nContent-Type: message/delivery-status\n\n" +
         dsn + "--B\nContent-Type: text/rfc822-headers\n\nSubject: " + big + "\nFrom: a" + big +
         "@afzender.example\nTo: " + big + "\nDate: " + big + "\nMessage-ID: <" + big +
         "@afzender.example>\nList-Id: <" + big + ">\n\n--B--\n";
}

struct Shape {
  const char* name;
  std::function<std::string()> make;
  bool over_limit;  ///< more recipients than --max-recipients (1000): the JSON says so
};

const Shape kShapes[] = {
    {"postfix_shared_diagnostic", PostfixSharedDiagnostic, false},
    {"ses_340k_empty_objects", SesEmptyObjects, true},
    {"ses_delivery_shared_response", SesDeliverySharedResponse, false},
    {"x_failed_recipients_whole_text", FailedRecipientsHeader, false},
    {"failure_lines_without_blank", FailureLinesWithoutBlank, true},
    {"recipient_lines_100k", HundredThousandRecipientLines, true},
    {"postfix_server_transcript", PostfixServerTranscript, false},
    {"dsn_with_shared_vendor_text", DsnWithSharedVendorText, false},
    {"long_headers_many_recipients", LongHeadersManyRecipients, false},
};

class AmplificationTest : public ::testing::TestWithParam<Shape> {};

TEST_P(AmplificationTest, MemoryOutputAndTimeStayProportional) {
  const Shape& shape = GetParam();
  bouncetolk::testing::TempDir dir;
  const std::string path = dir.path() + "/" + shape.name + ".eml";
  std::size_t size = 0;
  {
    const std::string input = shape.make();  // freed before the child starts (child_run.h)
    size = input.size();
    bouncetolk::testing::WriteBytes(path, input);
  }
  for (const std::vector<std::string>& mode :
       std::vector<std::vector<std::string>>{{"--format", "json"},
                                             {"--format", "jsonl"},
                                             {"--format", "csv"},
                                             {"--format", "sisimai"},
                                             {"--color", "never"},
                                             {"--suppress"},
                                             {"--summary"}}) {
    std::vector<std::string> args = mode;
    args.push_back(path);
    const ChildRun run =
        bouncetolk::testing::RunChild(dir.path(), args, kMaxSeconds * 2, kAddressSpaceMiB);
    const std::string mode_name = mode.size() > 1 ? mode[0] + " " + mode[1] : mode[0];
    std::printf("[amplification] %-31s %-16s %6.2f MiB in, %7.2f MiB out, %5.2f s, %4ld MiB\n",
                shape.name, mode_name.c_str(), static_cast<double>(size) / (1 << 20),
                static_cast<double>(run.out.size()) / (1 << 20), run.seconds, run.peak_rss_mib);
    SCOPED_TRACE(mode_name);
    ASSERT_EQ(run.exit_code, 0) << "stderr: " << run.err.substr(0, 300);
    const double per_recipients = 1000 * kBytesPerRecipient;
    EXPECT_LT(run.seconds, kMaxSeconds) << "too slow";
    EXPECT_LT(
        static_cast<double>(run.peak_rss_mib),
        kBaseRssMiB + (kRssPerInputByte * static_cast<double>(size) + per_recipients) / (1 << 20))
        << "too much memory";
    EXPECT_LT(static_cast<double>(run.out.size()),
              kOutputPerInputByte * static_cast<double>(size) + per_recipients)
        << "too much output";
    if (mode_name == "--format json") {
      nlohmann::json doc;
      ASSERT_NO_THROW(doc = nlohmann::json::parse(run.out)) << run.out.substr(0, 300);
      EXPECT_EQ(doc["recipients"].size(), 1000u);
      bool limited = false;
      for (const auto& p : doc["problems"]) limited = limited || p["code"] == "too_many_recipients";
      EXPECT_EQ(limited, shape.over_limit);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, AmplificationTest, ::testing::ValuesIn(kShapes),
                         [](const ::testing::TestParamInfo<Shape>& p) {
                           return std::string(p.param.name);
                         });

}  // namespace

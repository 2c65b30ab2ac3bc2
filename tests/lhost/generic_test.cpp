// SPDX-License-Identifier: MIT
// Tests for src/lhost/generic.cpp: formats no reader knows, ordinary mail, and addresses quoted
// from the returned message (never recipients).

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

// An unknown format that names the address inside a sentence.
const char kInSentence[] =
    "From: mailer-daemon@relay.example.org\n"
    "To: jan@example.nl\n"
    "Subject: There was an error sending your mail\n"
    "\n"
    "We had trouble delivering your message. Full details follow:\n"
    "\n"
    "SMTP Server <mx.example.com> rejected recipient <lotte@example.com> (Error following RCPT\n"
    "command). It responded as follows: [550 5.1.1 The email account does not exist]\n";

// An unknown format with one address per line, and a returned message quoting other addresses.
const char kLines[] =
    "From: Postmaster <postmaster@mail.example.be>\n"
    "To: jan@example.nl\n"
    "Subject: Undeliverable mail\n"
    "\n"
    "Your message could not be delivered.\n"
    "\n"
    "sanne@example.be: 550 5.2.1 mailbox disabled, not accepting messages\n"
    "\n"
    "Return-Path: <jan@example.nl>\n"
    "From: jan@example.nl\n"
    "To: sanne@example.be, other@example.be\n"
    "Cc: third@example.be\n";

// An unknown format that names the recipient only in a summary of the SMTP envelope.
const std::string kEnvelopeSummaryText =
    "Error: Invalid user address\n"
    "\n"
    "Error message below:\n"
    "550 - Requested action not taken: no such user here\n"
    "\n"
    "Message details:\n"
    "  Subject: offerte\n"
    "  MAIL FROM: jan@example.nl\n"
    "  RCPT TO: onbekend@gateway.example.com\n"
    "  From: jan@example.nl\n";

const std::string kEnvelopeSummary =
    "From: post_master@gateway.example.com\n"
    "To: jan@example.nl\n"
    "Subject: Re: offerte\n"
    "\n" +
    kEnvelopeSummaryText;

// The same report as a carrier gateway sends it: the nested multipart's boundary parameter
// is folded without the leading blank (src/mime/header_repair.h).
const std::string kEnvelopeSummaryUnfoldedBoundary =
    "From: post_master@gateway.example.com\n"
    "To: jan@example.nl\n"
    "Subject: Re: offerte\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\n"
    "\n"
    "--outer\n"
    "Content-Type: multipart/alternative;\n"
    "boundary=\"inner\"\n"
    "\n"
    "--inner\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n" +
    kEnvelopeSummaryText +
    "\n"
    "--inner--\n"
    "\n"
    "--outer--\n";

const char kOrdinaryMail[] =
    "From: Jan Jansen <jan@example.nl>\n"
    "To: Piet <piet@example.nl>\n"
    "Subject: Lunch morgen?\n"
    "\n"
    "Hoi Piet, zullen we morgen om 12:00 lunchen? Mail me op jan@example.nl.\n";

TEST(GenericTest, Table) {
  const VendorCase cases[] = {
      {"address inside a sentence",
       kInSentence,
       "generic",
       {{"lotte@example.com", "5.1.1", 550, "", "RCPT", ""}}},
      {"one address per line; quoted original ignored",
       kLines,
       "generic",
       {{"sanne@example.be", "5.2.1", 550, "suspend", "", ""}}},
      {"recipient only in the envelope summary",
       kEnvelopeSummary,
       "generic",
       {{"onbekend@gateway.example.com", "5.0.0", 550, "userunknown", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(GenericTest, UnfoldedBoundaryReportIsRead) {
  const Report report = Analyze(kEnvelopeSummaryUnfoldedBoundary, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.format, "generic");
  EXPECT_EQ(report.recipients[0].recipient, "onbekend@gateway.example.com");
  EXPECT_EQ(report.recipients[0].reply_code.value_or(0), 550);
  EXPECT_EQ(ReasonToken(report.recipients[0].reason), "userunknown");
}

TEST(GenericTest, OrdinaryMailIsNotABounce) {
  const Report report = Analyze(kOrdinaryMail, TestRules());
  EXPECT_EQ(report.kind, MessageKind::kNotABounce);
  EXPECT_TRUE(report.recipients.empty());
}

}  // namespace
}  // namespace bouncetolk

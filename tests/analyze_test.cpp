// SPDX-License-Identifier: MIT
// Tests for src/analyze.cpp: bounces a person forwarded to the helpdesk (as an attachment, or
// inline), and forwarded mail that holds no bounce.

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kForwardedAsAttachment[] =
    "From: Klant <klant@example.nl>\n"
    "To: helpdesk@hosting.example.nl\n"
    "Subject: Fwd: Mail delivery failed: returning message to sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"fw\"\n"
    "\n"
    "--fw\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Hallo, wat betekent deze melding?\n"
    "--fw\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example.nl>\n"
    "To: klant@example.nl\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: info@opgeheven.example.com\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  info@opgeheven.example.com\n"
    "    host mx.opgeheven.example.com [192.0.2.8]\n"
    "    SMTP error from remote mail server after RCPT TO:<info@opgeheven.example.com>:\n"
    "    550 5.1.1 <info@opgeheven.example.com>: Recipient address rejected: User unknown\n"
    "--fw--\n";

const char kForwardedInlineDutch[] =
    "From: Klant <klant@example.nl>\n"
    "To: helpdesk@hosting.example.nl\n"
    "Subject: Doorst: failure notice\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Zie hieronder.\n"
    "\n"
    "---------- Doorgestuurd bericht ---------\n"
    "Van: MAILER-DAEMON@mail.example.nl\n"
    "Datum: ma 2 mrt 2026 om 10:00\n"
    "Onderwerp: failure notice\n"
    "Aan: klant@example.nl\n"
    "\n"
    "Hi. This is the qmail-send program at mail.example.nl.\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n"
    "\n"
    "<vol@example.org>:\n"
    "Remote host said: 552 5.2.2 <vol@example.org>: Mailbox full\n";

const char kForwardedOrdinaryMail[] =
    "From: Klant <klant@example.nl>\n"
    "Subject: Fwd: vergadering\n"
    "\n"
    "---------- Forwarded message ---------\n"
    "From: Collega <collega@example.nl>\n"
    "Subject: vergadering\n"
    "\n"
    "Morgen om tien uur.\n";

TEST(AnalyzeTest, ForwardedBounces) {
  const VendorCase cases[] = {
      {"forwarded as attachment",
       kForwardedAsAttachment,
       "exim",
       {{"info@opgeheven.example.com", "5.1.1", 550, "userunknown", "RCPT",
         "mx.opgeheven.example.com"}}},
      {"forwarded inline, Dutch Gmail",
       kForwardedInlineDutch,
       "qmail",
       {{"vol@example.org", "5.2.2", 552, "mailboxfull", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(AnalyzeTest, ForwardedOrdinaryMailIsNotABounce) {
  const Report report = Analyze(kForwardedOrdinaryMail, TestRules());
  EXPECT_EQ(report.kind, MessageKind::kNotABounce);
  EXPECT_TRUE(report.recipients.empty());
}

// A DSN whose Status (5.7.1, policy) and wording ("Invalid recipient") disagree: the session
// transcript in the text part decides whether the refusal came at RCPT.
std::string PolicyCodedUnknownUser(bool with_transcript) {
  std::string m =
      "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.nl>\n"
      "Subject: Returned mail: see transcript for details\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n<piet@example.org>\n\n";
  if (with_transcript) {
    m += "   ----- Transcript of session follows -----\n"
         "... while talking to mx.example.org.:\n"
         ">>> RCPT TO:<piet@example.org>\n"
         "<<< 553 Invalid recipient piet@example.org\n";
  }
  m += "--b\nContent-Type: message/delivery-status\n\n"
       "Reporting-MTA: dns; relay.example.nl\n\n"
       "Final-Recipient: rfc822; piet@example.org\nAction: failed\nStatus: 5.7.1\n"
       "Diagnostic-Code: smtp; 553 Invalid recipient piet@example.org\n--b--\n";
  return m;
}

TEST(AnalyzeTest, TranscriptShowsTheRefusedCommand) {
  const RecipientResult at_rcpt = SoleRecipient(PolicyCodedUnknownUser(true));
  EXPECT_EQ(SmtpCommandToken(at_rcpt.command), "RCPT");
  EXPECT_EQ(ReasonToken(at_rcpt.reason), "userunknown");
  EXPECT_TRUE(at_rcpt.hard_bounce);
  const RecipientResult unknown_command = SoleRecipient(PolicyCodedUnknownUser(false));
  EXPECT_EQ(SmtpCommandToken(unknown_command.command), "");
  EXPECT_EQ(ReasonToken(unknown_command.reason), "filtered");
  EXPECT_FALSE(unknown_command.hard_bounce);
}

// Phrases added for vendor wordings, each in a DSN as the server writes it.
TEST(AnalyzeTest, VendorWordingsInDiagnosticCodes) {
  const struct {
    const char* status;
    const char* diagnostic;
    const char* reason;
  } cases[] = {
      {"5.0.0", "550 <a@example.org>: Recipient address rejected.", "userunknown"},
      // Postfix's access-table refusal of this recipient: a recipient-side rule (the knowledge
      // table's postfix-018), not a security error.
      {"5.0.0", "550 <a@example.org>: Recipient address rejected: Access denied", "filtered"},
      {"4.0.0",
       "[Status: Error, Address: <a@example.org>, ResponseCode 421, , Host not reachable.]",
       "expired"},
      {"4.4.1", "Connection timed out", "expired"},
      {"5.0.0", "connect to mx.example.org[192.0.2.1]:25: No route to host", "networkerror"},
      {"5.0.0", "550 No such domain at this location", "hostunknown"},
      {"5.3.0", "553 5.3.0 flpd586 DNSBL:RBL 521< 192.0.2.1 >_is_blocked", "blocked"},
      {"5.0.0", "550 Gebruiker onbekend", "userunknown"},
      {"5.0.0", "550 Benutzer unbekannt", "userunknown"},
      {"5.0.0", "550 Destinataire inconnu", "userunknown"},
      {"5.0.0", "550 Afzender onbekend", "rejected"},  // the sender refused, not the recipient
      {"5.0.0", "552 Postvak is vol", "mailboxfull"},
      {"5.0.0", "552 Postfach voll", "mailboxfull"},
      {"5.0.0", "552 Boite aux lettres pleine", "mailboxfull"},
      {"5.0.0", "554 rejected due to the sending MTA's poor reputation", "badreputation"},
  };
  for (const auto& c : cases) {
    const std::string m =
        std::string(
            "From: MAILER-DAEMON@relay.example.nl\nSubject: Undelivered Mail Returned to Sender\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            "--b\nContent-Type: message/delivery-status\n\n"
            "Reporting-MTA: dns; relay.example.nl\n\n"
            "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: ") +
        c.status + "\nDiagnostic-Code: smtp; " + c.diagnostic + "\n--b--\n";
    EXPECT_EQ(ReasonToken(SoleRecipient(m).reason), c.reason) << c.diagnostic;
  }
}

}  // namespace
}  // namespace bouncetolk

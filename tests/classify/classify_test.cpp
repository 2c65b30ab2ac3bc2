// SPDX-License-Identifier: MIT
// Tests for src/classify/classify.cpp: the transaction facts that outrank a wording
// (docs/precedence.md): an accepted address, a local mailer's exit, a refusal before MAIL.

#include "classify/classify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

TEST(ClassifyTest, TransactionFacts) {
  const struct {
    const char* name;
    const char* diagnostic;
    const char* diagnostic_type;
    const char* status;
    const char* command;
    const char* want;
  } cases[] = {
      {"user unknown at RCPT", "550 5.1.1 User unknown", "smtp", "5.1.1", "RCPT", "userunknown"},
      {"user unknown after DATA: a filter", "550 User unknown", "smtp", "5.0.0", "DATA",
       "filtered"},
      {"user unknown under X.2.1, command unknown", "550 5.2.1 User unknown", "smtp", "5.2.1", "",
       "filtered"},
      {"user unknown under X.2.1 at RCPT", "550 5.2.1 User unknown", "smtp", "5.2.1", "RCPT",
       "userunknown"},
      {"user unknown under X.7.1, command unknown: policy", "550 5.7.1 User unknown", "smtp",
       "5.7.1", "", "filtered"},
      {"user unknown under X.7.1 at RCPT", "550 5.7.1 User unknown", "smtp", "5.7.1", "RCPT",
       "userunknown"},
      {"user unknown under X.1.1 after DATA: code and words agree", "550 5.1.1 User unknown",
       "smtp", "5.1.1", "DATA", "userunknown"},
      {"X-Unix exit status", "75", "x-unix", "4.0.0", "", "mailererror"},
      {"X-Unix program's own no such user",
       "procmail: Couldn't create \"/var/mail/x\": No such user", "x-unix", "5.1.1", "",
       "mailererror"},
      {"X-Unix program's full mailbox", "Quota exceeded", "x-unix", "4.3.0", "", "mailboxfull"},
      {"refused at EHLO without a reason", "550 Rejected", "smtp", "5.0.0", "EHLO", "blocked"},
      {"refused at RCPT without a reason", "550 Rejected", "smtp", "5.0.0", "RCPT", "undefined"},
      {"no route, given up", "connect to mx.example.net[192.0.2.1]:25: No route to host", "",
       "5.0.0", "CONN", "expired"},
      {"no route, still retrying", "connect to mx.example.net[192.0.2.1]:25: No route to host", "",
       "4.0.0", "CONN", "networkerror"},
      {"connections not accepted, still retrying",
       "The recipient server did not accept our requests to connect.", "", "4.0.0", "CONN",
       "expired"},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = DsnAction::kFailed;
    r.diagnostic = c.diagnostic;
    r.diagnostic_type = c.diagnostic_type;
    r.status = c.status;
    r.status_source = StatusSource::kDiagnosticCode;
    r.reply_code =
        c.diagnostic_type == std::string("smtp") ? std::optional<int>(550) : std::nullopt;
    r.command = *ParseSmtpCommand(c.command);
    Classify(TestRules().tables(), "", "", &r);
    EXPECT_EQ(ReasonToken(r.reason), c.want) << c.name;
  }
}

// The concept rules (data/rules/concepts.tsv) stand behind the phrases and before the code's
// generic reading: fallbacks, rows of kind generic (X.n.0, X.7.1), the reply code. A specific
// status row (5.1.1, 5.2.2) outranks them, and outranks an X-Unix diagnostic's type as well.
TEST(ClassifyTest, ConceptRulesBetweenPhrasesAndGenericCodes) {
  const struct {
    const char* name;
    const char* diagnostic;
    const char* diagnostic_type;
    const char* status;
    int reply;  // 0: none
    const char* want;
    const char* rule;  // listed in rules ("" = not checked)
  } cases[] = {
      {"German unknown recipient under a class-only code", "550 Empfänger existiert nicht", "smtp",
       "5.0.0", 550, "userunknown", "concept:recipient-not-found"},
      {"Spanish full mailbox, reply code only", "552 El buzón del destinatario está lleno", "smtp",
       "", 552, "mailboxfull", "concept:mailbox-full"},
      {"spam under the generic X.7.1", "554 5.7.1 Your mail looks like spam, refused", "smtp",
       "5.7.1", 554, "spamdetected", "concept:spam-refused"},
      {"French blocked account under X.2.0", "550 5.2.0 Le compte du destinataire est bloqué",
       "smtp", "5.2.0", 550, "suspend", "concept:mailbox-disabled"},
      {"a specific code outranks a concept", "550 5.1.1 A caixa postal do destinatário está cheia",
       "smtp", "5.1.1", 550, "userunknown", "concept:mailbox-full"},
      {"a phrase outranks a concept", "550 5.7.1 User unknown, policy reasons", "smtp", "5.0.0",
       550, "userunknown", ""},
      {"unknown recipient in words under X.7.1, command unknown: accepted",
       "550 5.7.1 Recipient "
       "does not exist here",
       "smtp", "5.7.1", 550, "filtered", "accepted-address"},
      {"X-Unix with a specific status: the status decides", "Can't write mailbox", "x-unix",
       "5.2.2", 0, "mailboxfull", ""},
      {"X-Unix with a generic status: a mailer error", "Can't write mailbox", "x-unix", "5.3.0", 0,
       "mailererror", "diagnostic-type:x-unix"},
      {"login failure: no concept", "535 Unknown user name or bad password", "smtp", "5.0.0", 535,
       "securityerror", ""},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = DsnAction::kFailed;
    r.diagnostic = c.diagnostic;
    r.diagnostic_type = c.diagnostic_type;
    r.status = c.status;
    r.status_source = *c.status ? StatusSource::kDiagnosticCode : StatusSource::kInferred;
    if (!*c.status) r.status = "5.0.0";
    if (c.reply) r.reply_code = c.reply;
    Classify(TestRules().tables(), "", "", &r);
    EXPECT_EQ(ReasonToken(r.reason), c.want) << c.name;
    if (*c.rule) {
      EXPECT_NE(std::find(r.rules.begin(), r.rules.end(), c.rule), r.rules.end()) << c.name;
    }
  }
}

// A code whose vendor meaning goes with words of the text (data/rules/status-words.tsv)
// outranks the phrases: the same words mean something else under another code.
TEST(ClassifyTest, CodeWithItsVendorWordsOutranksPhrases) {
  const struct {
    const char* diagnostic;
    const char* status;
    const char* want;
    const char* rule;
  } cases[] = {
      // Microsoft's directory based edge blocking: the address is not in the directory.
      {"550 Recipient address rejected: Access denied", "5.4.1", "userunknown",
       "status-word:ms-dbeb-541"},
      // Postfix's access table: a filter (standards.md).
      {"550 Recipient address rejected: Access denied", "5.0.0", "filtered", ""},
      {"550 Access denied, banned sender", "5.7.502", "rejected",
       "status-word:ms-banned-sender-502"},
      {"550 Access denied, banned sender", "5.7.511", "blocked",
       "status-word:ms-banned-sender-511"},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = DsnAction::kFailed;
    r.diagnostic = c.diagnostic;
    r.diagnostic_type = "smtp";
    r.status = c.status;
    r.status_source = StatusSource::kStatusField;
    r.reply_code = 550;
    Classify(TestRules().tables(), "", "", &r);
    EXPECT_EQ(ReasonToken(r.reason), c.want) << c.status << " " << c.diagnostic;
    if (*c.rule) {
      ASSERT_FALSE(r.rules.empty());
      EXPECT_EQ(r.rules.front(), c.rule) << c.status;
    }
  }
}

// A status-words row of one server family (data/rules/host-families.tsv) holds only when a
// server of that family said it: the Remote-MTA, the Reporting-MTA or a host in the diagnostic.
TEST(ClassifyTest, FamilyRowsHoldOnlyForTheirFamily) {
  const struct {
    const char* name;
    const char* diagnostic;
    const char* status;  // "" = none of the message's own (inferred 5.0.0 / 4.0.0)
    int reply;
    const char* remote_mta;
    const char* reporting_mta;
    const char* want;
    const char* rule;  // "" = no status-word row
  } cases[] = {
      // Google's 4.7.23 is a missing PTR record; the IANA title is an SPF failure.
      {"google 4.7.23 by Remote-MTA", "421 4.7.23 Rate limited", "4.7.23", 421,
       "gmail-smtp-in.l.google.com", "", "requireptr", "status-word:google-ptr-temporary"},
      {"4.7.23 from another server", "421 4.7.23 Rate limited", "4.7.23", 421, "mx.example.com", "",
       "authfailure", ""},
      {"google 4.7.23 named in the diagnostic",
       "host aspmx.l.google.com[192.0.2.7] said: 421 4.7.23 Rate limited", "4.7.23", 421, "", "",
       "requireptr", "status-word:google-ptr-temporary"},
      {"a look-alike is not google", "421 4.7.23 Rate limited", "4.7.23", 421, "mx.notgoogle.com",
       "", "authfailure", ""},
      {"an address at gmail.com is no server", "421 4.7.23 <someone@gmail.com> Rate limited",
       "4.7.23", 421, "mx.example.com", "", "authfailure", ""},
      // Google's 5.7.27 is an SPF failure; the IANA title is a null MX (RFC 7505).
      {"google 5.7.27", "550 5.7.27 Blocked", "5.7.27", 550, "", "smtp.google.com", "authfailure",
       "status-word:google-spf"},
      {"5.7.27 elsewhere", "550 5.7.27 Blocked", "5.7.27", 550, "mx.example.com", "", "notaccept",
       ""},
      {"5.7.27 from a remote server, reported by Google", "550 5.7.27 Blocked", "5.7.27", 550,
       "mx.example.com", "mail-sor-f41.google.com", "notaccept", ""},
      // Microsoft's own range 5.7.606-649: a banned sending IP.
      {"microsoft 5.7.612", "550 5.7.612 Access denied", "5.7.612", 550,
       "contoso-com.mail.protection.outlook.com", "", "blocked", "status-word:ms-banned-ip"},
      {"5.7.612 from another server", "550 5.7.612 Access denied", "5.7.612", 550, "mx.example.com",
       "", "badreputation", ""},
      // Words that mean something else at one provider.
      {"qq: a frequency limit", "550 Mailbox unavailable or access denied", "", 550, "mx3.qq.com",
       "", "speeding", "status-word:qq-mailbox-unavailable"},
      {"elsewhere: an unknown mailbox", "550 Mailbox unavailable or access denied", "", 550,
       "mx.example.com", "", "userunknown", ""},
      {"aruba: a rate limit", "abc123 policy violation", "", 0, "mx.aruba.it", "", "speeding",
       "status-word:aruba-policy-violation"},
      {"barracuda: the recipient's policy", "550 Blocked", "", 550,
       "d123456a.ess.barracudanetworks.com", "", "policyviolation",
       "status-word:barracuda-blocked"},
      {"a bare Blocked elsewhere", "550 Blocked", "", 550, "mx.example.com", "", "undefined", ""},
      // A vendor's own token shows the vendor by itself.
      {"yahoo token without a host", "421 4.7.0 [TSS04] Messages from 192.0.2.1 deferred", "4.7.0",
       421, "", "", "badreputation", "status-word:yahoo-tss04"},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = DsnAction::kFailed;
    r.diagnostic = c.diagnostic;
    r.diagnostic_type = "smtp";
    r.remote_mta = c.remote_mta;
    if (*c.status) {
      r.status = c.status;
      r.status_source = StatusSource::kStatusField;
    } else {
      r.status = c.reply / 100 == 4 ? "4.0.0" : "5.0.0";
      r.status_source = StatusSource::kInferred;
    }
    if (c.reply) r.reply_code = c.reply;
    Classify(TestRules().tables(), "", "", &r, nullptr, nullptr, c.reporting_mta);
    EXPECT_EQ(ReasonToken(r.reason), c.want) << c.name;
    const auto row = std::find_if(r.rules.begin(), r.rules.end(), [](const std::string& id) {
      return id.rfind("status-word:", 0) == 0;
    });
    const bool has_row = row != r.rules.end();
    if (*c.rule) {
      ASSERT_TRUE(has_row) << c.name;
      EXPECT_EQ(*row, c.rule) << c.name;
      EXPECT_EQ(r.text_id,
                [&] {
                  for (const StatusWordRule& w : TestRules().tables().status_words)
                    if ("status-word:" + w.id == c.rule) return w.text_id;
                  return std::string();
                }())
          << c.name << ": the row's own text explains it";
    } else {
      EXPECT_FALSE(has_row) << c.name << ": " << *row;
    }
  }
}

// X.0.0 says only "other undefined status": a reply code that knows more decides.
TEST(ClassifyTest, UndefinedStatusYieldsToTheReplyCode) {
  RecipientResult r;
  r.action = DsnAction::kFailed;
  r.diagnostic = "451 Could not load configuration for domain (example.com)";
  r.status = "4.0.0";
  r.status_source = StatusSource::kStatusField;
  r.reply_code = 451;
  Classify(TestRules().tables(), "", "", &r);
  EXPECT_EQ(ReasonToken(r.reason), "systemerror");
  r.reply_code.reset();
  Classify(TestRules().tables(), "", "", &r);
  EXPECT_EQ(ReasonToken(r.reason), "undefined");
}

// A final report (Action: failed) whose temporary code itself says the mailbox does not exist
// is a hard bounce; the same code in a delay notice, or a temporary code that does not name
// the address (4.0.0), is not.
TEST(ClassifyTest, FailedAfterRetriesOnAnUnknownMailboxIsHard) {
  const struct {
    const char* action;
    const char* status;
    const char* diagnostic;
    bool hard;
  } cases[] = {
      {"failed", "4.1.1", "450 4.1.1 <a@b.nl>: Recipient address rejected: User unknown", true},
      {"delayed", "4.1.1", "450 4.1.1 <a@b.nl>: Recipient address rejected: User unknown", false},
      {"failed", "4.0.0", "450 <a@b.nl>: User unknown", false},
      {"failed", "4.2.2", "452 4.2.2 Mailbox full", false},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.action = *ParseDsnAction(c.action);
    r.diagnostic = c.diagnostic;
    r.status = c.status;
    r.status_source = StatusSource::kStatusField;
    r.reply_code = std::stoi(c.diagnostic);
    Classify(TestRules().tables(), "", "", &r);
    EXPECT_EQ(r.hard_bounce, c.hard) << c.action << " " << c.status;
    EXPECT_EQ(r.permanence, Permanence::kTemporary) << c.action << " " << c.status;
  }
}

// The hard column (docs/data-format.md): `yes` and `if-permanent` are hard only when the
// failure is permanent, whatever the reason (a temporary code or a delay notice may still end
// in a delivery); `no` never is. `yes` is not "always hard": Sisimai calls a temporary
// userunknown hard, we do so only for a final report (failed-after-retries, below).
TEST(ClassifyTest, HardBounceNeedsAPermanentFailure) {
  const RuleTables& t = TestRules().tables();
  EXPECT_TRUE(IsHardBounce(t, Reason::kUserUnknown, Permanence::kPermanent));   // yes
  EXPECT_FALSE(IsHardBounce(t, Reason::kUserUnknown, Permanence::kTemporary));  // yes
  EXPECT_TRUE(IsHardBounce(t, Reason::kNotAccept, Permanence::kPermanent));     // if-permanent
  EXPECT_FALSE(IsHardBounce(t, Reason::kNotAccept, Permanence::kTemporary));    // if-permanent
  EXPECT_FALSE(IsHardBounce(t, Reason::kMailboxFull, Permanence::kPermanent));  // no
  EXPECT_FALSE(IsHardBounce(t, Reason::kUserUnknown, Permanence::kSuccess));
}

// failed-after-retries makes only a `yes` reason hard: a final report whose temporary code
// says the server does not accept mail for now (4.3.2, notaccept: if-permanent) is not.
TEST(ClassifyTest, FailedAfterRetriesOnlyForAnAlwaysHardReason) {
  RecipientResult r;
  r.action = DsnAction::kFailed;
  r.diagnostic = "432 4.3.2 Closed for maintenance";
  r.status = "4.3.2";
  r.status_source = StatusSource::kStatusField;
  r.reply_code = 432;
  Classify(TestRules().tables(), "", "", &r);
  EXPECT_EQ(ReasonToken(r.reason), "notaccept");
  EXPECT_EQ(r.permanence, Permanence::kTemporary);
  EXPECT_FALSE(r.hard_bounce);
}

// docs/precedence.md lists the transaction facts ("1. `accepted-address`: ...") in the order
// Classify checks them: the doc's list and the table's names must be the same.
TEST(ClassifyTest, TransactionFactsFollowTheDoc) {
  std::ifstream in(std::string(BT_SOURCE_DIR) + "/docs/precedence.md");
  ASSERT_TRUE(in) << "docs/precedence.md";
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const std::size_t section = text.find("\n## Facts about the transaction\n");
  ASSERT_NE(section, std::string::npos);
  const std::size_t next = text.find("\n## ", section + 1);
  const std::string body = text.substr(section, next - section);
  std::vector<std::string> listed;
  const std::regex item(R"(\n\d+\. `([^`]+)`:)");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), item); it != std::sregex_iterator();
       ++it) {
    listed.push_back((*it)[1]);
  }
  std::vector<std::string> table;
  for (std::string_view name : TransactionFactNames()) table.emplace_back(name);
  EXPECT_EQ(listed, table);
  EXPECT_FALSE(table.empty());
}

}  // namespace
}  // namespace bouncetolk

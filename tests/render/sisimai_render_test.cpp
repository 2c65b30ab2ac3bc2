// SPDX-License-Identifier: MIT
// Tests for src/render/sisimai_render.cpp: Sisimai's field names and value types, one record
// per recipient, none for an input without recipients.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/render.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

const char kBounce[] =
    "From: MAILER-DAEMON@mx.example.nl\nTo: info@bakkerij.example\n"
    "Subject: Undelivered Mail Returned to Sender\nDate: Thu, 29 Apr 2010 23:34:45 +0900\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
    "--B\nContent-Type: text/plain\n\nfailed\n"
    "--B\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mx.example.nl\n\n"
    "Final-Recipient: rfc822; piet@klant.example\nOriginal-Recipient: rfc822; p@klant.example\n"
    "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.klant.example\n"
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
    "Final-Recipient: rfc822; jan@klant.example\nAction: delayed\nStatus: 4.2.2\n"
    "Diagnostic-Code: X-Postfix; mailbox full\n\n"
    "--B\nContent-Type: text/rfc822-headers\n\n"
    "From: Bakkerij <info@bakkerij.example>\nSubject: Offerte\n"
    "Message-ID: <abc@bakkerij.example>\nList-Id: <nieuws.bakkerij.example>\n\n--B--\n";

TEST(SisimaiRenderTest, FieldNamesAndTypes) {
  const Report rep = Analyze(kBounce, TestRules());
  RenderOptions o;
  o.format = Format::kSisimai;
  o.file = "set-of-emails/b.eml";
  std::istringstream lines(Render(rep, TestRules(), o));
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(records.size(), 2u);
  const auto& r = records[0];
  std::set<std::string> keys;
  for (const auto& item : r.items()) keys.insert(item.key());
  EXPECT_EQ(keys, (std::set<std::string>{
                      "action",         "addresser",      "alias",          "catch",
                      "command",        "decodedby",      "deliverystatus", "destination",
                      "diagnosticcode", "diagnostictype", "feedbacktype",   "hardbounce",
                      "lhost",          "listid",         "messageid",      "origin",
                      "reason",         "recipient",      "replycode",      "rhost",
                      "senderdomain",   "smtpagent",      "smtpcommand",    "subject",
                      "timestamp",      "timezoneoffset", "token"}));
  EXPECT_EQ(r["action"], "failed");
  EXPECT_EQ(r["addresser"], "info@bakkerij.example");
  EXPECT_EQ(r["alias"], "p@klant.example");
  EXPECT_TRUE(r["catch"].is_null());
  EXPECT_EQ(r["deliverystatus"], "5.1.1");
  EXPECT_EQ(r["destination"], "klant.example");
  EXPECT_EQ(r["diagnosticcode"], "550 5.1.1 user unknown");
  EXPECT_EQ(r["diagnostictype"], "SMTP");
  EXPECT_EQ(r["hardbounce"], true);
  EXPECT_EQ(r["lhost"], "mx.example.nl");
  EXPECT_EQ(r["rhost"], "mx.klant.example");
  EXPECT_EQ(r["listid"], "nieuws.bakkerij.example");
  EXPECT_EQ(r["messageid"], "abc@bakkerij.example");
  EXPECT_EQ(r["origin"], "set-of-emails/b.eml");
  EXPECT_EQ(r["reason"], "userunknown");
  EXPECT_EQ(r["recipient"], "piet@klant.example");
  EXPECT_EQ(r["replycode"], "550");  // a string, as Sisimai writes it
  EXPECT_EQ(r["senderdomain"], "bakkerij.example");
  EXPECT_EQ(r["smtpagent"], "RFC3464");
  EXPECT_EQ(r["decodedby"], "RFC3464");
  EXPECT_EQ(r["subject"], "Offerte");
  EXPECT_EQ(r["timestamp"], 1272551685);
  EXPECT_EQ(r["timezoneoffset"], "+0900");
  EXPECT_EQ(r["token"], rep.recipients[0].token);
  EXPECT_EQ(records[1]["action"], "delayed");
  EXPECT_EQ(records[1]["alias"], "");
  EXPECT_EQ(records[1]["diagnostictype"], "X-POSTFIX");
  EXPECT_EQ(records[1]["replycode"], "");
}

TEST(SisimaiRenderTest, NoRecordWithoutRecipients) {
  const Report rep =
      Analyze("From: a@b.example\nSubject: hallo\n\nGewoon een bericht.\n", TestRules());
  RenderOptions o;
  o.format = Format::kSisimai;
  EXPECT_EQ(Render(rep, TestRules(), o), "");
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/render/render.cpp: the record fields of schema 2 (timestamp, token, addresser,
// list id, the bounce's own To and Delivered-To, the queue id) in the JSON document and the flat
// records, `rules` as an array in both JSON formats, and the message's fields cut in flat
// records when many recipients repeat them.

#include "bouncetolk/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "bouncetolk/bouncetolk.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

std::string Bounce(const std::string& recipients_dsn, const std::string& subject = "Offerte") {
  return "From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\n"
         "To: bounce+piet=klant.example@bakkerij.example\n"
         "Delivered-To: bounce+piet=klant.example@bakkerij.example\n"
         "Subject: Undelivered Mail Returned to Sender\n"
         "Date: Tue, 03 Mar 2026 08:59:00 +0100\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
         "--B\nContent-Type: text/plain\n\nfailed\n"
         "--B\nContent-Type: message/delivery-status\n\n"
         "Reporting-MTA: dns; mx.example.nl\nX-Postfix-Queue-ID: 2DAEB222022E\n\n" +
         recipients_dsn +
         "--B\nContent-Type: text/rfc822-headers\n\n"
         "From: Bakkerij Jansen <info@bakkerij.example>\nTo: piet@klant.example\n"
         "Subject: " +
         subject +
         "\nMessage-ID: <abc.123@mail.example>\n"
         "List-Id: Nieuwsbrief Bakkerij <nieuws.bakkerij.example>\n\n--B--\n";
}

const char kOne[] =
    "Final-Recipient: rfc822; piet@Klant.Example\nAction: failed\nStatus: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n";

RenderOptions As(Format format) {
  RenderOptions o;
  o.format = format;
  o.file = "b.eml";
  return o;
}

TEST(RenderTest, RecordFieldsInTheJsonDocument) {
  const Report rep = Analyze(Bounce(kOne), TestRules());
  const auto doc = nlohmann::json::parse(Render(rep, TestRules(), As(Format::kJson)));
  EXPECT_EQ(doc["schema"], 2);
  EXPECT_EQ(doc["bounce"]["timestamp"], "2026-03-03T07:59:00Z");
  EXPECT_EQ(doc["bounce"]["to"], "bounce+piet=klant.example@bakkerij.example");
  EXPECT_EQ(doc["bounce"]["delivered_to"], "bounce+piet=klant.example@bakkerij.example");
  EXPECT_EQ(doc["bounce"]["queue_id"], "2DAEB222022E");
  EXPECT_EQ(doc["original"]["list_id"], "nieuws.bakkerij.example");
  EXPECT_EQ(doc["original"]["addresser"], "info@bakkerij.example");
  EXPECT_EQ(doc["original"]["sender_domain"], "bakkerij.example");
  const auto& r = doc["recipients"][0];
  EXPECT_EQ(r["recipient_domain"], "klant.example");
  EXPECT_EQ(r["recipient_valid"], true);
  EXPECT_EQ(r["token"], RecordToken("info@bakkerij.example", "piet@klant.example",
                                    "abc.123@mail.example", std::nullopt));
  EXPECT_TRUE(r["rules"].is_array());
}

TEST(RenderTest, RecordFieldsInTheFlatRecords) {
  const Report rep = Analyze(Bounce(kOne), TestRules());
  const auto line = nlohmann::json::parse(Render(rep, TestRules(), As(Format::kJsonl)));
  EXPECT_EQ(line["schema"], 2);
  EXPECT_EQ(line["timestamp"], "2026-03-03T07:59:00Z");
  EXPECT_EQ(line["addresser"], "info@bakkerij.example");
  EXPECT_EQ(line["sender_domain"], "bakkerij.example");
  EXPECT_EQ(line["list_id"], "nieuws.bakkerij.example");
  EXPECT_EQ(line["bounce_to"], "bounce+piet=klant.example@bakkerij.example");
  EXPECT_EQ(line["bounce_delivered_to"], "bounce+piet=klant.example@bakkerij.example");
  EXPECT_EQ(line["queue_id"], "2DAEB222022E");
  EXPECT_EQ(line["recipient_domain"], "klant.example");
  EXPECT_EQ(line["recipient_valid"], true);
  EXPECT_EQ(line["token"].get<std::string>().size(), 40u);
  // rules: the same type as in the JSON document.
  ASSERT_TRUE(line["rules"].is_array());
  EXPECT_EQ(line["rules"][0], rep.recipients[0].rules[0]);

  const std::string header = RenderHeader(As(Format::kCsv));
  EXPECT_NE(header.find(",timestamp,addresser,sender_domain,list_id,bounce_to,"
                        "bounce_delivered_to,queue_id,token,recipient_domain,recipient_valid\r\n"),
            std::string::npos)
      << header;
  const std::string csv = Render(rep, TestRules(), As(Format::kCsv));
  EXPECT_NE(csv.find(",2026-03-03T07:59:00Z,info@bakkerij.example,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",klant.example,true\r\n"), std::string::npos) << csv;
}

TEST(RenderTest, InputWithoutRecipientsHasNullRecipientColumns) {
  const Report rep =
      Analyze("From: a@b.example\nSubject: hallo\n\nGewoon een bericht.\n", TestRules());
  const auto line = nlohmann::json::parse(Render(rep, TestRules(), As(Format::kJsonl)));
  EXPECT_EQ(line["kind"], "not_a_bounce");
  EXPECT_TRUE(line["token"].is_null());
  EXPECT_TRUE(line["recipient_valid"].is_null());
  EXPECT_TRUE(line["rules"].is_null());
  EXPECT_TRUE(line["index"].is_null());
  EXPECT_EQ(line["subject"], nullptr);
}

TEST(RenderTest, FlatRecordsCutTheMessageFieldsTheyRepeat) {
  std::string dsn;
  for (int i = 0; i < 200; ++i)
    dsn += "Final-Recipient: rfc822; u" + std::to_string(i) + "@klant.example\nStatus: 5.1.1\n\n";
  std::string subject;
  for (int i = 0; i < 8; ++i) subject += std::string(900, 's') + "\n ";
  const Report rep = Analyze(Bounce(dsn, subject), TestRules());
  ASSERT_EQ(rep.recipients.size(), 200u);
  ASSERT_GT(rep.original.subject.size(), 7000u);
  // The document has the Subject once, whole; each of 200 records keeps SharedTextBytes(200).
  const auto doc = nlohmann::json::parse(Render(rep, TestRules(), As(Format::kJson)));
  EXPECT_EQ(doc["original"]["subject"], rep.original.subject);
  std::istringstream lines(Render(rep, TestRules(), As(Format::kJsonl)));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    const std::string s = j["subject"];
    EXPECT_LE(s.size(), 1024u);
    EXPECT_EQ(s.substr(s.size() - 3), "\xE2\x80\xA6");
    ++n;
  }
  EXPECT_EQ(n, 200);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/common/record_fields.cpp: addresser, timestamp, recipient domain, whether the
// recipient is an address, and the token recipe of docs/json-schema.md.

#include "common/record_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

Report ReportWith(const std::string& recipient) {
  Report rep;
  rep.kind = MessageKind::kBounce;
  rep.date = "Tue, 03 Mar 2026 08:59:00 +0100";
  rep.to = "Bakkerij <bounce+piet=klant.example@bakkerij.example>";
  rep.original.from = "Bakkerij Jansen <Info@Bakkerij-Jansen.NL>";
  rep.original.message_id = " <abc.123@mail.example> ";
  RecipientResult r;
  r.index = 1;
  r.recipient = recipient;
  rep.recipients.push_back(r);
  return rep;
}

TEST(RecordFieldsTest, AddresserTimestampDomainToken) {
  Report rep = ReportWith("Piet@Klant.Example");
  FillRecordFields(&rep);
  EXPECT_EQ(rep.addresser, "Info@Bakkerij-Jansen.NL");
  EXPECT_EQ(rep.sender_domain, "bakkerij-jansen.nl");
  EXPECT_EQ(rep.timestamp, "2026-03-03T07:59:00Z");
  ASSERT_TRUE(rep.time.has_value());
  EXPECT_EQ(*rep.time, 1772524740);
  EXPECT_EQ(rep.time_zone_minutes, 60);
  const RecipientResult& r = rep.recipients[0];
  EXPECT_EQ(r.recipient_domain, "klant.example");
  EXPECT_TRUE(r.recipient_valid);
  // The recipe: SHA-1 of "\x02" addresser "\x1e" recipient "\x1e" message-id "\x03", the
  // addresses in lower case, the Message-ID without brackets (docs/json-schema.md).
  EXPECT_EQ(r.token, "608682e114d5bb8f438492968b8f1ec6b87d60cd");
  EXPECT_EQ(r.token, RecordToken("INFO@bakkerij-jansen.nl", "piet@klant.example",
                                 "<abc.123@mail.example>", std::nullopt));
}

TEST(RecordFieldsTest, WithoutMessageIdTheTimeStandsIn) {
  Report rep = ReportWith("piet@klant.example");
  rep.original.message_id.clear();
  FillRecordFields(&rep);
  EXPECT_EQ(rep.recipients[0].token, "da61b41d91f2625b96790aff6a562aa9d42600b0");
  // Without a From in the original, the bounce's To (the envelope sender) is the addresser.
  rep = ReportWith("piet@klant.example");
  rep.original = OriginalMessage();
  rep.date = "not a date";
  FillRecordFields(&rep);
  EXPECT_EQ(rep.addresser, "bounce+piet=klant.example@bakkerij.example");
  EXPECT_EQ(rep.timestamp, "");
  EXPECT_FALSE(rep.time.has_value());
  EXPECT_EQ(rep.recipients[0].token, "23c017db2c7dda774cccc0488c52bb21a3371cbb");
}

TEST(RecordFieldsTest, DateFallsBackToArrivalThenLastAttempt) {
  Report rep = ReportWith("piet@klant.example");
  rep.date.clear();
  rep.recipients[0].last_attempt_date = "Wed, 4 Mar 2026 10:00:00 -0500";
  FillRecordFields(&rep);
  EXPECT_EQ(rep.timestamp, "2026-03-04T15:00:00Z");
  EXPECT_EQ(rep.time_zone_minutes, -300);
  rep.per_message.arrival_date = "2026-03-01";
  FillRecordFields(&rep);
  EXPECT_EQ(rep.timestamp, "2026-03-01T00:00:00Z");
}

TEST(RecordFieldsTest, AddressesWithControlsOrFormattingAreNotValid) {
  for (const std::string& bad :
       {std::string("jan\x1b[2J@klant.example"), std::string("jan\xc2\x9b@klant.example"),
        std::string("jan\xe2\x80\xae"
                    "gnp@klant.example"),
        std::string("jan\xe2\x81\xa6@klant.example"), std::string("jan\xe2\x80\x8f@klant.example"),
        std::string("jan\xd8\x9c@klant.example"), std::string("jan\xef\xbf\xbd@klant.example"),
        std::string("jan\t@klant.example"), std::string()}) {
    Report rep = ReportWith(bad);
    FillRecordFields(&rep);
    EXPECT_FALSE(rep.recipients[0].recipient_valid) << bad;
  }
  Report rep = ReportWith(
      "j\xc3\xa9r\xc3\xb4me@b\xc3\xbc"
      "cher.example");  // UTF-8 is fine
  FillRecordFields(&rep);
  EXPECT_TRUE(rep.recipients[0].recipient_valid);
  EXPECT_EQ(rep.recipients[0].recipient_domain,
            "b\xc3\xbc"
            "cher.example");
}

}  // namespace
}  // namespace bouncetolk

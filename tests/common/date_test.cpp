// SPDX-License-Identifier: MIT
//
// date_test.cpp: ParseDate() (batch.h) on RFC 5322 dates, their obsolete forms and ISO dates.

#include "common/date.h"

#include <gtest/gtest.h>

#include "bouncetolk/batch.h"

namespace bouncetolk {
namespace {

TEST(ParseDate, Table) {
  // 2013-04-29T14:45:32Z is 1367246732.
  struct Case {
    const char* text;
    std::optional<std::int64_t> want;
  } cases[] = {
      {"Thu, 29 Apr 2013 23:45:32 +0900", 1367246732},
      {"Thu, 29 Apr 2013 23:45:32 +0900 (JST)", 1367246732},
      {"29 Apr 2013 14:45:32 GMT", 1367246732},
      {"Mon, 29 Apr 13 10:45:32 EDT", 1367246732},  // two-digit year, named zone
      {"Thu Apr 29 14:45:32 2013", 1367246732},     // asctime, no zone: UTC
      {"29 Apr 2013 14:45 +0000", 1367246700},      // no seconds
      {"2013-04-29", 1367193600},
      {"2013-04-29T14:45:32Z", 1367246732},
      {"2013-04-29T23:45:32+09:00", 1367246732},
      {"1 Jan 1970 00:00:00 +0000", 0},
      {"", std::nullopt},
      {"yesterday", std::nullopt},
      {"2013-13-01", std::nullopt},
      {"Thu, 29 2013 23:45:32", std::nullopt},  // no month
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseDate(c.text), c.want) << "text: " << c.text;
  }
}

TEST(FormatDate, RoundTripsInTheWrittenZone) {
  EXPECT_EQ(FormatDate(1367246732, 9 * 60), "Mon, 29 Apr 2013 23:45:32 +0900");
  EXPECT_EQ(FormatDate(1367246732, -7 * 60 - 30), "Mon, 29 Apr 2013 07:15:32 -0730");
  EXPECT_EQ(FormatDate(0, 0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(FormatDate(951782400, 0), "Tue, 29 Feb 2000 00:00:00 +0000");  // leap day
  EXPECT_EQ(DateAfter("Mon, 29 Apr 2013 23:45:32 +0900", 2 * 86400),
            "Wed, 01 May 2013 23:45:32 +0900");
  EXPECT_EQ(DateAfter("Tue, 31 Dec 2024 23:00:00 -0500 (EST)", 3600),
            "Wed, 01 Jan 2025 00:00:00 -0500");
  EXPECT_EQ(DateAfter("no date here", 60), "");
}

TEST(FormatIsoUtc, Table) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1772524740), "2026-03-03T07:59:00Z");
  EXPECT_EQ(FormatIsoUtc(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(-1), "1969-12-31T23:59:59Z");
  int zone = 0;
  EXPECT_EQ(ParseDateInZone("Tue, 03 Mar 2026 08:59:00 +0100", &zone), 1772524740);
  EXPECT_EQ(zone, 60);
}

}  // namespace
}  // namespace bouncetolk

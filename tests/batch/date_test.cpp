// SPDX-License-Identifier: MIT
//
// date_test.cpp: ParseDate() (batch.h) on RFC 5322 dates, their obsolete forms and ISO dates.

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
      {"Thu Apr 29 14:45:32 2013", 1367246732},      // asctime, no zone: UTC
      {"29 Apr 2013 14:45 +0000", 1367246700},       // no seconds
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

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/smtp/retry_period.cpp: the retry period a delay notice states in its text.

#include "smtp/retry_period.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(RetryPeriodTest, RetryPeriod) {
  const struct {
    const char* text;
    std::int64_t want;
  } cases[] = {
      {"Message will be retried for 2 more day(s)", 2 * 86400},
      {"message will be retried for 4 more days.", 4 * 86400},
      {"The server will keep trying to deliver this message for the next 1 days, 19 hours and 57 "
       "minutes.",
       86400 + 19 * 3600 + 57 * 60},
      {"Message will be retried for 12 more hour(s)", 12 * 3600},
      {"Delivery attempts will continue for some time", 0},
      {"will be retried for a while", 0},
      {"will be retried for 9999999 more days", 0},  // not a number of reasonable size
      {"", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(RetryPeriodSeconds(c.text), c.want) << c.text;
}

}  // namespace
}  // namespace bouncetolk

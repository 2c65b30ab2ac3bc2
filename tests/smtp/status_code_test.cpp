// SPDX-License-Identifier: MIT
// Table tests for src/smtp/status_code.cpp: RFC 3463 grammar and finding codes in text.

#include "bouncetolk/status_code.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(EnhancedStatusTest, Parse) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"5.1.1", "5.1.1"},   {" 4.4.7 ", "4.4.7"},   {"2.0.0", "2.0.0"},   {"5.7.26", "5.7.26"},
      {"5.1.10", "5.1.10"}, {"5.7.750", "5.7.750"}, {"05.1.1", nullptr},  {"5.01.1", nullptr},
      {"5.1.01", nullptr},  // leading zeros
      {"3.1.1", nullptr},   {"5.1", nullptr},       {"5.1.1.1", nullptr}, {"5.1000.1", nullptr},
      {"5.1.1a", nullptr},  {"", nullptr},          {"x.1.1", nullptr},
  };
  for (const auto& c : cases) {
    auto got = EnhancedStatus::Parse(c.in);
    if (c.want) {
      ASSERT_TRUE(got.has_value()) << c.in;
      EXPECT_EQ(got->ToString(), c.want) << c.in;
    } else {
      EXPECT_FALSE(got.has_value()) << c.in << " got " << got->ToString();
    }
  }
}

TEST(EnhancedStatusTest, Find) {
  struct Case {
    const char* in;
    char klass;
    const char* want;
  } cases[] = {
      {"550 5.1.1 <x@y>: User unknown", 0, "5.1.1"},
      {"550-5.7.26 Unauthenticated email", '5', "5.7.26"},
      {"550 #5.1.0 Address rejected", '5', "5.1.0"},
      {"Sorry (#5.1.1)", 0, "5.1.1"},
      {"host 192.5.1.1 said no", 0, nullptr},  // inside an IP address
      {"from 10.4.4.7.2 relay", 0, nullptr},
      {"Postfix 2.5.1 says 550 5.2.2 full", '5', "5.2.2"},
      {"Postfix 2.5.1 release", 0, "2.5.1"},  // any class: a version looks like a code
      {"Postfix 2.5.1 release", '5', nullptr},
      {"5.1.1:", 0, "5.1.1"},
      {"4.2.2mailbox", 0, nullptr},
      {"451 4.7.1 Try later", '4', "4.7.1"},
  };
  for (const auto& c : cases) {
    auto got = EnhancedStatus::Find(c.in, c.klass);
    if (c.want) {
      ASSERT_TRUE(got.has_value()) << c.in;
      EXPECT_EQ(got->ToString(), c.want) << c.in;
    } else {
      EXPECT_FALSE(got.has_value()) << c.in << " got " << got->ToString();
    }
  }
}

TEST(EnhancedStatusTest, Pseudo) {
  EXPECT_TRUE(EnhancedStatus::Parse("5.0.911")->IsPseudo());
  EXPECT_FALSE(EnhancedStatus::Parse("5.0.0")->IsPseudo());
  EXPECT_FALSE(EnhancedStatus::Parse("5.7.911")->IsPseudo());
}

TEST(ReplyCodeTest, ParseAndFind) {
  EXPECT_EQ(ReplyCode::Parse("550")->value(), 550);
  EXPECT_FALSE(ReplyCode::Parse("560"));  // second digit 0-5
  EXPECT_FALSE(ReplyCode::Parse("55"));
  struct Case {
    const char* in;
    int want;
  } cases[] = {
      {"550 5.1.1 user unknown", 550},
      {"smtp; 552-5.2.2 over quota", 552},
      {"host mx.example[192.0.2.1] said: 554 5.7.1 rejected", 554},
      {"connect to mx: Connection timed out", 0},
      {"exceeded 500 recipients 450 4.5.3 too many", 450},  // the code-pair wins over a bare number
      {"421 Service not available", 421},
      {"port 25 blocked", 0},
      {"error 5501 happened", 0},
  };
  for (const auto& c : cases) {
    auto got = ReplyCode::Find(c.in);
    EXPECT_EQ(got ? got->value() : 0, c.want) << c.in;
  }
}

}  // namespace
}  // namespace bouncetolk

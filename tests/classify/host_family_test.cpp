// SPDX-License-Identifier: MIT
// Tests for src/classify/host_family.cpp: a server's family by the suffixes of
// data/rules/host-families.tsv, on a label boundary.

#include "classify/host_family.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

TEST(HostFamilyTest, SuffixOnALabelBoundary) {
  EXPECT_TRUE(HostHasSuffix("google.com", "google.com"));
  EXPECT_TRUE(HostHasSuffix("gmail-smtp-in.l.google.com", "google.com"));
  EXPECT_TRUE(HostHasSuffix("ASPMX.L.Google.COM", "google.com"));
  EXPECT_FALSE(HostHasSuffix("notgoogle.com", "google.com"));
  EXPECT_FALSE(HostHasSuffix("google.com.example.net", "google.com"));
  EXPECT_FALSE(HostHasSuffix("oogle.com", "google.com"));
  EXPECT_FALSE(HostHasSuffix("", "google.com"));
  EXPECT_FALSE(HostHasSuffix("google.com", ""));
}

TEST(HostFamilyTest, FamiliesOfTheHostsABounceNames) {
  const RuleTables& t = TestRules().tables();
  using V = std::vector<std::string>;
  EXPECT_EQ(ServerFamilies(t, {"contoso-com.mail.protection.outlook.com"}, ""), V{"microsoft"});
  EXPECT_EQ(ServerFamilies(t, {"mta5.am0.yahoodns.net", "mx01.mail.icloud.com"}, ""),
            (V{"apple", "yahoo"}));
  EXPECT_EQ(ServerFamilies(t, {"mx.example.com", ""}, ""), V{});
  EXPECT_EQ(ServerFamilies(t, {}, "host mx3.QQ.com[192.0.2.1] said: 550 Mailbox unavailable"),
            V{"qq"});
  // A trailing dot (an absolute name) still counts; an address's domain does not.
  EXPECT_EQ(ServerFamilies(t, {"smtp.google.com."}, ""), V{"google"});
  EXPECT_EQ(ServerFamilies(t, {}, "550 <someone@gmail.google.com>: unknown"), V{});
  EXPECT_EQ(ServerFamilies(t, {}, "from mx.notgoogle.com[192.0.2.1]"), V{});
}

}  // namespace
}  // namespace bouncetolk

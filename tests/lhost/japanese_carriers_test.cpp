// SPDX-License-Identifier: MIT
// Tests for src/lhost/japanese_carriers.cpp: a lead-in before the address, and a Shift_JIS
// body decoded to UTF-8.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

// "宛先不明のため送信できませんでした" (undeliverable: recipient unknown) in Shift_JIS.
const char kShiftJis[] =
    "From: no-reply@mail.dion.ne.jp\n"
    "Subject: Returned mail\n"
    "Content-Type: text/plain; charset=Shift_JIS\n"
    "\n"
    "\x88\xb6\x90\xe6\x95s\x96\xbe\x82\xcc\x82\xbd\x82\xdf\x91\x97\x90M\x82\xc5\x82\xab\x82\xdc\x82"
    "\xb9\x82\xf1"
    "\x82\xc5\x82\xb5\x82\xbd\n"
    "\n"
    "Your mail sent on: Mon, 2 Mar 2026 10:00:00 +0900\n"
    "     Could not be delivered to: <hanako@dion.example.jp>\n"
    "     As their mailbox is full.\n";

TEST(JapaneseCarriersTest, Table) {
  ExpectCase({"KDDI lead-in",
              kShiftJis,
              "japanese-carriers",
              {{"hanako@dion.example.jp", "5.0.0", 0, "mailboxfull", "", ""}}});
}

TEST(JapaneseCarriersTest, ShiftJisIsDecoded) {
  std::vector<Problem> problems;
  const Entity root = ParseMime(kShiftJis, AnalyzeOptions(), &problems);
  const MessageView view = BuildMessageView(root, TestRules().tables(), AnalyzeOptions());
  // "宛先不明" in UTF-8.
  EXPECT_NE(view.text.find("\xe5\xae\x9b\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e"), std::string::npos)
      << view.text;
}

}  // namespace
}  // namespace bouncetolk

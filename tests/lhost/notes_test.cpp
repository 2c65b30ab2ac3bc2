// SPDX-License-Identifier: MIT
// Tests for src/lhost/notes.cpp: Lotus Notes writes the reason before the address, in the
// server's language and charset (ISO-2022-JP here), decoded to UTF-8 before matching.

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kNotesEnglish[] =
    "From: postmaster@notes.example.nl\n"
    "Subject: Undeliverable message\n"
    "\n"
    "------- Failure Reasons  --------\n"
    "\n"
    "User not listed in public Name & Address Book\n"
    "anna@notes.example.nl\n"
    "\n"
    "------- Returned Message --------\n"
    "Received: from mx.example.nl\n"
    "To: anna@notes.example.nl\n";

// "ディレクトリのリストにありません" (not in the directory list) in ISO-2022-JP.
const char kNotesJapanese[] =
    "From: postmaster@notes.example.jp\n"
    "Subject: Undeliverable message\n"
    "Content-Type: text/plain; charset=ISO-2022-JP\n"
    "\n"
    "------- Failure Reasons  --------\n"
    "\n"
    "\x1b$B%G%#%l%/%H%j$N%j%9%H$K$\"$j$^$;$s\x1b(B\n"
    "taro@notes.example.jp\n"
    "\n"
    "------- Returned Message --------\n";

TEST(NotesTest, Table) {
  const VendorCase cases[] = {
      {"English reason",
       kNotesEnglish,
       "notes",
       {{"anna@notes.example.nl", "5.0.0", 0, "userunknown", "", ""}}},
      // expected.tsv reads the corpus' Japanese Notes samples as onhold; "not on the directory
      // list" says the user is unknown (tests/corpus/disagreements_test.cpp).
      {"Japanese reason",
       kNotesJapanese,
       "notes",
       {{"taro@notes.example.jp", "5.0.0", 0, "userunknown", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

TEST(NotesTest, Iso2022JpReasonIsUtf8) {
  const Report report = Analyze(kNotesJapanese, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.recipients[0].diagnostic,
            "\xe3\x83\x87\xe3\x82\xa3\xe3\x83\xac\xe3\x82\xaf\xe3\x83\x88\xe3\x83\xaa\xe3\x81\xae"
            "\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88\xe3\x81\xab\xe3\x81\x82\xe3\x82\x8a\xe3\x81\xbe"
            "\xe3\x81\x9b\xe3\x82\x93");
}

}  // namespace
}  // namespace bouncetolk

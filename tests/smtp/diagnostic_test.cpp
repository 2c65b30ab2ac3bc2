// SPDX-License-Identifier: MIT
// Tests for src/smtp/diagnostic.cpp: extracting codes and choosing between Status and text.

#include "smtp/diagnostic.h"

#include <gtest/gtest.h>

namespace bouncetolk {
namespace {

TEST(DiagnosticTest, ExtractCodes) {
  struct Case {
    const char* in;
    int reply;
    const char* status;
  } cases[] = {
      {"550 5.1.1 <a@b>: Recipient address rejected", 550, "5.1.1"},
      {"550-5.7.26 This mail is unauthenticated", 550, "5.7.26"},
      {"550 #5.1.0 Address rejected", 550, "5.1.0"},
      {"421 4.7.0 Try again later", 421, "4.7.0"},
      {"554 Transaction failed", 554, nullptr},
      {"Host or domain name not found", 0, nullptr},
      {"550 4.2.2 odd class mismatch, 5.2.2 later", 550, "5.2.2"},
      // A relay's own code before the remote reply: the code after the reply code wins.
      {"5.1.0 - Unknown address error 550-'5.2.2 <a@b>... Mailbox Full'", 550, "5.2.2"},
  };
  for (const auto& c : cases) {
    const TextCodes got = ExtractCodes(c.in);
    EXPECT_EQ(got.reply ? got.reply->value() : 0, c.reply) << c.in;
    EXPECT_EQ(got.status ? got.status->ToString() : std::string(), c.status ? c.status : "")
        << c.in;
  }
}

TEST(DiagnosticTest, ChooseStatus) {
  struct Case {
    const char* name;
    const char* field;
    const char* text;
    const char* action;
    const char* want;
    StatusSource want_source;
    const char* want_note;
  } cases[] = {
      {"field only", "5.1.1", "User unknown", "failed", "5.1.1", StatusSource::kStatusField, ""},
      {"text only", "", "550 5.2.2 full", "failed", "5.2.2", StatusSource::kDiagnosticCode, ""},
      {"equal", "5.1.1", "550 5.1.1 unknown", "failed", "5.1.1", StatusSource::kStatusField, ""},
      {"generic field", "5.0.0", "550 5.1.1 unknown", "failed", "5.1.1",
       StatusSource::kDiagnosticCode, "text_more_specific"},
      {"generic field, other class", "4.0.0", "550 5.1.1 unknown", "failed", "5.1.1",
       StatusSource::kDiagnosticCode, "text_matches_reply"},
      {"class conflict specific", "4.4.1", "550 5.1.1 unknown", "failed", "5.1.1",
       StatusSource::kDiagnosticCode, "text_matches_reply"},
      // The remote server's own reply outranks the code the reporting MTA wrote over it.
      {"both specific, text is the remote reply", "5.1.1", "550 5.7.1 relay denied", "failed",
       "5.7.1", StatusSource::kDiagnosticCode, "text_is_remote_reply"},
      {"both specific, code elsewhere in the text", "5.1.1", "550 relay denied (see 5.7.1)",
       "failed", "5.1.1", StatusSource::kStatusField, "status_field_preferred"},
      {"nothing, reply", "", "554 Transaction failed", "failed", "5.0.0", StatusSource::kInferred,
       ""},
      {"nothing, delayed", "", "timeout", "delayed", "4.0.0", StatusSource::kInferred, ""},
      {"nothing, delivered", "", "", "delivered", "2.0.0", StatusSource::kInferred, ""},
  };
  for (const auto& c : cases) {
    RecipientResult r;
    r.status_field = c.field;
    r.action = *ParseDsnAction(c.action);
    ChooseStatus(ExtractCodes(c.text), StatusSource::kDiagnosticCode, &r);
    EXPECT_EQ(r.status, c.want) << c.name;
    EXPECT_EQ(r.status_source, c.want_source) << c.name;
    EXPECT_EQ(StatusNoteToken(r.status_note), c.want_note) << c.name;
  }
}

}  // namespace
}  // namespace bouncetolk

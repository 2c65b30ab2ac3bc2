// SPDX-License-Identifier: MIT
// Tests for src/dsn/rfc3834.cpp: auto-replies, and bounces that also say Auto-Submitted.

#include "dsn/rfc3834.h"

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

TEST(Rfc3834Test, Table) {
  const struct {
    const char* name;
    const char* message;
    MessageKind kind;
  } cases[] = {
      {"Auto-Submitted header",
       "From: Els <els@example.nl>\nSubject: Re: offerte\nAuto-Submitted: auto-replied\n\n"
       "Ik ben tot 5 mei afwezig.\n",
       MessageKind::kAutoReply},
      {"Dutch subject",
       "From: els@example.nl\nSubject: Automatisch antwoord: offerte\n\nIk ben afwezig.\n",
       MessageKind::kAutoReply},
      {"Outlook subject", "From: els@example.nl\nSubject: Automatic reply: offer\n\nI am away.\n",
       MessageKind::kAutoReply},
      {"a bounce that says Auto-Submitted stays a bounce",
       "From: Mail Delivery System <MAILER-DAEMON@example.nl>\nSubject: Undelivered Mail Returned "
       "to Sender\n"
       "Auto-Submitted: auto-replied\n\nThis is the mail system at host example.nl.\n\n"
       "<x@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown user (in reply to "
       "RCPT TO command)\n",
       MessageKind::kBounce},
      {"ordinary mail", "From: els@example.nl\nSubject: vraagje\n\nHoe gaat het?\n",
       MessageKind::kNotABounce},
  };
  for (const auto& c : cases) {
    const Report report = Analyze(c.message, TestRules());
    EXPECT_EQ(MessageKindToken(report.kind), MessageKindToken(c.kind)) << c.name;
    if (c.kind == MessageKind::kAutoReply) {
      ASSERT_EQ(report.recipients.size(), 1u) << c.name;
      EXPECT_EQ(report.recipients[0].recipient, "els@example.nl") << c.name;
      EXPECT_EQ(report.recipients[0].reason, Reason::kVacation) << c.name;
      EXPECT_FALSE(report.recipients[0].hard_bounce) << c.name;
    }
  }
}

}  // namespace
}  // namespace bouncetolk

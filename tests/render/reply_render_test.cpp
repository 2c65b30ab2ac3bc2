// SPDX-License-Identifier: MIT
// Tests for src/render/reply_render.cpp and the templates in data/replies/.

#include <gtest/gtest.h>

#include "bouncetolk/bouncetolk.h"
#include "rules/rule_table.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

const RuleSet& Rules() { return TestRules(); }

Report OneRecipient(Reason reason, Party party, const std::string& action, Permanence permanence) {
  Report rep;
  rep.kind = MessageKind::kBounce;
  rep.original.from = "\"Bakkerij Jansen\" <info@bakkerij.example>";
  rep.original.subject = "Offerte";
  rep.original.date = "Mon, 23 Nov 2026 10:00:00 +0100";
  RecipientResult r;
  r.index = 1;
  r.recipient = "klant@example.com";
  r.action = *ParseDsnAction(action);
  r.status = "5.0.0";
  r.reason = reason;
  r.party = party;
  r.permanence = permanence;
  r.text_id = "reason:" + std::string(ReasonToken(reason));
  r.will_retry_until = action == "delayed" ? "Fri, 27 Nov 2026 10:00:00 +0100" : "";
  rep.recipients.push_back(r);
  return rep;
}

TEST(ReplyRenderTest, EveryReasonHasATemplateInBothLanguages) {
  for (int lang = 0; lang < 2; ++lang) {
    for (int i = 0; i < kReasonCount; ++i) {
      const std::string id(ReasonToken(static_cast<Reason>(i)));
      EXPECT_NE(Rules().ReplyTemplate(id, lang == 0 ? Lang::kNl : Lang::kEn), nullptr) << id;
    }
  }
}

TEST(ReplyRenderTest, EveryReasonAndPartyFillsAllPlaceholders) {
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    for (int i = 0; i < kReasonCount; ++i) {
      for (Party party :
           {Party::kSender, Party::kRecipient, Party::kRemoteAdmin, Party::kOwnAdmin}) {
        const Reason reason = static_cast<Reason>(i);
        const Permanence perm =
            reason == Reason::kDelivered ? Permanence::kSuccess : Permanence::kPermanent;
        const std::string out =
            RenderReply(OneRecipient(reason, party, "failed", perm), Rules(), lang);
        const std::string what =
            std::string(ReasonToken(reason)) + "/" + std::string(PartyToken(party));
        ASSERT_FALSE(out.empty()) << what;
        for (std::string_view p : kReplyPlaceholders) {
          EXPECT_EQ(out.find("{" + std::string(p) + "}"), std::string::npos)
              << what << " leaves {" << p << "}";
        }
        EXPECT_NE(out.find("klant@example.com"), std::string::npos) << what;
        EXPECT_NE(out.find("Bakkerij Jansen"), std::string::npos) << what;
        EXPECT_NE(out.find("Offerte"), std::string::npos) << what;
      }
    }
  }
}

TEST(ReplyRenderTest, DelayedIsReassuring) {
  const std::string nl = RenderReply(
      OneRecipient(Reason::kExpired, Party::kRemoteAdmin, "delayed", Permanence::kTemporary),
      Rules(), Lang::kNl);
  EXPECT_NE(nl.find("niet opnieuw te versturen"), std::string::npos) << nl;
  EXPECT_NE(nl.find("Fri, 27 Nov 2026"), std::string::npos) << nl;
  const std::string en = RenderReply(
      OneRecipient(Reason::kExpired, Party::kRemoteAdmin, "delayed", Permanence::kTemporary),
      Rules(), Lang::kEn);
  EXPECT_NE(en.find("no need to send"), std::string::npos) << en;
}

TEST(ReplyRenderTest, RecipientsWithTheSameReasonShareOneParagraph) {
  Report rep = OneRecipient(Reason::kUserUnknown, Party::kSender, "failed", Permanence::kPermanent);
  RecipientResult second = rep.recipients[0];
  second.index = 2;
  second.recipient = "ander@example.com";
  rep.recipients.push_back(second);
  const std::string out = RenderReply(rep, Rules(), Lang::kNl);
  EXPECT_NE(out.find("klant@example.com en ander@example.com"), std::string::npos) << out;
}

TEST(ReplyRenderTest, NoRecipientsNoReply) {
  Report rep;
  rep.kind = MessageKind::kNotABounce;
  EXPECT_EQ(RenderReply(rep, Rules(), Lang::kNl), "");
}

TEST(ReplyRenderTest, MessageTextIsMadeSafe) {
  Report rep = OneRecipient(Reason::kUserUnknown, Party::kSender, "failed", Permanence::kPermanent);
  rep.original.subject = "evil\x1b]0;title\x07";
  const std::string out = RenderReply(rep, Rules(), Lang::kNl);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Tests for src/render/suppression_render.cpp: the plain list and the CSV/TSV import shape
// (email,reason,status,outcome,timestamp,source), addresses escaped, non-addresses marked.

#include <gtest/gtest.h>

#include <string>

#include "bouncetolk/batch.h"
#include "bouncetolk/render.h"

namespace bouncetolk {
namespace {

SuppressionList List() {
  SuppressionList list;
  Report bounce;
  bounce.kind = MessageKind::kBounce;
  bounce.date = "Tue, 3 Mar 2026 08:59:00 +0100";
  RecipientResult r;
  r.recipient = "\"piet\"@Klant.example";
  r.status = "5.1.1";
  r.reason = Reason::kUserUnknown;
  r.hard_bounce = true;
  r.action = DsnAction::kFailed;
  bounce.recipients.push_back(r);
  r.recipient = "jan\x1b[2J\xc2\x9b\xe2\x80\xae@klant.example";
  bounce.recipients.push_back(r);
  list.Add(bounce, "box.mbox:7");
  Report complaint;
  complaint.kind = MessageKind::kFeedback;
  complaint.feedback_type = "abuse";
  RecipientResult c;
  c.recipient = "klager@example.org";
  c.reason = Reason::kFeedback;
  c.outcome = Outcome::kFeedback;  // as Analyze() decides for a feedback report
  complaint.recipients.push_back(c);
  list.Add(complaint, "arf, \"1\".eml");
  return list;
}

RenderOptions As(Format format) {
  RenderOptions o;
  o.format = format;
  return o;
}

TEST(SuppressionRenderTest, PlainListEscapesAndMarks) {
  EXPECT_EQ(RenderSuppression(List(), As(Format::kText)),
            "# jan\xE2\x90\x9B[2J\\u{9B}\\u{202E}@klant.example\n"
            "klager@example.org\n"
            "piet@klant.example\n");
}

TEST(SuppressionRenderTest, CsvForListImports) {
  EXPECT_EQ(RenderSuppression(List(), As(Format::kCsv)),
            "email,reason,status,outcome,timestamp,source\r\n"
            "# jan\xE2\x90\x9B[2J\\u{9B}\\u{202E}@klant.example,userunknown,5.1.1,failed,"
            "2026-03-03T07:59:00Z,box.mbox:7\r\n"
            "klager@example.org,feedback,,feedback,,\"arf, \"\"1\"\".eml\"\r\n"
            "piet@klant.example,userunknown,5.1.1,failed,2026-03-03T07:59:00Z,box.mbox:7\r\n");
  const std::string tsv = RenderSuppression(List(), As(Format::kTsv));
  EXPECT_EQ(tsv.substr(0, tsv.find('\n')), "email\treason\tstatus\toutcome\ttimestamp\tsource");
  EXPECT_EQ(RenderSuppression(SuppressionList(), As(Format::kCsv)),
            "email,reason,status,outcome,timestamp,source\r\n");
  EXPECT_EQ(RenderSuppression(SuppressionList(), As(Format::kText)), "");
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// summary_render_test.cpp: RenderSummary() (render.h) in Dutch and English text, JSON and CSV:
// numbers in the language's style, totals, the "rest" row of long tables, overflow and empty
// keys, and message-derived keys made terminal-safe.

#include <gtest/gtest.h>

#include <string>

#include "bouncetolk/batch.h"
#include "bouncetolk/render.h"
#include "bouncetolk/rules.h"

namespace bouncetolk {
namespace {

const RuleSet& Rules() {
  static const std::unique_ptr<const RuleSet> rules = [] {
    std::vector<std::string> errors;
    return RuleSet::Load("", &errors);
  }();
  return *rules;
}

// 1200 bounces to 1200 domains (so the domain table is long), one to an address without a
// domain, a recipient whose domain holds an escape character, and 34 not_a_bounce inputs.
BatchSummary Sample() {
  BatchSummary s;
  for (int i = 0; i < 1200; ++i) {
    Report r;
    r.kind = MessageKind::kBounce;
    RecipientResult rr;
    rr.recipient = "user@d" + std::to_string(i) + ".example";
    rr.status = "5.1.1";
    rr.reason = Reason::kUserUnknown;
    rr.hard_bounce = true;
    rr.diagnostic = "550 5.1.1 <" + rr.recipient + ">: no such user";
    r.recipients.push_back(rr);
    if (i == 0) {
      RecipientResult odd = rr;
      odd.recipient = "nodomain";
      r.recipients.push_back(odd);
      odd.recipient = "x@evil\x1b[31m.example";
      r.recipients.push_back(odd);
    }
    s.Add(r);
  }
  for (int i = 0; i < 34; ++i) s.Add(Report());
  return s;
}

std::string Render(const BatchSummary& s, Format f, Lang lang) {
  RenderOptions o;
  o.format = f;
  o.lang = lang;
  return RenderSummary(s, Rules(), o);
}

TEST(RenderSummary, DutchTextTable) {
  const std::string t = Render(Sample(), Format::kText, Lang::kNl);
  EXPECT_NE(t.find("Samenvatting van 1.234 berichten"), std::string::npos) << t;
  EXPECT_NE(t.find("Ontvangers in de meldingen: 1.202"), std::string::npos);
  EXPECT_NE(t.find("     1.200     97,2%  onbestelbaar-melding (bounce)"), std::string::npos) << t;
  EXPECT_NE(t.find("        34      2,8%  geen bounce"), std::string::npos) << t;
  EXPECT_NE(t.find("     1.234    100,0%  totaal"), std::string::npos);
  EXPECT_NE(t.find("(de 1.187 overige samen)"), std::string::npos) << t;  // 1202 domains, 15 shown
  EXPECT_NE(t.find("550 5.1.1 <…>: no such user"), std::string::npos);
  EXPECT_EQ(t.find('\x1b'), std::string::npos);  // the escape from the address is made visible
}

TEST(RenderSummary, EnglishTextTable) {
  const std::string t = Render(Sample(), Format::kText, Lang::kEn);
  EXPECT_NE(t.find("Summary of 1,234 messages"), std::string::npos) << t;
  EXPECT_NE(t.find("97.2%"), std::string::npos);
  EXPECT_NE(t.find("(the other 1,187 together)"), std::string::npos);
}

TEST(RenderSummary, JsonAndCsvHaveEveryRow) {
  const std::string j = Render(Sample(), Format::kJson, Lang::kNl);
  EXPECT_EQ(j.rfind("{\"schema\":2,\"messages\":1234,\"recipients\":1202,", 0), 0u)
      << j.substr(0, 80);
  EXPECT_NE(j.find("{\"key\":\"\",\"count\":1}"), std::string::npos);  // the address without domain
  EXPECT_NE(j.find("{\"key\":\"d999.example\",\"count\":1}"),
            std::string::npos);  // no rest row in JSON
  const std::string c = Render(Sample(), Format::kCsv, Lang::kNl);
  EXPECT_EQ(c.rfind("table,key,count\r\n", 0), 0u);
  EXPECT_NE(c.find("kind,bounce,1200\r\n"), std::string::npos);
  EXPECT_NE(c.find("hard_soft,hard,1202\r\n"), std::string::npos);
  EXPECT_NE(c.find("diagnostic,550 5.1.1 <…>: no such user,1202\r\n"), std::string::npos);
}

}  // namespace
}  // namespace bouncetolk

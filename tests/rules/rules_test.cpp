// SPDX-License-Identifier: MIT
// Tests for the knowledge base (data/) and its loader: completeness of the embedded tables,
// one case per seed entry, every IANA code resolving to its own row, and loader errors.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/explain.h"
#include "common/text.h"
#include "rules/rule_table.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

const RuleSet& Rules() { return TestRules(); }

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(RulesTest, EmbeddedTablesPassCheck) {
  const auto problems = Rules().Check();
  for (const auto& p : problems) ADD_FAILURE() << p;
  EXPECT_TRUE(problems.empty());
}

TEST(RulesTest, EveryReasonHasTextsInBothLanguages) {
  for (int i = 0; i < kReasonCount; ++i) {
    const std::string id = "reason:" + std::string(ReasonToken(static_cast<Reason>(i)));
    EXPECT_NE(Rules().Text(id, Lang::kNl), nullptr) << id;
    EXPECT_NE(Rules().Text(id, Lang::kEn), nullptr) << id;
  }
}

// Every code of the IANA registry (../shared/docs/iana-enhanced-status-codes.tsv) resolves,
// for each class it applies to, to a registered row of its own, never to a fallback.
TEST(RulesTest, EveryRegisteredCodeHasItsOwnRow) {
  const std::string path =
      std::string(BT_SOURCE_DIR) + "/../shared/docs/iana-enhanced-status-codes.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  int checked = 0;
  for (const auto& row : ReadTsv(path)) {
    ASSERT_GE(row.size(), 3u);
    const std::string& code = row[0];  // X.s.d
    for (char klass : row[2]) {
      if (klass != '2' && klass != '4' && klass != '5') continue;
      const std::string concrete = std::string(1, klass) + code.substr(1);
      const CodeRule* rule = LookupStatus(Rules().tables(), concrete, nullptr);
      ASSERT_NE(rule, nullptr) << concrete;
      // generic: registered, but too wide for a concept rule to yield to (docs/precedence.md).
      EXPECT_TRUE(rule->kind == CodeKind::kIana || rule->kind == CodeKind::kGeneric)
          << concrete << " resolves to " << rule->code << " of kind " << TokenOf(*rule->kind);
      EXPECT_TRUE(rule->code == code || rule->code == concrete)
          << concrete << " resolves to " << rule->code;
      ++checked;
    }
  }
  EXPECT_GE(checked, 81);
}

TEST(RulesTest, UnregisteredCodesFallBack) {
  struct Case {
    const char* code;
    const char* want_rule;
  } cases[] = {
      {"5.1.99", "X.1.*"},
      {"4.9.1", "4.*.*"},
      {"5.0.911", "X.0.*"},
  };
  for (const auto& c : cases) {
    const CodeRule* rule = LookupStatus(Rules().tables(), c.code, nullptr);
    if (!rule) {
      ADD_FAILURE() << c.code << " has no rule";
      continue;
    }
    EXPECT_EQ(TokenOf(*rule->kind), "fallback") << c.code;
  }
}

// tests/data/seed_codes.tsv: every code a seed explains is found by `explain` as its own rule.
TEST(SeedTest, CodesOfTheSeeds) {
  const auto rows = ReadTsv(std::string(BT_SOURCE_DIR) + "/tests/data/seed_codes.tsv");
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u);
    const ExplainResult r = Explain(row[1], Rules());
    bool hit = false;
    for (const auto& h : r.hits) hit = hit || h.rule_id == row[2];
    EXPECT_TRUE(hit) << row[0] << ": explain '" << row[1] << "' does not give " << row[2];
  }
}

// tests/data/seed_phrases.tsv: every error text a seed explains is matched FIRST by its rule.
TEST(SeedTest, PhrasesOfTheSeeds) {
  const auto rows = ReadTsv(std::string(BT_SOURCE_DIR) + "/tests/data/seed_phrases.tsv");
  ASSERT_FALSE(rows.empty());
  const RuleTables& t = Rules().tables();
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u);
    std::string want = row[2];
    if (want.rfind("phrase:", 0) == 0) want = want.substr(7);
    const std::string norm = NormalizeForMatch(row[1]);
    std::vector<int> hits = t.text_matcher.Match(norm);
    // Phrases only: the words of status-words.tsv come after them (kStatusWordIds).
    hits.erase(std::lower_bound(hits.begin(), hits.end(), kStatusWordIds), hits.end());
    if (hits.empty()) hits = t.subject_matcher.Match(norm);
    ASSERT_FALSE(hits.empty()) << row[0] << ": no rule matches '" << row[1] << "'";
    EXPECT_EQ(t.phrases[static_cast<std::size_t>(hits.front())].id, want)
        << row[0] << ": '" << row[1] << "'";
  }
}

TEST(LoaderTest, ErrorsNameFileAndLine) {
  std::vector<DataFile> files = {
      {"rules/phrases.tsv",
       "id\tscope\tpattern\treason\tparty\tpermanence\ttext\tsource\n"
       "# comment\n"
       "a\ttext\tfoo bar\tmailboxful\tsender\t-\t-\tseed:x\n"
       "b\ttext\tre:(unclosed\tuserunknown\tsender\t-\t-\tseed:x\n"
       "c\ttext\tok\tuserunknown\tsender\t-\t-\n",
       false},
      {"rules/status.tsv",
       "code\tkind\treason\tparty\ttext\tsource\n5.1.01\tiana\tuserunknown\tsender\t-\tx\n", false},
  };
  std::vector<std::string> errors;
  EXPECT_EQ(BuildRuleTables(files, &errors), nullptr);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  EXPECT_NE(all.find("data/rules/phrases.tsv:3: unknown reason 'mailboxful'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("data/rules/phrases.tsv:4: pattern of 'b' does not compile"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("data/rules/phrases.tsv:5: expected 8 columns"), std::string::npos) << all;
  EXPECT_NE(all.find("data/rules/status.tsv:2: malformed code '5.1.01'"), std::string::npos) << all;
}

TEST(LoaderTest, OverlayReplacesAndPrecedes) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("bt_overlay_" + std::to_string(::getpid()));
  fs::create_directories(dir / "rules");
  fs::create_directories(dir / "text" / "nl");
  fs::create_directories(dir / "text" / "en");
  std::ofstream(dir / "rules" / "phrases.tsv")
      << "id\tscope\tpattern\treason\tparty\tpermanence\ttext\tsource\n"
      << "local-full\ttext\tbox is stuffed\tmailboxfull\trecipient\t-\t-\thelpdesk\n";
  std::ofstream(dir / "text" / "nl" / "local.txt")
      << "Id: phrase:local-full\nTitle: Vol\nExplanation: Vol.\nFix: Wacht.\n";
  std::ofstream(dir / "text" / "en" / "local.txt")
      << "Id: phrase:local-full\nTitle: Full\nExplanation: Full.\nFix: Wait.\n";
  std::vector<std::string> errors;
  auto rules = RuleSet::Load(dir.string(), &errors);
  ASSERT_TRUE(rules) << (errors.empty() ? "" : errors[0]);
  EXPECT_EQ(rules->tables().phrases.front().id, "local-full");
  const Report rep = Analyze(
      "From: x@y\nContent-Type: multipart/report; boundary=b\n\n--b\nContent-Type: "
      "message/delivery-status\n\n"
      "Reporting-MTA: dns; m\n\nFinal-Recipient: rfc822; a@b\nAction: failed\nStatus: 5.0.0\n"
      "Diagnostic-Code: smtp; 550 the box is stuffed\n\n--b--\n",
      *rules);
  ASSERT_EQ(rep.recipients.size(), 1u);
  EXPECT_EQ(ReasonToken(rep.recipients[0].reason), "mailboxfull");
  EXPECT_EQ(rep.recipients[0].rules.front(), "phrase:local-full");
  fs::remove_all(dir);
}

// status-words.tsv rows must be tied down (a word, or a family and a code), with a code
// (concrete, a rising range of details, or *) and a plain word; a family must be one of
// host-families.tsv (rules check).
TEST(LoaderTest, StatusWordRowsAreCheckedAndFamiliesKnown) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("bt_status_words_" + std::to_string(::getpid()));
  fs::create_directories(dir / "rules");
  const std::string header = "id\tfamily\tcode\tword\treason\tparty\tpermanence\ttext\tsource\n";
  const auto load_errors = [&](const std::string& row) {
    std::ofstream(dir / "rules" / "status-words.tsv") << header << row;
    std::vector<std::string> errors;
    auto rules = RuleSet::Load(dir.string(), &errors);
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    if (rules) {
      for (const std::string& e : rules->Check()) all += e + "\n";
    }
    return all;
  };
  EXPECT_NE(load_errors("a\t*\t*\t*\tblocked\tsender\t-\treason:blocked\tx\n"), "")
      << "nothing ties the row down";
  EXPECT_NE(load_errors("a\t*\t5.7.649-606\tw\tblocked\tsender\t-\treason:blocked\tx\n"), "")
      << "a falling range";
  EXPECT_NE(load_errors("a\t*\t5.7.606-649\tw\tblocked\tsender\t-\t-\tx\n"), "")
      << "a range needs a text";
  EXPECT_NE(load_errors("a\t*\t*\tre:w.*\tblocked\tsender\t-\treason:blocked\tx\n"), "")
      << "a word is plain text";
  EXPECT_NE(
      load_errors("a\tnosuchfamily\t5.7.1\t*\tblocked\tsender\t-\t-\tx\n").find("nosuchfamily"),
      std::string::npos)
      << "an unknown family";
  EXPECT_EQ(load_errors("a\tgoogle\t5.7.606-649\t*\tblocked\town_admin\ttemporary\t"
                        "reason:blocked\tx\n"),
            "");
  fs::remove_all(dir);
}

// A normal run loads the embedded tables trusted: texts, interface strings and reply
// templates are read per language on first use, each text record when it is looked up. They
// must be exactly what the full, validated load reads.
TEST(LoaderTest, TrustedLoadReadsTheSameTextsAsTheFullLoad) {
  const std::vector<DataFile> files = EmbeddedDataFiles();
  std::vector<std::string> errors;
  const auto full = BuildRuleTables(files, &errors, false);
  const auto lazy = BuildRuleTables(files, &errors, true);
  ASSERT_TRUE(full && lazy) << (errors.empty() ? "" : errors[0]);
  ASSERT_FALSE(full->trusted);
  ASSERT_TRUE(lazy->trusted);
  for (Lang lang : kLangs) {
    ASSERT_GT(full->texts[lang].size(), 300u);
    for (const auto& [id, want] : full->texts[lang]) {
      const TextRecord* got = FindText(*lazy, id, lang);
      ASSERT_NE(got, nullptr) << id;
      EXPECT_EQ(got->id, want.id);
      EXPECT_EQ(got->title, want.title) << id;
      EXPECT_EQ(got->explanation, want.explanation) << id;
      EXPECT_EQ(got->fix, want.fix) << id;
    }
    EXPECT_EQ(lazy->lazy[lang].texts.size(), full->texts[lang].size())
        << "records only one load sees";
    EXPECT_EQ(FindText(*lazy, "no:such-id", lang), nullptr);
    ASSERT_FALSE(full->messages[lang].empty());
    for (const auto& [key, want] : full->messages[lang]) {
      const std::string* got = FindMessage(*lazy, key, lang);
      ASSERT_NE(got, nullptr) << key;
      EXPECT_EQ(*got, want) << key;
    }
    EXPECT_EQ(lazy->lazy[lang].messages.size(), full->messages[lang].size());
    ASSERT_FALSE(full->replies[lang].empty());
    for (const auto& [id, want] : full->replies[lang]) {
      const ReplyTemplate* got = FindReply(*lazy, id, lang);
      ASSERT_NE(got, nullptr) << id;
      EXPECT_EQ(got->body, want.body) << id;
    }
    EXPECT_EQ(lazy->lazy[lang].replies.size(), full->replies[lang].size());
  }
  // The rest of the tables does not depend on the mode.
  EXPECT_EQ(lazy->phrases.size(), full->phrases.size());
  for (std::size_t i = 0; i < full->phrases.size() && i < lazy->phrases.size(); ++i) {
    EXPECT_EQ(lazy->phrases[i].id, full->phrases[i].id);
    EXPECT_EQ(lazy->phrases[i].text_id, full->phrases[i].text_id);
  }
  EXPECT_EQ(lazy->status.size(), full->status.size());
  EXPECT_EQ(lazy->lhost_markers.size(), full->lhost_markers.size());
}

// Texts in the trusted layout: Id on a folded line, a duplicate in one file (the first
// counts), a later file replacing a record, comments and stray lines inside a record.
TEST(LoaderTest, TrustedTextIndexFollowsTheFieldReader) {
  const std::string nl =
      "# comment\n"
      "Id: a\nTitle: A\n# inside\nnot a field line\nExplanation: one\n  two\nFix: f\n\n"
      "Id:\n  folded-id\nTitle: F\nExplanation: e\nFix: x\n\n"
      "Id: a\nTitle: duplicate\nExplanation: e\nFix: x\n\n"
      "Title: no id\n\n"
      "id: b\r\nTitle: B\r\nExplanation: e\r\nFix: x\r\n";
  const std::string nl2 = "Id: b\nTitle: B2\nExplanation: e2\nFix: x2";
  const std::vector<DataFile> files = {{"text/nl/one.txt", nl, false},
                                       {"text/nl/two.txt", nl2, false}};
  std::vector<std::string> errors;
  const auto lazy = BuildRuleTables(files, &errors, true);
  ASSERT_TRUE(lazy) << (errors.empty() ? "" : errors[0]);
  const TextRecord* a = FindText(*lazy, "a", Lang::kNl);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->title, "A");
  EXPECT_EQ(a->explanation, "one two");
  const TextRecord* folded = FindText(*lazy, "folded-id", Lang::kNl);
  ASSERT_NE(folded, nullptr);
  EXPECT_EQ(folded->title, "F");
  const TextRecord* b = FindText(*lazy, "b", Lang::kNl);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->title, "B2");
  EXPECT_EQ(lazy->lazy[Lang::kNl].texts.size(), 3u);
  EXPECT_EQ(FindText(*lazy, "a", Lang::kEn), nullptr);
}

// Trusted loading skips validation, so "rules check" (RuleSet::Check) validates the same
// files in full: broken data cannot hide behind the fast path.
TEST(LoaderTest, CheckValidatesWhatTheTrustedLoadSkipped) {
  const std::vector<DataFile> files = {
      {"rules/phrases.tsv",
       "id\tscope\tpattern\treason\tparty\tpermanence\ttext\tsource\n"
       "b\ttext\tre:(unclosed\tuserunknown\tsender\t-\t-\tseed:x\n",
       false},
      {"text/nl/x.txt", "Id: phrase:b\nTitel: typo\n", false},
  };
  std::vector<std::string> errors;
  EXPECT_NE(BuildRuleTables(files, &errors, true), nullptr);
  EXPECT_EQ(BuildRuleTables(files, &errors, false), nullptr);
  std::string all;
  for (const auto& e : CheckRuleFiles(files)) all += e + "\n";
  EXPECT_NE(all.find("data/rules/phrases.tsv:2: pattern of 'b' does not compile"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("data/text/nl/x.txt:1: unknown field 'Titel'"), std::string::npos) << all;
}

// Lookups of a fresh trusted set from many threads at once (batch mode renders in workers):
// every thread sees every record complete.
TEST(LoaderTest, LazyTextsAreSafeAcrossThreads) {
  std::vector<std::string> errors;
  const auto rules = RuleSet::Load("", &errors);
  ASSERT_TRUE(rules);
  ASSERT_NE(TestRules().Text("reason:userunknown", Lang::kNl), nullptr);  // reads the index
  std::vector<std::string> ids;
  for (const auto& [id, rec] : TestRules().tables().lazy[Lang::kNl].texts) ids.emplace_back(id);
  ASSERT_FALSE(ids.empty());
  std::vector<int> bad(4, 0);
  std::vector<std::thread> threads;
  for (int n = 0; n < 4; ++n) {
    threads.emplace_back([&, n] {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string& id = ids[(i * 7 + static_cast<std::size_t>(n) * 13) % ids.size()];
        const TextRecord* rec = rules->Text(id, n % 2 ? Lang::kEn : Lang::kNl);
        if (!rec || rec->id != id || rec->title.empty()) ++bad[static_cast<std::size_t>(n)];
        if (rules->Message("label.fix", Lang::kNl) == "label.fix")
          ++bad[static_cast<std::size_t>(n)];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int n = 0; n < 4; ++n) EXPECT_EQ(bad[static_cast<std::size_t>(n)], 0) << "thread " << n;
}

}  // namespace
}  // namespace bouncetolk

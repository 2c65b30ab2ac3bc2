// SPDX-License-Identifier: MIT
// Corpus test: runs the scorecard over ../shared/corpus/sisimai and fails below the floors.
// The floors only go up; they are set a little under the measured figures (see the commit
// that last changed them). Skips when the corpus is not next to the repository.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace {

int RunScorecard(const std::string& args, std::string* out) {
  const std::string cmd = std::string(BT_SCORECARD) + " " + BT_CORPUS_DIR + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

TEST(CorpusTest, DeliveryStatusMessages) {
  if (!std::filesystem::exists(std::string(BT_CORPUS_DIR) + "/expected.tsv"))
    GTEST_SKIP() << "no corpus";
  std::string out;
  const int rc = RunScorecard(
      "--only-dsn --min recipient=98.5 --min status=96 --min reply=96 --min reason=88 --min "
      "hard=93.5",
      &out);
  std::printf("%s", out.c_str());
  EXPECT_EQ(rc, 0) << out;
}

// Every message, with or without a delivery-status part: the vendor readers included.
TEST(CorpusTest, AllMessages) {
  if (!std::filesystem::exists(std::string(BT_CORPUS_DIR) + "/expected.tsv"))
    GTEST_SKIP() << "no corpus";
  std::string out;
  const int rc = RunScorecard(
      "--min recipient=99.2 --min status=97 --min reply=97.8 --min reason=90.5 --min hard=95",
      &out);
  std::printf("%s", out.c_str());
  EXPECT_EQ(rc, 0) << out;
}

}  // namespace

// SPDX-License-Identifier: MIT
// docs/bouncetolk.schema.json backs docs/json-schema.md: every record the real binary writes
// for the corpus, in every JSON format (JSON Lines, JSON documents, Sisimai records, the
// summary, explain look-ups), validates against it; the validator (testing/json_schema.h)
// rejects wrong records; docs/json-schema.md names every field the schema has; and --format json
// over several inputs is JSON Lines, one document per line.

#include "testing/json_schema.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing/shell_run.h"
#include "testing/temp_tree.h"

namespace {

using bouncetolk::testing::JsonSchema;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const JsonSchema& Schema() {
  static const JsonSchema* schema = new JsonSchema(
      nlohmann::json::parse(ReadFile(std::string(BT_SOURCE_DIR) + "/docs/bouncetolk.schema.json")));
  return *schema;
}

std::string RunBinary(const std::string& args) {
  return bouncetolk::testing::RunShell(args, /*with_stderr=*/false);
}

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) docs.push_back(nlohmann::json::parse(line));
  return docs;
}

TEST(JsonSchemaTest, EveryCorpusRecordValidates) {
  const std::string corpus = "'" + std::string(BT_CORPUS_DIR) + "/eml'";
  std::size_t checked = 0;
  for (const std::string& args :
       {"--format jsonl " + corpus, "--format json " + corpus, "--format sisimai " + corpus,
        "--summary --format json " + corpus, std::string("--format jsonl --example"),
        std::string("--format json explain 550"), std::string("--format json explain 5.7.26"),
        std::string("--format json explain B-URL"), std::string("--format json explain nothing")}) {
    std::size_t n = 0;
    for (const nlohmann::json& record : Lines(RunBinary(args))) {
      const std::vector<std::string> errors = Schema().Validate(record);
      EXPECT_TRUE(errors.empty()) << args << ": " << errors.front();
      ++n;
    }
    EXPECT_GT(n, 0u) << args;
    checked += n;
  }
  std::printf("[schema] %zu records valid against docs/bouncetolk.schema.json\n", checked);
}

TEST(JsonSchemaTest, ValidatorRejectsWrongRecords) {
  const nlohmann::json good = Lines(RunBinary("--format jsonl --example")).at(0);
  ASSERT_TRUE(Schema().Validate(good).empty());
  ASSERT_TRUE(Schema().Validate(good, "record").empty());
  EXPECT_FALSE(Schema().Validate(good, "document").empty());  // it is a record, not a document
  auto changed = [&](const char* key, const nlohmann::json& value) {
    nlohmann::json r = good;
    r[key] = value;
    return Schema().Validate(r, "record");
  };
  EXPECT_FALSE(changed("schema", 1).empty());                          // const
  EXPECT_FALSE(changed("index", "1").empty());                         // type
  EXPECT_FALSE(changed("index", 0).empty());                           // minimum
  EXPECT_FALSE(changed("reply_code", 700).empty());                    // maximum
  EXPECT_FALSE(changed("reason", "nosuchreason").empty());             // enum
  EXPECT_FALSE(changed("token", "ABC").empty());                       // pattern
  EXPECT_FALSE(changed("status", "5.1").empty());                      // pattern in anyOf
  EXPECT_FALSE(changed("rules", "phrase:x status:y").empty());         // an array since schema 2
  EXPECT_FALSE(changed("rules", nlohmann::json::array({1})).empty());  // items
  EXPECT_FALSE(changed("unknown_field", "x").empty());                 // additionalProperties
  nlohmann::json missing = good;
  missing.erase("token");
  EXPECT_FALSE(Schema().Validate(missing, "record").empty());         // required
  EXPECT_FALSE(Schema().Validate(nlohmann::json::object()).empty());  // oneOf: none
  EXPECT_FALSE(Schema().Validate(nlohmann::json::array()).empty());
  // The validator refuses what it does not check, and a $ref it cannot follow.
  EXPECT_FALSE(JsonSchema(nlohmann::json{{"minLength", 1}}).Validate("x").empty());
  EXPECT_FALSE(JsonSchema(nlohmann::json{{"$ref", "#/$defs/none"}}).Validate("x").empty());
  EXPECT_TRUE(JsonSchema(nlohmann::json{{"type", nlohmann::json::array({"string", "null"})}})
                  .Validate(nullptr)
                  .empty());
  // oneOf: exactly one.
  EXPECT_FALSE(JsonSchema(nlohmann::json{{"oneOf", {{{"type", "string"}}, {{"type", "string"}}}}})
                   .Validate("x")
                   .empty());
}

TEST(JsonSchemaTest, DocsNameEveryField) {
  const std::string doc = ReadFile(std::string(BT_SOURCE_DIR) + "/docs/json-schema.md");
  const nlohmann::json schema =
      nlohmann::json::parse(ReadFile(std::string(BT_SOURCE_DIR) + "/docs/bouncetolk.schema.json"));
  for (const char* def : {"record", "document", "sisimai", "summary", "explain"}) {
    std::vector<const nlohmann::json*> objects = {&schema["$defs"][def]};
    while (!objects.empty()) {
      const nlohmann::json& o = *objects.back();
      objects.pop_back();
      if (!o.contains("properties")) continue;
      for (const auto& [name, sub] : o["properties"].items()) {
        EXPECT_NE(doc.find("`" + name + "`"), std::string::npos)
            << def << ": `" << name << "` is not in docs/json-schema.md";
        if (sub.contains("properties")) objects.push_back(&sub);
        if (sub.contains("items") && sub["items"].contains("properties"))
          objects.push_back(&sub["items"]);
      }
    }
  }
}

// JSON Lines input (--input-format jsonl): the ids in jsonl and JSON records and in Sisimai's
// "catch", and a line that holds no message (bad_input_line), validate too.
TEST(JsonSchemaTest, RecordsWithIdsValidate) {
  bouncetolk::testing::TempDir dir;
  const std::string message =
      ReadFile(std::string(BT_SOURCE_DIR) + "/tests/golden/several_recipients.eml");
  ASSERT_FALSE(message.empty());
  const std::string path = dir.path() + "/queue.jsonl";
  std::ofstream(path) << nlohmann::json{{"id", 7}, {"raw", message}}.dump() << "\n"
                      << nlohmann::json{{"id", "k-1"}, {"raw", message}}.dump() << "\n"
                      << nlohmann::json{{"raw", message}}.dump() << "\n"
                      << "{\"id\": true, \"raw\": 5}\n";
  for (const std::string format : {"jsonl", "json", "sisimai"}) {
    const std::vector<nlohmann::json> records =
        Lines(RunBinary("--input-format jsonl --format " + format + " '" + path + "'"));
    EXPECT_GE(records.size(), 3u) << format;
    for (const nlohmann::json& record : records) {
      const std::vector<std::string> errors = Schema().Validate(record);
      EXPECT_TRUE(errors.empty()) << format << ": " << errors.front() << "\n" << record.dump();
    }
  }
}

TEST(JsonSchemaTest, JsonOverSeveralInputsIsJsonLines) {
  bouncetolk::testing::TempDir dir;
  const std::string path = dir.path() + "/plain.eml";
  std::ofstream(path) << "From: a@b.example\nSubject: hallo\n\nGewoon een bericht.\n";
  const std::vector<nlohmann::json> docs =
      Lines(RunBinary("--format json --example '" + path + "' '" + path + "'"));
  ASSERT_EQ(docs.size(), 3u);
  for (const nlohmann::json& d : docs) EXPECT_TRUE(Schema().Validate(d, "document").empty());
  EXPECT_EQ(docs[0]["kind"], "bounce");
  EXPECT_EQ(docs[2]["kind"], "not_a_bounce");
}

}  // namespace

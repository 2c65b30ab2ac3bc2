// SPDX-License-Identifier: MIT
//
// json_schema.h: a validator for the subset of JSON Schema (draft 2020-12) that
// docs/bouncetolk.schema.json uses: type (one or a list), enum, const, properties, required,
// additionalProperties (false or a schema), items, $ref to "#/$defs/NAME", anyOf, oneOf, pattern
// (ECMAScript regex), minimum, maximum; the annotations $schema, $defs, title and description
// are skipped. Any other keyword is an error, so the schema cannot lean on something this does
// not check. Errors name the JSON pointer of the value and the keyword that failed.

#ifndef BOUNCETOLK_TESTS_TESTING_JSON_SCHEMA_H_
#define BOUNCETOLK_TESTS_TESTING_JSON_SCHEMA_H_

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace bouncetolk::testing {

class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json schema) : root_(std::move(schema)) {}

  /// The errors of \a value against the whole schema (empty when it is valid).
  std::vector<std::string> Validate(const nlohmann::json& value) const {
    std::vector<std::string> errors;
    Check(root_, value, "", &errors);
    return errors;
  }
  /// The errors of \a value against "#/$defs/<name>".
  std::vector<std::string> Validate(const nlohmann::json& value, const std::string& def) const {
    std::vector<std::string> errors;
    Check(Resolve("#/$defs/" + def, "", &errors), value, "", &errors);
    return errors;
  }

 private:
  static bool HasType(const nlohmann::json& v, const std::string& type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_boolean();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "string") return v.is_string();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    return false;
  }

  const nlohmann::json& Resolve(const std::string& ref, const std::string& at,
                                std::vector<std::string>* errors) const {
    static const nlohmann::json kFalse = false;
    const std::string prefix = "#/$defs/";
    if (ref.compare(0, prefix.size(), prefix) != 0 || !root_.contains("$defs") ||
        !root_["$defs"].contains(ref.substr(prefix.size()))) {
      errors->push_back(at + ": unresolvable $ref " + ref);
      return kFalse;
    }
    return root_["$defs"][ref.substr(prefix.size())];
  }

  void Check(const nlohmann::json& s, const nlohmann::json& v, const std::string& at,
             std::vector<std::string>* errors) const {
    if (s.is_boolean()) {
      if (!s.get<bool>()) errors->push_back(at + ": no value is allowed here");
      return;
    }
    const std::string where = at.empty() ? "/" : at;
    for (const auto& [keyword, arg] : s.items()) {
      if (keyword == "$schema" || keyword == "$defs" || keyword == "title" ||
          keyword == "description") {
        continue;
      } else if (keyword == "type") {
        bool ok = false;
        if (arg.is_string()) ok = HasType(v, arg);
        for (const auto& t : arg.is_array() ? arg : nlohmann::json::array())
          ok = ok || HasType(v, t);
        if (!ok) errors->push_back(where + ": type is not " + arg.dump());
      } else if (keyword == "enum") {
        bool ok = false;
        for (const auto& e : arg) ok = ok || e == v;
        if (!ok) errors->push_back(where + ": " + v.dump() + " is not in enum");
      } else if (keyword == "const") {
        if (arg != v) errors->push_back(where + ": " + v.dump() + " is not " + arg.dump());
      } else if (keyword == "properties") {
        if (!v.is_object()) continue;
        for (const auto& [name, sub] : arg.items()) {
          if (v.contains(name)) Check(sub, v[name], at + "/" + name, errors);
        }
      } else if (keyword == "required") {
        if (!v.is_object()) continue;
        for (const auto& name : arg) {
          if (!v.contains(name.get<std::string>()))
            errors->push_back(where + ": required " + name.get<std::string>() + " is missing");
        }
      } else if (keyword == "additionalProperties") {
        if (!v.is_object()) continue;
        for (const auto& [name, value] : v.items()) {
          if (!s.contains("properties") || !s["properties"].contains(name))
            Check(arg, value, at + "/" + name, errors);
        }
      } else if (keyword == "items") {
        if (!v.is_array()) continue;
        for (std::size_t i = 0; i < v.size(); ++i)
          Check(arg, v[i], at + "/" + std::to_string(i), errors);
      } else if (keyword == "$ref") {
        Check(Resolve(arg, where, errors), v, at, errors);
      } else if (keyword == "anyOf" || keyword == "oneOf") {
        std::size_t matching = 0;
        for (const auto& sub : arg) {
          std::vector<std::string> sub_errors;
          Check(sub, v, at, &sub_errors);
          if (sub_errors.empty()) ++matching;
        }
        if (matching == 0) errors->push_back(where + ": matches none of " + keyword);
        if (keyword == "oneOf" && matching > 1)
          errors->push_back(where + ": matches " + std::to_string(matching) + " of oneOf");
      } else if (keyword == "pattern") {
        if (v.is_string() &&
            !std::regex_search(v.get<std::string>(), std::regex(arg.get<std::string>())))
          errors->push_back(where + ": does not match " + arg.get<std::string>());
      } else if (keyword == "minimum") {
        if (v.is_number() && v.get<double>() < arg.get<double>())
          errors->push_back(where + ": below " + arg.dump());
      } else if (keyword == "maximum") {
        if (v.is_number() && v.get<double>() > arg.get<double>())
          errors->push_back(where + ": above " + arg.dump());
      } else {
        errors->push_back(where + ": keyword " + keyword + " is not supported by this validator");
      }
    }
  }

  nlohmann::json root_;
};

}  // namespace bouncetolk::testing

#endif  // BOUNCETOLK_TESTS_TESTING_JSON_SCHEMA_H_

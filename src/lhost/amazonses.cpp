// SPDX-License-Identifier: MIT
//
// amazonses.cpp: Amazon SES notifications delivered by mail through Amazon SNS ("AWS
// Notification Message", X-SES-Outgoing): a JSON document whose notificationType is Bounce
// (bouncedRecipients[] with emailAddress, action, status, diagnosticCode), Complaint
// (complainedRecipients[], complaintFeedbackType: kept as a Feedback-Type extension field, which
// makes the report a feedback report) or Delivery (recipients[], smtpResponse). SES bounces in
// RFC 3464 form are read by rfc3464. Only the few keys above are read, with a scanner that
// does not need the whole document to be valid JSON (SNS folds long lines).

#include "common/text.h"
#include "dsn/rfc3464.h"
#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {
namespace {

// The string value of "key" in \a object, JSON escapes \" and \\ undone; empty when absent.
std::string JsonString(std::string_view object, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\"";
  std::size_t at = object.find(needle);
  if (at == std::string_view::npos) return {};
  at = object.find(':', at + needle.size());
  if (at == std::string_view::npos) return {};
  at = object.find('"', at);
  if (at == std::string_view::npos) return {};
  std::string out;
  for (std::size_t i = at + 1; i < object.size() && object[i] != '"'; ++i) {
    if (object[i] == '\\' && i + 1 < object.size()) ++i;
    out.push_back(object[i]);
  }
  return out;
}

// The {...} objects of the array "key": [ {...}, {...} ] (objects without nested braces).
std::vector<std::string_view> JsonObjects(std::string_view json, std::string_view key) {
  std::vector<std::string_view> out;
  const std::size_t at = json.find("\"" + std::string(key) + "\"");
  if (at == std::string_view::npos) return out;
  const std::size_t end = json.find(']', at);
  std::size_t pos = at;
  while (true) {
    const std::size_t open = json.find('{', pos);
    if (open == std::string_view::npos || open > end) break;
    const std::size_t close = json.find('}', open);
    if (close == std::string_view::npos) break;
    out.push_back(json.substr(open, close - open + 1));
    pos = close + 1;
  }
  return out;
}

}  // namespace

std::vector<RecipientResult> DecodeAmazonSes(const MessageView& view) {
  // SNS folds the JSON document over several lines.
  std::string json;
  for (char c : view.text) {
    if (c != '\n') json.push_back(c);
  }
  std::vector<RecipientResult> out;
  const std::string type = JsonString(json, "notificationType");
  if (type == "Bounce") {
    for (std::string_view object : JsonObjects(json, "bouncedRecipients")) {
      RecipientResult r = MakeRecipient(JsonString(object, "emailAddress"), "");
      std::string diagnostic_type;
      std::string diagnostic;
      SplitTyped(JsonString(object, "diagnosticCode"), &diagnostic_type, &diagnostic);
      r.diagnostic = CollapseSpace(diagnostic);
      r.diagnostic_type = diagnostic_type;
      r.status_field = JsonString(object, "status");
      if (const std::string action = JsonString(object, "action"); !action.empty())
        ReadAction(action, &r);
      out.push_back(std::move(r));
    }
  } else if (type == "Complaint") {
    const std::string feedback_type = JsonString(json, "complaintFeedbackType");
    for (std::string_view object : JsonObjects(json, "complainedRecipients")) {
      RecipientResult r = MakeRecipient(JsonString(object, "emailAddress"), "");
      r.extension_fields.push_back(
          Field{"Feedback-Type", feedback_type.empty() ? "abuse" : feedback_type});
      out.push_back(std::move(r));
    }
  } else if (type == "Delivery") {
    const std::string response = JsonString(json, "smtpResponse");
    const std::size_t at = json.find("\"recipients\"");
    const std::size_t end = at == std::string::npos ? at : json.find(']', at);
    if (at != std::string::npos && end != std::string::npos) {
      for (const std::string& address : AllAddresses(std::string_view(json).substr(at, end - at))) {
        RecipientResult r = MakeRecipient(address, response);
        r.action = DsnAction::kDelivered;
        out.push_back(std::move(r));
      }
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i].index = static_cast<int>(i + 1);
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// rfc5965.cpp: see rfc5965.h.

#include "dsn/rfc5965.h"

#include "common/address.h"
#include "common/field_block.h"
#include "common/text.h"
#include "mime/charset.h"

namespace bouncetolk {
namespace {

const Entity* FindFeedbackPart(const Entity& e) {
  for (const Entity& child : e.children) {
    if (child.type == "message/feedback-report") return &child;
    if (child.type == "message/rfc822") continue;
    if (const Entity* found = FindFeedbackPart(child)) return found;
  }
  return nullptr;
}

// The To addresses of the returned message (message/rfc822 or text/rfc822-headers).
std::vector<std::string> ReturnedTo(const Entity& root, const AnalyzeOptions& options) {
  std::vector<std::string> out;
  for (const Entity& part : root.children) {
    const std::vector<Field> headers =
        ReturnedHeaders(part, options).value_or(std::vector<Field>());
    for (const Field& f : headers) {
      if (!EqualsIgnoreCase(f.name, "To")) continue;
      for (std::string& a : AllAddresses(f.value)) out.push_back(std::move(a));
    }
  }
  return out;
}

void AddRecipient(std::string_view address, Report* report) {
  report->recipients.push_back(
      MakeFeedbackRecipient(address, static_cast<int>(report->recipients.size() + 1)));
}

}  // namespace

RecipientResult MakeFeedbackRecipient(std::string_view address, int index) {
  RecipientResult r;
  r.index = index;
  r.recipient = std::string(StripAngles(Trim(address)));
  r.recipient_type = "rfc822";
  r.action = DsnAction::kNone;
  r.reason = Reason::kFeedback;
  r.permanence = Permanence::kSuccess;
  r.text_id = "reason:feedback";
  return r;
}

bool ReadFeedbackReport(const Entity& root, const AnalyzeOptions& options, Report* report) {
  const Entity* part = FindFeedbackPart(root);
  if (!part) {
    if (!EqualsIgnoreCase(Trim(root.Header("X-Apple-Unsubscribe")), "true")) return false;
    report->kind = MessageKind::kFeedback;
    report->format = "apple-unsubscribe";
    report->feedback_type = "opt-out";
    const std::vector<std::string> to = AllAddresses(root.Header("To"));
    AddRecipient(to.empty() ? std::string() : to.front(), report);
    return true;
  }
  FieldBlockOptions fb;
  fb.max_field_bytes = options.max_header_bytes;
  std::vector<Field> fields;
  for (FieldGroup& g :
       ReadFieldGroups(ToUtf8(DecodeBody(*part, options.max_text_bytes), part->charset), fb)) {
    for (Field& f : g.fields) fields.push_back(std::move(f));
  }
  report->kind = MessageKind::kFeedback;
  report->format = "arf";
  if (const std::string* type = FindField(fields, "Feedback-Type"))
    report->feedback_type = AsciiLowerCopy(Trim(*type));
  for (const Field& f : fields) {
    if (EqualsIgnoreCase(f.name, "Original-Rcpt-To")) AddRecipient(f.value, report);
  }
  if (report->recipients.empty()) {
    for (const Field& f : fields) {
      if (EqualsIgnoreCase(f.name, "Removal-Recipient")) AddRecipient(f.value, report);
    }
  }
  if (report->recipients.empty()) {
    for (const std::string& to : ReturnedTo(root, options)) AddRecipient(to, report);
  }
  if (report->recipients.empty()) AddRecipient("", report);
  if (report->recipients.size() > static_cast<std::size_t>(options.max_recipients)) {
    report->recipients.resize(static_cast<std::size_t>(options.max_recipients));
    report->problems.push_back(
        Problem{ErrorCode::kTooManyRecipients, std::to_string(options.max_recipients)});
  }
  return true;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// rfc3464.cpp: see rfc3464.h. A group is per-recipient when it names a recipient
// (Final-Recipient, Original-Recipient) or carries Action/Status; every other group is merged
// into the per-message fields, because real reports sometimes split or omit that group.

#include "dsn/rfc3464.h"

#include "bouncetolk/status_code.h"
#include "common/field_block.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

std::string DecodeAddress(const std::string& type, std::string_view value, bool xtext) {
  std::string addr(StripAngles(value));
  if (type == "utf-8") return DecodeUtf8AddrXtext(addr);
  if (xtext) return DecodeXtext(addr);
  return addr;
}

bool IsRecipientGroup(const std::vector<Field>& fields) {
  for (const Field& f : fields) {
    if (EqualsIgnoreCase(f.name, "Final-Recipient") ||
        EqualsIgnoreCase(f.name, "Original-Recipient") || EqualsIgnoreCase(f.name, "Action") ||
        EqualsIgnoreCase(f.name, "Status")) {
      return true;
    }
  }
  return false;
}

void ReadPerMessage(const std::vector<Field>& fields, PerMessageFields* out) {
  for (const Field& f : fields) {
    std::string type;
    std::string rest;
    if (EqualsIgnoreCase(f.name, "Original-Envelope-Id")) {
      out->original_envelope_id = DecodeXtext(Trim(f.value));
    } else if (EqualsIgnoreCase(f.name, "Reporting-MTA")) {
      SplitTyped(StripComments(f.value), &out->reporting_mta_type, &out->reporting_mta);
    } else if (EqualsIgnoreCase(f.name, "DSN-Gateway")) {
      SplitTyped(StripComments(f.value), &type, &out->dsn_gateway);
    } else if (EqualsIgnoreCase(f.name, "Received-From-MTA")) {
      SplitTyped(StripComments(f.value), &type, &out->received_from_mta);
    } else if (EqualsIgnoreCase(f.name, "Arrival-Date")) {
      out->arrival_date = CollapseSpace(f.value);
    } else {
      out->extension_fields.push_back(f);
    }
  }
}

RecipientResult ReadRecipient(const std::vector<Field>& fields, std::vector<Problem>* problems) {
  RecipientResult r;
  for (const Field& f : fields) {
    std::string type;
    std::string rest;
    if (EqualsIgnoreCase(f.name, "Final-Recipient")) {
      SplitTyped(f.value, &r.recipient_type, &rest);
      r.recipient = DecodeAddress(r.recipient_type, StripComments(rest), false);
    } else if (EqualsIgnoreCase(f.name, "Original-Recipient")) {
      SplitTyped(f.value, &r.original_recipient_type, &rest);
      r.original_recipient = DecodeAddress(r.original_recipient_type, StripComments(rest), true);
    } else if (EqualsIgnoreCase(f.name, "Action")) {
      ReadAction(StripComments(f.value), &r);
    } else if (EqualsIgnoreCase(f.name, "Status")) {
      const std::string value(Trim(StripComments(f.value)));
      if (EnhancedStatus::Parse(value)) {
        r.status_field = value;
      } else {
        problems->push_back(Problem{ErrorCode::kBadStatus, value.substr(0, 80)});
        // Keep what can be recovered ("5.1.1 user unknown", "550 5.1.1").
        if (auto found = EnhancedStatus::Find(value)) r.status_field = found->ToString();
      }
    } else if (EqualsIgnoreCase(f.name, "Remote-MTA")) {
      SplitTyped(StripComments(f.value), &r.remote_mta_type, &r.remote_mta);
    } else if (EqualsIgnoreCase(f.name, "Diagnostic-Code")) {
      SplitTyped(f.value, &r.diagnostic_type, &rest);
      r.diagnostic = CollapseSpace(rest);
    } else if (EqualsIgnoreCase(f.name, "Last-Attempt-Date")) {
      r.last_attempt_date = CollapseSpace(f.value);
    } else if (EqualsIgnoreCase(f.name, "Final-Log-ID")) {
      r.final_log_id = CollapseSpace(f.value);
    } else if (EqualsIgnoreCase(f.name, "Will-Retry-Until")) {
      r.will_retry_until = CollapseSpace(f.value);
    } else {
      r.extension_fields.push_back(f);
    }
  }
  if (r.recipient.empty()) {
    // X-Actual-Recipient (Sisimai) or the original recipient stand in for a missing field.
    if (const std::string* actual = FindField(fields, "X-Actual-Recipient")) {
      std::string type;
      std::string rest;
      SplitTyped(*actual, &type, &rest);
      r.recipient = std::string(StripAngles(rest));
    }
    if (r.recipient.empty()) r.recipient = r.original_recipient;
    if (r.recipient.empty()) problems->push_back(Problem{ErrorCode::kMissingFinalRecipient, ""});
  }
  return r;
}

bool IsPerMessageField(std::string_view name) {
  for (std::string_view f : {"Reporting-MTA", "DSN-Gateway", "Received-From-MTA", "Arrival-Date",
                             "Original-Envelope-Id"}) {
    if (EqualsIgnoreCase(name, f)) return true;
  }
  return false;
}

// Some servers (AOL among them) write the per-message fields and every recipient into ONE
// group, without the blank lines of RFC 3464 section 2.1. Splits such a group where a new
// recipient starts: at a second Final-Recipient or a second Original-Recipient, and before the
// first recipient field when per-message fields precede it.
// Takes the fields by value: they are moved into the chunks, not copied.
std::vector<std::vector<Field>> SplitRunTogether(std::vector<Field> fields) {
  std::vector<std::vector<Field>> chunks(1);
  bool has_final = false;
  bool has_original = false;
  bool has_per_message = false;
  for (Field& f : fields) {
    const bool final = EqualsIgnoreCase(f.name, "Final-Recipient");
    const bool original = EqualsIgnoreCase(f.name, "Original-Recipient");
    const bool repeated = (final && has_final) || (original && has_original);
    const bool after_per_message =
        (final || original) && has_per_message && !IsRecipientGroup(chunks.back());
    if ((repeated || after_per_message) && !chunks.back().empty()) {
      chunks.emplace_back();
      has_final = has_original = has_per_message = false;
    }
    has_final = has_final || final;
    has_original = has_original || original;
    has_per_message = has_per_message || IsPerMessageField(f.name);
    chunks.back().push_back(std::move(f));
  }
  return chunks;
}

}  // namespace

void SplitTyped(std::string_view value, std::string* type, std::string* rest) {
  value = Trim(value);
  const std::size_t semi = value.find(';');
  // A type is a short token without blanks or '@' before the ';'.
  if (semi != std::string_view::npos && semi > 0 && semi <= 32) {
    std::string_view t = Trim(value.substr(0, semi));
    bool token = !t.empty();
    for (char c : t) {
      if (IsSpace(c) || c == '@' || c == '<') token = false;
    }
    if (token) {
      *type = AsciiLowerCopy(t);
      *rest = std::string(Trim(value.substr(semi + 1)));
      return;
    }
  }
  type->clear();
  *rest = std::string(value);
}

std::string NormalizeAction(std::string_view action) {
  std::string a = AsciiLowerCopy(Trim(action));
  if (a == "deliverable") return "delivered";
  if (a == "expired") return "delayed";
  if (a == "failure") return "failed";
  return a;
}

void ReadAction(std::string_view value, RecipientResult* r) {
  std::string word = NormalizeAction(value);
  r->action_other.clear();
  if (word.empty()) {
    r->action = DsnAction::kNone;
  } else if (const auto action = ParseDsnAction(word)) {
    r->action = *action;
  } else {
    r->action = DsnAction::kOther;
    r->action_other = std::move(word);
  }
}

DsnFields ParseDeliveryStatus(std::string_view text, const AnalyzeOptions& options,
                              std::vector<Problem>* problems) {
  DsnFields out;
  FieldBlockOptions fb;
  fb.max_field_bytes = options.max_header_bytes;
  fb.max_groups = static_cast<std::size_t>(options.max_recipients) + 8;
  for (FieldGroup& group : ReadFieldGroups(text, fb)) {
    for (const std::vector<Field>& chunk : SplitRunTogether(std::move(group.fields))) {
      if (!IsRecipientGroup(chunk)) {
        ReadPerMessage(chunk, &out.per_message);
        continue;
      }
      if (static_cast<int>(out.recipients.size()) >= options.max_recipients) {
        problems->push_back(
            Problem{ErrorCode::kTooManyRecipients, std::to_string(options.max_recipients)});
        return out;
      }
      out.recipients.push_back(ReadRecipient(chunk, problems));
      out.recipients.back().index = static_cast<int>(out.recipients.size());
    }
  }
  return out;
}

}  // namespace bouncetolk

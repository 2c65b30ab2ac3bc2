// SPDX-License-Identifier: MIT
//
// delivery_status.cpp: see delivery_status.h.

#include "dsn/delivery_status.h"

#include <utility>

#include "common/text.h"
#include "dsn/fields_in_text.h"
#include "dsn/rfc3464.h"
#include "mime/charset.h"

namespace bouncetolk {
namespace {

bool IsDeliveryStatusType(std::string_view type) {
  return type == "message/delivery-status" || type == "message/global-delivery-status";
}

// Every delivery-status entity in pre-order with its parent (the report container). A report
// nested in a forwarded message/rfc822 is found as well. Some servers put one part per
// recipient.
void FindReportParts(const Entity& e, std::vector<std::pair<const Entity*, const Entity*>>* found) {
  for (const Entity& child : e.children) {
    if (IsDeliveryStatusType(child.type)) {
      found->emplace_back(&child, &e);
      continue;
    }
    FindReportParts(child, found);
  }
}

// The list identifier of a List-Id value (RFC 2919): "Neko list <neko.example.org>" ->
// "neko.example.org"; a value without brackets as it is.
std::string ListIdentifier(std::string_view value) {
  const std::size_t open = value.rfind('<');
  const std::size_t close = value.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    return std::string(Trim(value.substr(open + 1, close - open - 1)));
  return std::string(Trim(value));
}

}  // namespace

void FillOriginal(const std::vector<Field>& headers, OriginalMessage* o) {
  for (const Field& f : headers) {
    std::string* target = nullptr;
    if (EqualsIgnoreCase(f.name, "From"))
      target = &o->from;
    else if (EqualsIgnoreCase(f.name, "To"))
      target = &o->to;
    else if (EqualsIgnoreCase(f.name, "Subject"))
      target = &o->subject;
    else if (EqualsIgnoreCase(f.name, "Date"))
      target = &o->date;
    else if (EqualsIgnoreCase(f.name, "Message-ID"))
      target = &o->message_id;
    else if (EqualsIgnoreCase(f.name, "List-Id") && o->list_id.empty())
      o->list_id = ListIdentifier(CollapseSpace(DecodeHeaderValue(f.value)));
    if (target && target->empty()) *target = CollapseSpace(DecodeHeaderValue(f.value));
  }
}

void FindOriginal(const Entity& container, const AnalyzeOptions& options, OriginalMessage* o) {
  for (const Entity& part : container.children) {
    if (std::optional<std::vector<Field>> headers = ReturnedHeaders(part, options)) {
      FillOriginal(*headers, o);
      return;
    }
  }
}

std::vector<RecipientResult> ReadDeliveryStatusParts(const Entity& root, const MessageView& view,
                                                     const AnalyzeOptions& options,
                                                     Report* report) {
  std::vector<std::pair<const Entity*, const Entity*>> parts;
  FindReportParts(root, &parts);
  std::vector<RecipientResult> recipients;
  for (const auto& [part, container] : parts) {
    const std::string text =
        ToUtf8(DecodeBody(*part, options.max_text_bytes),
               part->type == "message/global-delivery-status" ? "utf-8" : part->charset);
    DsnFields dsn = ParseDeliveryStatus(text, options, &report->problems);
    if (report->format.empty()) {
      report->per_message = std::move(dsn.per_message);
      report->format = "rfc3464";
      FindOriginal(*container, options, &report->original);
    }
    for (RecipientResult& r : dsn.recipients) recipients.push_back(std::move(r));
  }
  if (recipients.empty()) {
    recipients = DecodeFieldsInText(view);
    if (!recipients.empty()) report->format = "rfc3464-text";
  }
  for (std::size_t i = 0; i < recipients.size(); ++i) recipients[i].index = static_cast<int>(i + 1);
  return recipients;
}

}  // namespace bouncetolk

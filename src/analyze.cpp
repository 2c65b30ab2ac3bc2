// SPDX-License-Identifier: MIT
//
// analyze.cpp: the pipeline in one place: bytes -> line endings -> MIME tree -> the kind of
// report (ARF feedback, RFC 3464 / RFC 6533 delivery-status, a vendor's own text, auto-reply,
// or a bounce a person forwarded) -> per-recipient codes -> classification -> Report. The
// stages live in their own modules; this file only orders them.

#include <algorithm>

#include "bouncetolk/bouncetolk.h"
#include "classify/classify.h"
#include "common/date.h"
#include "common/text.h"
#include "dsn/fields_in_text.h"
#include "dsn/rfc3464.h"
#include "dsn/rfc3834.h"
#include "dsn/rfc5965.h"
#include "lhost/lhost.h"
#include "mime/charset.h"
#include "mime/mime_walk.h"
#include "rules/embedded.h"
#include "smtp/command.h"
#include "smtp/diagnostic.h"
#include "smtp/retry_period.h"
#include "view/markers.h"
#include "view/message_view.h"

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

// True when \a text starts like a mail message: a header field on the first line, or an
// mbox "From " separator.
bool LooksLikeMessage(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t')) ++i;
  std::string_view rest = text.substr(i);
  if (rest.compare(0, 5, "From ") == 0) return true;
  const std::size_t eol = rest.find('\n');
  std::string_view line = rest.substr(0, eol);
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 200) return false;
  for (char c : line.substr(0, colon)) {
    if (c <= ' ' || c >= 127) return false;
  }
  return true;
}

std::string_view SkipMboxFromLine(std::string_view text) {
  if (text.compare(0, 5, "From ") != 0) return text;
  const std::size_t eol = text.find('\n');
  return eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
}

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
    if (target && target->empty()) *target = CollapseSpace(DecodeHeaderValue(f.value));
  }
}

// The returned original: the first child of \a container that holds one (ReturnedHeaders).
void FindOriginal(const Entity& container, const AnalyzeOptions& options, OriginalMessage* o) {
  for (const Entity& part : container.children) {
    if (std::optional<std::vector<Field>> headers = ReturnedHeaders(part, options)) {
      FillOriginal(*headers, o);
      return;
    }
  }
}

std::string Utf8Field(const std::string& s) { return IsValidUtf8(s) ? s : ToUtf8(s, ""); }

void RepairRecipientStrings(RecipientResult* r) {
  for (std::string* s :
       {&r->recipient, &r->original_recipient, &r->action, &r->remote_mta, &r->diagnostic,
        &r->diagnostic_type, &r->last_attempt_date, &r->final_log_id, &r->will_retry_until,
        &r->recipient_type, &r->original_recipient_type, &r->remote_mta_type, &r->status_field}) {
    *s = Utf8Field(*s);
  }
  for (Field& f : r->extension_fields) {
    f.name = Utf8Field(f.name);
    f.value = Utf8Field(f.value);
  }
}

// The vendor recipient that describes the same address as \a r: same address, or the only
// one on both sides.
const RecipientResult* MatchingVendorRecipient(const RecipientResult& r,
                                               const VendorReading& vendor, std::size_t dsn_count) {
  for (const RecipientResult& v : vendor.recipients) {
    if (EqualsIgnoreCase(v.recipient, r.recipient) ||
        EqualsIgnoreCase(v.recipient, r.original_recipient))
      return &v;
  }
  if (dsn_count == 1 && vendor.recipients.size() == 1) return &vendor.recipients.front();
  return nullptr;
}

// Adds what the human-readable text says about a DSN recipient: the diagnostic when the DSN
// has none, the remote host and the failed command.
void MergeVendorText(const RecipientResult& v, RecipientResult* r) {
  if (r->diagnostic.empty()) {
    r->diagnostic = v.diagnostic;
    r->diagnostic_type = "x-text";
  }
  if (r->remote_mta.empty()) r->remote_mta = v.remote_mta;
  if (r->command.empty()) r->command = v.command;
}

// Codes for one recipient: from its diagnostic, else from the vendor text about it.
void ChooseCodes(std::string_view vendor_text, StatusSource diagnostic_source, RecipientResult* r) {
  TextCodes codes = ExtractCodes(r->diagnostic);
  if (r->action == "delivered" && !codes.reply) {
    // A success report's codes are 2xx ("250 2.6.0 Message received").
    codes.reply = ReplyCode::Find(r->diagnostic, /*allow_success=*/true);
    codes.status = EnhancedStatus::Find(r->diagnostic, '2');
  }
  StatusSource source = diagnostic_source;
  if (!codes.reply && !codes.status && !vendor_text.empty()) {
    codes = ExtractCodes(vendor_text);
    source = StatusSource::kText;
  }
  ChooseStatus(codes, source, r);
}

// Reads the recipients of every delivery-status part into \a report's per-message fields and
// original; returns them numbered in order. Without such a part, RFC 3464 fields written into
// the human-readable text stand in for it (format "rfc3464-text").
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

// The recipients a vendor reader found, with the report's format and original; delay notices
// ("delayed" rows of lhost.tsv) make their failures delays.
std::vector<RecipientResult> TakeVendorRecipients(const Entity& root, const MessageView& view,
                                                  const AnalyzeOptions& options,
                                                  VendorReading* vendor, Report* report) {
  report->format = std::string(vendor->reader);
  FindOriginal(root, options, &report->original);
  std::vector<RecipientResult> recipients = std::move(vendor->recipients);
  vendor->recipients.clear();
  if (HasMarker(view, "delayed")) {
    for (RecipientResult& r : recipients) {
      if (r.action == "failed") r.action = "delayed";
    }
  }
  return recipients;
}

// Codes, UTF-8 repair and classification of one recipient. An SES complaint (a Feedback-Type
// extension field) turns the report into a feedback report.
// \a vendor_normalized: NormalizeForMatch(vendor_text), when the caller has it.
void FinishRecipient(const RuleSet& rules, std::string_view vendor_text,
                     StatusSource diagnostic_source, RecipientResult* r, Report* report,
                     const std::string* vendor_normalized = nullptr) {
  if (r->action.empty()) r->action = "failed";
  ChooseCodes(vendor_text, diagnostic_source, r);
  if (!r->status_note.empty() && r->status_note != "text_more_specific") {
    report->problems.push_back(
        Problem{ErrorCode::kStatusDisagrees, r->status_field + " / " + r->status_in_text});
  }
  RepairRecipientStrings(r);
  for (const Field& f : r->extension_fields) {
    if (EqualsIgnoreCase(f.name, "Feedback-Type")) report->feedback_type = f.value;
  }
  if (!report->feedback_type.empty()) {
    *r = MakeFeedbackRecipient(r->recipient, r->index);
  } else {
    Classify(rules.tables(), vendor_text, report->subject, r, vendor_normalized);
  }
}

}  // namespace

std::string_view Version() { return BT_VERSION; }

std::string_view ExampleBounce() {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "examples/voorbeeld.eml") return f.content;
  }
  return {};
}

namespace {

// Stages 3 to 6 for a parsed message; also used for a bounce a person forwarded (depth 1).
void ReadEntity(const Entity& root, const RuleSet& rules, const AnalyzeOptions& options,
                int forwarded_depth, Report* out);

// A bounce forwarded to the helpdesk, as an attachment (message/rfc822) or inline after a
// "forward" line of lhost.tsv, is read as that bounce when it is one: \a report is replaced
// and true returned.
bool ReadForwardedBounce(const Entity& root, const MessageView& view, const RuleSet& rules,
                         const AnalyzeOptions& options, Report* report) {
  std::vector<const Entity*> candidates;
  for (const Entity& part : root.children) {
    if (part.type == "message/rfc822" && !part.children.empty())
      candidates.push_back(&part.children.front());
  }
  Entity inline_message;
  if (!view.forwarded.empty()) {
    inline_message = ParseMime(view.forwarded, options, &report->problems);
    candidates.push_back(&inline_message);
  }
  for (const Entity* candidate : candidates) {
    Report inner;
    ReadEntity(*candidate, rules, options, /*forwarded_depth=*/1, &inner);
    if (inner.kind != MessageKind::kBounce && inner.kind != MessageKind::kFeedback) continue;
    inner.problems.insert(inner.problems.begin(), report->problems.begin(), report->problems.end());
    *report = std::move(inner);
    return true;
  }
  return false;
}

}  // namespace

Report Analyze(std::string_view message, const RuleSet& rules, const AnalyzeOptions& options) {
  Report report;
  if (message.empty()) {
    report.kind = MessageKind::kUnreadable;
    report.problems.push_back(Problem{ErrorCode::kEmpty, ""});
    return report;
  }
  if (message.size() > options.max_message_bytes) {
    report.kind = MessageKind::kUnreadable;
    report.problems.push_back(
        Problem{ErrorCode::kTooLarge, std::to_string(options.max_message_bytes)});
    return report;
  }
  // Stage 1: LF line endings; everything after works on views into the text (the MIME tree
  // owns copies). Without a CR the message is used as it is, not copied.
  std::string normalized;
  std::string_view text = message;
  if (message.find('\r') != std::string_view::npos) {
    normalized = NormalizeLineEndings(message);
    text = normalized;
  }
  if (!LooksLikeMessage(text)) {
    report.kind = MessageKind::kUnreadable;
    report.problems.push_back(Problem{ErrorCode::kNotMessage, ""});
    return report;
  }

  // Stage 2: MIME structure.
  const Entity root = ParseMime(SkipMboxFromLine(text), options, &report.problems);
  ReadEntity(root, rules, options, /*forwarded_depth=*/0, &report);
  return report;
}

namespace {

void ReadEntity(const Entity& root, const RuleSet& rules, const AnalyzeOptions& options,
                int forwarded_depth, Report* out) {
  Report& report = *out;
  report.subject = CollapseSpace(DecodeHeaderValue(root.Header("Subject")));
  report.from = CollapseSpace(DecodeHeaderValue(root.Header("From")));
  report.date = CollapseSpace(DecodeHeaderValue(root.Header("Date")));

  // Stage 3: feedback reports (RFC 5965) are not delivery reports.
  if (ReadFeedbackReport(root, options, &report)) {
    for (RecipientResult& r : report.recipients) RepairRecipientStrings(&r);
    return;
  }

  // Stage 4: the delivery-status parts, and the human-readable text read by the vendor readers.
  const MessageView view = BuildMessageView(root, rules.tables(), options);
  std::vector<RecipientResult> recipients = ReadDeliveryStatusParts(root, view, options, &report);
  const bool have_dsn = !recipients.empty();
  VendorReading vendor = ReadVendorFormat(view, /*allow_generic=*/false);

  // Stage 5: no delivery-status part: a bounce a person forwarded inline, an auto-reply, or
  // the vendor's own words.
  if (!have_dsn && forwarded_depth == 0 && !view.forwarded.empty() &&
      ReadForwardedBounce(root, view, rules, options, &report)) {
    return;
  }
  if (!have_dsn) {
    if (vendor.reader.empty() && ReadAutoReply(view, &report)) {
      for (RecipientResult& r : report.recipients) RepairRecipientStrings(&r);
      return;
    }
    if (vendor.reader.empty()) vendor = ReadVendorFormat(view, /*allow_generic=*/true);
    if (vendor.reader.empty()) {
      // Not a report itself; a person may have forwarded one as an attachment.
      report.kind = MessageKind::kNotABounce;
      if (forwarded_depth == 0) ReadForwardedBounce(root, view, rules, options, &report);
      return;
    }
    recipients = TakeVendorRecipients(root, view, options, &vendor, &report);
  }

  // Stage 6: codes and classification per recipient.
  if (static_cast<int>(recipients.size()) > options.max_recipients) {
    recipients.resize(static_cast<std::size_t>(options.max_recipients));
    report.problems.push_back(
        Problem{ErrorCode::kTooManyRecipients, std::to_string(options.max_recipients)});
  }
  const std::size_t count = recipients.size();
  for (RecipientResult& r : recipients) {
    // With a DSN part, the text only adds to the recipient it describes; without, the whole
    // text is the vendor's words about every recipient.
    std::string_view vendor_text = view.text;
    if (have_dsn) {
      const RecipientResult* v = MatchingVendorRecipient(r, vendor, count);
      if (v) MergeVendorText(*v, &r);
      if (r.command.empty()) r.command = CommandFromTranscript(view.text, r.recipient);
      vendor_text = v ? std::string_view(v->diagnostic) : std::string_view();
    }
    // Without a DSN part the vendor text is the view's, normalised already.
    FinishRecipient(rules, vendor_text,
                    have_dsn ? StatusSource::kDiagnosticCode : StatusSource::kText, &r, &report,
                    have_dsn ? nullptr : &view.normalized_text);
    report.recipients.push_back(std::move(r));
  }
  // A delay notice without a Will-Retry-Until field may state the retry period in its text
  // (searched only then: two case-insensitive searches of the whole text per message).
  const auto needs_period = [](const RecipientResult& r) {
    return r.action == "delayed" && r.will_retry_until.empty();
  };
  if (std::any_of(report.recipients.begin(), report.recipients.end(), needs_period)) {
    if (const std::int64_t period = RetryPeriodSeconds(view.text); period > 0) {
      for (RecipientResult& r : report.recipients) {
        if (needs_period(r)) r.will_retry_until = DateAfter(report.date, period);
      }
    }
  }
  if (!report.feedback_type.empty()) {
    report.kind = MessageKind::kFeedback;
  } else {
    report.kind = report.recipients.empty() ? MessageKind::kNotABounce : MessageKind::kBounce;
  }
}

}  // namespace

}  // namespace bouncetolk

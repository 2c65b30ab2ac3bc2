// SPDX-License-Identifier: MIT
//
// analyze.cpp: Analyze(), the walk of one message through the stages of docs/design.md, each
// in its own folder, in this order and never back:
//   1 input/ (the caller's)  2 mime/  3 view/  4 dsn/  5 lhost/  6 smtp/  7 classify/
// and stage 8, render/, is the caller's again. Bytes become a MIME tree (2), the tree a view
// of what the readers need (3); a report in a standard format is read (4: feedback report,
// delivery-status parts, RFC 3464 fields in the text), then the vendor's own words (5; when no
// reader knows a message without a delivery-status part, it may be an auto-reply, dsn/rfc3834,
// or a bounce a person forwarded); every recipient gets its codes (6) and its reason (7).
// This file orders the stages and passes results between them; what a stage knows lives in
// its folder.

#include <cstdint>
#include <optional>

#include "bouncetolk/bouncetolk.h"
#include "classify/classify.h"
#include "common/date.h"
#include "common/text.h"
#include "dsn/delivery_status.h"
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

std::string_view Version() { return BT_VERSION; }

std::string_view ExampleBounce() {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "examples/voorbeeld.eml") return f.content;
  }
  return {};
}

namespace {

// --- Stage 2 -------------------------------------------------------------------------------

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

// --- Stage 5 -------------------------------------------------------------------------------

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
      if (r.action == DsnAction::kFailed) r.action = DsnAction::kDelayed;
    }
  }
  return recipients;
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
  if (r->command == SmtpCommand::kNone) r->command = v.command;
}

// Stage 5 for a recipient of a delivery-status part: what the human-readable text adds about
// it (MergeVendorText), and the refused command from a session transcript in the text. Returns
// the vendor's words about this recipient (empty when no reader names it), for stages 6 and 7.
std::string_view AddVendorDetails(const VendorReading& vendor, std::size_t dsn_count,
                                  std::string_view text, RecipientResult* r) {
  const RecipientResult* v = MatchingVendorRecipient(*r, vendor, dsn_count);
  if (v) MergeVendorText(*v, r);
  if (r->command == SmtpCommand::kNone) r->command = CommandFromTranscript(text, r->recipient);
  return v ? std::string_view(v->diagnostic) : std::string_view();
}

// At most options.max_recipients, the rest dropped with a problem.
void LimitRecipients(const AnalyzeOptions& options, std::vector<RecipientResult>* recipients,
                     Report* report) {
  if (static_cast<int>(recipients->size()) <= options.max_recipients) return;
  recipients->resize(static_cast<std::size_t>(options.max_recipients));
  report->problems.push_back(
      Problem{ErrorCode::kTooManyRecipients, std::to_string(options.max_recipients)});
}

// --- Stage 6 -------------------------------------------------------------------------------

// Stage 6 for one recipient (smtp/): its action ("failed" when the report names none) and its
// codes, from its diagnostic, else from \a vendor_text (the vendor's words about it); a problem
// when the Status field and the text disagree.
void ReadCodes(std::string_view vendor_text, StatusSource diagnostic_source, RecipientResult* r,
               Report* report) {
  if (r->action == DsnAction::kNone) r->action = DsnAction::kFailed;
  TextCodes codes = ExtractCodes(r->diagnostic);
  if (r->action == DsnAction::kDelivered && !codes.reply) {
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
  if (r->status_note != StatusNote::kNone && r->status_note != StatusNote::kTextMoreSpecific) {
    report->problems.push_back(
        Problem{ErrorCode::kStatusDisagrees, r->status_field + " / " + r->status_in_text});
  }
}

// A delay notice without a Will-Retry-Until field may state the retry period in its text: then
// it is \a date plus that period. The text is searched (two case-insensitive searches of the
// whole text) only for such a recipient, and once per message: \a period keeps the result.
void FillRetryUntil(std::string_view text, std::string_view date,
                    std::optional<std::int64_t>* period, RecipientResult* r) {
  if (r->action != DsnAction::kDelayed || !r->will_retry_until.empty()) return;
  if (!*period) *period = RetryPeriodSeconds(text);
  if (**period > 0) r->will_retry_until = DateAfter(date, **period);
}

// --- Stage 7 -------------------------------------------------------------------------------

std::string Utf8Field(const std::string& s) { return IsValidUtf8(s) ? s : ToUtf8(s, ""); }

void RepairRecipientStrings(RecipientResult* r) {
  for (std::string* s :
       {&r->recipient, &r->original_recipient, &r->action_other, &r->remote_mta, &r->diagnostic,
        &r->diagnostic_type, &r->last_attempt_date, &r->final_log_id, &r->will_retry_until,
        &r->recipient_type, &r->original_recipient_type, &r->remote_mta_type, &r->status_field}) {
    *s = Utf8Field(*s);
  }
  for (Field& f : r->extension_fields) {
    f.name = Utf8Field(f.name);
    f.value = Utf8Field(f.value);
  }
}

void RepairRecipientStrings(Report* report) {
  for (RecipientResult& r : report->recipients) RepairRecipientStrings(&r);
}

// Stage 7 for one recipient (classify/), its strings made valid UTF-8 first. An SES complaint
// (a Feedback-Type extension field) turns the report into a feedback report.
// \a vendor_normalized: NormalizeForMatch(vendor_text), when the caller has it.
void ClassifyRecipient(const RuleSet& rules, std::string_view vendor_text,
                       const std::string* vendor_normalized, RecipientResult* r, Report* report) {
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

// --- Stages 5 to 7 for each recipient ------------------------------------------------------

// What the recipients of one message share on their way through stages 5 to 7.
struct RecipientContext {
  const RuleSet& rules;
  const MessageView& view;
  const VendorReading& vendor;
  bool have_dsn = false;                     // the recipients come from a delivery-status part
  std::size_t count = 0;                     // how many recipients the message has
  std::optional<std::int64_t> retry_period;  // FillRetryUntil()
};

// Stage 5 for a recipient of a delivery-status part (what the vendor text adds), then its
// codes (stage 6, smtp/) and its reason (stage 7, classify/).
void FinishRecipient(RecipientContext* c, RecipientResult* r, Report* report) {
  // Without a delivery-status part the whole text, normalised already in the view, is the
  // vendor's words about every recipient.
  std::string_view vendor_text = c->view.text;
  const std::string* vendor_normalized = &c->view.normalized_text;
  if (c->have_dsn) {
    vendor_text = AddVendorDetails(c->vendor, c->count, c->view.text, r);
    vendor_normalized = nullptr;
  }
  ReadCodes(vendor_text, c->have_dsn ? StatusSource::kDiagnosticCode : StatusSource::kText, r,
            report);
  FillRetryUntil(c->view.text, report->date, &c->retry_period, r);
  ClassifyRecipient(c->rules, vendor_text, vendor_normalized, r, report);
}

// --- The walk ------------------------------------------------------------------------------

// Stages 3 to 7 for a parsed message; also used for a bounce a person forwarded (depth 1).
void ReadEntity(const Entity& root, const RuleSet& rules, const AnalyzeOptions& options,
                int forwarded_depth, Report* report);

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

// Stage 5 for a message without a delivery-status part. Returns true when a vendor reader (the
// generic one last) found recipients: they are in \a vendor. Returns false when \a report is
// complete: a bounce a person forwarded inline, an auto-reply (dsn/rfc3834), or no bounce at
// all (perhaps with one forwarded as an attachment).
bool ReadWithoutDeliveryStatus(const Entity& root, const MessageView& view, const RuleSet& rules,
                               const AnalyzeOptions& options, int forwarded_depth,
                               VendorReading* vendor, Report* report) {
  if (forwarded_depth == 0 && !view.forwarded.empty() &&
      ReadForwardedBounce(root, view, rules, options, report)) {
    return false;
  }
  if (vendor->reader.empty() && ReadAutoReply(view, report)) {
    RepairRecipientStrings(report);
    return false;
  }
  if (vendor->reader.empty()) *vendor = ReadVendorFormat(view, /*allow_generic=*/true);
  if (vendor->reader.empty()) {
    // Not a report itself; a person may have forwarded one as an attachment.
    report->kind = MessageKind::kNotABounce;
    if (forwarded_depth == 0) ReadForwardedBounce(root, view, rules, options, report);
    return false;
  }
  return true;
}

void ReadEntity(const Entity& root, const RuleSet& rules, const AnalyzeOptions& options,
                int forwarded_depth, Report* report) {
  report->subject = CollapseSpace(DecodeHeaderValue(root.Header("Subject")));
  report->from = CollapseSpace(DecodeHeaderValue(root.Header("From")));
  report->date = CollapseSpace(DecodeHeaderValue(root.Header("Date")));

  // Stage 3: what the readers see of the message (view/).
  const MessageView view = BuildMessageView(root, rules.tables(), options);

  // Stage 4: a report in a standard format (dsn/). A feedback report (RFC 5965) is no
  // delivery report: it ends here.
  if (ReadFeedbackReport(root, options, report)) {
    RepairRecipientStrings(report);
    return;
  }
  std::vector<RecipientResult> recipients = ReadDeliveryStatusParts(root, view, options, report);
  const bool have_dsn = !recipients.empty();

  // Stage 5: the vendor's own words (lhost/). With a delivery-status part they only add to
  // the recipient they describe; without one they are the report.
  VendorReading vendor = ReadVendorFormat(view, /*allow_generic=*/false);
  if (!have_dsn) {
    if (!ReadWithoutDeliveryStatus(root, view, rules, options, forwarded_depth, &vendor, report))
      return;
    recipients = TakeVendorRecipients(root, view, options, &vendor, report);
  }
  LimitRecipients(options, &recipients, report);

  RecipientContext context{rules, view, vendor, have_dsn, recipients.size(), std::nullopt};
  for (RecipientResult& r : recipients) {
    FinishRecipient(&context, &r, report);
    report->recipients.push_back(std::move(r));
  }
  if (!report->feedback_type.empty()) {
    report->kind = MessageKind::kFeedback;
  } else {
    report->kind = report->recipients.empty() ? MessageKind::kNotABounce : MessageKind::kBounce;
  }
}

}  // namespace

Report Analyze(std::string_view message, const RuleSet& rules, const AnalyzeOptions& options) {
  // Stage 1 (input/) is the caller's: ReadInput() or a MessageSource. Bytes passed in directly
  // meet the same limits.
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
  // Stage 2: the MIME tree (mime/), after LF line endings; everything after works on views
  // into the text (the MIME tree owns copies). Without a CR the message is used as it is, not
  // copied.
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
  const Entity root = ParseMime(SkipMboxFromLine(text), options, &report.problems);
  ReadEntity(root, rules, options, /*forwarded_depth=*/0, &report);
  return report;
}

}  // namespace bouncetolk

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
#include <unordered_map>

#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/outcome.h"
#include "classify/classify.h"
#include "common/date.h"
#include "common/record_fields.h"
#include "common/text.h"
#include "dsn/delivery_status.h"
#include "dsn/queue_id.h"
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
  // A copy quoted inline in the text names what no attached copy does.
  FillOriginal(view.quoted_headers, &report->original);
  std::vector<RecipientResult> recipients = std::move(vendor->recipients);
  vendor->recipients.clear();
  if (HasMarker(view, "delayed")) {
    for (RecipientResult& r : recipients) {
      if (r.action == DsnAction::kFailed) r.action = DsnAction::kDelayed;
    }
  }
  return recipients;
}

// What a vendor text says about one or more recipients, its codes and normalised form worked
// out once however many recipients it speaks for (issue 14: 1000 recipients sharing a text
// were 1000 searches of it).
class VendorWords {
 public:
  VendorWords() = default;
  VendorWords(std::string_view text, const std::string* normalized)
      : text_(text), normalized_(normalized) {}
  std::string_view text() const { return text_; }
  const TextCodes& Codes() {
    if (!codes_) codes_ = ExtractCodes(text_);
    return *codes_;
  }
  const std::string* Normalized() {
    if (!normalized_ && !text_.empty()) {
      own_normalized_ = NormalizeForMatch(text_);
      normalized_ = &own_normalized_;
    }
    return normalized_;
  }
  /// Where Classify() keeps what it found in the text.
  TextFindings* Found() { return &found_; }

 private:
  std::string_view text_;
  const std::string* normalized_ = nullptr;
  std::string own_normalized_;
  std::optional<TextCodes> codes_;
  TextFindings found_;
};

// For each DSN recipient, the index of the vendor recipient that describes the same address
// (same address, or the only one on both sides), or SIZE_MAX. Looked up by lower-cased address.
std::vector<std::size_t> MatchVendorRecipients(const std::vector<RecipientResult>& dsn,
                                               const VendorReading& vendor) {
  std::unordered_map<std::string, std::size_t> by_address;
  for (std::size_t i = 0; i < vendor.recipients.size(); ++i)
    by_address.emplace(AsciiLowerCopy(vendor.recipients[i].recipient), i);
  std::vector<std::size_t> match(dsn.size(), SIZE_MAX);
  for (std::size_t d = 0; d < dsn.size(); ++d) {
    for (const std::string* address : {&dsn[d].recipient, &dsn[d].original_recipient}) {
      const auto it = by_address.find(AsciiLowerCopy(*address));
      if (it != by_address.end() && (match[d] == SIZE_MAX || it->second < match[d]))
        match[d] = it->second;
    }
  }
  if (dsn.size() == 1 && vendor.recipients.size() == 1 && match[0] == SIZE_MAX) match[0] = 0;
  return match;
}

// Adds what the human-readable text says about a DSN recipient: the diagnostic when the DSN
// has none (cut at SharedTextBytes(\a sharers) when several recipients take the same one), the
// remote host and the failed command.
void MergeVendorText(const RecipientResult& v, std::size_t sharers, RecipientResult* r) {
  if (r->diagnostic.empty()) {
    r->diagnostic = CutText(v.diagnostic, SharedTextBytes(sharers));
    r->diagnostic_type = "x-text";
  }
  if (r->remote_mta.empty()) r->remote_mta = v.remote_mta;
  if (r->command == SmtpCommand::kNone) r->command = v.command;
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
// codes, from its diagnostic, else from \a vendor (the vendor's words about it); a problem
// when the Status field and the text disagree.
void ReadCodes(VendorWords* vendor, StatusSource diagnostic_source, RecipientResult* r,
               Report* report) {
  if (r->action == DsnAction::kNone) r->action = DsnAction::kFailed;
  TextCodes codes = ExtractCodes(r->diagnostic);
  if (r->action == DsnAction::kDelivered && !codes.reply) {
    // A success report's codes are 2xx ("250 2.6.0 Message received").
    codes.reply = ReplyCode::Find(r->diagnostic, /*allow_success=*/true);
    codes.status = EnhancedStatus::Find(r->diagnostic, '2');
  }
  StatusSource source = diagnostic_source;
  if (!codes.reply && !codes.status && !vendor->text().empty()) {
    codes = vendor->Codes();
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

// Makes \a s valid UTF-8 (copied only when it is not).
void RepairUtf8Field(std::string* s) {
  if (!IsValidUtf8(*s)) *s = ToUtf8(*s, "");
}

void RepairRecipientStrings(RecipientResult* r) {
  for (std::string* s :
       {&r->recipient, &r->original_recipient, &r->action_other, &r->remote_mta, &r->diagnostic,
        &r->diagnostic_type, &r->last_attempt_date, &r->final_log_id, &r->will_retry_until,
        &r->recipient_type, &r->original_recipient_type, &r->remote_mta_type, &r->status_field}) {
    RepairUtf8Field(s);
  }
  for (Field& f : r->extension_fields) {
    RepairUtf8Field(&f.name);
    RepairUtf8Field(&f.value);
  }
}

void RepairRecipientStrings(Report* report) {
  for (RecipientResult& r : report->recipients) RepairRecipientStrings(&r);
}

// Stage 7 for one recipient (classify/), its strings made valid UTF-8 first. An SES complaint
// (a Feedback-Type extension field) turns the report into a feedback report.
void ClassifyRecipient(const RuleSet& rules, VendorWords* vendor, RecipientResult* r,
                       Report* report) {
  RepairRecipientStrings(r);
  for (const Field& f : r->extension_fields) {
    if (EqualsIgnoreCase(f.name, "Feedback-Type")) report->feedback_type = f.value;
  }
  if (!report->feedback_type.empty()) {
    *r = MakeFeedbackRecipient(r->recipient, r->index);
  } else {
    Classify(rules.tables(), vendor->text(), report->subject, r, vendor->Normalized(),
             vendor->Found(), report->per_message.reporting_mta);
  }
}

// --- Stages 5 to 7 for each recipient ------------------------------------------------------

// What the recipients of one message share on their way through stages 5 to 7. Without a
// delivery-status part the whole text, normalised already in the view, is the vendor's words
// about every recipient. With one, each vendor recipient's words are about the DSN recipients
// of its address, and a session transcript in the text may show their refused command.
struct RecipientContext {
  RecipientContext(const RuleSet& rules_in, const MessageView& view_in,
                   const VendorReading& vendor_in, bool have_dsn_in,
                   const std::vector<RecipientResult>& recipients)
      : rules(rules_in),
        view(view_in),
        vendor(vendor_in),
        have_dsn(have_dsn_in),
        whole_text(view_in.text, &view_in.normalized_text) {
    if (!have_dsn) return;
    for (const RecipientResult& v : vendor.recipients)
      vendor_words.emplace_back(v.diagnostic, nullptr);
    match = MatchVendorRecipients(recipients, vendor);
    sharers.assign(vendor.recipients.size(), 0);
    for (std::size_t m : match) {
      if (m != SIZE_MAX) ++sharers[m];
    }
    transcript.emplace(view.text);
  }
  const RuleSet& rules;
  const MessageView& view;
  const VendorReading& vendor;
  bool have_dsn = false;                  // the recipients come from a delivery-status part
  VendorWords whole_text;                 // the vendor's words without a delivery-status part
  std::vector<VendorWords> vendor_words;  // with one: each vendor recipient's words
  std::vector<std::size_t> match;         // DSN recipient -> its vendor recipient, or SIZE_MAX
  std::vector<std::size_t> sharers;       // how many DSN recipients take each vendor text
  std::optional<TranscriptCommands> transcript;
  std::optional<std::int64_t> retry_period;  // FillRetryUntil()
};

// Stage 5 for recipient \a i of a delivery-status part (what the vendor text adds), then its
// codes (stage 6, smtp/) and its reason (stage 7, classify/).
void FinishRecipient(RecipientContext* c, std::size_t i, RecipientResult* r, Report* report) {
  VendorWords none;
  VendorWords* words = &c->whole_text;
  if (c->have_dsn) {
    words = &none;
    const std::size_t m = c->match[i];
    if (m != SIZE_MAX) {
      MergeVendorText(c->vendor.recipients[m], c->sharers[m], r);
      words = &c->vendor_words[m];
    }
    if (r->command == SmtpCommand::kNone) r->command = c->transcript->For(r->recipient);
  }
  ReadCodes(words, c->have_dsn ? StatusSource::kDiagnosticCode : StatusSource::kText, r, report);
  FillRetryUntil(c->view.text, report->date, &c->retry_period, r);
  ClassifyRecipient(c->rules, words, r, report);
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
  if ((vendor->reader.empty() || IsClearAutoReply(view)) && ReadAutoReply(view, report)) {
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
  report->to = CollapseSpace(DecodeHeaderValue(root.Header("To")));
  report->delivered_to = CollapseSpace(DecodeHeaderValue(root.Header("Delivered-To")));

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

  RecipientContext context(rules, view, vendor, have_dsn, recipients);
  for (std::size_t i = 0; i < recipients.size(); ++i) {
    RecipientResult& r = recipients[i];
    FinishRecipient(&context, i, &r, report);
    report->recipients.push_back(std::move(r));
  }
  report->queue_id = FindQueueId(report->per_message, view);
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
  FillRecordFields(&report);
  // The final step: what became of the message for each recipient, from the report's final
  // word (bouncetolk/outcome.h), once the kind of the whole message is known.
  for (RecipientResult& r : report.recipients) {
    r.outcome = DecideOutcome(report.kind, r);
    r.code_class = CodeClassOf(r);
  }
  return report;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// report.h: the result of analysing one message. Owned value types (std::string, never views),
// so a Report outlives the input bytes. All strings are valid UTF-8 (invalid bytes became
// U+FFFD); text taken from the message is NOT yet made safe for a terminal: renderers do that.
// Texts in a language are not stored here: renderers look them up by id in the RuleSet.

#ifndef BOUNCETOLK_REPORT_H_
#define BOUNCETOLK_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bouncetolk/problem.h"
#include "bouncetolk/reason.h"

namespace bouncetolk {

/// An extension field ("X-Postfix-Queue-ID") or any other field kept as name and value.
struct Field {
  std::string name;
  std::string value;
};

/// What kind of message this was.
enum class MessageKind {
  kBounce,      ///< a delivery status notification (failed, delayed, delivered, ...)
  kFeedback,    ///< an ARF feedback report (RFC 5965)
  kAutoReply,   ///< an auto-reply or vacation message (RFC 3834)
  kNotABounce,  ///< readable, but holds no report
  kUnreadable,  ///< could not be read; see Report::problems
};

/// Where the status code of a recipient came from.
enum class StatusSource {
  kStatusField,     ///< the DSN Status field
  kDiagnosticCode,  ///< an enhanced code in the Diagnostic-Code text
  kText,            ///< an enhanced code in a vendor's human-readable text
  kInferred,        ///< no code in the message: derived from the reply code or the reason
};

/// A recipient's DSN Action (RFC 3464 section 2.3.3), read once where the report is read.
enum class DsnAction {
  kNone,       ///< no Action (a feedback report, an auto-reply)
  kFailed,     ///< "failed"
  kDelayed,    ///< "delayed"
  kDelivered,  ///< "delivered"
  kRelayed,    ///< "relayed"
  kExpanded,   ///< "expanded"
  kOther,      ///< another word: RecipientResult::action_other keeps it for the output
};

/// The SMTP command a bounce says failed, as the vendor text or a session transcript names it.
enum class SmtpCommand {
  kNone,      ///< not said
  kConn,      ///< "CONN": the connection itself (no command sent yet)
  kHelo,      ///< "HELO"
  kEhlo,      ///< "EHLO"
  kStartTls,  ///< "STARTTLS"
  kAuth,      ///< "AUTH"
  kMail,      ///< "MAIL": MAIL FROM
  kRcpt,      ///< "RCPT": RCPT TO
  kData,      ///< "DATA": DATA, end of data, BDAT
};

/// Why the status was chosen when the DSN's Status field and the code in the text disagree
/// (docs/precedence.md).
enum class StatusNote {
  kNone,                  ///< they agree, or only one is present
  kTextMoreSpecific,      ///< "text_more_specific"
  kTextMatchesReply,      ///< "text_matches_reply"
  kTextIsRemoteReply,     ///< "text_is_remote_reply"
  kStatusFieldPreferred,  ///< "status_field_preferred"
};

/// What became of the message for one recipient (bouncetolk/outcome.h decides it).
enum class Outcome {
  kFailed,     ///< will not arrive: refused, or given up after repeated attempts
  kDelayed,    ///< not yet delivered; the sending server is still retrying
  kDelivered,  ///< delivered to the recipient's mailbox
  kRelayed,    ///< passed on to a system that sends no delivery reports
  kExpanded,   ///< delivered to a list or alias address and passed on to its members
  kAutoReply,  ///< an automatic answer (out of office): the message did arrive
  kFeedback,   ///< a complaint (feedback report): the message arrived and was reported
};

/// Number of Outcome values (for tables indexed by outcome).
inline constexpr int kOutcomeCount = static_cast<int>(Outcome::kFeedback) + 1;

/// The class of the status code: the nature of the condition, whatever the outcome.
enum class CodeClass {
  kNone,       ///< no code (auto-replies, feedback reports)
  kSuccess,    ///< 2.x.x / 2xx
  kTemporary,  ///< 4.x.x / 4xx
  kPermanent,  ///< 5.x.x / 5xx
};

/// The message that bounced (from message/rfc822 or text/rfc822-headers).
struct OriginalMessage {
  std::string from;
  std::string to;
  std::string subject;
  std::string date;
  std::string message_id;
  std::string list_id;  ///< List-Id's identifier (RFC 2919), without its phrase and brackets
};

/// Per-message DSN fields (RFC 3464 section 2.2). Type prefixes ("dns;") are split off.
struct PerMessageFields {
  std::string original_envelope_id;  ///< xtext-decoded
  std::string reporting_mta;
  std::string reporting_mta_type;
  std::string dsn_gateway;
  std::string received_from_mta;
  std::string arrival_date;
  std::vector<Field> extension_fields;  ///< X- and unknown fields, in order
};

/// One recipient of one report, with its classification.
struct RecipientResult {
  int index = 0;  ///< 1-based position in the message

  // RFC 3464 section 2.3 fields.
  std::string recipient;       ///< Final-Recipient address (or the vendor text's address)
  std::string recipient_type;  ///< "rfc822", "utf-8", ...
  std::string original_recipient;
  std::string original_recipient_type;
  DsnAction action = DsnAction::kNone;
  std::string action_other;  ///< for DsnAction::kOther: the Action word, lower case
  std::string remote_mta;
  std::string remote_mta_type;
  std::string diagnostic;       ///< Diagnostic-Code text without its type, unfolded
  std::string diagnostic_type;  ///< "smtp", "x-postfix", ...
  std::string last_attempt_date;
  std::string final_log_id;
  std::string will_retry_until;
  std::vector<Field> extension_fields;
  SmtpCommand command = SmtpCommand::kNone;  ///< the failed command, when the text says so

  // Codes.
  std::string status;  ///< "5.1.1"; inferred ones are marked by status_source. Always set
                       ///< for bounces; empty for feedback reports and auto-replies

  StatusSource status_source = StatusSource::kInferred;
  std::string status_field;    ///< the Status field as written, when present
  std::string status_in_text;  ///< the enhanced code found in the diagnostic text, when any
  StatusNote status_note = StatusNote::kNone;  ///< why status was chosen when the two disagree
  std::optional<int> reply_code;

  // Classification.
  Reason reason = Reason::kUndefined;
  Permanence permanence = Permanence::kPermanent;
  Party party = Party::kSender;
  bool hard_bounce = false;
  std::string text_id;             ///< record that explains it ("status:X.1.1", "phrase:...")
  std::vector<std::string> rules;  ///< every rule that matched, most specific first

  // Record fields (docs/json-schema.md), filled in last.
  std::string recipient_domain;  ///< the domain of recipient, lower case; empty without '@'
  /// False when recipient is empty or holds a control, C1, bidi or other invisible formatting
  /// character or U+FFFD: no mail can be delivered to the address as written (renderers
  /// escape it; the suppression list marks it).
  bool recipient_valid = true;
  /// SHA-1 of addresser, recipient and the original's Message-ID, for de-duplication; the
  /// recipe is in docs/json-schema.md (RecordToken()).
  std::string token;

  // The answer: what became of the message (DecideOutcome(), the analysis's last step), and
  // the class of its code, the nature of the condition, which may differ (a failed 4.x.x).
  Outcome outcome = Outcome::kFailed;
  CodeClass code_class = CodeClass::kNone;
};

/// Everything learned from one message.
struct Report {
  MessageKind kind = MessageKind::kNotABounce;
  std::string format;         ///< which reader decoded it: "rfc3464", "exim", ...
  std::string subject;        ///< the bounce's own Subject, decoded
  std::string from;           ///< the bounce's own From
  std::string date;           ///< the bounce's own Date
  std::string to;             ///< the bounce's own To (a VERP address names the recipient)
  std::string delivered_to;   ///< the bounce's own first Delivered-To
  std::string feedback_type;  ///< for kFeedback: Feedback-Type
  /// The reporting MTA's queue id of the returned message, when the bounce names one (a DSN
  /// field such as X-Postfix-Queue-ID, Exim's "message identifier"); docs/json-schema.md.
  std::string queue_id;
  /// The sender of the returned message (an addr-spec): the original's From, else the bounce's
  /// To (a bounce goes to the envelope sender); and its domain, lower case.
  std::string addresser;
  std::string sender_domain;
  /// When the bounce was written: its Date, else the Arrival-Date, else the first recipient's
  /// Last-Attempt-Date (the text kept in date, arrival_date, last_attempt_date), as seconds
  /// since 1970-01-01T00:00:00Z, the zone it was written in (minutes east of UTC), and as ISO
  /// 8601 in UTC ("2026-03-03T07:59:00Z"). Unset and empty when none parses.
  std::optional<std::int64_t> time;
  int time_zone_minutes = 0;
  std::string timestamp;
  PerMessageFields per_message;
  OriginalMessage original;
  std::vector<RecipientResult> recipients;
  std::vector<Problem> problems;
};

/// "bounce", "feedback", "auto_reply", "not_a_bounce", "unreadable".
std::string_view MessageKindToken(MessageKind kind);
/// "status_field", "diagnostic_code", "text", "inferred".
std::string_view StatusSourceToken(StatusSource source);
/// "failed", "delayed", "delivered", "relayed", "expanded"; "" for kNone, "other" for kOther.
std::string_view DsnActionToken(DsnAction action);
/// The DsnAction of one of RFC 3464's five words (lower case), if it is one.
std::optional<DsnAction> ParseDsnAction(std::string_view token);
/// The Action as the output writes it: its token, or for kOther the word as written.
std::string_view ActionWord(const RecipientResult& r);
/// "CONN", "HELO", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA"; "" for kNone.
std::string_view SmtpCommandToken(SmtpCommand command);
/// The SmtpCommand whose token is \a token ("" gives kNone), if any.
std::optional<SmtpCommand> ParseSmtpCommand(std::string_view token);
/// "text_more_specific", "text_matches_reply", "text_is_remote_reply",
/// "status_field_preferred"; "" for kNone.
std::string_view StatusNoteToken(StatusNote note);

/// The record token (docs/json-schema.md): the SHA-1, in lower-case hex, of
/// "\x02" addresser "\x1e" recipient "\x1e" id "\x03", the addresses lower-cased (ASCII) and id the
/// original's Message-ID without angle brackets, or when it has none the bounce's time in
/// seconds since the epoch (decimal), or nothing.
std::string RecordToken(std::string_view addresser, std::string_view recipient,
                        std::string_view message_id, std::optional<std::int64_t> time);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_REPORT_H_

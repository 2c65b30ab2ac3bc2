// SPDX-License-Identifier: MIT
//
// report.h: the result of analysing one message. Owned value types (std::string, never views),
// so a Report outlives the input bytes. All strings are valid UTF-8 (invalid bytes became
// U+FFFD); text taken from the message is NOT yet made safe for a terminal: renderers do that.
// Texts in a language are not stored here: renderers look them up by id in the RuleSet.

#ifndef BOUNCETOLK_REPORT_H_
#define BOUNCETOLK_REPORT_H_

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

/// The message that bounced (from message/rfc822 or text/rfc822-headers).
struct OriginalMessage {
  std::string from;
  std::string to;
  std::string subject;
  std::string date;
  std::string message_id;
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
};

/// Everything learned from one message.
struct Report {
  MessageKind kind = MessageKind::kNotABounce;
  std::string format;         ///< which reader decoded it: "rfc3464", "exim", ...
  std::string subject;        ///< the bounce's own Subject, decoded
  std::string from;           ///< the bounce's own From
  std::string date;           ///< the bounce's own Date
  std::string feedback_type;  ///< for kFeedback: Feedback-Type
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

}  // namespace bouncetolk

#endif  // BOUNCETOLK_REPORT_H_

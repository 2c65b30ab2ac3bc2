// SPDX-License-Identifier: MIT
//
// vocabulary.cpp: the stable machine tokens of reason.h, problem.h and report.h. These strings
// are part of the output schema (docs/json-schema.md): change them only with kSchemaVersion.

#include <array>

#include "bouncetolk/problem.h"
#include "bouncetolk/reason.h"
#include "bouncetolk/report.h"
#include "common/token.h"

namespace bouncetolk {
namespace {

// Indexed by Reason; order must follow the enum.
constexpr std::array<std::string_view, kReasonCount> kReasonTokens = {
    "undefined",     "userunknown",     "hostunknown",     "mailboxfull",   "mesgtoobig",
    "exceedlimit",   "filtered",        "rejected",        "blocked",       "spamdetected",
    "virusdetected", "policyviolation", "authfailure",     "requireptr",    "badreputation",
    "norelaying",    "notaccept",       "notcompliantrfc", "securityerror", "suspend",
    "hasmoved",      "expired",         "networkerror",    "systemerror",   "systemfull",
    "toomanyconn",   "speeding",        "syntaxerror",     "contenterror",  "mailererror",
    "onhold",        "delivered",       "feedback",        "vacation",      "failedstarttls",
    "suppressed",
};

// Indexed by DsnAction; order must follow the enum.
constexpr std::array<std::string_view, 7> kActionTokens = {
    "", "failed", "delayed", "delivered", "relayed", "expanded", "other"};

// Indexed by SmtpCommand; order must follow the enum.
constexpr std::array<std::string_view, 9> kCommandTokens = {
    "", "CONN", "HELO", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA"};

// Indexed by StatusNote; order must follow the enum.
constexpr std::array<std::string_view, 5> kStatusNoteTokens = {
    "", "text_more_specific", "text_matches_reply", "text_is_remote_reply",
    "status_field_preferred"};

constexpr std::array<std::string_view, 4> kPartyTokens = {"sender", "recipient", "remote_admin",
                                                          "own_admin"};

}  // namespace

std::string_view ReasonToken(Reason reason) { return kReasonTokens[static_cast<int>(reason)]; }

std::optional<Reason> ParseReason(std::string_view token) {
  return EnumOfToken<Reason>(kReasonTokens, token);
}

std::string_view PartyToken(Party party) { return kPartyTokens[static_cast<int>(party)]; }

std::optional<Party> ParseParty(std::string_view token) {
  return EnumOfToken<Party>(kPartyTokens, token);
}

std::string_view PermanenceToken(Permanence permanence) {
  switch (permanence) {
    case Permanence::kPermanent:
      return "permanent";
    case Permanence::kTemporary:
      return "temporary";
    case Permanence::kSuccess:
      return "success";
  }
  return "permanent";
}

std::string_view ErrorCodeToken(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNone:
      return "none";
    case ErrorCode::kCannotOpen:
      return "cannot_open";
    case ErrorCode::kIsDirectory:
      return "is_directory";
    case ErrorCode::kNotRegularFile:
      return "not_regular_file";
    case ErrorCode::kEmpty:
      return "empty";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kNotMessage:
      return "not_a_message";
    case ErrorCode::kMimeTooDeep:
      return "mime_too_deep";
    case ErrorCode::kMimeTooManyParts:
      return "mime_too_many_parts";
    case ErrorCode::kHeaderTooLong:
      return "header_too_long";
    case ErrorCode::kTooManyRecipients:
      return "too_many_recipients";
    case ErrorCode::kTooManyFields:
      return "too_many_fields";
    case ErrorCode::kBadStatus:
      return "bad_status";
    case ErrorCode::kMissingFinalRecipient:
      return "missing_final_recipient";
    case ErrorCode::kStatusDisagrees:
      return "status_disagrees";
    case ErrorCode::kCharsetUnknown:
      return "charset_unknown";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kSymlinkLoop:
      return "symlink_loop";
    case ErrorCode::kBadCompression:
      return "bad_compression";
    case ErrorCode::kBadFileName:
      return "bad_file_name";
    case ErrorCode::kBadInputLine:
      return "bad_input_line";
  }
  return "internal";
}

bool IsFatal(ErrorCode code) {
  switch (code) {
    case ErrorCode::kCannotOpen:
    case ErrorCode::kIsDirectory:
    case ErrorCode::kNotRegularFile:
    case ErrorCode::kEmpty:
    case ErrorCode::kTooLarge:
    case ErrorCode::kNotMessage:
    case ErrorCode::kInternal:
    case ErrorCode::kSymlinkLoop:
    case ErrorCode::kBadCompression:
    case ErrorCode::kBadFileName:
    case ErrorCode::kBadInputLine:
      return true;
    default:
      return false;
  }
}

std::string_view MessageKindToken(MessageKind kind) {
  switch (kind) {
    case MessageKind::kBounce:
      return "bounce";
    case MessageKind::kFeedback:
      return "feedback";
    case MessageKind::kAutoReply:
      return "auto_reply";
    case MessageKind::kNotABounce:
      return "not_a_bounce";
    case MessageKind::kUnreadable:
      return "unreadable";
  }
  return "unreadable";
}

std::string_view StatusSourceToken(StatusSource source) {
  switch (source) {
    case StatusSource::kStatusField:
      return "status_field";
    case StatusSource::kDiagnosticCode:
      return "diagnostic_code";
    case StatusSource::kText:
      return "text";
    case StatusSource::kInferred:
      return "inferred";
  }
  return "inferred";
}

std::string_view DsnActionToken(DsnAction action) {
  return kActionTokens[static_cast<std::size_t>(action)];
}

std::optional<DsnAction> ParseDsnAction(std::string_view token) {
  for (DsnAction a : {DsnAction::kFailed, DsnAction::kDelayed, DsnAction::kDelivered,
                      DsnAction::kRelayed, DsnAction::kExpanded}) {
    if (DsnActionToken(a) == token) return a;
  }
  return std::nullopt;
}

std::string_view ActionWord(const RecipientResult& r) {
  return r.action == DsnAction::kOther ? std::string_view(r.action_other)
                                       : DsnActionToken(r.action);
}

std::string_view SmtpCommandToken(SmtpCommand command) {
  return kCommandTokens[static_cast<std::size_t>(command)];
}

std::optional<SmtpCommand> ParseSmtpCommand(std::string_view token) {
  return EnumOfToken<SmtpCommand>(kCommandTokens, token);
}

std::string_view StatusNoteToken(StatusNote note) {
  return kStatusNoteTokens[static_cast<std::size_t>(note)];
}

}  // namespace bouncetolk

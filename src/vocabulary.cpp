// SPDX-License-Identifier: MIT
//
// vocabulary.cpp: the stable machine tokens of reason.h, problem.h and report.h. These strings
// are part of the output schema (docs/json-schema.md): change them only with kSchemaVersion.
// Also the tokens of the rule tables' closed columns (rules/rule_vocabulary.h), which are part
// of the data format (docs/data-format.md).

#include <array>

#include "bouncetolk/problem.h"
#include "bouncetolk/reason.h"
#include "bouncetolk/report.h"
#include "rules/rule_vocabulary.h"

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

constexpr std::array<std::string_view, 4> kPartyTokens = {"sender", "recipient", "remote_admin",
                                                          "own_admin"};

// Indexed by the enums of rules/rule_vocabulary.h; order must follow them.
constexpr std::array<std::string_view, 3> kHardnessTokens = {"yes", "no", "if-permanent"};
constexpr std::array<std::string_view, 4> kCodeKindTokens = {"", "iana", "vendor", "fallback"};
constexpr std::array<std::string_view, 2> kPhraseScopeTokens = {"text", "subject"};
constexpr std::array<std::string_view, 5> kMarkerFieldTokens = {"subject", "from", "header", "text",
                                                                "boundary"};

// The enum value whose token is \a token, from index \a first on.
template <typename E, std::size_t N>
std::optional<E> ParseToken(const std::array<std::string_view, N>& tokens, std::string_view token,
                            std::size_t first = 0) {
  for (std::size_t i = first; i < N; ++i) {
    if (tokens[i] == token) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view ReasonToken(Reason reason) { return kReasonTokens[static_cast<int>(reason)]; }

std::optional<Reason> ParseReason(std::string_view token) {
  return ParseToken<Reason>(kReasonTokens, token);
}

std::string_view PartyToken(Party party) { return kPartyTokens[static_cast<int>(party)]; }

std::optional<Party> ParseParty(std::string_view token) {
  return ParseToken<Party>(kPartyTokens, token);
}

std::string_view HardnessToken(Hardness hardness) {
  return kHardnessTokens[static_cast<std::size_t>(hardness)];
}

std::optional<Hardness> ParseHardness(std::string_view token) {
  return ParseToken<Hardness>(kHardnessTokens, token);
}

std::string_view CodeKindToken(CodeKind kind) {
  return kCodeKindTokens[static_cast<std::size_t>(kind)];
}

std::optional<CodeKind> ParseCodeKind(std::string_view token) {
  return ParseToken<CodeKind>(kCodeKindTokens, token, 1);  // kNone is written nowhere
}

std::string_view PhraseScopeToken(PhraseScope scope) {
  return kPhraseScopeTokens[static_cast<std::size_t>(scope)];
}

std::optional<PhraseScope> ParsePhraseScope(std::string_view token) {
  return ParseToken<PhraseScope>(kPhraseScopeTokens, token);
}

std::string_view MarkerFieldToken(MarkerField field) {
  return kMarkerFieldTokens[static_cast<std::size_t>(field)];
}

std::optional<MarkerField> ParseMarkerField(std::string_view token) {
  return ParseToken<MarkerField>(kMarkerFieldTokens, token);
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

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// outcome.cpp: see bouncetolk/outcome.h.

#include "bouncetolk/outcome.h"

#include <array>

#include "common/token.h"

namespace bouncetolk {
namespace {

constexpr std::array<std::string_view, kOutcomeCount> kOutcomeTokens = {
    "failed", "delayed", "delivered", "relayed", "expanded", "auto_reply", "feedback",
};

constexpr std::array<std::string_view, kFixActionCount> kFixActionTokens = {
    "none",          "wait",          "resend-later",     "correct-address", "remove-from-list",
    "ask-recipient", "ask-own-admin", "ask-remote-admin", "change-content",  "authenticate",
};

CodeClass ClassOfDigit(char digit) {
  switch (digit) {
    case '2':
      return CodeClass::kSuccess;
    case '4':
      return CodeClass::kTemporary;
    case '5':
      return CodeClass::kPermanent;
    default:
      return CodeClass::kNone;
  }
}

}  // namespace

Outcome DecideOutcome(MessageKind kind, const RecipientResult& r) {
  if (kind == MessageKind::kAutoReply || r.reason == Reason::kVacation) return Outcome::kAutoReply;
  if (kind == MessageKind::kFeedback || r.reason == Reason::kFeedback) return Outcome::kFeedback;
  // RFC 3464 section 2.3.3: "failed" means the MTA will not try again, whatever the class of
  // the last code; "delayed" that it still will.
  switch (r.action) {
    case DsnAction::kFailed:
      return Outcome::kFailed;
    case DsnAction::kDelayed:
      return Outcome::kDelayed;
    case DsnAction::kDelivered:
      return Outcome::kDelivered;
    case DsnAction::kRelayed:
      return Outcome::kRelayed;
    case DsnAction::kExpanded:
      return Outcome::kExpanded;
    case DsnAction::kNone:
    case DsnAction::kOther:
      break;
  }
  switch (r.permanence) {
    case Permanence::kSuccess:
      return Outcome::kDelivered;
    case Permanence::kTemporary:
      return Outcome::kDelayed;
    case Permanence::kPermanent:
      break;
  }
  return Outcome::kFailed;
}

CodeClass CodeClassOf(const RecipientResult& r) {
  if (!r.status.empty()) {
    const CodeClass c = ClassOfDigit(r.status.front());
    if (c != CodeClass::kNone) return c;
  }
  if (r.reply_code) return ClassOfDigit(static_cast<char>('0' + *r.reply_code / 100));
  return CodeClass::kNone;
}

std::string_view OutcomeToken(Outcome outcome) {
  return kOutcomeTokens[static_cast<std::size_t>(outcome)];
}

std::optional<Outcome> ParseOutcome(std::string_view token) {
  return EnumOfToken<Outcome>(kOutcomeTokens, token);
}

std::string_view CodeClassToken(CodeClass code_class) {
  switch (code_class) {
    case CodeClass::kSuccess:
      return "success";
    case CodeClass::kTemporary:
      return "temporary";
    case CodeClass::kPermanent:
      return "permanent";
    case CodeClass::kNone:
      break;
  }
  return "";
}

std::string_view FixActionToken(FixAction action) {
  return kFixActionTokens[static_cast<std::size_t>(action)];
}

std::optional<FixAction> ParseFixAction(std::string_view token) {
  return EnumOfToken<FixAction>(kFixActionTokens, token);
}

bool IsArrived(Outcome outcome) {
  return outcome != Outcome::kFailed && outcome != Outcome::kDelayed;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// reason.h: the bounce reason vocabulary (Sisimai's tokens, so corpus comparisons need no
// mapping), the party that must act, and permanence. Tokens convert both ways; the Dutch and
// English words for them live in data/text/<lang>/.

#ifndef BOUNCETOLK_REASON_H_
#define BOUNCETOLK_REASON_H_

#include <optional>
#include <string_view>

namespace bouncetolk {

/// Why a message was not delivered (or what kind of report it is).
enum class Reason {
  kUndefined,
  kUserUnknown,
  kHostUnknown,
  kMailboxFull,
  kMesgTooBig,
  kExceedLimit,
  kFiltered,
  kRejected,
  kBlocked,
  kSpamDetected,
  kVirusDetected,
  kPolicyViolation,
  kAuthFailure,
  kRequirePtr,
  kBadReputation,
  kNoRelaying,
  kNotAccept,
  kNotCompliantRfc,
  kSecurityError,
  kSuspend,
  kHasMoved,
  kExpired,
  kNetworkError,
  kSystemError,
  kSystemFull,
  kTooManyConn,
  kSpeeding,
  kSyntaxError,
  kContentError,
  kMailerError,
  kOnHold,
  kDelivered,
  kFeedback,
  kVacation,
  kFailedStartTls,
  kSuppressed,
};

/// Number of Reason values (for tables indexed by reason).
inline constexpr int kReasonCount = static_cast<int>(Reason::kSuppressed) + 1;

/// Who has to do something about it.
enum class Party {
  kSender,       ///< de afzender
  kRecipient,    ///< de ontvanger
  kRemoteAdmin,  ///< de beheerder van de ontvangende server
  kOwnAdmin,     ///< de eigen provider of beheerder van de afzender
};

/// Whether retrying can help.
enum class Permanence {
  kPermanent,
  kTemporary,
  kSuccess,  ///< delivered, relayed or expanded: nothing failed
};

/// "userunknown" etc.
std::string_view ReasonToken(Reason reason);
std::optional<Reason> ParseReason(std::string_view token);
/// "sender", "recipient", "remote_admin", "own_admin".
std::string_view PartyToken(Party party);
std::optional<Party> ParseParty(std::string_view token);
/// "permanent", "temporary", "success".
std::string_view PermanenceToken(Permanence permanence);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_REASON_H_

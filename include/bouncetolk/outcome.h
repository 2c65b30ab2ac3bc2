// SPDX-License-Identifier: MIT
//
// outcome.h: what became of the message for one recipient, the first thing every output says.
// The outcome follows the report's final word (the DSN Action, the kind of message), not the
// class of the status code: a Postfix report with "Action: failed" and 4.7.1 was given up
// after repeated attempts, so the message will never arrive (outcome failed), although the
// condition that stopped it was temporary in nature (code class temporary).

#ifndef BOUNCETOLK_OUTCOME_H_
#define BOUNCETOLK_OUTCOME_H_

#include <optional>
#include <string_view>

#include "bouncetolk/report.h"

namespace bouncetolk {

/// What a fix text asks for (data/rules/fix-actions.tsv). Every reason and outcome allows
/// only some classes (data/rules/outcome-actions.tsv): no "wait, it will arrive" for a
/// message that was given up, no "check the address" for one still being retried.
enum class FixAction {
  kNone,            ///< nothing to do
  kWait,            ///< wait: the server retries by itself
  kResendLater,     ///< send it again later
  kCorrectAddress,  ///< correct the address
  kRemoveFromList,  ///< take the address off the lists
  kAskRecipient,    ///< ask the recipient (another way)
  kAskOwnAdmin,     ///< ask one's own provider or administrator
  kAskRemoteAdmin,  ///< ask the administrator of the receiving server
  kChangeContent,   ///< change the message (size, links, attachments, form)
  kAuthenticate,    ///< log in / send through the right server with authentication
};

/// Number of FixAction values.
inline constexpr int kFixActionCount = static_cast<int>(FixAction::kAuthenticate) + 1;

/// "none", "wait", "resend-later", "correct-address", "remove-from-list", "ask-recipient",
/// "ask-own-admin", "ask-remote-admin", "change-content", "authenticate".
std::string_view FixActionToken(FixAction action);
std::optional<FixAction> ParseFixAction(std::string_view token);

/// The outcome of \a r in a message of kind \a kind: auto_reply and feedback by the kind of
/// message (or the recipient's reason vacation/feedback); otherwise by the DSN Action:
/// failed (also with a 4.x.x code: the report is final), delayed, delivered, relayed,
/// expanded; an Action word outside RFC 3464 by the recipient's permanence.
Outcome DecideOutcome(MessageKind kind, const RecipientResult& r);

/// The class of r.status (else of r.reply_code).
CodeClass CodeClassOf(const RecipientResult& r);

/// "failed", "delayed", "delivered", "relayed", "expanded", "auto_reply", "feedback".
std::string_view OutcomeToken(Outcome outcome);
std::optional<Outcome> ParseOutcome(std::string_view token);
/// "success", "temporary", "permanent"; "" for kNone.
std::string_view CodeClassToken(CodeClass code_class);

/// True when nothing went wrong for the sender: delivered, relayed, expanded, auto_reply,
/// feedback.
bool IsArrived(Outcome outcome);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_OUTCOME_H_

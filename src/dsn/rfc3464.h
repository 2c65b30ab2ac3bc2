// SPDX-License-Identifier: MIT
//
// rfc3464.h: the body of a message/delivery-status part (RFC 3464 section 2) or of
// message/global-delivery-status (RFC 6533) into per-message fields and one RecipientResult
// per per-recipient group. Only fields are filled here; codes are chosen and classified later.
// Type prefixes ("rfc822;", "dns;", "smtp;") are split off and kept in the *_type members.

#ifndef BOUNCETOLK_DSN_RFC3464_H_
#define BOUNCETOLK_DSN_RFC3464_H_

#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/report.h"

namespace bouncetolk {

/// The fields of one delivery-status body.
struct DsnFields {
  PerMessageFields per_message;
  std::vector<RecipientResult> recipients;
};

/// Parses \a text (decoded, UTF-8, LF line endings).
DsnFields ParseDeliveryStatus(std::string_view text, const AnalyzeOptions& options,
                              std::vector<Problem>* problems);

/// Splits "rfc822; a@b" into type "rfc822" (lower case) and "a@b". No ';' gives an empty type.
void SplitTyped(std::string_view value, std::string* type, std::string* rest);

/// Normalises an Action value: lower case, and the variants seen in the wild
/// (deliverable, expired, failure) mapped to RFC 3464 words.
std::string NormalizeAction(std::string_view action);

/// Sets r->action from an Action value (NormalizeAction): a word that is none of RFC 3464's
/// five is DsnAction::kOther, the word kept in r->action_other; an empty value sets kNone.
void ReadAction(std::string_view value, RecipientResult* r);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_RFC3464_H_

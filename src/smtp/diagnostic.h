// SPDX-License-Identifier: MIT
//
// diagnostic.h: the codes inside a Diagnostic-Code or vendor text ("550 5.1.1 <x>: ...",
// "550-5.7.26 ...", "#5.1.0", "host said: 554 ..."), and the choice between the Status field
// and the code in the text when both exist (RFC 3464 Status vs the remote server's words).

#ifndef BOUNCETOLK_SMTP_DIAGNOSTIC_H_
#define BOUNCETOLK_SMTP_DIAGNOSTIC_H_

#include <optional>
#include <string_view>

#include "bouncetolk/report.h"
#include "bouncetolk/status_code.h"

namespace bouncetolk {

/// Codes found in one text.
struct TextCodes {
  std::optional<ReplyCode> reply;
  std::optional<EnhancedStatus> status;
  /// The enhanced code directly follows the reply code ("550 5.7.1", "550-5.7.1"): the remote
  /// server's own words rather than a code some relay added.
  bool status_in_reply = false;
};

/// Extracts the reply code and the enhanced code from \a text. The enhanced code must have the
/// reply code's class when there is a reply code.
TextCodes ExtractCodes(std::string_view text);

/// Fills r->status, status_source, status_in_text, status_note and reply_code from
/// r->status_field and the codes of \a text (the diagnostic or vendor text); \a text_source
/// says where that text came from. Infers a class-level status when the message has none.
void ChooseStatus(const TextCodes& codes, StatusSource text_source, RecipientResult* r);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SMTP_DIAGNOSTIC_H_

// SPDX-License-Identifier: MIT
//
// lhost_common.h: parsing helpers shared by the vendor readers, so no reader copies another:
// finding e-mail addresses in prose, splitting a bounce text into one block per recipient,
// and reading the remote host ("host mx.example.jp [192.0.2.1]: ...", "remote host 192.0.2.1
// said:") and the failed SMTP command ("after RCPT TO", "in reply to end of DATA command",
// ">>> DATA", "[RCPT_TO]") out of a block. Structure only: no reasons are decided here.
// Returned views point into the caller's text.

#ifndef BOUNCETOLK_LHOST_LHOST_COMMON_H_
#define BOUNCETOLK_LHOST_LHOST_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/report.h"
#include "common/address.h"
#include "view/message_view.h"

namespace bouncetolk {

/// A recipient named in the text and the lines that belong to it.
struct AddressBlock {
  std::string address;
  std::string text;  ///< the rest of the recipient's line and the lines after it, LF-joined
};

/// Splits \a text into blocks at recipient lines: a line that starts with an address
/// ("<a@b>:", "a@b ... User unknown", "\"a@b\":") or ends with one after a lead-in
/// ("Could not be delivered to: <a@b>"). Lines that quote headers ("To: a@b"), SMTP
/// transcripts (">>> RCPT TO:<a@b>") and sender addresses ("MAIL FROM:<a@b>") are not
/// recipient lines. Blocks of the same address are merged; a block without text borrows the
/// text of the next block (several addresses listed above one shared error).
std::vector<AddressBlock> SplitAtRecipients(std::string_view text);

/// A line that is just an address ("a@b", "<a@b>"); fills \a address, clears \a rest. The
/// line parser for RecipientsAfterTheirErrors() when the format lists bare addresses.
bool IsAddressOnlyLine(std::string_view line, std::string* address, std::string* rest);

/// For formats that write the error BEFORE the address it belongs to (Lotus Notes, Sendmail
/// transcripts): each line for which \a parse_line returns true (filling the address and the
/// rest of the line) closes one recipient, whose text is the lines since the previous such line
/// plus that rest. The lines after the last address go to \a trailing (may be nullptr).
std::vector<RecipientResult> RecipientsAfterTheirErrors(std::string_view text,
                                                        bool (*parse_line)(std::string_view line,
                                                                           std::string* address,
                                                                           std::string* rest),
                                                        std::string* trailing);

/// The text after the first line whose normalised form contains \a lower_marker (the
/// marker line itself excluded), or empty when the marker is absent. A view into \a text.
std::string_view TextAfterLine(std::string_view text, std::string_view lower_marker);
/// The text before the first line whose normalised form contains \a lower_marker, or the
/// whole text when the marker is absent. A view into \a text.
std::string_view TextBeforeLine(std::string_view text, std::string_view lower_marker);

/// The remote host named in \a text, or empty.
std::string FindRemoteHost(std::string_view text);
/// The SMTP command the text says failed ("after RCPT TO", "in reply to end of DATA
/// command", "does not like recipient"), or kNone.
SmtpCommand FindCommand(std::string_view text);

/// A RecipientResult for \a address with \a text as its diagnostic (white space collapsed),
/// remote host and command read from the text, action failed.
RecipientResult MakeRecipient(std::string_view address, std::string_view text);
/// Appends MakeRecipient(address, text) to \a out, numbered after the ones already there.
void AppendRecipient(std::string_view address, std::string_view text,
                     std::vector<RecipientResult>* out);
/// MakeRecipient() for every block, numbered from 1.
std::vector<RecipientResult> RecipientsFromBlocks(const std::vector<AddressBlock>& blocks);

/// One recipient per address in the bounce's header \a header ("X-Failed-Recipients"), each
/// with \a text as its diagnostic.
std::vector<RecipientResult> RecipientsFromHeader(const MessageView& view, std::string_view header,
                                                  std::string_view text);

/// The decode function most readers share: the recipient blocks of the view's text.
std::vector<RecipientResult> DecodeRecipientBlocks(const MessageView& view);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_LHOST_LHOST_COMMON_H_

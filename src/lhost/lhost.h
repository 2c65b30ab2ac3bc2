// SPDX-License-Identifier: MIT
//
// lhost.h: bounces without a delivery-status part. Mail servers that do not write RFC 3464
// reports (Exim, qmail, old Sendmail and Exchange, Gmail, Yahoo, mail filters, ...) put the
// failure in their own words in the human-readable text. Each family has one reader in its own
// file (src/lhost/<family>.cpp); all readers are listed in ONE ordered table in lhost.cpp,
// most specific first and the generic reader last. The first reader that recognises the
// message and finds recipients wins. Detection markers (subjects, banner lines, headers)
// are data: data/rules/lhost.tsv. Readers only fill fields (recipient, diagnostic text,
// remote host, command); codes are chosen and reasons classified later, in analyze.cpp.

#ifndef BOUNCETOLK_LHOST_LHOST_H_
#define BOUNCETOLK_LHOST_LHOST_H_

#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/report.h"
#include "mime/mime_walk.h"
#include "rules/rule_table.h"

namespace bouncetolk {

/// What a reader sees of one message. Built once per message by BuildMessageView().
struct MessageView {
  const Entity* root = nullptr;        ///< the whole message
  const RuleTables* tables = nullptr;  ///< for the lhost.tsv markers
  std::string subject;                 ///< decoded Subject
  std::string from;                    ///< decoded From
  /// The human-readable text in UTF-8 with LF line endings: the first text/plain part outside
  /// any returned message (or text/html without tags), cut before the returned original
  /// (boundary rows of lhost.tsv, or the first header block of the quoted message).
  std::string text;
  std::string normalized_text;     ///< NormalizeForMatch(text)
  std::string normalized_subject;  ///< NormalizeForMatch(subject)
  /// Per row of RuleTables::lhost_markers: whether its "text" or "subject" pattern occurs.
  std::vector<bool> marker_hits;
  std::vector<std::string> original_to;  ///< To/Cc addresses of the returned original, if any
  /// The text after a line that starts a message forwarded inline ("---------- Forwarded
  /// message ---------", "Begin forwarded message:"; "forward" rows of lhost.tsv), uncut, or
  /// empty. A person who forwards a bounce to the helpdesk puts it there.
  std::string forwarded;

  /// A header of the bounce itself (first occurrence, case-insensitive), or empty.
  std::string_view Header(std::string_view name) const { return root->Header(name); }
};

/// Builds the view of \a root. The view keeps pointers to \a root and \a tables.
MessageView BuildMessageView(const Entity& root, const RuleTables& tables,
                             const AnalyzeOptions& options);

/// True when a marker row of lhost.tsv for \a reader matches the message.
bool HasMarker(const MessageView& view, std::string_view reader);
/// True when a "text" row of lhost.tsv for \a reader occurs in \a normalized_line.
bool LineHasMarker(const RuleTables& tables, std::string_view reader,
                   std::string_view normalized_line);

/// One vendor reader.
struct VendorReader {
  std::string_view name;  ///< Report::format, and the reader column of lhost.tsv
  /// Recognises the format; nullptr means "any lhost.tsv row of this reader matches".
  bool (*detect)(const MessageView& view);
  std::vector<RecipientResult> (*decode)(const MessageView& view);  ///< fills the fields
};

/// The ordered reader table (lhost.cpp). The last entry is the generic reader.
const std::vector<VendorReader>& VendorReaders();

/// Result of reading the human-readable text.
struct VendorReading {
  std::string_view reader;                  ///< empty when no reader found recipients
  std::vector<RecipientResult> recipients;  ///< index, recipient, diagnostic, ... filled
};

/// Runs the readers in table order; the first one that recognises the message and finds at
/// least one recipient wins. With \a allow_generic false the generic reader is skipped (used
/// when a delivery-status part exists and the text only adds details).
VendorReading ReadVendorFormat(const MessageView& view, bool allow_generic);

/// RFC 3464 per-recipient fields written into the human-readable text instead of a
/// delivery-status part (fields_in_text.cpp). Not a reader of the table: analyze.cpp uses
/// these recipients in place of the missing part. Empty when the text has no such fields.
std::vector<RecipientResult> DecodeFieldsInText(const MessageView& view);

// --- The readers, one file each (declared here so the table in lhost.cpp can list them). ---
std::vector<RecipientResult> DecodeGoogleGroups(const MessageView& view);
std::vector<RecipientResult> DecodeGmail(const MessageView& view);
std::vector<RecipientResult> DecodeAmazonSes(const MessageView& view);
std::vector<RecipientResult> DecodeExchange(const MessageView& view);
std::vector<RecipientResult> DecodeNotes(const MessageView& view);
std::vector<RecipientResult> DecodeFilters(const MessageView& view);
std::vector<RecipientResult> DecodeJapaneseCarriers(const MessageView& view);
std::vector<RecipientResult> DecodeMessagingServer(const MessageView& view);
std::vector<RecipientResult> DecodeExim(const MessageView& view);
std::vector<RecipientResult> DecodeQmail(const MessageView& view);
std::vector<RecipientResult> DecodeCourier(const MessageView& view);
std::vector<RecipientResult> DecodeOpenSmtpd(const MessageView& view);
std::vector<RecipientResult> DecodeDragonFly(const MessageView& view);
std::vector<RecipientResult> DecodePostfix(const MessageView& view);
std::vector<RecipientResult> DecodeSendmail(const MessageView& view);
bool DetectGeneric(const MessageView& view);
std::vector<RecipientResult> DecodeGeneric(const MessageView& view);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_LHOST_LHOST_H_

// SPDX-License-Identifier: MIT
//
// lhost.h: bounces without a delivery-status part. Mail servers that do not write RFC 3464
// reports (Exim, qmail, old Sendmail and Exchange, Gmail, Yahoo, mail filters, ...) put the
// failure in their own words in the human-readable text. Each family has one reader in its own
// file (src/lhost/<family>.cpp); all readers are listed in ONE ordered table in lhost.cpp,
// most specific first and the generic reader last. The first reader that recognises the
// message and finds recipients wins. Detection markers (subjects, banner lines, headers)
// are data: data/rules/lhost.tsv, matched by view/markers.h. Readers see the message through
// its MessageView (view/message_view.h) and only fill fields (recipient, diagnostic text,
// remote host, command); codes are chosen and reasons classified later, in analyze.cpp.

#ifndef BOUNCETOLK_LHOST_LHOST_H_
#define BOUNCETOLK_LHOST_LHOST_H_

#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/report.h"
#include "view/message_view.h"

namespace bouncetolk {

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

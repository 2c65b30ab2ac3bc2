// SPDX-License-Identifier: MIT
//
// lhost.cpp: THE ordered table of vendor readers, and running it over a message's view.
// Order matters where formats share markers: Google
// Groups before Gmail (both come from mailer-daemon@googlemail.com), Gmail before Exim (both
// set X-Failed-Recipients), the filters before the servers they sit in front of, and the
// generic reader last.

#include "lhost/lhost.h"

#include "view/markers.h"

namespace bouncetolk {

const std::vector<VendorReader>& VendorReaders() {
  static const std::vector<VendorReader> kReaders = {
      {"googlegroups", nullptr, DecodeGoogleGroups},
      {"gmail", nullptr, DecodeGmail},
      {"amazonses", nullptr, DecodeAmazonSes},
      {"exchange", nullptr, DecodeExchange},
      {"notes", nullptr, DecodeNotes},
      {"filters", nullptr, DecodeFilters},
      {"japanese-carriers", nullptr, DecodeJapaneseCarriers},
      {"messagingserver", nullptr, DecodeMessagingServer},
      {"exim", nullptr, DecodeExim},
      {"qmail", nullptr, DecodeQmail},
      {"courier", nullptr, DecodeCourier},
      {"opensmtpd", nullptr, DecodeOpenSmtpd},
      {"dragonfly", nullptr, DecodeDragonFly},
      {"postfix", nullptr, DecodePostfix},
      {"sendmail", nullptr, DecodeSendmail},
      {"generic", DetectGeneric, DecodeGeneric},
  };
  return kReaders;
}

VendorReading ReadVendorFormat(const MessageView& view, bool allow_generic) {
  const auto& readers = VendorReaders();
  for (std::size_t i = 0; i < readers.size(); ++i) {
    const VendorReader& reader = readers[i];
    if (!allow_generic && i + 1 == readers.size()) break;
    const bool recognised = reader.detect ? reader.detect(view) : HasMarker(view, reader.name);
    if (!recognised) continue;
    std::vector<RecipientResult> found = reader.decode(view);
    if (found.empty()) continue;
    return VendorReading{reader.name, std::move(found)};
  }
  return {};
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// record_fields.cpp: see record_fields.h.

#include "common/record_fields.h"

#include "common/address.h"
#include "common/date.h"
#include "common/sha1.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

// The first addr-spec of \a text, or empty.
std::string FirstAddress(std::string_view text) {
  const AddressSpan span = FindAddress(text);
  return span.found() ? std::string(text.substr(span.begin, span.end - span.begin)) : std::string();
}

// The domain of \a address, lower case; empty without '@'.
std::string DomainOf(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  return AsciiLowerCopy(Trim(StripAngles(address.substr(at + 1))));
}

}  // namespace

std::string RecordToken(std::string_view addresser, std::string_view recipient,
                        std::string_view message_id, std::optional<std::int64_t> time) {
  std::string id(StripAngles(Trim(message_id)));
  if (id.empty() && time) id = std::to_string(*time);
  std::string bytes;
  bytes.reserve(addresser.size() + recipient.size() + id.size() + 4);
  bytes += '\x02';
  bytes += addresser;
  bytes += '\x1e';
  bytes += recipient;
  for (char& c : bytes) c = AsciiLower(c);  // the two addresses, lower case
  bytes += '\x1e';
  bytes += id;
  bytes += '\x03';
  return Sha1Hex(bytes);
}

void FillRecordFields(Report* report) {
  report->addresser = FirstAddress(report->original.from);
  if (report->addresser.empty()) report->addresser = FirstAddress(report->to);
  report->sender_domain = DomainOf(report->addresser);
  for (const std::string* date :
       {&report->date, &report->per_message.arrival_date,
        report->recipients.empty() ? &report->date
                                   : &report->recipients.front().last_attempt_date}) {
    int zone = 0;
    if (const std::optional<std::int64_t> when = ParseDateInZone(*date, &zone)) {
      report->time = when;
      report->time_zone_minutes = zone;
      report->timestamp = FormatIsoUtc(*when);
      break;
    }
  }
  for (RecipientResult& r : report->recipients) {
    r.recipient_domain = DomainOf(r.recipient);
    r.recipient_valid = !r.recipient.empty() && !HasControlOrFormatting(r.recipient);
    r.token =
        RecordToken(report->addresser, r.recipient, report->original.message_id, report->time);
  }
}

}  // namespace bouncetolk

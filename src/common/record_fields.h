// SPDX-License-Identifier: MIT
//
// record_fields.h: the fields every output record carries beside what the message says
// (docs/json-schema.md): who sent the returned message, when the bounce was written (as ISO
// 8601 in UTC), the recipient's domain, whether the recipient is an address at all, and a token
// for de-duplication. Worked out from the Report itself, once it is complete.

#ifndef BOUNCETOLK_COMMON_RECORD_FIELDS_H_
#define BOUNCETOLK_COMMON_RECORD_FIELDS_H_

#include "bouncetolk/report.h"

namespace bouncetolk {

/// Fills Report::addresser, sender_domain, time, time_zone_minutes and timestamp, and per
/// recipient recipient_domain, recipient_valid and token.
void FillRecordFields(Report* report);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_RECORD_FIELDS_H_

// SPDX-License-Identifier: MIT
//
// retry_period.h: how long a delay notice says the sending MTA keeps trying, when it says so
// only in its text and not in a Will-Retry-Until field (RFC 3464 section 2.3.9).

#ifndef BOUNCETOLK_SMTP_RETRY_PERIOD_H_
#define BOUNCETOLK_SMTP_RETRY_PERIOD_H_

#include <cstdint>
#include <string_view>

namespace bouncetolk {

/// How long, in seconds, a delay notice says the MTA keeps retrying, counted from the notice
/// itself: "Message will be retried for 2 more day(s)" (Gmail), "will keep trying to deliver
/// this message for the next 1 days, 19 hours and 57 minutes" (Exchange Online). 0 when the
/// text states no such period.
std::int64_t RetryPeriodSeconds(std::string_view text);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SMTP_RETRY_PERIOD_H_

// SPDX-License-Identifier: MIT
//
// date.h: RFC 5322 dates for the library itself: writing one, and the date some time after
// another (a delay notice's retry period). Reading one is ParseDate(), public in batch.h because
// --since/--until parse dates too; it is implemented in date.cpp beside these.

#ifndef BOUNCETOLK_COMMON_DATE_H_
#define BOUNCETOLK_COMMON_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bouncetolk {

/// \a when (seconds since 1970-01-01T00:00:00Z) as an RFC 5322 date in the zone \a zone_minutes
/// east of UTC: "Wed, 03 May 2017 04:41:00 -0700".
std::string FormatDate(std::int64_t when, int zone_minutes);

/// ParseDate() (batch.h), also giving in \a zone_minutes the zone offset the date was written
/// in (minutes east of UTC; 0 for ISO dates and when unknown).
std::optional<std::int64_t> ParseDateInZone(std::string_view text, int* zone_minutes);

/// \a when as ISO 8601 in UTC: "2026-03-03T07:59:00Z".
std::string FormatIsoUtc(std::int64_t when);

/// The RFC 5322 date \a seconds after \a date, written in \a date's own zone; empty when
/// ParseDate() does not understand \a date.
std::string DateAfter(std::string_view date, std::int64_t seconds);

/// The moment of the RFC 5322 date \a date as people in the Netherlands read it, in Dutch
/// ("zondag 6 december 2026 om 12:07") or English ("Sunday 6 December 2026 at 12:07"): the
/// time in Amsterdam (CET, and CEST from the last Sunday of March to the last Sunday of
/// October, 01:00 UTC, as the EU rules say). Empty when ParseDate() does not understand it.
std::string LocalDate(std::string_view date, bool dutch);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_DATE_H_

// SPDX-License-Identifier: MIT
//
// date.cpp: ParseDate() (batch.h). RFC 5322 section 3.3 dates including the obsolete forms of
// section 4.3 (two- and three-digit years, zone names, missing seconds), asctime()-style
// dates as some MTAs write them ("Thu Apr 29 23:45:32 2013"), and ISO 8601 dates for options.
// Tokens are recognised by their shape, not their position, which tolerates the field orders
// seen in the wild. No locale, no time zone database: named zones other than the RFC 5322 ones
// count as UTC, which is at most a day off for --since.

#include "common/date.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/batch.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int MonthOf(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (StartsWithIgnoreCase(word, kMonths[i])) return i + 1;
  }
  return 0;
}

// Offset in minutes of a zone name (RFC 5322 section 4.3); std::nullopt when unknown.
std::optional<int> ZoneOf(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {{"ut", 0},     {"utc", 0},    {"gmt", 0},    {"z", 0},
                                    {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
                                    {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}};
  for (const Zone& z : kZones) {
    if (EqualsIgnoreCase(word, z.name)) return z.minutes;
  }
  return std::nullopt;
}

// "+0900", "-0430", "+09:00".
std::optional<int> NumericZone(std::string_view w) {
  if (w.size() < 5 || (w[0] != '+' && w[0] != '-')) return std::nullopt;
  std::string digits;
  for (char c : w.substr(1)) {
    if (c != ':') digits.push_back(c);
  }
  if (digits.size() != 4 || !AllDigits(digits)) return std::nullopt;
  const int minutes =
      ToInt(std::string_view(digits).substr(0, 2)) * 60 + ToInt(std::string_view(digits).substr(2));
  return w[0] == '-' ? -minutes : minutes;
}

// "23:45:32" or "23:45" -> seconds of the day.
std::optional<int> TimeOf(std::string_view w) {
  const std::size_t c1 = w.find(':');
  if (c1 == std::string_view::npos) return std::nullopt;
  const std::size_t c2 = w.find(':', c1 + 1);
  const std::string_view h = w.substr(0, c1);
  const std::string_view m =
      w.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1);
  const std::string_view s =
      c2 == std::string_view::npos ? std::string_view("0") : w.substr(c2 + 1);
  if (!AllDigits(h) || !AllDigits(m) || !AllDigits(s) || h.size() > 2 || m.size() != 2 ||
      s.size() > 2) {
    return std::nullopt;
  }
  const int hh = ToInt(h), mm = ToInt(m), ss = ToInt(s);
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  return hh * 3600 + mm * 60 + ss;
}

std::optional<std::int64_t> Assemble(int year, int month, int day, int seconds, int zone_minutes) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999)
    return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
         seconds - static_cast<std::int64_t>(zone_minutes) * 60;
}

// "2026-11-23", "2026-11-23T16:47:12Z", "2026-11-23 16:47+01:00".
std::optional<std::int64_t> ParseIso(std::string_view t) {
  if (t.size() < 10 || !AllDigits(t.substr(0, 4)) || t[4] != '-' || !AllDigits(t.substr(5, 2)) ||
      t[7] != '-' || !AllDigits(t.substr(8, 2))) {
    return std::nullopt;
  }
  const int year = ToInt(t.substr(0, 4)), month = ToInt(t.substr(5, 2)),
            day = ToInt(t.substr(8, 2));
  std::string_view rest = t.substr(10);
  int seconds = 0, zone = 0;
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return std::nullopt;
    rest.remove_prefix(1);
    std::size_t end = rest.find_first_of("Zz+-");
    const auto time = TimeOf(rest.substr(0, end));
    if (!time) return std::nullopt;
    seconds = *time;
    if (end != std::string_view::npos) {
      const std::string_view z = rest.substr(end);
      if (z == "Z" || z == "z") {
        zone = 0;
      } else if (const auto n = NumericZone(z)) {
        zone = *n;
      } else {
        return std::nullopt;
      }
    }
  }
  return Assemble(year, month, day, seconds, zone);
}

// Year, month, day of a count of days since 1970-01-01 (H. Hinnant's civil_from_days).
void CivilFromDays(std::int64_t z, int* year, int* month, int* day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (*month <= 2));
}

}  // namespace

std::optional<std::int64_t> ParseDateInZone(std::string_view text, int* zone_out) {
  *zone_out = 0;
  text = Trim(text);
  if (const auto iso = ParseIso(text)) return iso;
  // Split into words: comments removed, commas are blanks.
  std::string clean = StripComments(text);
  for (char& c : clean) {
    if (c == ',') c = ' ';
  }
  std::vector<std::string_view> words;
  std::string_view rest(clean);
  while (!rest.empty()) {
    const std::size_t b = rest.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) break;
    rest.remove_prefix(b);
    const std::size_t e = rest.find_first_of(" \t\r\n");
    words.push_back(rest.substr(0, e));
    rest.remove_prefix(e == std::string_view::npos ? rest.size() : e);
  }
  int day = 0, month = 0, year = -1, zone = 0;
  std::optional<int> seconds;
  for (std::string_view w : words) {
    if (!seconds && w.find(':') != std::string_view::npos) {
      if ((seconds = TimeOf(w))) continue;
    }
    if (const auto z = NumericZone(w)) {
      zone = *z;
    } else if (AllDigits(w) && w.size() <= 4) {
      const int v = ToInt(w);
      if (w.size() <= 2 && day == 0 && v >= 1 && v <= 31) {
        day = v;
      } else if (year < 0) {
        // RFC 5322 section 4.3: two-digit years below 50 are 20xx, others and three-digit
        // years are 19xx.
        year = w.size() == 4 ? v : w.size() == 3 ? 1900 + v : v < 50 ? 2000 + v : 1900 + v;
      }
    } else if (month == 0 && MonthOf(w) != 0) {
      month = MonthOf(w);
    } else if (const auto named = ZoneOf(w)) {
      zone = *named;
    }
  }
  if (day == 0 || month == 0 || year < 0) return std::nullopt;
  *zone_out = zone;
  return Assemble(year, month, day, seconds.value_or(0), zone);
}

std::optional<std::int64_t> ParseDate(std::string_view text) {
  int zone = 0;
  return ParseDateInZone(text, &zone);
}

std::string FormatDate(std::int64_t when, int zone_minutes) {
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t local = when + static_cast<std::int64_t>(zone_minutes) * 60;
  const std::int64_t days = (local >= 0 ? local : local - 86399) / 86400;
  const std::int64_t secs = local - days * 86400;
  int year = 0, month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  const int zone = zone_minutes < 0 ? -zone_minutes : zone_minutes;
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                kDays[((days % 7) + 7) % 7], day, kMonths[month - 1], year,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), zone_minutes < 0 ? '-' : '+', zone / 60, zone % 60);
  return out;
}

std::string FormatIsoUtc(std::int64_t when) {
  const std::int64_t days = (when >= 0 ? when : when - 86399) / 86400;
  const std::int64_t secs = when - days * 86400;
  int year = 0, month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  if (year < 0 || year > 9999) {
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return out;
  }
  // The common case without snprintf (a record per recipient of a batch formats one).
  std::string out = "0000-00-00T00:00:00Z";
  const auto put = [&out](std::size_t at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, static_cast<int>(secs / 3600), 2);
  put(14, static_cast<int>(secs / 60 % 60), 2);
  put(17, static_cast<int>(secs % 60), 2);
  return out;
}

std::string DateAfter(std::string_view date, std::int64_t seconds) {
  int zone = 0;
  const std::optional<std::int64_t> when = ParseDateInZone(date, &zone);
  if (!when) return {};
  return FormatDate(*when + seconds, zone);
}

namespace {

// Seconds since 1970 of 01:00 UTC on the last Sunday of \a month in \a year.
std::int64_t LastSundayOneUtc(int year, int month) {
  const int next_year = month == 12 ? year + 1 : year;
  const int next_month = month == 12 ? 1 : month + 1;
  std::int64_t last =
      DaysFromCivil(next_year, static_cast<unsigned>(next_month), 1) - 1;  // last day of the month
  const std::int64_t weekday = ((last + 4) % 7 + 7) % 7;  // 0 = Sunday (1970-01-01: Thu)
  last -= weekday;
  return last * 86400 + 3600;
}

// Minutes east of UTC in Amsterdam at \a when (EU summer time since 1996).
int AmsterdamOffset(std::int64_t when) {
  const std::int64_t days = (when >= 0 ? when : when - 86399) / 86400;
  int year = 0, month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  const bool summer = when >= LastSundayOneUtc(year, 3) && when < LastSundayOneUtc(year, 10);
  return summer ? 120 : 60;
}

}  // namespace

std::string LocalDate(std::string_view date, bool dutch) {
  static constexpr const char* kDaysNl[] = {"donderdag", "vrijdag", "zaterdag", "zondag",
                                            "maandag",   "dinsdag", "woensdag"};
  static constexpr const char* kDaysEn[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                            "Monday",   "Tuesday", "Wednesday"};
  static constexpr const char* kMonthsNl[] = {"januari",   "februari", "maart",    "april",
                                              "mei",       "juni",     "juli",     "augustus",
                                              "september", "oktober",  "november", "december"};
  static constexpr const char* kMonthsEn[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
  const std::optional<std::int64_t> when = ParseDate(date);
  if (!when) return {};
  const std::int64_t local = *when + static_cast<std::int64_t>(AmsterdamOffset(*when)) * 60;
  const std::int64_t days = (local >= 0 ? local : local - 86399) / 86400;
  const std::int64_t secs = local - days * 86400;
  int year = 0, month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  const std::size_t weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  char out[96];
  std::snprintf(out, sizeof out, "%s %d %s %d %s %02d:%02d",
                dutch ? kDaysNl[weekday] : kDaysEn[weekday], day,
                dutch ? kMonthsNl[month - 1] : kMonthsEn[month - 1], year, dutch ? "om" : "at",
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60));
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// charset.h: bytes in a declared charset -> valid UTF-8 (glibc iconv), and RFC 2047
// encoded-word decoding for header values. Never fails: unknown charsets and invalid bytes
// give U+FFFD, so every string leaving here is valid UTF-8.

#ifndef BOUNCETOLK_MIME_CHARSET_H_
#define BOUNCETOLK_MIME_CHARSET_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// Converts \a bytes from \a charset (any case; empty means US-ASCII/UTF-8) to UTF-8.
/// When \a charset is empty or unknown and the bytes are not UTF-8, they are read as
/// Windows-1252. Sets *known = false when the charset was not recognised.
std::string ToUtf8(std::string_view bytes, std::string_view charset, bool* known = nullptr);

/// Decodes RFC 2047 encoded-words ("=?iso-8859-1?q?caf=E9?="), joining adjacent words across
/// white space, and returns valid UTF-8. Text outside encoded-words is taken as UTF-8 (or
/// Windows-1252 when it is not).
std::string DecodeHeaderValue(std::string_view value);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_CHARSET_H_

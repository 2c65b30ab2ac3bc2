// SPDX-License-Identifier: MIT
//
// sha1.h: SHA-1 (FIPS 180-4) for the record token (docs/json-schema.md), the same digest
// Sisimai's token uses. Not for security: a token only tells two records of the same bounce
// apart from others.

#ifndef BOUNCETOLK_COMMON_SHA1_H_
#define BOUNCETOLK_COMMON_SHA1_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// The SHA-1 digest of \a bytes as 40 lower-case hex digits.
std::string Sha1Hex(std::string_view bytes);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_SHA1_H_

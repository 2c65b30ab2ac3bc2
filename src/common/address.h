// SPDX-License-Identifier: MIT
//
// address.h: finding e-mail addresses (RFC 5322 addr-specs, dot-atom local parts) in free text:
// bounce prose, quoted headers, feedback report fields. A byte scanner around each '@'; no
// validation beyond the characters an address may hold. Linear in the text.

#ifndef BOUNCETOLK_COMMON_ADDRESS_H_
#define BOUNCETOLK_COMMON_ADDRESS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bouncetolk {

/// Position of an addr-spec ("local@domain") in a text.
struct AddressSpan {
  std::size_t begin = std::string_view::npos;  ///< npos when none was found
  std::size_t end = 0;
  bool found() const { return begin != std::string_view::npos; }
};

/// The first addr-spec in \a text at or after \a from.
AddressSpan FindAddress(std::string_view text, std::size_t from = 0);
/// Every distinct addr-spec of \a text, in order (lower-cased duplicates removed), the first
/// \a max of them.
std::vector<std::string> AllAddresses(std::string_view text, std::size_t max = SIZE_MAX);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_ADDRESS_H_

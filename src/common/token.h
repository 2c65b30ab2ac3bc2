// SPDX-License-Identifier: MIT
//
// token.h: the value of an enum whose tokens (the words the tables, JSON and CSV write) are
// listed in enum order.

#ifndef BOUNCETOLK_COMMON_TOKEN_H_
#define BOUNCETOLK_COMMON_TOKEN_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace bouncetolk {

/// The value of \a E whose token in \a tokens (one per value, in enum order) is \a token.
template <typename E, typename Tokens>
std::optional<E> EnumOfToken(const Tokens& tokens, std::string_view token) {
  std::size_t i = 0;
  for (std::string_view t : tokens) {
    if (t == token) return static_cast<E>(i);
    ++i;
  }
  return std::nullopt;
}

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_TOKEN_H_

// SPDX-License-Identifier: MIT
//
// source.h: reading inputs. ReadInput() reads one file or standard input ("-") whole, in
// linear time, refusing directories, sockets and devices with a Problem instead of an
// exception. (Maildir, mbox and directory walking build on this in the batch layer.)

#ifndef BOUNCETOLK_SOURCE_H_
#define BOUNCETOLK_SOURCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bouncetolk/problem.h"

namespace bouncetolk {

/// One message read from somewhere.
struct InputMessage {
  std::string name;               ///< the path as given, "-" for standard input
  std::string bytes;              ///< the raw message (empty when error is set)
  std::optional<Problem> error;   ///< why it could not be read
};

/// Reads \a path ("-" = standard input). Reads at most max_bytes + 1 bytes, so a larger input
/// is detected without being loaded whole (ErrorCode::kTooLarge).
InputMessage ReadInput(std::string_view path, std::size_t max_bytes);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_SOURCE_H_

// SPDX-License-Identifier: MIT
//
// errno_name.h: operating-system errors as stable names ("ENOENT"). A Problem carries the
// name, not strerror()'s English sentence, so that the sentence can be given in the reader's
// language at the edge (SystemErrorText(), render.h) and scripts see the same token anywhere.

#ifndef BOUNCETOLK_COMMON_ERRNO_NAME_H_
#define BOUNCETOLK_COMMON_ERRNO_NAME_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// "ENOENT" for ENOENT; "E<number>" for a number the C library has no name for.
std::string ErrnoName(int errnum);

/// The errno value named \a name (as ErrnoName() writes it), or 0 when it names none.
int ErrnoFromName(std::string_view name);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_COMMON_ERRNO_NAME_H_

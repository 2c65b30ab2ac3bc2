// SPDX-License-Identifier: MIT
//
// header_repair.h: mends one common breakage of MIME header folding before the parser sees the
// message. Some gateways (Verizon's vtext.com among them) fold a Content-Type after its ';'
// without the leading blank that marks a continuation line:
//
//   Content-Type: multipart/alternative;
//   boundary="----=_X_2152"
//
// A parser that follows RFC 5322 ends the header block at the unfolded line and never sees the
// boundary, so the part's text is lost. A line shaped like a MIME parameter ("name=value", no
// colon before the '=') directly after a Content-Type or Content-Disposition line, or a
// continuation of one, that ends in ';' is taken as the continuation it was meant to be.
// ParseMime() calls it only when a parsed multipart has no parts and no boundary parameter,
// and then parses again: most messages never pay for the scan.

#ifndef BOUNCETOLK_MIME_HEADER_REPAIR_H_
#define BOUNCETOLK_MIME_HEADER_REPAIR_H_

#include <optional>
#include <string>
#include <string_view>

namespace bouncetolk {

/// \a text (LF line endings) with a blank put before every parameter line that continues an
/// unfolded Content-Type/Content-Disposition, or nullopt when there is none (the usual case,
/// found by one memchr-based scan). Linear in the size of \a text.
std::optional<std::string> RepairParameterFolding(std::string_view text);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_HEADER_REPAIR_H_

// SPDX-License-Identifier: MIT
//
// transfer_decode.h: base64 and quoted-printable decoding of MIME bodies (RFC 2045 section
// 6.7 and 6.8), table-driven, over a whole buffer at once. They replace mimetic's codecs,
// which work one byte at a time through an output iterator, and decode as those did,
// malformed input included, except for two mimetic slips:
// - base64: bytes outside the alphabet are skipped (RFC 2045: "must be ignored"; mimetic
//   decoded '|' like 'A', reading one entry past its table); '=' counts as a character and
//   ends the group's output where it stands, and a group whose first or second character is
//   '=' yields nothing (mimetic did arithmetic on '=' as if it were data); a group of 2 or 3
//   characters at the end is decoded as if padded, a single one is dropped.
// - quoted-printable: "=XY" decodes, "=" + line end is a soft line break, a malformed "="
//   sequence is kept as it is; control characters other than TAB are dropped; blanks before
//   a line end are dropped together with that line end (LF; CR LF keeps the LF); a body that
//   ends in blanks or in "=" ends in "=".
// Output is never longer than the input (base64: 3/4 of it plus 3). No allocation besides
// the result.

#ifndef BOUNCETOLK_MIME_TRANSFER_DECODE_H_
#define BOUNCETOLK_MIME_TRANSFER_DECODE_H_

#include <string>
#include <string_view>

namespace bouncetolk {

/// Decodes a base64 body.
std::string DecodeBase64Body(std::string_view in);

/// Decodes a quoted-printable body.
std::string DecodeQuotedPrintableBody(std::string_view in);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_TRANSFER_DECODE_H_

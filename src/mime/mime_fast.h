// SPDX-License-Identifier: MIT
//
// mime_fast.h: a linear MIME splitter that builds exactly the Entity tree mime_walk.cpp builds
// from mimetic, for the well-formed messages nearly all bounces are, at a fraction of the cost
// (mimetic appends header bytes one at a time and re-parses Content-Type for every lookup).
// It follows mimetic's rules where they are surprising (boundaries are found anywhere, not
// only at line starts; one newline before a boundary is dropped; Content-Type is rewritten as
// type/subtype; name="value") and gives up, returning false, on anything it does not model:
// CR characters, header lines without a colon, blanks in field names, an unterminated header
// block, unusual Content-Type syntax, duplicate Content-Type fields, a multipart without
// parts, and trees beyond the depth or part limits. The caller then uses mimetic.
// tests/mime/mime_fast_test.cpp checks that both give identical trees on the sample corpus.

#ifndef BOUNCETOLK_MIME_MIME_FAST_H_
#define BOUNCETOLK_MIME_MIME_FAST_H_

#include <string_view>

#include "bouncetolk/options.h"
#include "mime/mime_walk.h"

namespace bouncetolk {

/// Fills \a root from \a message (LF line endings) and returns true, or returns false (with
/// \a root in an unspecified state) when the message needs mimetic.
bool ParseMimeFast(std::string_view message, const AnalyzeOptions& options, Entity* root);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_MIME_FAST_H_

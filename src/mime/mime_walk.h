// SPDX-License-Identifier: MIT
//
// mime_walk.h: a message as a tree of MIME entities with owned strings. The only code that
// includes <mimetic/...> is mime_walk.cpp: it lets mimetic parse the structure (multipart
// boundaries, message/rfc822 nesting, header fields) and copies the result into Entity, cutting
// the tree at AnalyzeOptions::max_mime_depth and max_mime_parts. Bodies are kept as they were
// transferred; DecodeBody() undoes base64 / quoted-printable on demand, so parts that cannot
// hold a report (images, attachments) are never decoded.

#ifndef BOUNCETOLK_MIME_MIME_WALK_H_
#define BOUNCETOLK_MIME_MIME_WALK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/problem.h"
#include "bouncetolk/report.h"

namespace bouncetolk {

/// One MIME entity: a whole message, a part, or an embedded message.
struct Entity {
  std::vector<Field> headers;     ///< as written, values unfolded (CR/LF removed)
  std::string type;               ///< lower case "type/subtype"; "text/plain" when absent
  std::string charset;            ///< lower case charset parameter, may be empty
  std::string transfer_encoding;  ///< lower case, may be empty
  std::string body;               ///< raw body of a leaf entity (empty for containers)
  std::vector<Entity> children;   ///< parts of a multipart, or the one message of message/rfc822
  int depth = 0;                  ///< 0 for the top-level message

  /// Value of the first header named \a name (case-insensitive), or empty.
  std::string_view Header(std::string_view name) const;
  bool IsMultipart() const { return type.compare(0, 10, "multipart/") == 0; }
};

/// Which parser ParseMime() may use. Both give the same tree; kMimeticOnly is for the test
/// that checks exactly that.
enum class MimeParser { kFastOrMimetic, kMimeticOnly };

/// Parses \a message (LF line endings). Problems such as too deep nesting are appended.
/// Well-formed messages are split by mime_fast.cpp, anything else by mimetic.
Entity ParseMime(std::string_view message, const AnalyzeOptions& options,
                 std::vector<Problem>* problems, MimeParser parser = MimeParser::kFastOrMimetic);

/// Transfer-decodes a leaf body (base64, quoted-printable; others unchanged), reading at most
/// \a max_bytes of input.
std::string DecodeBody(const Entity& entity, std::size_t max_bytes);

/// The header fields of the returned original that \a part holds: the embedded message of a
/// message/rfc822 part, or the header block at the start of message/global, message/partial,
/// text/rfc822-headers (also the misspelt text/rfc822-header) and message/global-headers.
/// std::nullopt when \a part is none of these.
std::optional<std::vector<Field>> ReturnedHeaders(const Entity& part,
                                                  const AnalyzeOptions& options);

/// Parses the header block at the start of \a text into fields (used for text/rfc822-headers).
std::vector<Field> ParseHeaderBlock(std::string_view text, std::size_t max_header_bytes);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_MIME_MIME_WALK_H_

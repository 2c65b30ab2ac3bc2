// SPDX-License-Identifier: MIT
//
// message_view.h: stage 3 of docs/design.md, between the MIME tree and the readers. What the
// readers of dsn/ and lhost/ see of one message: its decoded Subject and From, the
// human-readable text (text_part.h) cut before the returned original, the To/Cc addresses of
// that original, the text of a message forwarded inline, and which rows of
// data/rules/lhost.tsv match (markers.h). Built once per message; reads, never decides.

#ifndef BOUNCETOLK_VIEW_MESSAGE_VIEW_H_
#define BOUNCETOLK_VIEW_MESSAGE_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "bouncetolk/report.h"
#include "mime/mime_walk.h"
#include "rules/rule_table.h"

namespace bouncetolk {

/// What a reader sees of one message. Built once per message by BuildMessageView().
struct MessageView {
  const Entity* root = nullptr;        ///< the whole message
  const RuleTables* tables = nullptr;  ///< for the lhost.tsv markers
  std::string subject;                 ///< decoded Subject
  std::string from;                    ///< decoded From
  /// The human-readable text in UTF-8 with LF line endings: the first text/plain part outside
  /// any returned message (or text/html without tags), cut before the returned original
  /// (boundary rows of lhost.tsv, or the first header block of the quoted message).
  std::string text;
  std::string normalized_text;     ///< NormalizeForMatch(text)
  std::string normalized_subject;  ///< NormalizeForMatch(subject)
  /// Per row of RuleTables::lhost_markers: whether its "text" or "subject" pattern occurs.
  std::vector<bool> marker_hits;
  std::vector<std::string> original_to;  ///< To/Cc addresses of the returned original, if any
  /// The header block of a returned original quoted inline in the text (qmail, Gmail, Exim
  /// without an attached copy); empty when the copy is a MIME part or there is none.
  std::vector<Field> quoted_headers;
  /// The text after a line that starts a message forwarded inline ("---------- Forwarded
  /// message ---------", "Begin forwarded message:"; "forward" rows of lhost.tsv), uncut, or
  /// empty. A person who forwards a bounce to the helpdesk puts it there.
  std::string forwarded;
  /// Readers stop reading recipients once they have this many: one more than
  /// AnalyzeOptions::max_recipients, so that analyze.cpp still sees the limit crossed and says
  /// so. A flood of recipients never costs more than that many (issue 14).
  std::size_t max_recipients = SIZE_MAX;

  /// A header of the bounce itself (first occurrence, case-insensitive), or empty.
  std::string_view Header(std::string_view name) const { return root->Header(name); }
};

/// Builds the view of \a root. The view keeps pointers to \a root and \a tables.
MessageView BuildMessageView(const Entity& root, const RuleTables& tables,
                             const AnalyzeOptions& options);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_VIEW_MESSAGE_VIEW_H_

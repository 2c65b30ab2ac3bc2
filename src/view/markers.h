// SPDX-License-Identifier: MIT
//
// markers.h: the rows of data/rules/lhost.tsv matched against one message. "boundary" rows
// mark where the returned original (reader "*") or a message forwarded inline (reader
// "forward") starts; the other rows say which mail server family wrote the message (the
// readers of lhost/), whether it is a delay notice ("delayed", analyze.cpp), an auto-reply
// ("autoreply", dsn/rfc3834.cpp) or looks like a bounce at all ("generic"). The text and
// subject rows are found in one Aho-Corasick pass each (MarkerHits), when the view is built.

#ifndef BOUNCETOLK_VIEW_MARKERS_H_
#define BOUNCETOLK_VIEW_MARKERS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "rules/rule_table.h"
#include "view/message_view.h"

namespace bouncetolk {

/// Offsets in \a text of the line after the first line that starts with a "forward" boundary
/// row (\a forward_after), and of the first line that starts with a "*" boundary row
/// (\a original_at); text.size() when there is none. Lines are compared normalised
/// (NormalizeForMatch), from their first non-blank character.
void FindBoundaryLines(const RuleTables& tables, std::string_view text, std::size_t* forward_after,
                       std::size_t* original_at);

/// Per row of RuleTables::lhost_markers: whether it is a "text" row found in
/// \a normalized_text or a "subject" row found in \a normalized_subject.
std::vector<bool> MarkerHits(const RuleTables& tables, std::string_view normalized_text,
                             std::string_view normalized_subject);

/// True when a marker row of lhost.tsv for \a reader matches the message.
bool HasMarker(const MessageView& view, std::string_view reader);
/// True when a "text" row of lhost.tsv for \a reader occurs in \a normalized_line.
bool LineHasMarker(const RuleTables& tables, std::string_view reader,
                   std::string_view normalized_line);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_VIEW_MARKERS_H_

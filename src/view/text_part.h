// SPDX-License-Identifier: MIT
//
// text_part.h: the human-readable text of a message for BuildMessageView(): which part holds
// it, an HTML body without its tags, and one level of "> " quoting taken off a bounce that a
// person forwarded inline. Linear in the size of the text.

#ifndef BOUNCETOLK_VIEW_TEXT_PART_H_
#define BOUNCETOLK_VIEW_TEXT_PART_H_

#include <string>
#include <string_view>

#include "mime/mime_walk.h"

namespace bouncetolk {

/// The first leaf of \a type in pre-order, not descending into returned messages
/// (message/rfc822, message/global, text/rfc822-headers, message/global-headers,
/// message/partial); nullptr when there is none. A multipart whose boundary never occurs (a
/// relay rewrote it, or folded the header wrongly) has no parts but a body: that body is read
/// as plain text.
const Entity* FindTextPart(const Entity& e, std::string_view type);

/// Text of an HTML body without tags; <br>, </p>, </div>, </tr>, </h..> and </li> end lines,
/// </td> is a blank, <style> and <script> are left out with their content, &nbsp; &lt; &gt;
/// &amp; are decoded, and line breaks of the HTML source are blanks.
std::string StripHtml(std::string_view html);

/// A bounce forwarded inline ("Begin forwarded message:", "> " before every line): one level
/// of quoting is removed when at least 5 lines, and at least half of the non-blank ones, carry
/// it, so the readers see the bounce as it was. Otherwise \a text unchanged.
std::string Unquote(std::string text);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_VIEW_TEXT_PART_H_

// SPDX-License-Identifier: MIT
//
// message_view.cpp: see message_view.h.

#include "view/message_view.h"

#include <algorithm>

#include "common/address.h"
#include "common/text.h"
#include "mime/charset.h"
#include "view/markers.h"
#include "view/text_part.h"

namespace bouncetolk {
namespace {

// To and Cc addresses of the returned original: a message/rfc822 part, text/rfc822-headers,
// or the header block quoted after the boundary line (kept in \a quoted_headers: no MIME
// part holds it).
std::vector<std::string> OriginalRecipients(const Entity& root, std::string_view quoted,
                                            const AnalyzeOptions& options,
                                            std::vector<Field>* quoted_headers) {
  std::vector<Field> parsed;
  const std::vector<Field>* headers = &parsed;
  for (const Entity& part : root.children) {
    if (part.type == "message/rfc822" && !part.children.empty()) {
      headers = &part.children.front().headers;  // what ReturnedHeaders() returns, not copied
      break;
    }
    if (std::optional<std::vector<Field>> h = ReturnedHeaders(part, options)) {
      parsed = std::move(*h);
      break;
    }
  }
  if (headers->empty() && !quoted.empty()) {
    // Skip the boundary line itself and blank lines before the quoted header block.
    const std::size_t eol = quoted.find('\n');
    parsed = ParseHeaderBlock(
        eol == std::string_view::npos ? std::string_view() : quoted.substr(eol + 1),
        options.max_header_bytes);
    headers = &parsed;
    *quoted_headers = parsed;
  }
  std::vector<std::string> out;
  for (const Field& f : *headers) {
    if (!EqualsIgnoreCase(f.name, "To") && !EqualsIgnoreCase(f.name, "Cc")) continue;
    for (std::string& a : AllAddresses(f.value)) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

MessageView BuildMessageView(const Entity& root, const RuleTables& tables,
                             const AnalyzeOptions& options) {
  MessageView view;
  view.root = &root;
  view.tables = &tables;
  view.max_recipients = static_cast<std::size_t>(std::max(options.max_recipients, 0)) + 1;
  view.subject = CollapseSpace(DecodeHeaderValue(root.Header("Subject")));
  view.from = CollapseSpace(DecodeHeaderValue(root.Header("From")));
  std::string body;
  if (const Entity* plain = FindTextPart(root, "text/plain")) {
    body = ToUtf8(DecodeBody(*plain, options.max_text_bytes), plain->charset);
  } else if (const Entity* html = FindTextPart(root, "text/html")) {
    body = StripHtml(ToUtf8(DecodeBody(*html, options.max_text_bytes), html->charset));
  }
  body = Unquote(NormalizeLineEndings(body));
  std::size_t after = 0;
  std::size_t at = 0;
  FindBoundaryLines(tables, body, &after, &at);
  view.forwarded = body.substr(after);
  view.original_to =
      OriginalRecipients(root, std::string_view(body).substr(at), options, &view.quoted_headers);
  body.resize(at);
  view.text = std::move(body);
  view.normalized_text = NormalizeForMatch(view.text);
  view.normalized_subject = NormalizeForMatch(view.subject);
  view.marker_hits = MarkerHits(tables, view.normalized_text, view.normalized_subject);
  return view;
}

}  // namespace bouncetolk

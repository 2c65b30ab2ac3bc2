// SPDX-License-Identifier: MIT
//
// text_part.cpp: see text_part.h.

#include "view/text_part.h"

#include <algorithm>
#include <vector>

#include "common/text.h"

namespace bouncetolk {
namespace {

bool IsReturnedMessageType(std::string_view type) {
  return type == "message/rfc822" || type == "message/global" || type == "text/rfc822-headers" ||
         type == "message/global-headers" || type == "message/partial";
}

}  // namespace

const Entity* FindTextPart(const Entity& e, std::string_view type) {
  if (e.children.empty()) {
    const bool broken_multipart = e.IsMultipart() && !Trim(e.body).empty();
    return e.type == type || (broken_multipart && type == "text/plain") ? &e : nullptr;
  }
  for (const Entity& child : e.children) {
    if (IsReturnedMessageType(child.type)) continue;
    if (const Entity* found = FindTextPart(child, type)) return found;
  }
  return nullptr;
}

std::string StripHtml(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      if (html.compare(i, 6, "&nbsp;") == 0) {
        out.push_back(' ');
        i += 6;
      } else if (html.compare(i, 4, "&lt;") == 0) {
        out.push_back('<');
        i += 4;
      } else if (html.compare(i, 4, "&gt;") == 0) {
        out.push_back('>');
        i += 4;
      } else if (html.compare(i, 5, "&amp;") == 0) {
        out.push_back('&');
        i += 5;
      } else {
        out.push_back(html[i] == '\n' ? ' ' : html[i]);
        ++i;
      }
      continue;
    }
    const std::size_t close = html.find('>', i);
    if (close == std::string_view::npos) break;
    const std::string tag =
        AsciiLowerCopy(html.substr(i + 1, std::min<std::size_t>(close - i - 1, 6)));
    if (tag.compare(0, 2, "br") == 0 || tag.compare(0, 2, "/p") == 0 ||
        tag.compare(0, 4, "/div") == 0 || tag.compare(0, 3, "/tr") == 0 ||
        tag.compare(0, 3, "/h") == 0 || tag.compare(0, 3, "/li") == 0) {
      out.push_back('\n');
    } else if (tag.compare(0, 5, "style") == 0 || tag.compare(0, 6, "script") == 0) {
      const std::size_t end =
          FindIgnoreCase(html, tag.compare(0, 5, "style") == 0 ? "</style" : "</script", close);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    } else if (tag.compare(0, 3, "/td") == 0) {
      out.push_back(' ');
    }
    i = close + 1;
  }
  return out;
}

std::string Unquote(std::string text) {
  // Fewer than 5 lines starting with '>': nothing to do (found without splitting the text).
  std::size_t starts = !text.empty() && text[0] == '>' ? 1 : 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos && starts < 5;
       nl = text.find('\n', nl + 1)) {
    if (nl + 1 < text.size() && text[nl + 1] == '>') ++starts;
  }
  if (starts < 5) return text;
  const std::vector<std::string_view> lines = SplitLines(text);
  std::size_t quoted = 0;
  std::size_t nonempty = 0;
  for (std::string_view line : lines) {
    if (Trim(line).empty()) continue;
    ++nonempty;
    if (line[0] == '>') ++quoted;
  }
  if (quoted < 5 || quoted * 2 < nonempty) return text;
  std::string out;
  out.reserve(text.size());
  for (std::string_view line : lines) {
    if (!line.empty() && line[0] == '>')
      line.remove_prefix(line.size() > 1 && line[1] == ' ' ? 2 : 1);
    out.append(line).push_back('\n');
  }
  return out;
}

}  // namespace bouncetolk

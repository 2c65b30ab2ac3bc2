// SPDX-License-Identifier: MIT
//
// mime_walk.cpp: the mimetic adapter (see mime_walk.h). mimetic recurses once per nesting
// level, so a hostile message with thousands of nested multiparts would exhaust the stack.
// Before handing the message over we count the nesting markers; above the part limit mimetic
// parses the top level only and the problem is recorded. Its header parser is quadratic in
// the length of a field, so lines are clamped first (line_clamp.h); its boundary search for
// random-access input is a Boyer-Moore without a worst-case bound (and matches mid-line), and
// it creates a part for every delimiter, so BoundedParser replaces the search with a
// line-anchored linear one and stops after a number of blocks. Anything mimetic throws is
// caught here.

#include "mime/mime_walk.h"

#include <mimetic/mimetic.h>

#include <cstring>
#include <iterator>

#include "common/text.h"
#include "mime/line_clamp.h"

namespace bouncetolk {
namespace {

// Upper bound of nesting: every nested entity needs a "multipart/" or "message/rfc822"
// Content-Type somewhere in the text.
int CountNestingMarkers(std::string_view message, int stop_at) {
  int count = 0;
  for (std::string_view needle : {std::string_view("multipart/"), std::string_view("message/rfc822"),
                                  std::string_view("message/global")}) {
    std::size_t pos = 0;
    while ((pos = FindIgnoreCase(message, needle, pos)) != std::string_view::npos) {
      if (++count > stop_at) return count;
      pos += needle.size();
    }
  }
  return count;
}

// mimetic's own parser for input iterators (line by line), with copy_until_boundary replaced:
// a delimiter is a line that starts with the innermost boundary ("--b", "--b--"), as mimetic
// reads it, after optional blanks (mimetic's own search matches anywhere in a line). Outer
// boundaries are not looked for, as with mimetic's random-access parser, so each line costs
// at most its length. Each call copies one block; after max_blocks calls the rest of the
// input is skipped, which bounds the number of parts mimetic creates.
using InputParser = mimetic::IteratorParser<const char*, std::input_iterator_tag>;

class BoundedParser : public InputParser {
 public:
  BoundedParser(mimetic::MimeEntity& me, int max_blocks) : InputParser(me), blocks_left_(max_blocks) {}
  bool stopped() const { return stopped_; }

 private:
  void copy_until_boundary(mimetic::ParsingElem pe) override {
    m_lastBoundary = NoBoundary;
    if (--blocks_left_ < 0) {
      stopped_ = true;
      m_bit = m_eit;
      return;
    }
    const std::string* inner = m_boundaryList.empty() ? nullptr : &m_boundaryList.front();
    const char* start = m_bit;
    for (const char* p = m_bit; p < m_eit;) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(m_eit - p)));
      std::string_view line(p, static_cast<std::size_t>((nl ? nl : m_eit) - p));
      while (!line.empty() && IsBlank(line.front())) line.remove_prefix(1);  // " --b" is seen in the wild
      if (inner && line.size() >= 2 && line.compare(0, inner->size(), *inner) == 0) {
        const char* end = (p > start && p[-1] == '\n') ? p - 1 : p;  // that LF belongs to the delimiter
        onBlock(start, static_cast<int>(end - start), pe);
        m_lastBoundary = line.compare(inner->size(), 2, "--") == 0 ? ClosingBoundary : Boundary;
        m_bit = nl ? nl + 1 : m_eit;
        return;
      }
      p = nl ? nl + 1 : m_eit;
    }
    onBlock(start, static_cast<int>(m_eit - start), pe);
    m_bit = m_eit;
  }

  int blocks_left_;
  bool stopped_ = false;
};

std::string Unfold(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\r') continue;
    if (c == '\n') continue;
    out.push_back(c);
  }
  return out;
}

void Convert(mimetic::MimeEntity* me, int depth, const AnalyzeOptions& options, int* parts,
             bool* truncated, Entity* out) {
  out->depth = depth;
  const mimetic::Header& h = me->header();
  out->headers.reserve(h.size());
  for (const mimetic::Field& f : h) {
    std::string value = Unfold(f.value());
    if (value.size() > options.max_header_bytes) value.resize(options.max_header_bytes);
    out->headers.push_back(Field{std::string(f.name()), std::move(value)});
  }
  const mimetic::ContentType& ct = h.contentType();
  if (!ct.type().empty()) {
    out->type = AsciiLowerCopy(std::string(ct.type()) + "/" + std::string(ct.subtype()));
    out->charset = AsciiLowerCopy(std::string(Trim(ct.param("charset"))));
  } else {
    out->type = "text/plain";
  }
  if (h.hasField("Content-Transfer-Encoding")) {
    out->transfer_encoding =
        AsciiLowerCopy(std::string(Trim(h.contentTransferEncoding().mechanism())));
  }
  mimetic::MimeEntityList& kids = me->body().parts();
  if (kids.empty()) {
    out->body.swap(me->body());
    return;
  }
  if (depth >= options.max_mime_depth) {
    *truncated = true;
    return;
  }
  out->children.reserve(kids.size());
  for (mimetic::MimeEntity* kid : kids) {
    if (++*parts > options.max_mime_parts) {
      *truncated = true;
      return;
    }
    out->children.emplace_back();
    Convert(kid, depth + 1, options, parts, truncated, &out->children.back());
  }
}

}  // namespace

std::string_view Entity::Header(std::string_view name) const {
  for (const Field& f : headers) {
    if (EqualsIgnoreCase(f.name, name)) return f.value;
  }
  return {};
}

Entity ParseMime(std::string_view message, const AnalyzeOptions& options,
                 std::vector<Problem>* problems) {
  Entity root;
  const ClampedText clamped =
      ClampLines(message, {options.max_line_bytes, options.max_header_bytes, options.max_field_lines});
  if (clamped.lines_broken || clamped.continuation_dropped) {
    problems->push_back(Problem{ErrorCode::kHeaderTooLong, std::to_string(options.max_header_bytes)});
  }
  if (clamped.cut) problems->push_back(Problem{ErrorCode::kTooManyFields, std::to_string(options.max_field_lines)});
  if (clamped.lines_broken || clamped.continuation_dropped || clamped.cut) message = clamped.text;
  const bool too_many = CountNestingMarkers(message, options.max_mime_parts) > options.max_mime_parts;
  try {
    mimetic::MimeEntity me;
    // Preamble, body and epilogue of each part, plus slack: enough for max_mime_parts parts.
    BoundedParser parser(me, 3 * options.max_mime_parts + 8);
    parser.iMask(too_many ? mimetic::imChildParts : mimetic::imNone);
    parser.run(message.data(), message.data() + message.size());
    int parts = 0;
    bool truncated = too_many || parser.stopped();
    Convert(&me, 0, options, &parts, &truncated, &root);
    if (truncated) {
      problems->push_back(Problem{ErrorCode::kMimeTooDeep, std::to_string(options.max_mime_depth)});
    }
  } catch (const std::exception& e) {
    problems->push_back(Problem{ErrorCode::kInternal, std::string("mime: ") + e.what()});
  }
  return root;
}

std::string DecodeBody(const Entity& entity, std::size_t max_bytes) {
  std::string_view raw(entity.body);
  if (raw.size() > max_bytes) raw = raw.substr(0, max_bytes);
  std::string out;
  try {
    if (entity.transfer_encoding == "base64") {
      out.reserve(raw.size() * 3 / 4 + 3);
      mimetic::Base64::Decoder dec;
      mimetic::decode(raw.begin(), raw.end(), dec, std::back_inserter(out));
    } else if (entity.transfer_encoding == "quoted-printable") {
      out.reserve(raw.size());
      mimetic::QP::Decoder dec;
      mimetic::decode(raw.begin(), raw.end(), dec, std::back_inserter(out));
    } else {
      out.assign(raw);
    }
  } catch (const std::exception&) {
    out.assign(raw);
  }
  return out;
}

std::vector<Field> ParseHeaderBlock(std::string_view text, std::size_t max_header_bytes) {
  std::vector<Field> fields;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (Trim(line).empty()) {
      if (!fields.empty()) break;  // end of the header block
      continue;
    }
    if (IsBlank(line[0])) {
      if (!fields.empty() && fields.back().value.size() < max_header_bytes) {
        fields.back().value.push_back(' ');
        fields.back().value.append(Trim(line));
      }
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string_view name = Trim(line.substr(0, colon));
    if (name.find(' ') != std::string_view::npos) continue;
    std::string value(Trim(line.substr(colon + 1)));
    if (value.size() > max_header_bytes) value.resize(max_header_bytes);
    fields.push_back(Field{std::string(name), std::move(value)});
  }
  return fields;
}

}  // namespace bouncetolk

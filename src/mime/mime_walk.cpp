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

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>

#include "common/text.h"
#include "mime/header_repair.h"
#include "mime/line_clamp.h"
#include "mime/mime_fast.h"
#include "mime/transfer_decode.h"

namespace bouncetolk {
namespace {

// Upper bound of nesting: every nested entity needs a "multipart/" or "message/rfc822"
// Content-Type somewhere in the text. One pass that stops only at '/' (memchr) and looks
// around it, instead of a byte-by-byte search per marker: this count ran over every byte of
// every message and was the most expensive step of a batch run.
int CountNestingMarkers(std::string_view message, int stop_at) {
  static constexpr std::string_view kBefore[] = {"multipart", "message"};
  int count = 0;
  if (message.empty()) return 0;  // data() may be null, and memchr(nullptr, ...) is undefined
  const char* const begin = message.data();
  const char* const end = begin + message.size();
  for (const char* p = begin;
       (p = static_cast<const char*>(std::memchr(p, '/', static_cast<std::size_t>(end - p))));
       ++p) {
    const std::size_t slash = static_cast<std::size_t>(p - begin);
    const std::string_view after = message.substr(slash + 1);
    bool hit = false;
    for (std::string_view word : kBefore) {
      if (slash < word.size() ||
          !EqualsIgnoreCase(message.substr(slash - word.size(), word.size()), word))
        continue;
      hit = word == "multipart" || StartsWithIgnoreCase(after, "rfc822") ||
            StartsWithIgnoreCase(after, "global");
    }
    if (hit && ++count > stop_at) return count;
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
  BoundedParser(mimetic::MimeEntity& me, int max_blocks)
      : InputParser(me), blocks_left_(max_blocks) {}
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
      const char* nl =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(m_eit - p)));
      std::string_view line(p, static_cast<std::size_t>((nl ? nl : m_eit) - p));
      while (!line.empty() && IsBlank(line.front()))
        line.remove_prefix(1);  // " --b" is seen in the wild
      if (inner && line.size() >= 2 && line.compare(0, inner->size(), *inner) == 0) {
        const char* end =
            (p > start && p[-1] == '\n') ? p - 1 : p;  // that LF belongs to the delimiter
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

// Which limit cut the tree short, if any.
struct Truncation {
  bool depth = false;  // max_mime_depth
  bool parts = false;  // max_mime_parts
};

void Convert(mimetic::MimeEntity* me, int depth, const AnalyzeOptions& options, int* parts,
             Truncation* truncated, Entity* out) {
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
    // A multipart whose boundary never occurs: mimetic keeps the whole text as preamble.
    if (out->body.empty()) out->body.swap(me->body().preamble());
    return;
  }
  if (depth >= options.max_mime_depth) {
    truncated->depth = true;
    return;
  }
  out->children.reserve(kids.size());
  for (mimetic::MimeEntity* kid : kids) {
    if (++*parts > options.max_mime_parts) {
      truncated->parts = true;
      return;
    }
    out->children.emplace_back();
    Convert(kid, depth + 1, options, parts, truncated, &out->children.back());
  }
}

// Messages above this size have their attachment bodies cut before mimetic parses them.
constexpr std::size_t kTrimAttachmentsAbove = 1u << 20;

// Types whose bodies never hold report text: attachments the bounce returns.
bool IsAttachmentType(std::string_view header_block) {
  // The Content-Type line of a part's header block (names are case-insensitive).
  std::size_t pos = 0;
  while (pos < header_block.size()) {
    const std::size_t eol = std::min(header_block.find('\n', pos), header_block.size());
    const std::string_view line = header_block.substr(pos, eol - pos);
    pos = eol + 1;
    if (!StartsWithIgnoreCase(line, "content-type:")) continue;
    const std::string_view type = Trim(line.substr(13));
    for (std::string_view prefix :
         {"application/", "image/", "audio/", "video/", "font/", "model/"}) {
      if (StartsWithIgnoreCase(type, prefix)) return true;
    }
    return false;
  }
  return false;
}

// Adds the boundary parameter of \a line, if it has one, as "--boundary".
void LearnBoundary(std::string_view line, std::vector<std::string>* boundaries) {
  const std::size_t at = FindIgnoreCase(line, "boundary=");
  if (at == std::string_view::npos) return;
  std::string_view v = line.substr(at + 9);
  if (!v.empty() && v[0] == '"') {
    v.remove_prefix(1);
    v = v.substr(0, v.find('"'));
  } else {
    v = v.substr(0, v.find_first_of("; \t"));
  }
  if (!v.empty()) boundaries->push_back("--" + std::string(v));
}

// A copy of \a message in which the bodies of attachment parts (IsAttachmentType) are left
// out, so that a bounce returning a 50 MiB attachment is not parsed, copied and held byte by
// byte by mimetic. One pass over the lines: boundaries are learnt from every "boundary="
// seen, a part's header block starts after a boundary line and ends at an empty line, and
// the body of an attachment part runs until the next line that starts with a known boundary.
// Every line is compared with the boundaries learnt so far, so more than kMaxTrimBoundaries
// of them (a hostile nesting, never a real bounce) make it give up: std::nullopt, and the
// message is parsed untrimmed under the nesting limits.
constexpr std::size_t kMaxTrimBoundaries = 64;

std::optional<std::string> WithoutAttachmentBodies(std::string_view message) {
  std::vector<std::string> boundaries;
  std::string out;
  out.reserve(std::min<std::size_t>(message.size(), 1u << 20));
  bool top_header = true, part_header = false, skipping = false;
  std::size_t header_start = 0;
  std::size_t pos = 0;
  while (pos < message.size()) {
    const std::size_t eol = std::min(message.find('\n', pos), message.size());
    const std::string_view line = message.substr(pos, eol - pos);
    const std::size_t next = std::min(eol + 1, message.size());
    const bool is_boundary =
        line.size() >= 2 && line[0] == '-' && line[1] == '-' &&
        std::any_of(boundaries.begin(), boundaries.end(),
                    [&](const std::string& b) { return line.compare(0, b.size(), b) == 0; });
    if (top_header || part_header) {
      if (!Trim(line).empty()) {
        LearnBoundary(line, &boundaries);
        if (boundaries.size() > kMaxTrimBoundaries) return std::nullopt;
        pos = next;
        continue;
      }
      // End of a header block: keep it; decide about the body that follows.
      out.append(message.substr(header_start, next - header_start));
      skipping = part_header && IsAttachmentType(message.substr(header_start, pos - header_start));
      top_header = part_header = false;
    } else if (is_boundary) {
      out.append(message.substr(pos, next - pos));
      skipping = false;
      const bool closing =
          std::any_of(boundaries.begin(), boundaries.end(), [&](const std::string& b) {
            return line.size() >= b.size() + 2 && line.compare(b.size(), 2, "--") == 0 &&
                   line.compare(0, b.size(), b) == 0;
          });
      if (!closing) {
        part_header = true;
        header_start = next;
      }
    } else if (!skipping) {
      LearnBoundary(line, &boundaries);
      if (boundaries.size() > kMaxTrimBoundaries) return std::nullopt;
      out.append(message.substr(pos, next - pos));
    }
    pos = next;
  }
  if (top_header || part_header) out.append(message.substr(header_start));
  return out;
}

}  // namespace

std::string_view Entity::Header(std::string_view name) const {
  for (const Field& f : headers) {
    if (EqualsIgnoreCase(f.name, name)) return f.value;
  }
  return {};
}

namespace {

// One parse of \a message (see ParseMime).
Entity ParseMimeOnce(std::string_view message, const AnalyzeOptions& options,
                     std::vector<Problem>* problems, MimeParser parser) {
  Entity root;
  std::string trimmed;
  if (message.size() > kTrimAttachmentsAbove) {
    if (std::optional<std::string> t = WithoutAttachmentBodies(message)) {
      trimmed = std::move(*t);
      message = trimmed;
    }
  }
  const ClampedText clamped = ClampLines(
      message, {options.max_line_bytes, options.max_header_bytes, options.max_field_lines});
  if (clamped.lines_broken || clamped.continuation_dropped) {
    problems->push_back(
        Problem{ErrorCode::kHeaderTooLong, std::to_string(options.max_header_bytes)});
  }
  if (clamped.cut)
    problems->push_back(
        Problem{ErrorCode::kTooManyFields, std::to_string(options.max_field_lines)});
  if (clamped.lines_broken || clamped.continuation_dropped || clamped.cut) message = clamped.text;
  // mime_fast gives up by itself past max_mime_depth or max_mime_parts, so the nesting markers
  // (every '/' of the text) are counted only for mimetic, which recurses without a limit.
  if (parser == MimeParser::kFastOrMimetic) {
    if (ParseMimeFast(message, options, &root)) return root;
    root = Entity();
  }
  const bool too_many =
      CountNestingMarkers(message, options.max_mime_parts) > options.max_mime_parts;
  try {
    mimetic::MimeEntity me;
    // Preamble, body and epilogue of each part, plus slack: enough for max_mime_parts parts.
    BoundedParser bounded(me, 3 * options.max_mime_parts + 8);
    bounded.iMask(too_many ? mimetic::imChildParts : mimetic::imNone);
    bounded.run(message.data(), message.data() + message.size());
    int parts = 0;
    Truncation truncated;
    truncated.parts = too_many || bounded.stopped();
    Convert(&me, 0, options, &parts, &truncated, &root);
    if (truncated.depth) {
      problems->push_back(Problem{ErrorCode::kMimeTooDeep, std::to_string(options.max_mime_depth)});
    }
    if (truncated.parts) {
      problems->push_back(
          Problem{ErrorCode::kMimeTooManyParts, std::to_string(options.max_mime_parts)});
    }
  } catch (const std::exception& e) {
    problems->push_back(Problem{ErrorCode::kInternal, std::string("mime: ") + e.what()});
  }
  return root;
}

// A multipart entity without parts and without a boundary parameter: perhaps the parameters
// were folded onto the next line without the leading blank (header_repair.h).
bool LostItsBoundary(const Entity& e) {
  if (e.IsMultipart() && e.children.empty() &&
      FindIgnoreCase(e.Header("Content-Type"), "boundary") == std::string_view::npos) {
    return true;
  }
  for (const Entity& child : e.children) {
    if (LostItsBoundary(child)) return true;
  }
  return false;
}

}  // namespace

Entity ParseMime(std::string_view message, const AnalyzeOptions& options,
                 std::vector<Problem>* problems, MimeParser parser) {
  std::vector<Problem> found;
  Entity root = ParseMimeOnce(message, options, &found, parser);
  if (LostItsBoundary(root)) {
    // Rare: mend the folding and parse again (cheaper than looking for it in every message).
    if (std::optional<std::string> mended = RepairParameterFolding(message)) {
      found.clear();
      root = ParseMimeOnce(*mended, options, &found, parser);
    }
  }
  problems->insert(problems->end(), found.begin(), found.end());
  return root;
}

std::string DecodeBody(const Entity& entity, std::size_t max_bytes) {
  std::string_view raw(entity.body);
  if (raw.size() > max_bytes) raw = raw.substr(0, max_bytes);
  // transfer_decode.cpp decodes as mimetic's codecs did, about ten times faster.
  if (entity.transfer_encoding == "base64") return DecodeBase64Body(raw);
  if (entity.transfer_encoding == "quoted-printable") return DecodeQuotedPrintableBody(raw);
  return std::string(raw);
}

std::optional<std::vector<Field>> ReturnedHeaders(const Entity& part,
                                                  const AnalyzeOptions& options) {
  if (part.type == "message/rfc822" && !part.children.empty()) return part.children.front().headers;
  if (part.type == "message/rfc822" || part.type == "message/global" ||
      part.type == "message/partial" || part.type == "text/rfc822-headers" ||
      part.type == "text/rfc822-header" || part.type == "message/global-headers") {
    return ParseHeaderBlock(DecodeBody(part, options.max_text_bytes), options.max_header_bytes);
  }
  return std::nullopt;
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

// SPDX-License-Identifier: MIT
//
// lhost.cpp: the message view the readers share, marker matching against data/rules/lhost.tsv,
// and THE ordered table of vendor readers. Order matters where formats share markers: Google
// Groups before Gmail (both come from mailer-daemon@googlemail.com), Gmail before Exim (both
// set X-Failed-Recipients), the filters before the servers they sit in front of, and the
// generic reader last.

#include "lhost/lhost.h"

#include <algorithm>

#include "common/text.h"
#include "lhost/lhost_common.h"
#include "mime/charset.h"

namespace bouncetolk {
namespace {

bool IsReturnedMessageType(std::string_view type) {
  return type == "message/rfc822" || type == "message/global" || type == "text/rfc822-headers" ||
         type == "message/global-headers" || type == "message/partial";
}

// The first leaf of \a type in pre-order, not descending into returned messages. A multipart
// whose boundary never occurs (a relay rewrote it, or folded the header wrongly) has no parts
// but a body: that body is read as plain text.
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

// Text of an HTML body without tags; <br>, </p>, </div> and </tr> end lines.
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

// lhost.tsv columns are compared as string_views: std::string == "literal" calls strlen and
// compare() for every row, and the rows are walked per reader per message.
inline bool Is(const std::string& column, std::string_view value) {
  return std::string_view(column) == value;
}

// The first \a max bytes of NormalizeForMatch(\a line) into *out, without normalising the
// rest of the line (boundary rows only look at how a line starts).
void NormalizedPrefix(std::string_view line, std::size_t max, std::string* out) {
  out->clear();
  bool pending_space = false;
  for (const char c : line) {
    if (out->size() >= max) return;
    if (IsSpace(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
      if (out->size() >= max) return;
    }
    out->push_back(AsciiLower(c));
  }
}

// A bounce forwarded inline ("Begin forwarded message:", "> " before every line): one level of
// quoting is removed when most lines carry it, so the readers see the bounce as it was.
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

// The "boundary" rows of one reader of lhost.tsv.
struct BoundaryRows {
  std::vector<std::string_view> patterns;
  bool first_chars[256] = {};  // a pattern's first character
  bool any_line = false;       // an empty pattern matches every line
  std::size_t longest = 0;
  std::size_t found = std::string_view::npos;  // offset of the first line that matched

  void Add(std::string_view pattern) {
    patterns.push_back(pattern);
    longest = std::max(longest, pattern.size());
    if (pattern.empty())
      any_line = true;
    else
      first_chars[static_cast<unsigned char>(pattern[0])] = true;
  }
  // Whether \a first (the line's first non-blank character, lower-cased; 0 for a blank line)
  // can start a match.
  bool Candidate(unsigned char first) const {
    return any_line || (first != 0 && first_chars[first]);
  }
  bool Matches(const std::string& prefix) const {
    for (const std::string_view pattern : patterns) {
      // The first characters are compared inline: most candidates fail there.
      if (!pattern.empty() && (prefix.empty() || prefix[0] != pattern[0])) continue;
      if (prefix.compare(0, pattern.size(), pattern) == 0) return true;
    }
    return false;
  }
};

// Offsets in \a text of the line after the first line that starts with a "forward" boundary
// row, and of the first line that starts with a "*" boundary row; text.size() when none.
// One walk over the lines for both. A line can only start like a pattern when its first
// non-blank character, lower-cased, is a pattern's first character: other lines are not
// normalised and compared with every row (that was a third of a batch run). Of a candidate
// line only as much is normalised as the longest pattern needs.
void FindBoundaryLines(const RuleTables& t, std::string_view text, std::size_t* forward_after,
                       std::size_t* original_at) {
  BoundaryRows forward, original;
  forward.patterns.reserve(16);
  original.patterns.reserve(32);
  for (const LhostMarker& m : t.lhost_markers) {
    if (m.field != MarkerField::kBoundary) continue;
    if (Is(m.reader, "forward")) forward.Add(m.pattern);
    if (Is(m.reader, "*")) original.Add(m.pattern);
  }
  std::string prefix;
  prefix.reserve(std::max(forward.longest, original.longest));
  std::size_t pos = 0;
  bool forward_done = false, original_done = false;
  while (pos < text.size() && !(forward_done && original_done)) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t i = 0;
    while (i < line.size() && IsSpace(line[i])) ++i;
    const unsigned char first =
        i == line.size() ? 0 : static_cast<unsigned char>(AsciiLower(line[i]));
    const bool try_forward = !forward_done && forward.Candidate(first);
    const bool try_original = !original_done && original.Candidate(first);
    if (!try_forward && !try_original) continue;
    NormalizedPrefix(line, std::max(forward.longest, original.longest), &prefix);
    const std::size_t at = static_cast<std::size_t>(line.data() - text.data());
    if (try_forward && forward.Matches(prefix)) {
      forward_done = true;
      *forward_after = std::min(text.size(), at + line.size() + 1);
    }
    if (try_original && original.Matches(prefix)) {
      original_done = true;
      *original_at = at;
    }
  }
  if (!forward_done) *forward_after = text.size();
  if (!original_done) *original_at = text.size();
}

// To and Cc addresses of the returned original: a message/rfc822 part, text/rfc822-headers,
// or the header block quoted after the boundary line.
std::vector<std::string> OriginalRecipients(const Entity& root, std::string_view quoted,
                                            const AnalyzeOptions& options) {
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
  }
  std::vector<std::string> out;
  for (const Field& f : *headers) {
    if (!EqualsIgnoreCase(f.name, "To") && !EqualsIgnoreCase(f.name, "Cc")) continue;
    for (std::string& a : AllAddresses(f.value)) out.push_back(std::move(a));
  }
  return out;
}

bool HeaderMarkerMatches(const MessageView& view, std::string_view pattern) {
  const std::size_t colon = pattern.find(':');
  const std::string_view name = Trim(pattern.substr(0, colon));
  for (const Field& f : view.root->headers) {
    if (!EqualsIgnoreCase(f.name, name)) continue;
    if (colon == std::string_view::npos) return true;
    if (NormalizeForMatch(f.value).find(Trim(pattern.substr(colon + 1))) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

MessageView BuildMessageView(const Entity& root, const RuleTables& tables,
                             const AnalyzeOptions& options) {
  MessageView view;
  view.root = &root;
  view.tables = &tables;
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
  view.original_to = OriginalRecipients(root, std::string_view(body).substr(at), options);
  body.resize(at);
  view.text = std::move(body);
  view.normalized_text = NormalizeForMatch(view.text);
  view.normalized_subject = NormalizeForMatch(view.subject);
  view.marker_hits.assign(tables.lhost_markers.size(), false);
  for (int i : tables.lhost_text_matcher.Match(view.normalized_text))
    view.marker_hits[static_cast<std::size_t>(i)] = true;
  for (int i : tables.lhost_subject_matcher.Match(view.normalized_subject))
    view.marker_hits[static_cast<std::size_t>(i)] = true;
  return view;
}

bool HasMarker(const MessageView& view, std::string_view reader) {
  const auto rows = view.tables->lhost_by_reader.find(reader);
  if (rows == view.tables->lhost_by_reader.end()) return false;
  std::string from_lower;  // made once, when a "from" row asks
  for (int i : rows->second) {
    const LhostMarker& m = view.tables->lhost_markers[static_cast<std::size_t>(i)];
    if (m.field == MarkerField::kSubject || m.field == MarkerField::kText) {
      if (static_cast<std::size_t>(i) < view.marker_hits.size() &&
          view.marker_hits[static_cast<std::size_t>(i)])
        return true;
    } else if (m.field == MarkerField::kFrom) {
      if (from_lower.empty()) from_lower = AsciiLowerCopy(view.from);
      if (from_lower.find(m.pattern) != std::string::npos) return true;
    } else if (m.field == MarkerField::kHeader && HeaderMarkerMatches(view, m.pattern)) {
      return true;
    }
  }
  return false;
}

bool LineHasMarker(const RuleTables& tables, std::string_view reader,
                   std::string_view normalized_line) {
  for (const LhostMarker& m : tables.lhost_markers) {
    if (Is(m.reader, reader) && m.field == MarkerField::kText &&
        normalized_line.find(m.pattern) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

const std::vector<VendorReader>& VendorReaders() {
  static const std::vector<VendorReader> kReaders = {
      {"googlegroups", nullptr, DecodeGoogleGroups},
      {"gmail", nullptr, DecodeGmail},
      {"amazonses", nullptr, DecodeAmazonSes},
      {"exchange", nullptr, DecodeExchange},
      {"notes", nullptr, DecodeNotes},
      {"filters", nullptr, DecodeFilters},
      {"japanese-carriers", nullptr, DecodeJapaneseCarriers},
      {"messagingserver", nullptr, DecodeMessagingServer},
      {"exim", nullptr, DecodeExim},
      {"qmail", nullptr, DecodeQmail},
      {"courier", nullptr, DecodeCourier},
      {"opensmtpd", nullptr, DecodeOpenSmtpd},
      {"dragonfly", nullptr, DecodeDragonFly},
      {"postfix", nullptr, DecodePostfix},
      {"sendmail", nullptr, DecodeSendmail},
      {"generic", DetectGeneric, DecodeGeneric},
  };
  return kReaders;
}

VendorReading ReadVendorFormat(const MessageView& view, bool allow_generic) {
  const auto& readers = VendorReaders();
  for (std::size_t i = 0; i < readers.size(); ++i) {
    const VendorReader& reader = readers[i];
    if (!allow_generic && i + 1 == readers.size()) break;
    const bool recognised = reader.detect ? reader.detect(view) : HasMarker(view, reader.name);
    if (!recognised) continue;
    std::vector<RecipientResult> found = reader.decode(view);
    if (found.empty()) continue;
    return VendorReading{reader.name, std::move(found)};
  }
  return {};
}

}  // namespace bouncetolk

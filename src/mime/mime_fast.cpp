// SPDX-License-Identifier: MIT
//
// mime_fast.cpp: ParseMimeFast() (mime_fast.h). The structure mirrors mimetic's IteratorParser
// (parser/itparser.h) as mime_walk.cpp runs it: doLoad = header + body, loadMultipart with a
// stack of boundaries (innermost first), and BoundedParser's copy_until_boundary, which looks
// for the innermost boundary at the start of a line. Every departure from the cases modelled
// here returns false.

#include "mime/mime_fast.h"

#include <deque>
#include <string>
#include <vector>

#include "common/text.h"

namespace bouncetolk {
namespace {

// A parsed Content-Type value, as mimetic's ContentType sees it.
struct ContentType {
  std::string type, subtype;
  std::vector<std::pair<std::string, std::string>> params;  // values unquoted
  bool present = false;

  std::string_view Param(std::string_view name) const {
    for (const auto& [n, v] : params) {
      if (EqualsIgnoreCase(n, name)) return v;
    }
    return {};
  }
  // mimetic's serialisation, which replaces the field's value once it has been parsed.
  std::string ToString() const {
    std::string s = type + "/" + subtype;
    for (const auto& [n, v] : params) s += "; " + n + "=\"" + v + "\"";
    return s;
  }
};

// RFC 2045 token characters, as a table: a find() in the list of specials per character was
// a memchr call per byte of every Content-Type.
struct TokenTable {
  bool token[256];
  constexpr TokenTable() : token() {
    for (int c = 33; c < 127; ++c) token[c] = true;
    for (const char c : std::string_view("()<>@,;:\\\"/[]?="))
      token[static_cast<unsigned char>(c)] = false;
  }
};
constexpr TokenTable kToken;

bool IsTokenChar(char c) { return kToken.token[static_cast<unsigned char>(c)]; }

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// Only the plain forms: "type/subtype" then "; name=token" or "; name=\"text\"" parameters.
// As in mimetic, a ';' at the very end is ignored and any other segment without '=' (even an
// empty or blank one) becomes a parameter with empty name and value.
bool ParseContentType(std::string_view value, ContentType* ct) {
  ct->present = true;
  std::size_t semi = value.find(';');
  const std::string_view main = value.substr(0, semi);
  const std::size_t slash = main.find('/');
  if (slash == std::string_view::npos || !IsToken(main.substr(0, slash)) ||
      !IsToken(main.substr(slash + 1))) {
    return false;
  }
  ct->type = std::string(main.substr(0, slash));
  ct->subtype = std::string(main.substr(slash + 1));
  while (semi != std::string_view::npos) {
    const std::size_t start = semi + 1;
    semi = value.find(';', start);
    std::string_view seg =
        value.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
    if (seg.empty() && semi == std::string_view::npos) break;  // trailing ';'
    while (!seg.empty() && IsBlank(seg.front())) seg.remove_prefix(1);
    const std::size_t eq = seg.find('=');
    if (eq == std::string_view::npos) {
      if (seg.find_first_not_of(" \t") != std::string_view::npos && !IsToken(seg)) return false;
      ct->params.emplace_back(std::string(), std::string());
      continue;
    }
    if (!IsToken(seg.substr(0, eq))) return false;
    std::string_view v = seg.substr(eq + 1);
    if (!v.empty() && v.front() == '"') {
      if (v.size() < 2 || v.back() != '"') return false;
      v = v.substr(1, v.size() - 2);
      if (v.find_first_of("\"\\") != std::string_view::npos) return false;
    } else if (!IsToken(v)) {
      return false;
    }
    const std::string name(seg.substr(0, eq));
    for (const auto& p : ct->params) {
      if (EqualsIgnoreCase(p.first, name)) return false;  // duplicates: not modelled
    }
    ct->params.emplace_back(name, std::string(v));
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view text, const AnalyzeOptions& options)
      : text_(text),
        options_(options),
        has_nul_(text.find('\0') != std::string_view::npos),
        blocks_left_(3 * options.max_mime_parts + 8) {}

  // doLoad(): the header block, then the body by type.
  bool Load(Entity* e, int depth) {
    if (depth >= options_.max_mime_depth || ++entities_ > options_.max_mime_parts) return false;
    e->depth = depth;
    ContentType ct;
    if (!LoadHeader(e, &ct)) return false;
    ConvertType(e, ct);
    const bool multipart = ct.present && EqualsIgnoreCase(ct.type, "multipart");
    if (multipart) return LoadMultipart(e, ct, depth);
    if (ct.present && EqualsIgnoreCase(ct.type, "message") &&
        EqualsIgnoreCase(ct.subtype, "rfc822")) {
      e->children.emplace_back();
      return Load(&e->children.back(), depth + 1);
    }
    return CopyUntilBoundary(&e->body);
  }

 private:
  enum class Found { kNone, kBoundary, kClosing };

  // Header fields up to and including the empty line. Values: leading blanks dropped,
  // folded lines joined with one space after their own leading blanks are dropped.
  bool LoadHeader(Entity* e, ContentType* ct) {
    int content_types = 0;
    e->headers.reserve(16);  // a bounce's header has 10 to 30 fields: fewer regrowths
    while (true) {
      if (pos_ >= text_.size()) return false;  // mimetic drops the last field at EOF
      const std::size_t eol = text_.find('\n', pos_);
      if (eol == std::string_view::npos) return false;
      const std::string_view line = text_.substr(pos_, eol - pos_);
      pos_ = eol + 1;
      if (line.empty()) break;
      // mimetic cuts values at NUL. One search of the whole message spares one per line.
      if (has_nul_ && line.find('\0') != std::string_view::npos) return false;
      if (IsBlank(line[0])) {
        if (e->headers.empty()) return false;
        std::string_view rest = line;
        while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
        std::string& v = e->headers.back().value;
        v.push_back(' ');
        v.append(rest);
        continue;
      }
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) return false;
      const std::string_view name = line.substr(0, colon);
      for (char c : name) {
        if (c <= 32 || c >= 127) return false;
      }
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && IsBlank(value.front())) value.remove_prefix(1);
      e->headers.push_back(Field{std::string(name), std::string(value)});
      if (EqualsIgnoreCase(name, "Content-Type")) ++content_types;
    }
    if (content_types > 1) return false;
    for (Field& f : e->headers) {
      if (EqualsIgnoreCase(f.name, "Content-Transfer-Encoding") &&
          f.value.find_first_of("();\"") != std::string::npos) {
        return false;
      }
      if (!EqualsIgnoreCase(f.name, "Content-Type")) continue;
      if (!ParseContentType(f.value, ct)) return false;
      f.value = ct->ToString();
    }
    for (Field& f : e->headers) {
      if (f.value.size() > options_.max_header_bytes) return false;
    }
    return true;
  }

  // What mime_walk.cpp's Convert() takes from the header.
  static void ConvertType(Entity* e, const ContentType& ct) {
    if (ct.present && !ct.type.empty()) {
      e->type = AsciiLowerCopy(ct.type + "/" + ct.subtype);
      e->charset = AsciiLowerCopy(Trim(ct.Param("charset")));
    } else {
      e->type = "text/plain";
    }
    for (const Field& f : e->headers) {
      if (EqualsIgnoreCase(f.name, "Content-Transfer-Encoding")) {
        e->transfer_encoding = AsciiLowerCopy(Trim(f.value));
        break;
      }
    }
  }

  bool LoadMultipart(Entity* e, const ContentType& ct, int depth) {
    const std::string_view b = ct.Param("boundary");
    if (b.empty()) return false;
    boundaries_.push_front("--" + std::string(b));
    if (!CopyUntilBoundary(nullptr)) return false;  // preamble
    while (pos_ < text_.size()) {
      if (last_ == Found::kNone) break;
      if (last_ == Found::kClosing) {
        boundaries_.pop_front();
        if (!CopyUntilBoundary(nullptr)) return false;  // epilogue
        break;
      }
      e->children.emplace_back();
      if (!Load(&e->children.back(), depth + 1)) return false;
    }
    return !e->children.empty();
  }

  // BoundedParser::copy_until_boundary (mime_walk.cpp): the text up to the first line that
  // starts, after optional blanks, with the innermost boundary; that whole line is consumed and
  // the LF before it dropped. Without a boundary, everything to the end. Appends to \a out
  // unless it is null (preamble, epilogue). False where BoundedParser would stop (block limit).
  bool CopyUntilBoundary(std::string* out) {
    last_ = Found::kNone;
    if (--blocks_left_ < 0) return false;
    const std::string* inner = boundaries_.empty() ? nullptr : &boundaries_.front();
    const std::size_t start = pos_;
    // Only a line whose first non-blank character is '-' can be a delimiter (the boundary
    // starts with "--"), so the search goes from '-' to '-' and skips the rest of a line once
    // it has seen one, instead of splitting every line of the body. pos_ is a line start.
    for (std::size_t p = pos_; inner && p < text_.size();) {
      const std::size_t dash = text_.find('-', p);
      if (dash == std::string_view::npos) break;
      std::size_t line_start = dash;  // back over the blanks before the '-'
      while (line_start > p && IsBlank(text_[line_start - 1])) --line_start;
      const std::size_t nl = text_.find('\n', dash);
      const std::size_t eol = nl == std::string_view::npos ? text_.size() : nl;
      const bool first_in_line = line_start == p || text_[line_start - 1] == '\n';
      const std::string_view line = text_.substr(dash, eol - dash);
      if (first_in_line && line.compare(0, inner->size(), *inner) == 0) {
        const std::size_t end = line_start > start
                                    ? line_start - 1
                                    : line_start;  // the LF before belongs to the delimiter
        if (out) out->append(text_.substr(start, end - start));
        last_ = line.compare(inner->size(), 2, "--") == 0 ? Found::kClosing : Found::kBoundary;
        pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
        return true;
      }
      p = nl == std::string_view::npos ? text_.size() : nl + 1;
    }
    if (out) out->append(text_.substr(start));
    pos_ = text_.size();
    return true;
  }

  std::string_view text_;
  const AnalyzeOptions& options_;
  std::size_t pos_ = 0;
  bool has_nul_;  // anywhere in text_
  std::deque<std::string> boundaries_;
  Found last_ = Found::kNone;
  int entities_ = 0;
  int blocks_left_;  // as BoundedParser's: preamble, body and epilogue per part, plus slack
};

}  // namespace

bool ParseMimeFast(std::string_view message, const AnalyzeOptions& options, Entity* root) {
  if (message.find('\r') != std::string_view::npos) return false;
  Parser parser(message, options);
  return parser.Load(root, 0);
}

}  // namespace bouncetolk

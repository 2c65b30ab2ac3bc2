// SPDX-License-Identifier: MIT
//
// markers.cpp: see markers.h.

#include "view/markers.h"

#include <algorithm>

#include "common/text.h"

namespace bouncetolk {
namespace {

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

std::vector<bool> MarkerHits(const RuleTables& tables, std::string_view normalized_text,
                             std::string_view normalized_subject) {
  std::vector<bool> hits(tables.lhost_markers.size(), false);
  for (int i : tables.lhost_text_matcher.Match(normalized_text))
    hits[static_cast<std::size_t>(i)] = true;
  for (int i : tables.lhost_subject_matcher.Match(normalized_subject))
    hits[static_cast<std::size_t>(i)] = true;
  return hits;
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

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// phrase_matcher.cpp: one Aho-Corasick automaton over the ASCII-lowercased text finds every
// ASCII literal pattern (most rows) and, for each "re:" pattern, a literal the pattern cannot
// match without (its "anchor", e.g. "sequence of commands" in "(bad|improper) sequence of
// commands"), or one per alternative ("virus", "malware" in "\b(virus|malware)\b"). Only a
// regex one of whose anchors occurs is run, as its own RE2, compiled on first use
// (thread-safe). Regexes without anchors and non-ASCII literals (whose case folding needs
// Unicode) are always run. Everything stays linear in the text (RE2 never backtracks), which
// matters because rule patterns meet hostile text; start-up no longer compiles hundreds of
// patterns into an RE2::Set, which was most of the time of a one-bounce run.
// One difference from a plain RE2 match, documented in docs/data-format.md: RE2's case folding
// lets "k" match the Kelvin sign and "s" the long s; the ASCII automaton does not.

#include "rules/phrase_matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include "common/text.h"

namespace bouncetolk {

namespace {

RE2::Options MatcherOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  o.set_max_mem(256 << 20);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

std::string ToRegex(std::string_view pattern) {
  if (pattern.substr(0, 3) == "re:") return std::string(pattern.substr(3));
  return RE2::QuoteMeta(re2::StringPiece(pattern.data(), pattern.size()));
}

bool IsAsciiLiteral(std::string_view pattern) {
  if (pattern.empty() || pattern.substr(0, 3) == "re:") return false;
  for (char c : pattern) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Aho-Corasick over bytes. Patterns go into a trie with per-node linked lists of edges (one
// pool, so building allocates per pattern, not per character; the automaton is built at every
// start); the root, which has many children, has a dense table. Build() lays the automaton out
// flat for matching, numbering the nodes breadth-first: the children of a node get consecutive
// numbers, so a node's edges are the range [first_child, next node's first_child) of one byte
// array (the byte leading into each node), and its own patterns a range of one id array. A
// node's outputs are its own patterns plus those of the nodes on its output chain (the
// nearest suffixes with patterns of their own), so building copies no output lists. Matching
// touches a 16-byte node and a few adjacent key bytes per step instead of chasing edge lists,
// and the shallow nodes, where most text bytes are, share cache lines.
class Automaton {
 public:
  Automaton() : trie_(1) { root_child_.fill(-1); }

  void Add(std::string_view pattern, int id) {
    max_length_ = std::max(max_length_, pattern.size());
    int state = 0;
    for (char c : pattern) {
      const unsigned char b = static_cast<unsigned char>(AsciiLower(c));
      int next = TrieChild(state, b);
      if (next < 0) {
        next = static_cast<int>(trie_.size());
        if (state == 0) {
          root_child_[b] = next;
        } else {
          TrieNode& parent = trie_[static_cast<std::size_t>(state)];
          trie_edges_.push_back(TrieEdge{next, parent.first_edge, b});
          parent.first_edge = static_cast<int>(trie_edges_.size()) - 1;
        }
        trie_.emplace_back();
      }
      state = next;
    }
    TrieNode& node = trie_[static_cast<std::size_t>(state)];
    own_.push_back(Own{id, node.first_own});
    node.first_own = static_cast<int>(own_.size()) - 1;
  }

  // The flat layout (see above), failure links, output chains and the transition table (see
  // table_), breadth-first; the trie is freed.
  void Build() {
    const std::size_t n = trie_.size();
    const bool table = PlanTable(n);
    std::vector<int> order;  // trie node of each flat node
    order.reserve(n);
    order.push_back(0);
    nodes_.assign(n + 1, Node{});
    keys_.assign(n, 0);
    has_out_.assign(table ? n : 0, 0);
    ids_.clear();
    ids_.reserve(own_.size());
    root_next_.fill(0);
    const std::uint32_t classes = classes_;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const TrieNode& ts = trie_[static_cast<std::size_t>(order[k])];
      Node& node = nodes_[k];
      node.out = static_cast<std::uint32_t>(ids_.size());
      for (int o = ts.first_own; o >= 0; o = own_[static_cast<std::size_t>(o)].next) {
        ids_.push_back(own_[static_cast<std::size_t>(o)].id);
      }
      // The failure node is shallower: its output link and its row are complete.
      std::uint16_t* row = nullptr;
      const std::uint16_t* fail_row = nullptr;
      if (k > 0) {
        node.out_link =
            ts.first_own >= 0 ? static_cast<std::uint32_t>(k) : nodes_[node.fail].out_link;
      }
      if (table) {
        row = &table_[k * classes];
        if (k > 0) {
          fail_row = &table_[node.fail * classes];
          std::memcpy(row, fail_row, classes * sizeof(std::uint16_t));
          has_out_[k] = node.out_link != 0;
        } else {
          std::fill(row, row + classes, std::uint16_t{0});
        }
      }
      // Children: consecutive flat numbers. A child's failure node is the failure node's
      // successor on the same byte (the root for the root's children).
      node.first_child = static_cast<std::uint32_t>(order.size());
      auto add_child = [&](int trie_child, unsigned char b) {
        const std::size_t c = order.size();
        if (k > 0) nodes_[c].fail = fail_row ? fail_row[class_[b]] : Step(nodes_[k].fail, b);
        keys_[c] = b;
        if (k == 0) root_next_[b] = static_cast<std::uint32_t>(c);
        if (row) row[class_[b]] = static_cast<std::uint16_t>(c);
        order.push_back(trie_child);
      };
      if (k == 0) {
        for (int b = 0; b < 256; ++b) {
          const int child = root_child_[static_cast<std::size_t>(b)];
          if (child >= 0) add_child(child, static_cast<unsigned char>(b));
        }
      } else {
        for (int e = ts.first_edge; e >= 0; e = trie_edges_[static_cast<std::size_t>(e)].next) {
          add_child(trie_edges_[static_cast<std::size_t>(e)].child,
                    trie_edges_[static_cast<std::size_t>(e)].b);
        }
      }
    }
    nodes_[n].first_child =
        static_cast<std::uint32_t>(n);  // sentinels: the ends of the last ranges
    nodes_[n].out = static_cast<std::uint32_t>(ids_.size());
    std::vector<TrieNode>().swap(trie_);
    std::vector<TrieEdge>().swap(trie_edges_);
    std::vector<Own>().swap(own_);
  }

  // Appends the ids of all patterns occurring in \a text (lowercased on the fly).
  void Match(std::string_view text, std::vector<int>* hits) const {
    if (nodes_.size() <= 2) return;
    std::uint32_t state = 0;
    if (table_) {
      // Each step waits for the one before (multiply, add, load: about 9 cycles), so a long
      // text is matched as two halves at once, the first extended by the longest pattern
      // less one byte: every occurrence lies wholly in one of them (those in both are found
      // twice; the caller removes repeats).
      const char* p = text.data();
      const char* end = p + text.size();
      if (text.size() >= 64 && text.size() >= 4 * max_length_) {
        const std::size_t half = text.size() / 2;
        const char* q = p + half;
        const char* p_end = q + (max_length_ - 1);
        std::uint32_t other = 0;
        const std::uint16_t* table = table_.get();
        const unsigned char* klass = class_.data();
        const std::uint32_t classes = classes_;
        const unsigned char* out = has_out_.data();
        for (; p != p_end && q != end; ++p, ++q) {
          state = table[state * classes + klass[static_cast<unsigned char>(*p)]];
          other = table[other * classes + klass[static_cast<unsigned char>(*q)]];
          if ((out[state] | out[other]) != 0) {
            if (out[state]) Emit(state, hits);
            if (out[other]) Emit(other, hits);
          }
        }
        if (q != end) {
          p = q;
          state = other;
        } else {
          end = p_end;
        }
      }
      Run(p, end, state, hits);
      return;
    }
    for (char c : text) {
      state = Step(state, static_cast<unsigned char>(AsciiLower(c)));
      if (nodes_[state].out_link != 0) Emit(state, hits);
    }
  }

 private:
  struct TrieEdge {
    int child;
    int next;  // the next edge of the same node, or -1
    unsigned char b;
  };
  struct TrieNode {
    int first_edge = -1;
    int first_own = -1;  // the patterns ending here: a list in own_, or -1
  };
  struct Own {
    int id;    // the caller's
    int next;  // the next pattern of the same node, or -1
  };
  struct Node {
    std::uint32_t first_child = 0;  // children: [first_child, next node's first_child)
    std::uint32_t fail = 0;
    std::uint32_t out = 0;       // own patterns: ids_[out, next node's out)
    std::uint32_t out_link = 0;  // the nearest node on the failure chain, itself included,
                                 // with patterns of its own, or 0 (the root has none)
  };

  // The state after reading \a b in \a state: its child for b, or else that of the longest
  // suffix that has one (failure links), or the root. Needs the nodes up to state's children.
  std::uint32_t Step(std::uint32_t state, unsigned char b) const {
    const Node* nodes = nodes_.data();
    const unsigned char* keys = keys_.data();
    while (state != 0) {
      const std::uint32_t end = nodes[state + 1].first_child;
      std::uint32_t child = nodes[state].first_child;
      while (child < end && keys[child] != b) ++child;
      if (child < end) return child;
      state = nodes[state].fail;
    }
    return root_next_[b];
  }

  // The byte classes of the transition table (a DFA: the failure links resolved in advance),
  // one row per node and one column per class of bytes: the bytes of the patterns, lower-cased,
  // with upper case folded in, and one class for every other byte. Matching is then one lookup
  // per text byte. A node's row is its failure node's row (complete: shallower) with its
  // children written over it. Only when the node numbers fit 16 bits and the table stays
  // small (false: the sparse arrays serve).
  bool PlanTable(std::size_t n) {
    class_.assign(256, 0);
    std::array<bool, 256> used{};
    for (int b = 0; b < 256; ++b)
      used[static_cast<std::size_t>(b)] = root_child_[static_cast<std::size_t>(b)] >= 0;
    for (const TrieEdge& e : trie_edges_) used[e.b] = true;
    std::uint32_t classes = 1;  // class 0: bytes in no pattern
    for (int b = 0; b < 256; ++b) {
      if (used[static_cast<std::size_t>(b)])
        class_[static_cast<std::size_t>(b)] = static_cast<unsigned char>(classes++);
    }
    for (int b = 'A'; b <= 'Z'; ++b)
      class_[static_cast<std::size_t>(b)] = class_[static_cast<std::size_t>(b - 'A' + 'a')];
    constexpr std::size_t kMaxEntries = 1u << 21;  // 4 MiB of uint16_t
    if (n > 0xFFFF || n * classes > kMaxEntries) return false;
    classes_ = classes;
    // Not zero-filled: every row is written whole.
    table_.reset(new std::uint16_t[n * classes]);
    return true;
  }

  // Steps through [p, end) from \a state with the table, appending the patterns found.
  void Run(const char* p, const char* end, std::uint32_t state, std::vector<int>* hits) const {
    const std::uint16_t* table = table_.get();
    const unsigned char* klass = class_.data();
    const std::uint32_t classes = classes_;
    const unsigned char* out = has_out_.data();
    for (; p != end; ++p) {
      state = table[state * classes + klass[static_cast<unsigned char>(*p)]];
      if (out[state]) Emit(state, hits);
    }
  }

  // Appends the patterns that end in \a state. Out of line: inlined into Match's loops, it
  // took the registers the loop needs, and the state went through the stack at every byte.
  __attribute__((noinline)) void Emit(std::uint32_t state, std::vector<int>* hits) const {
    const Node* nodes = nodes_.data();
    for (std::uint32_t s = nodes[state].out_link; s != 0; s = nodes[nodes[s].fail].out_link) {
      hits->insert(hits->end(), ids_.begin() + nodes[s].out, ids_.begin() + nodes[s + 1].out);
    }
  }

  int TrieChild(int state, unsigned char b) const {
    if (state == 0) return root_child_[b];
    for (int e = trie_[static_cast<std::size_t>(state)].first_edge; e >= 0;
         e = trie_edges_[static_cast<std::size_t>(e)].next) {
      if (trie_edges_[static_cast<std::size_t>(e)].b == b)
        return trie_edges_[static_cast<std::size_t>(e)].child;
    }
    return -1;
  }

  // While adding.
  std::vector<TrieNode> trie_;
  std::vector<TrieEdge> trie_edges_;
  std::vector<Own> own_;
  std::array<int, 256> root_child_{};  // -1: none
  // After Build().
  std::vector<Node> nodes_;          // flat, breadth-first; one sentinel at the end
  std::vector<unsigned char> keys_;  // the byte leading into each flat node
  std::vector<int> ids_;             // own patterns of all nodes, node after node
  std::array<std::uint32_t, 256> root_next_{};
  std::vector<unsigned char> class_;  // byte -> column of table_
  std::uint32_t classes_ = 0;
  std::size_t max_length_ = 0;              // of the patterns
  std::unique_ptr<std::uint16_t[]> table_;  // node * classes_ + class -> next node, or null
  std::vector<unsigned char> has_out_;      // per node: out_link != 0
};

// The longest run of plain characters that every match of \a regex contains, lower-cased,
// or empty when there is none of at least 3 characters (top-level alternation, non-ASCII,
// or only groups and classes). Conservative: any construct not understood ends the run.
std::string AnchorOf(std::string_view regex) {
  std::string best, run;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  int depth = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    if (c == '|' && depth == 0) return {};  // alternatives share no required text
    if (c == '(' || c == '[') {
      end_run();
      if (c == '(') ++depth;
      if (c == '[') {  // skip the class
        std::size_t j = i + 1;
        if (j < regex.size() && regex[j] == '^') ++j;
        if (j < regex.size() && regex[j] == ']') ++j;
        while (j < regex.size() && regex[j] != ']') {
          if (regex[j] == '[') return {};  // [[:alpha:]] and the like: not modelled
          j += regex[j] == '\\' ? 2 : 1;
        }
        i = j;
      }
      continue;
    }
    if (c == ')') {
      --depth;
      end_run();
      continue;
    }
    // The character this step adds (or none), and how many pattern bytes it spans.
    char lit = 0;
    std::size_t len = 1;
    if (c == '{') return {};  // a counted repetition: not modelled, the regex always runs
    if (c == '\\') {
      if (i + 1 >= regex.size()) return {};
      const char e = regex[i + 1];
      len = 2;
      if (std::string_view(".-/:@[](){}*+?|^$\\ ").find(e) != std::string_view::npos) {
        lit = e;
      } else if (std::string_view("dDsSwWbB").find(e) == std::string_view::npos) {
        return {};  // \x41, \pL, \Q...\E and the like: not modelled
      }
    } else if (std::string_view(".^$*+?{}").find(c) == std::string_view::npos) {
      lit = c;
    }
    // A quantifier after it makes it optional or repeated: not required as such.
    const std::size_t after = i + len;
    const bool quantified = after < regex.size() &&
                            std::string_view("?*+{").find(regex[after]) != std::string_view::npos;
    if (depth > 0 || lit == 0 || quantified) {
      end_run();
      i += len - 1;
      continue;
    }
    run.push_back(AsciiLower(lit));
    i += len - 1;
  }
  end_run();
  return best.size() >= 3 ? best : std::string();
}

// Index just past the character class starting at regex[i] ('['), or npos when it holds a
// nested '[' (POSIX classes) or does not end.
std::size_t SkipClass(std::string_view regex, std::size_t i) {
  std::size_t j = i + 1;
  if (j < regex.size() && regex[j] == '^') ++j;
  if (j < regex.size() && regex[j] == ']') ++j;
  while (j < regex.size() && regex[j] != ']') {
    if (regex[j] == '[') return std::string_view::npos;
    j += regex[j] == '\\' ? 2 : 1;
  }
  return j < regex.size() ? j + 1 : std::string_view::npos;
}

// \a regex split at the '|' outside groups and classes; empty when unbalanced.
std::vector<std::string_view> TopLevelAlternatives(std::string_view regex) {
  std::vector<std::string_view> alts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const std::size_t end = SkipClass(regex, i);
      if (end == std::string_view::npos) return {};
      i = end - 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return {};
    } else if (c == '|' && depth == 0) {
      alts.push_back(regex.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0) return {};
  alts.push_back(regex.substr(start));
  return alts;
}

// The content of the first group at depth 0 that every match goes through (no quantifier
// after it; "(?:" stripped; flag groups such as "(?i)" passed over), if any.
std::optional<std::string_view> RequiredGroup(std::string_view regex) {
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t end = SkipClass(regex, i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end - 1;
      continue;
    }
    if (c != '(') continue;
    int depth = 1;
    std::size_t j = i + 1;
    for (; j < regex.size() && depth > 0; ++j) {
      if (regex[j] == '\\') {
        ++j;
      } else if (regex[j] == '[') {
        const std::size_t end = SkipClass(regex, j);
        if (end == std::string_view::npos) return std::nullopt;
        j = end - 1;
      } else if (regex[j] == '(') {
        ++depth;
      } else if (regex[j] == ')') {
        --depth;
      }
    }
    if (depth != 0) return std::nullopt;
    std::string_view content = regex.substr(i + 1, j - 1 - (i + 1));
    const bool quantified =
        j < regex.size() && std::string_view("?*+{").find(regex[j]) != std::string_view::npos;
    i = j - 1;
    if (quantified) continue;
    if (content.substr(0, 2) == "?:") return content.substr(2);
    if (!content.empty() && content[0] == '?') continue;  // flags, named groups: passed over
    return content;
  }
  return std::nullopt;
}

// Literals of which every match of \a regex contains at least one, lower-cased; empty when
// none is known. One anchor (AnchorOf) when there is one; for alternatives, at the top level
// or in a group every match goes through, the anchors of every alternative (each must have
// one). E.g. "\\b(virus|malware)\\b" gives {"virus", "malware"}.
std::vector<std::string> AnchorsOf(std::string_view regex, int levels = 4) {
  if (levels == 0) return {};
  const std::vector<std::string_view> alts = TopLevelAlternatives(regex);
  if (alts.empty()) return {};
  if (alts.size() > 1) {
    std::vector<std::string> all;
    for (std::string_view alt : alts) {
      std::vector<std::string> sub = AnchorsOf(alt, levels - 1);
      if (sub.empty()) return {};
      all.insert(all.end(), sub.begin(), sub.end());
    }
    return all;
  }
  std::string one = AnchorOf(regex);
  if (!one.empty()) return {one};
  if (const auto group = RequiredGroup(regex)) return AnchorsOf(*group, levels - 1);
  return {};
}

// Regexes that passed Validate(): the rule loader validates every row and then adds it, and
// parsing twice was a noticeable part of start-up.
std::mutex valid_mu;
std::set<std::string, std::less<>> valid_regexes;

bool KnownValid(std::string_view pattern) {
  std::lock_guard<std::mutex> lock(valid_mu);
  return valid_regexes.find(pattern) != valid_regexes.end();
}

void RememberValid(std::string_view pattern) {
  std::lock_guard<std::mutex> lock(valid_mu);
  valid_regexes.emplace(pattern);
}

// A pattern run as its own RE2, compiled on first use.
struct LazyRegex {
  std::string regex;
  int id = 0;
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> re;

  bool Matches(std::string_view text) const {
    std::call_once(once, [this] { re = std::make_unique<RE2>(regex, MatcherOptions()); });
    return re->ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re);
  }
};

}  // namespace

struct CapturePattern::Impl {
  explicit Impl(std::string_view regex)
      : re(std::string("(?m)") + std::string(regex), MatcherOptions()) {}
  RE2 re;
};

CapturePattern::CapturePattern(std::string_view regex) : impl_(std::make_unique<Impl>(regex)) {}
CapturePattern::~CapturePattern() = default;

bool CapturePattern::ok() const { return impl_->re.ok(); }

bool CapturePattern::FirstCapture(std::string_view text, std::string* capture, int* group) const {
  const int n = impl_->re.NumberOfCapturingGroups();
  if (!impl_->re.ok() || n <= 0) return false;
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(n) + 1);
  const re2::StringPiece input(text.data(), text.size());
  if (!impl_->re.Match(input, 0, input.size(), RE2::UNANCHORED, pieces.data(), n + 1)) return false;
  for (int i = 1; i <= n; ++i) {
    if (pieces[static_cast<std::size_t>(i)].data() == nullptr) continue;
    capture->assign(pieces[static_cast<std::size_t>(i)].data(),
                    pieces[static_cast<std::size_t>(i)].size());
    if (group) *group = i;
    return true;
  }
  return false;
}

struct PhraseMatcher::Impl {
  // Automaton outputs: ids >= 0 are caller ids of literals; -1 - k means "anchor of regexes_[k]".
  Automaton automaton;
  std::deque<LazyRegex> regexes;        // deque: LazyRegex holds a once_flag and cannot move
  std::vector<std::size_t> unanchored;  // indexes into regexes, always run
  std::size_t patterns = 0;
  bool compiled = false;
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

bool PhraseMatcher::Add(std::string_view pattern, int id, std::string* error) {
  if (!KnownValid(pattern) && !Validate(pattern, error)) return false;
  AddTrusted(pattern, id);
  return true;
}

void PhraseMatcher::AddTrusted(std::string_view pattern, int id) {
  ++impl_->patterns;
  if (IsAsciiLiteral(pattern)) {
    impl_->automaton.Add(pattern, id);
    return;
  }
  const std::size_t k = impl_->regexes.size();
  LazyRegex& lr = impl_->regexes.emplace_back();
  lr.regex = ToRegex(pattern);
  lr.id = id;
  const std::vector<std::string> anchors =
      pattern.substr(0, 3) == "re:" ? AnchorsOf(lr.regex) : std::vector<std::string>();
  if (anchors.empty()) impl_->unanchored.push_back(k);
  for (const std::string& anchor : anchors) impl_->automaton.Add(anchor, -1 - static_cast<int>(k));
}

bool PhraseMatcher::Compile(std::string* /*error*/) {
  impl_->automaton.Build();
  impl_->compiled = true;
  return true;
}

std::vector<int> PhraseMatcher::Match(std::string_view normalized_text) const {
  std::vector<int> out;
  if (impl_->patterns == 0 || !impl_->compiled) return out;
  std::vector<int> hits;
  impl_->automaton.Match(normalized_text, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  for (int h : hits) {
    if (h >= 0) {
      out.push_back(h);
      continue;
    }
    const LazyRegex& lr = impl_->regexes[static_cast<std::size_t>(-1 - h)];
    if (lr.Matches(normalized_text)) out.push_back(lr.id);
  }
  for (std::size_t k : impl_->unanchored) {
    const LazyRegex& lr = impl_->regexes[k];
    if (lr.Matches(normalized_text)) out.push_back(lr.id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool PhraseMatcher::empty() const { return impl_->patterns == 0; }

bool PhraseMatcher::Validate(std::string_view pattern, std::string* error) {
  // A literal is quoted, so it always compiles unless its bytes are not UTF-8 (RE2's only
  // objection to a quoted literal).
  if (pattern.substr(0, 3) != "re:") {
    if (IsValidUtf8(pattern)) return true;
    if (error) *error = "invalid UTF-8";
    return false;
  }
  // Parsing is what finds syntax errors; building the program as well (a full RE2) would
  // compile every pattern twice at start-up, once here and once in the set.
  // Case folding only multiplies character classes; the syntax is the same without it.
  RE2::Options options = MatcherOptions();
  options.set_case_sensitive(true);
  RE2::Set probe(options, RE2::UNANCHORED);
  std::string err;
  if (probe.Add(ToRegex(pattern), &err) < 0) {
    if (error) *error = err;
    return false;
  }
  RememberValid(pattern);
  return true;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// aho_corasick.cpp: see aho_corasick.h.

#include "rules/aho_corasick.h"

#include <algorithm>
#include <cstring>

namespace bouncetolk {
namespace {

// Entries of the transition table (2 bytes each) at most: 128 KiB, rows for the first 1000 to
// 2000 nodes by breadth, where nearly all steps over real text are; deeper nodes step by their
// edges. It stays in the L2 cache: the whole table of the phrases' automaton (16 000 nodes of 58
// byte classes, 1.9 MB) took fewer instructions but 1.5-2% more CPU time over 20 000 bounces
// (cache misses), measured with perf stat.
constexpr std::size_t kDenseEntries = std::size_t{1} << 16;

// 64-bit mixing of one word into a running hash (the finaliser of MurmurHash3's 64-bit mix).
std::uint64_t Mix(std::uint64_t h, std::uint64_t word) {
  h ^= word + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

}  // namespace

AhoCorasick::AhoCorasick() = default;

void AhoCorasick::Add(std::string_view pattern, int id) {
  max_length_ = std::max(max_length_, static_cast<std::uint32_t>(pattern.size()));
  pending_.push_back(Pending{static_cast<std::uint32_t>(pending_text_.size()),
                             static_cast<std::uint32_t>(pattern.size()), id});
  const std::size_t from = pending_text_.size();
  pending_text_.append(pattern);
  for (std::size_t i = from; i < pending_text_.size(); ++i)
    pending_text_[i] = AsciiLower(pending_text_[i]);
}

std::uint64_t AhoCorasick::Fingerprint() const {
  std::uint64_t h = Mix(pending_.size(), pending_text_.size());
  for (const Pending& p : pending_)
    h = Mix(h, (std::uint64_t{p.length} << 32) | static_cast<std::uint32_t>(p.id));
  std::size_t i = 0;
  for (; i + 8 <= pending_text_.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, pending_text_.data() + i, 8);
    h = Mix(h, word);
  }
  for (; i < pending_text_.size(); ++i) h = Mix(h, static_cast<unsigned char>(pending_text_[i]));
  return h;
}

void AhoCorasick::Build(const AhoCorasickImage* prebuilt) {
  const std::uint64_t fingerprint = Fingerprint();
  if (prebuilt && prebuilt->fingerprint == fingerprint) {
    v_ = *prebuilt;
  } else {
    trie_.assign(1, TrieNode{});
    root_child_.fill(-1);
    for (const Pending& p : pending_)
      Insert(std::string_view(pending_text_).substr(p.offset, p.length), p.id);
    Lay();
    v_.fingerprint = fingerprint;
    v_.max_length = max_length_;
  }
  std::string().swap(pending_text_);
  std::vector<Pending>().swap(pending_);
}

void AhoCorasick::Insert(std::string_view pattern, int id) {
  int state = 0;
  for (char c : pattern) {
    const auto b = static_cast<unsigned char>(c);
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

void AhoCorasick::Lay() {
  const std::size_t n = trie_.size();
  const bool table = PlanTable(n);
  std::vector<int> order;  // trie node of each flat node
  order.reserve(n);
  order.push_back(0);
  nodes_.assign(n + 1, AhoCorasickNode{});
  keys_.assign(n, 0);
  has_out_.assign(table ? n : 0, 0);
  ids_.clear();
  ids_.reserve(own_.size());
  root_next_.assign(256, 0);
  // v_ points at the arrays now: Step() reads them while the later nodes are laid out.
  v_.node_count = static_cast<std::uint32_t>(n);
  v_.nodes = nodes_.data();
  v_.keys = keys_.data();
  v_.root_next = root_next_.data();
  v_.byte_class = class_.data();
  v_.table = table_.get();
  v_.has_out = table ? has_out_.data() : nullptr;
  const std::uint32_t classes = v_.classes;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const TrieNode& ts = trie_[static_cast<std::size_t>(order[k])];
    AhoCorasickNode& node = nodes_[k];
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
      if (table) has_out_[k] = node.out_link != 0;
    }
    if (k < v_.dense) {
      row = &table_[k * classes];
      if (k > 0) {
        fail_row = &table_[node.fail * classes];
        std::memcpy(row, fail_row, classes * sizeof(std::uint16_t));
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
  nodes_[n].first_child = static_cast<std::uint32_t>(n);  // sentinels: the ends of the last ranges
  nodes_[n].out = static_cast<std::uint32_t>(ids_.size());
  v_.id_count = static_cast<std::uint32_t>(ids_.size());
  v_.ids = ids_.data();
  std::vector<TrieNode>().swap(trie_);
  std::vector<TrieEdge>().swap(trie_edges_);
  std::vector<Own>().swap(own_);
}

void AhoCorasick::Match(std::string_view text, std::vector<int>* hits) const {
  if (v_.node_count <= 1) return;
  if (v_.table) {
    if (v_.dense == v_.node_count)
      MatchTable<true>(text, hits);
    else
      MatchTable<false>(text, hits);
    return;
  }
  std::uint32_t state = 0;
  for (char c : text) {
    state = Step(state, static_cast<unsigned char>(AsciiLower(c)));
    if (v_.nodes[state].out_link != 0) Emit(state, hits);
  }
}

template <bool kFull>
void AhoCorasick::MatchTable(std::string_view text, std::vector<int>* hits) const {
  const Stepper<kFull> next(*this);
  const unsigned char* out = v_.has_out;
  const char* p = text.data();
  const char* end = p + text.size();
  std::uint32_t state = 0;
  // Each step waits for the one before (multiply, add, load: about 9 cycles), so a long text is
  // matched as two halves at once, the first extended by the longest pattern less one byte:
  // every occurrence lies wholly in one of them (those in both are found twice; the caller
  // removes repeats).
  if (text.size() >= 64 && text.size() >= 4 * std::size_t{v_.max_length}) {
    const std::size_t half = text.size() / 2;
    const char* q = p + half;
    const char* p_end = q + (v_.max_length - 1);
    std::uint32_t other = 0;
    for (; p != p_end && q != end; ++p, ++q) {
      state = next(state, static_cast<unsigned char>(*p));
      other = next(other, static_cast<unsigned char>(*q));
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
  for (; p != end; ++p) {
    state = next(state, static_cast<unsigned char>(*p));
    if (out[state]) Emit(state, hits);
  }
}

void AhoCorasick::MatchWithEnds(std::string_view text, std::vector<Hit>* hits) const {
  if (v_.node_count <= 1) return;
  const AhoCorasickNode* nodes = v_.nodes;
  const Stepper<false> next(*this);
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    state = v_.table ? next(state, b)
                     : Step(state, static_cast<unsigned char>(AsciiLower(static_cast<char>(b))));
    for (std::uint32_t s = nodes[state].out_link; s != 0; s = nodes[nodes[s].fail].out_link) {
      for (std::uint32_t k = nodes[s].out; k < nodes[s + 1].out; ++k)
        hits->push_back(Hit{v_.ids[k], static_cast<std::uint32_t>(i + 1)});
    }
  }
}

std::uint32_t AhoCorasick::Step(std::uint32_t state, unsigned char b) const {
  const AhoCorasickNode* nodes = v_.nodes;
  const unsigned char* keys = v_.keys;
  // Nodes without a row: their own edges, then their failure node's; the first node with a row
  // (the root at the latest) answers from the table.
  while (state >= v_.dense && state != 0) {
    const std::uint32_t end = nodes[state + 1].first_child;
    std::uint32_t child = nodes[state].first_child;
    while (child < end && keys[child] != b) ++child;
    if (child < end) return child;
    state = nodes[state].fail;
  }
  return v_.dense != 0 ? v_.table[state * v_.classes + v_.byte_class[b]] : v_.root_next[b];
}

bool AhoCorasick::PlanTable(std::size_t n) {
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
  v_.classes = classes;
  v_.dense = 0;
  if (n > 0xFFFF) return false;
  v_.dense =
      static_cast<std::uint32_t>(std::min(n, std::max<std::size_t>(1, kDenseEntries / classes)));
  // Not zero-filled: every row is written whole.
  table_.reset(new std::uint16_t[std::size_t{v_.dense} * classes]);
  return true;
}

__attribute__((noinline)) void AhoCorasick::Emit(std::uint32_t state,
                                                 std::vector<int>* hits) const {
  const AhoCorasickNode* nodes = v_.nodes;
  for (std::uint32_t s = nodes[state].out_link; s != 0; s = nodes[nodes[s].fail].out_link) {
    hits->insert(hits->end(), v_.ids + nodes[s].out, v_.ids + nodes[s + 1].out);
  }
}

int AhoCorasick::TrieChild(int state, unsigned char b) const {
  if (state == 0) return root_child_[b];
  for (int e = trie_[static_cast<std::size_t>(state)].first_edge; e >= 0;
       e = trie_edges_[static_cast<std::size_t>(e)].next) {
    if (trie_edges_[static_cast<std::size_t>(e)].b == b)
      return trie_edges_[static_cast<std::size_t>(e)].child;
  }
  return -1;
}

}  // namespace bouncetolk

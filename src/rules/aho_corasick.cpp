// SPDX-License-Identifier: MIT
//
// aho_corasick.cpp: see aho_corasick.h.

#include "rules/aho_corasick.h"

#include <algorithm>
#include <cstring>

#include "common/text.h"

namespace bouncetolk {

AhoCorasick::AhoCorasick() : trie_(1) { root_child_.fill(-1); }

void AhoCorasick::Add(std::string_view pattern, int id) {
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

void AhoCorasick::Build() {
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
  nodes_[n].first_child = static_cast<std::uint32_t>(n);  // sentinels: the ends of the last ranges
  nodes_[n].out = static_cast<std::uint32_t>(ids_.size());
  std::vector<TrieNode>().swap(trie_);
  std::vector<TrieEdge>().swap(trie_edges_);
  std::vector<Own>().swap(own_);
}

void AhoCorasick::Match(std::string_view text, std::vector<int>* hits) const {
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

void AhoCorasick::MatchWithEnds(std::string_view text, std::vector<Hit>* hits) const {
  if (nodes_.size() <= 2) return;
  const Node* nodes = nodes_.data();
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    state = table_ ? table_[state * classes_ + class_[b]]
                   : Step(state, static_cast<unsigned char>(AsciiLower(static_cast<char>(b))));
    for (std::uint32_t s = nodes[state].out_link; s != 0; s = nodes[nodes[s].fail].out_link) {
      for (std::uint32_t k = nodes[s].out; k < nodes[s + 1].out; ++k)
        hits->push_back(Hit{ids_[k], static_cast<std::uint32_t>(i + 1)});
    }
  }
}

std::uint32_t AhoCorasick::Step(std::uint32_t state, unsigned char b) const {
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
  constexpr std::size_t kMaxEntries = 1u << 21;  // 4 MiB of uint16_t
  if (n > 0xFFFF || n * classes > kMaxEntries) return false;
  classes_ = classes;
  // Not zero-filled: every row is written whole.
  table_.reset(new std::uint16_t[n * classes]);
  return true;
}

void AhoCorasick::Run(const char* p, const char* end, std::uint32_t state,
                      std::vector<int>* hits) const {
  const std::uint16_t* table = table_.get();
  const unsigned char* klass = class_.data();
  const std::uint32_t classes = classes_;
  const unsigned char* out = has_out_.data();
  for (; p != end; ++p) {
    state = table[state * classes + klass[static_cast<unsigned char>(*p)]];
    if (out[state]) Emit(state, hits);
  }
}

__attribute__((noinline)) void AhoCorasick::Emit(std::uint32_t state,
                                                 std::vector<int>* hits) const {
  const Node* nodes = nodes_.data();
  for (std::uint32_t s = nodes[state].out_link; s != 0; s = nodes[nodes[s].fail].out_link) {
    hits->insert(hits->end(), ids_.begin() + nodes[s].out, ids_.begin() + nodes[s + 1].out);
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

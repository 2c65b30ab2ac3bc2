// SPDX-License-Identifier: MIT
//
// aho_corasick.h: one automaton that finds every occurrence of many byte strings in a text in
// one linear pass, ASCII case folded (PhraseMatcher's literal phrases and the atoms of its
// regular expressions).

#ifndef BOUNCETOLK_RULES_AHO_CORASICK_H_
#define BOUNCETOLK_RULES_AHO_CORASICK_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace bouncetolk {

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
/// Add() the patterns (lower case is not needed: bytes are ASCII-lower-cased), Build() once,
/// then Match() from any number of threads.
class AhoCorasick {
 public:
  AhoCorasick();

  /// Adds \a pattern (not empty), reported as \a id. Several patterns may share an id, and
  /// one pattern may be added with several ids.
  void Add(std::string_view pattern, int id);

  // The flat layout (see above), failure links, output chains and the transition table (see
  // table_), breadth-first; the trie is freed.
  void Build();

  // Appends the ids of all patterns occurring in \a text (lowercased on the fly), in no
  // particular order and possibly repeated.
  void Match(std::string_view text, std::vector<int>* hits) const;

  /// One occurrence: the pattern's id and the offset just past its last byte.
  struct Hit {
    int id;
    std::uint32_t end;
  };
  // Appends every occurrence of a pattern in \a text (lowercased on the fly) in text order, with
  // where it ends (the concept rules need positions). \a text must be shorter than 4 GiB.
  void MatchWithEnds(std::string_view text, std::vector<Hit>* hits) const;

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
  std::uint32_t Step(std::uint32_t state, unsigned char b) const;

  // The byte classes of the transition table (a DFA: the failure links resolved in advance),
  // one row per node and one column per class of bytes: the bytes of the patterns, lower-cased,
  // with upper case folded in, and one class for every other byte. Matching is then one lookup
  // per text byte. A node's row is its failure node's row (complete: shallower) with its
  // children written over it. Only when the node numbers fit 16 bits and the table stays
  // small (false: the sparse arrays serve).
  bool PlanTable(std::size_t n);

  // Steps through [p, end) from \a state with the table, appending the patterns found.
  void Run(const char* p, const char* end, std::uint32_t state, std::vector<int>* hits) const;

  // Appends the patterns that end in \a state. Out of line: inlined into Match's loops, it
  // took the registers the loop needs, and the state went through the stack at every byte.
  __attribute__((noinline)) void Emit(std::uint32_t state, std::vector<int>* hits) const;

  int TrieChild(int state, unsigned char b) const;

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

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_AHO_CORASICK_H_

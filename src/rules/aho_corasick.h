// SPDX-License-Identifier: MIT
//
// aho_corasick.h: one automaton that finds every occurrence of many byte strings in a text in
// one linear pass, ASCII case folded (PhraseMatcher's literal phrases and the atoms of its
// regular expressions, ConceptMatcher's words). The automata of the embedded tables are built
// at build time (tools/automata.cpp) and used from static storage when the patterns added are
// the same (AhoCorasickImage).

#ifndef BOUNCETOLK_RULES_AHO_CORASICK_H_
#define BOUNCETOLK_RULES_AHO_CORASICK_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace bouncetolk {

/// A node of the flat automaton (see AhoCorasick).
struct AhoCorasickNode {
  std::uint32_t first_child;  ///< children: [first_child, next node's first_child)
  std::uint32_t fail;
  std::uint32_t out;       ///< own patterns: ids[out, next node's out)
  std::uint32_t out_link;  ///< the nearest node on the failure chain, itself included, with
                           ///< patterns of its own, or 0 (the root has none)
};

/// A built automaton as plain arrays: what matching reads, whether the arrays belong to the
/// AhoCorasick or are static data that the build wrote (src/rules/prebuilt_automata.h).
struct AhoCorasickImage {
  std::uint64_t fingerprint = 0;           ///< of the patterns and ids added, in order
  std::uint32_t node_count = 0;            ///< without the sentinel at the end of nodes
  const AhoCorasickNode* nodes = nullptr;  ///< node_count + 1
  const unsigned char* keys = nullptr;     ///< the byte leading into each node
  std::uint32_t id_count = 0;
  const int* ids = nullptr;                   ///< own patterns of all nodes, node after node
  const std::uint32_t* root_next = nullptr;   ///< 256: the root's child for each byte, or 0
  const unsigned char* byte_class = nullptr;  ///< 256: byte -> column of table
  std::uint32_t classes = 0;
  std::uint32_t dense = 0;                 ///< nodes [0, dense) have a row of table
  const std::uint16_t* table = nullptr;    ///< node * classes + class -> next node, or null
  const unsigned char* has_out = nullptr;  ///< per node when table: out_link != 0
  std::uint32_t max_length = 0;            ///< of the patterns
};

// Aho-Corasick over bytes. Build() puts the patterns into a trie with per-node linked lists of
// edges (one pool, so building allocates per pattern, not per character), then lays the
// automaton out flat for matching, numbering the nodes breadth-first: the children of a node get
// consecutive numbers, so a node's edges are the range [first_child, next node's first_child) of
// one byte array (the byte leading into each node), and its own patterns a range of one id
// array. A node's outputs are its own patterns plus those of the nodes on its output chain (the
// nearest suffixes with patterns of their own), so building copies no output lists. The shallow
// nodes, where most text bytes are, also have a row of a transition table (a DFA: one lookup per
// text byte); a deeper node steps by its own edges and failure links until a node with a row
// answers (the table is kept to 128 KiB, see kDenseEntries). The automata of the
// embedded tables come built from the build (AhoCorasickImage): their tables are read-only
// static data, so a start neither writes them nor faults in pages no text reaches.
/// Add() the patterns (lower case is not needed: bytes are ASCII-lower-cased), Build() once,
/// then Match() from any number of threads.
class AhoCorasick {
 public:
  AhoCorasick();
  AhoCorasick(AhoCorasick&&) noexcept = default;
  AhoCorasick& operator=(AhoCorasick&&) noexcept = default;

  /// Adds \a pattern (not empty), reported as \a id. Several patterns may share an id, and
  /// one pattern may be added with several ids. The pattern is copied.
  void Add(std::string_view pattern, int id);

  /// Builds the automaton of the patterns added (see above). With \a prebuilt, whose
  /// fingerprint says it was built from the same patterns and ids in the same order, its
  /// arrays serve instead (they must outlive this object) and nothing is built.
  void Build(const AhoCorasickImage* prebuilt = nullptr);

  /// After Build(): the automaton's arrays (views into this object or the prebuilt image).
  const AhoCorasickImage& image() const { return v_; }

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
  struct Pending {
    std::uint32_t offset, length;  // in pending_text_
    int id;
  };
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

  std::uint64_t Fingerprint() const;
  void Insert(std::string_view pattern, int id);  // into the trie
  void Lay();                                     // the trie, flat (see above)

  // The state after reading \a b (lower-cased) in \a state: from a node without a row, its
  // child for b, or else that of the longest suffix that has one (failure links), until a node
  // with a row (or the root, without a table) answers. Needs the nodes up to state's children.
  std::uint32_t Step(std::uint32_t state, unsigned char b) const;

  // The state after reading a text byte (any case), with the table: one lookup from a node with
  // a row, Step() from a deeper one. The fields are copied into the stepper so that matching
  // loops keep them in registers (the calls that report hits would make them reloaded).
  // With kFull, every node has a row and the test is left out.
  template <bool kFull>
  struct Stepper {
    explicit Stepper(const AhoCorasick& a)
        : self(a),
          table(a.v_.table),
          klass(a.v_.byte_class),
          classes(a.v_.classes),
          dense(a.v_.dense) {}
    std::uint32_t operator()(std::uint32_t state, unsigned char b) const {
      return kFull || state < dense
                 ? table[state * classes + klass[b]]
                 : self.Step(state, static_cast<unsigned char>(AsciiLower(static_cast<char>(b))));
    }
    const AhoCorasick& self;
    const std::uint16_t* table;
    const unsigned char* klass;
    std::uint32_t classes, dense;
  };

  // The byte classes of the transition table, one column per class of bytes: the bytes of the
  // patterns, lower-cased, with upper case folded in, and one class for every other byte. A
  // node's row is its failure node's row (complete: shallower) with its children written over
  // it. Only when the node numbers fit 16 bits (false: the sparse arrays serve).
  bool PlanTable(std::size_t n);

  // Match() with the table.
  template <bool kFull>
  void MatchTable(std::string_view text, std::vector<int>* hits) const;

  // Appends the patterns that end in \a state. Out of line: inlined into Match's loops, it
  // took the registers the loop needs, and the state went through the stack at every byte.
  __attribute__((noinline)) void Emit(std::uint32_t state, std::vector<int>* hits) const;

  int TrieChild(int state, unsigned char b) const;

  // While adding: the patterns, lower-cased, one after another.
  std::string pending_text_;
  std::vector<Pending> pending_;
  std::uint32_t max_length_ = 0;
  // While building.
  std::vector<TrieNode> trie_;
  std::vector<TrieEdge> trie_edges_;
  std::vector<Own> own_;
  std::array<int, 256> root_child_{};  // -1: none
  // After Build(), unless a prebuilt image serves: the arrays v_ points into.
  std::vector<AhoCorasickNode> nodes_;  // flat, breadth-first; one sentinel at the end
  std::vector<unsigned char> keys_;
  std::vector<int> ids_;
  std::vector<std::uint32_t> root_next_;  // on the heap, like the others: v_ survives a move
  std::vector<unsigned char> class_;
  std::unique_ptr<std::uint16_t[]> table_;
  std::vector<unsigned char> has_out_;
  // What matching reads.
  AhoCorasickImage v_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_RULES_AHO_CORASICK_H_

// SPDX-License-Identifier: MIT
//
// maildir_source.cpp: recognising a Maildir (cur/, new/, tmp/) and the order in which its
// entries are read. The files inside cur/ and new/ are single messages by definition, so the
// walker (dir_source.cpp) reads them without looking for mbox separators; tmp/ holds messages
// still being delivered and is skipped. Names inside cur/ and new/ are read in bytewise order,
// which for the usual "time.pid.host" names is the delivery order.

#include <algorithm>

#include "input/reader.h"

namespace bouncetolk {

bool IsMaildir(const std::vector<DirEntry>& entries) {
  bool cur = false, nw = false, tmp = false;
  for (const DirEntry& e : entries) {
    if (e.kind != EntryKind::kDirectory) continue;
    if (e.name == "cur") cur = true;
    if (e.name == "new") nw = true;
    if (e.name == "tmp") tmp = true;
  }
  return (cur || nw) && (cur + nw + tmp) >= 2;
}

void OrderMaildir(std::vector<DirEntry>* entries) {
  std::vector<DirEntry> ordered;
  ordered.reserve(entries->size());
  for (const char* leaf : {"cur", "new"}) {
    for (const DirEntry& e : *entries) {
      if (e.name == leaf && e.kind == EntryKind::kDirectory) ordered.push_back(e);
    }
  }
  for (const DirEntry& e : *entries) {
    if (e.kind != EntryKind::kDirectory) continue;
    if (e.name == "cur" || e.name == "new" || e.name == "tmp") continue;
    ordered.push_back(e);
  }
  entries->swap(ordered);
}

}  // namespace bouncetolk

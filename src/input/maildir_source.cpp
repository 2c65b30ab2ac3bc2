// SPDX-License-Identifier: MIT
//
// maildir_source.cpp: recognising a Maildir (cur/, new/, tmp/) and the order in which its
// entries are read. The files inside cur/ and new/ are single messages by definition, so the
// walker (dir_source.cpp) reads them without looking for mbox separators; tmp/ holds messages
// still being delivered and is skipped. Names inside cur/ and new/ are read in bytewise order,
// which for the usual "time.pid.host" names is the delivery order. In the root, the mail
// servers' own files are passed over by name; any other file there is read.

#include "input/reader.h"

namespace bouncetolk {

bool IsMaildir(const DirListing& listing) {
  bool cur = false, nw = false, tmp = false;
  for (std::size_t i = 0; i < listing.size(); ++i) {
    const DirEntry e = listing[i];
    if (e.kind != EntryKind::kDirectory) continue;
    if (e.name == "cur") cur = true;
    if (e.name == "new") nw = true;
    if (e.name == "tmp") tmp = true;
  }
  return (cur || nw) && (cur + nw + tmp) >= 2;
}

bool IsMaildirStateFile(std::string_view name) {
  // Dot names: Maildir++ keeps its folders so, and tools their state (".uidvalidity",
  // ".mbsyncstate"). Dovecot's Maildir format documentation lists dovecot-uidlist,
  // dovecot-keywords, dovecot-uidvalidity.*, dovecot.index*, dovecot.list.index*, maildirfolder
  // and subscriptions; Courier's maildir(5) and maildirquota(7) add maildirsize and the
  // courierimap* / courierpop3d* files.
  if (name.empty() || name.front() == '.') return true;
  for (std::string_view prefix : {"dovecot", "courierimap", "courierpop3d"}) {
    if (name.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return name == "maildirsize" || name == "maildirfolder" || name == "subscriptions";
}

void OrderMaildir(DirListing* listing) {
  std::vector<std::size_t> order;
  for (std::string_view leaf : {"cur", "new"}) {
    for (std::size_t i = 0; i < listing->size(); ++i) {
      const DirEntry e = (*listing)[i];
      if (e.name == leaf && e.kind == EntryKind::kDirectory) order.push_back(i);
    }
  }
  for (std::size_t i = 0; i < listing->size(); ++i) {
    const DirEntry e = (*listing)[i];
    if (e.kind != EntryKind::kDirectory && !IsMaildirStateFile(e.name)) order.push_back(i);
  }
  for (std::size_t i = 0; i < listing->size(); ++i) {
    const DirEntry e = (*listing)[i];
    if (e.kind != EntryKind::kDirectory) continue;
    if (e.name == "cur" || e.name == "new" || e.name == "tmp") continue;
    order.push_back(i);
  }
  listing->Select(order);
}

}  // namespace bouncetolk

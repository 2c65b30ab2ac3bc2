// SPDX-License-Identifier: MIT
//
// new_delete.cpp: operator new for the executable when it is linked with mimalloc (BT_MIMALLOC,
// CMakeLists.txt). mimalloc's own operator new (libmimalloc.so defines it, and the linker takes
// it before the one in the static libstdc++) calls abort() when memory runs out and it sees no
// new-handler (it cannot see ours: libstdc++ is linked statically and its get_new_handler is
// not exported), so one monster message ended a whole unattended batch with SIGABRT and no
// record (issue 14.3). These replacements ([new.delete.single], [new.delete.array]) take
// memory from malloc, which is mimalloc's process-wide, call the new-handler if one is set,
// and throw std::bad_alloc as the standard asks; the batch turns that into the message's
// error record. mimalloc's operator delete frees what malloc gave, so it stays. The nothrow
// forms are mimalloc's (they return nullptr, never abort).

#ifdef BT_MIMALLOC

#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

void* Allocate(std::size_t size) {
  if (size == 0) size = 1;
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    const std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void* AllocateAligned(std::size_t size, std::align_val_t align) {
  const auto alignment = static_cast<std::size_t>(align);
  // aligned_alloc wants a size that is a multiple of the alignment.
  if (size == 0) size = 1;
  if (size > SIZE_MAX - alignment) throw std::bad_alloc();
  size = (size + alignment - 1) / alignment * alignment;
  for (;;) {
    if (void* p = std::aligned_alloc(alignment, size)) return p;
    const std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void* operator new(std::size_t size, std::align_val_t align) {
  return AllocateAligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return AllocateAligned(size, align);
}

#endif  // BT_MIMALLOC

// SPDX-License-Identifier: MIT
//
// dir_source.cpp: MessageSource (source.h), a depth-first walk over the inputs kept as an
// explicit stack of frames (the list of paths, the files-from list, an open directory listing,
// an open mbox), so Next() can return after every message and resume there. Directories are
// listed whole and sorted (names only) before reading; messages are read one at a time.
// Directories are identified by (device, inode) so a symbolic-link loop is read once and then
// reported, never followed forever.

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <utility>

#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

EntryKind KindOfMode(mode_t mode) {
  if (S_ISDIR(mode)) return EntryKind::kDirectory;
  if (S_ISREG(mode)) return EntryKind::kFile;
  return EntryKind::kSpecial;
}

void SetError(InputMessage* out, ErrorCode code, std::string arg) {
  out->bytes.clear();
  out->error = Problem{code, std::move(arg)};
}

// The first line of \a head when it is complete (or the stream ended).
bool StartsWithSeparator(std::string_view head, bool complete) {
  const std::size_t eol = head.find('\n');
  if (eol == std::string_view::npos && !complete) return false;
  return IsMboxSeparator(head.substr(0, eol));
}

// Reads the next line of the files-from list into *path; false at its end.
bool ReadListLine(std::FILE* list, std::string* path) {
  char* line = nullptr;
  std::size_t cap = 0;
  for (;;) {
    const ssize_t n = ::getline(&line, &cap, list);
    if (n < 0) {
      std::free(line);
      return false;
    }
    std::string_view v(line, static_cast<std::size_t>(n));
    if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    if (v.empty()) continue;
    path->assign(v);
    std::free(line);
    return true;
  }
}

}  // namespace

bool DirListing::Read(const std::string& dir) {
  names_.clear();
  items_.clear();
  DIR* d = ::opendir(dir.c_str());
  if (!d) return false;
  // A first pass sizes the buffers exactly: growing them by doubling would hold up to three
  // times the names at the moment of a copy, in a Maildir of millions of files.
  std::size_t count = 0, bytes = 0;
  while (const dirent* e = ::readdir(d)) {
    ++count;
    bytes += std::strlen(e->d_name);
  }
  names_.reserve(bytes);
  items_.reserve(count);
  ::rewinddir(d);
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    const char* n = e->d_name;
    if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
    const std::size_t len = std::strlen(n);
    if (len > 255 || names_.size() + len > UINT32_MAX) {
      ::closedir(d);
      errno = ENAMETOOLONG;
      return false;
    }
    Item item{static_cast<std::uint32_t>(names_.size()), static_cast<std::uint8_t>(len),
              EntryKind::kBroken, 0};
    switch (e->d_type) {
      case DT_REG:
        item.kind = EntryKind::kFile;
        break;
      case DT_DIR:
        item.kind = EntryKind::kDirectory;
        break;
      case DT_FIFO:
      case DT_SOCK:
      case DT_CHR:
      case DT_BLK:
        item.kind = EntryKind::kSpecial;
        break;
      default: {  // a link or a file system without d_type: follow it
        struct stat st {};
        if (::stat(JoinPath(dir, n).c_str(), &st) == 0) {
          item.kind = KindOfMode(st.st_mode);
        } else {
          item.error = static_cast<std::uint8_t>(errno < 256 ? errno : EIO);
        }
      }
    }
    names_.append(n, len);
    items_.push_back(item);
    errno = 0;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) {
    errno = err;
    return false;
  }
  std::sort(items_.begin(), items_.end(), [this](const Item& a, const Item& b) {
    return std::string_view(names_.data() + a.offset, a.length) <
           std::string_view(names_.data() + b.offset, b.length);
  });
  return true;
}

DirEntry DirListing::operator[](std::size_t i) const {
  const Item& item = items_[i];
  return DirEntry{std::string_view(names_.data() + item.offset, item.length), item.kind,
                  item.error};
}

void DirListing::Select(const std::vector<std::size_t>& indexes) {
  std::vector<Item> kept;
  kept.reserve(indexes.size());
  for (std::size_t i : indexes) kept.push_back(items_[i]);
  items_.swap(kept);
}

struct MessageSource::Impl {
  enum class Role { kPlain, kMaildirRoot, kMaildirLeaf };
  // One level of the walk. Exactly one part is in use, as told by kind.
  struct Frame {
    enum class Kind { kPaths, kList, kDir, kMbox } kind;
    std::vector<std::string> paths;    // kPaths
    std::FILE* list = nullptr;         // kList
    std::string dir;                   // kDir
    DirListing entries;                // kDir
    Role role = Role::kPlain;          // kDir
    std::size_t next = 0;              // kPaths, kDir
    std::unique_ptr<MboxReader> mbox;  // kMbox
  };

  SourceOptions options;
  std::vector<Frame> stack;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::size_t skipped = 0;
  bool saw_directory = false;
  std::optional<InputMessage> list_error;  // --files-from that could not be read: its record

  ~Impl() {
    for (Frame& f : stack) CloseList(&f);
  }

  static void CloseList(Frame* f) {
    if (f->list && f->list != stdin) std::fclose(f->list);
    f->list = nullptr;
  }

  bool Next(InputMessage* out);
  bool VisitPath(const std::string& path, EntryKind kind, int stat_error, bool top,
                 InputMessage* out);
  bool PushDirectory(const std::string& path, Role role, InputMessage* out);
  bool ReadFile(const std::string& path, bool top, bool single, InputMessage* out);
  bool TakeStream(std::string name, int fd, std::size_t size, bool single, InputMessage* out);
};

bool MessageSource::Impl::Next(InputMessage* out) {
  out->name.clear();
  out->bytes.clear();
  out->error.reset();
  if (list_error) {
    *out = std::move(*list_error);
    list_error.reset();
    return true;
  }
  while (!stack.empty()) {
    Frame& f = stack.back();
    switch (f.kind) {
      case Frame::Kind::kMbox:
        if (f.mbox->Next(out)) return true;
        stack.pop_back();
        break;
      case Frame::Kind::kPaths: {
        if (f.next == f.paths.size()) {
          stack.pop_back();
          break;
        }
        const std::string path = f.paths[f.next++];
        if (VisitPath(path, EntryKind::kBroken, -1, true, out)) return true;
        break;
      }
      case Frame::Kind::kList: {
        std::string path;
        if (!ReadListLine(f.list, &path)) {
          // A read error is not the end of the list: "--files-from DIR" used to end quietly.
          const int error = std::ferror(f.list) ? errno : 0;
          CloseList(&f);
          stack.pop_back();
          if (error == 0) break;
          out->name = options.files_from;
          SetError(out, error == EISDIR ? ErrorCode::kIsDirectory : ErrorCode::kCannotOpen,
                   std::strerror(error));
          return true;
        }
        if (VisitPath(path, EntryKind::kBroken, -1, true, out)) return true;
        break;
      }
      case Frame::Kind::kDir: {
        if (f.next == f.entries.size()) {
          stack.pop_back();
          break;
        }
        // Everything needed from f and the entry is taken now: f (and the listing the entry's
        // name points into) may move when a frame is pushed below.
        const DirEntry entry = f.entries[f.next++];
        const std::string path = JoinPath(f.dir, std::string(entry.name));
        const Role role = f.role;
        if (role == Role::kMaildirRoot && (entry.name == "cur" || entry.name == "new")) {
          if (PushDirectory(path, Role::kMaildirLeaf, out)) return true;
          break;
        }
        if (role == Role::kMaildirLeaf) {
          // Not part of the Maildir layout: subdirectories, and names starting with a dot,
          // which the Maildir specification excludes from message names.
          if (entry.kind == EntryKind::kDirectory || entry.name.front() == '.') break;
          if (entry.kind == EntryKind::kFile) {
            if (ReadFile(path, false, true, out)) return true;
            break;
          }
        }
        if (VisitPath(path, entry.kind, entry.error, false, out)) return true;
        break;
      }
    }
  }
  return false;
}

// One path: a directory (pushed), a file (read), or a record saying why it cannot be read.
// \a kind is kBroken with stat_error -1 when not yet known. Returns true when *out was filled.
bool MessageSource::Impl::VisitPath(const std::string& path, EntryKind kind, int stat_error,
                                    bool top, InputMessage* out) {
  out->name = path;
  if (top && path == "-") return TakeStream("-", 0, 0, false, out);
  if (kind == EntryKind::kBroken && stat_error < 0) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      kind = KindOfMode(st.st_mode);
      if (top && S_ISFIFO(st.st_mode)) kind = EntryKind::kFile;  // named explicitly: read it
    } else {
      stat_error = errno;
    }
  }
  switch (kind) {
    case EntryKind::kBroken:
      SetError(out, ErrorCode::kCannotOpen, std::strerror(stat_error));
      return true;
    case EntryKind::kSpecial:
      SetError(out, ErrorCode::kNotRegularFile, "");
      return true;
    case EntryKind::kFile:
      return ReadFile(path, top, false, out);
    case EntryKind::kDirectory:
      if (!top && !options.recursive) {
        ++skipped;
        return false;
      }
      return PushDirectory(path, Role::kPlain, out);
  }
  return false;
}

// Lists \a path and pushes it (as a Maildir when it is one). Returns true with a record in
// *out when it cannot be read or was read before.
bool MessageSource::Impl::PushDirectory(const std::string& path, Role role, InputMessage* out) {
  out->name = path;
  saw_directory = true;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    SetError(out, ErrorCode::kCannotOpen, std::strerror(errno));
    return true;
  }
  if (!visited.insert({st.st_dev, st.st_ino}).second) {
    SetError(out, ErrorCode::kSymlinkLoop, "");
    return true;
  }
  Frame frame;
  frame.kind = Frame::Kind::kDir;
  frame.dir = path;
  if (!frame.entries.Read(path)) {
    SetError(out, ErrorCode::kCannotOpen, std::strerror(errno));
    return true;
  }
  if (role == Role::kPlain && IsMaildir(frame.entries)) {
    role = Role::kMaildirRoot;
    // Without recursive, Maildir++ folders are skipped like any subdirectory.
    OrderMaildir(&frame.entries);
  }
  frame.role = role;
  stack.push_back(std::move(frame));
  return false;
}

// Opens \a path. \a single: a Maildir file, one message whatever its first line says.
bool MessageSource::Impl::ReadFile(const std::string& path, bool top, bool single,
                                   InputMessage* out) {
  out->name = path;
  if (single && options.names_only) return true;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    SetError(out, errno == EISDIR ? ErrorCode::kIsDirectory : ErrorCode::kCannotOpen,
             std::strerror(errno));
    return true;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    SetError(out, ErrorCode::kCannotOpen, std::strerror(errno));
  } else if (S_ISDIR(st.st_mode)) {
    SetError(out, ErrorCode::kIsDirectory, "");
  } else if (!S_ISREG(st.st_mode) && !(top && S_ISFIFO(st.st_mode))) {
    SetError(out, ErrorCode::kNotRegularFile, "");
  }
  if (out->error) {
    ::close(fd);
    return true;
  }
  return TakeStream(path, fd, S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0,
                    single, out);
}

// Reads an open stream (fd 0 is never closed): whole, or first its head to see whether it is
// an mbox (see below). Returns true when *out holds the message; false when an mbox frame was
// pushed instead.
bool MessageSource::Impl::TakeStream(std::string name, int fd, std::size_t size, bool single,
                                     InputMessage* out) {
  const std::size_t max = options.max_message_bytes;
  out->name = name;
  std::string& bytes = out->bytes;
  // One read for a Maildir file or a small file. A larger file, or a pipe, first shows its
  // head, so that an mbox is never read whole: MboxReader goes on from there in chunks.
  const bool whole =
      !options.names_only && size > 0 && size <= max && (single || size <= kHeadBytes);
  const std::size_t first_limit = whole ? size : options.names_only ? 4096 : kHeadBytes;
  bool ok = ReadAll(fd, first_limit, std::min(size, first_limit), &bytes);
  const bool complete = whole || bytes.size() < first_limit;
  if (ok && !single && StartsWithSeparator(bytes, complete)) {
    Frame frame;
    frame.kind = Frame::Kind::kMbox;
    frame.mbox = std::make_unique<MboxReader>(std::move(name), fd, std::move(bytes), max,
                                              options.names_only);
    bytes.clear();
    stack.push_back(std::move(frame));
    return false;
  }
  // A single message over the limit need not be read any further.
  const bool too_large = !complete && size > max;
  if (ok && !complete && !too_large && !options.names_only) ok = ReadAll(fd, max + 1, size, &bytes);
  const int err = errno;
  if (fd != 0) ::close(fd);
  if (!ok) {
    SetError(out, ErrorCode::kCannotOpen, std::strerror(err));
  } else if (too_large || bytes.size() > max) {
    SetError(out, ErrorCode::kTooLarge, std::to_string(max));
  } else if (bytes.empty()) {
    SetError(out, ErrorCode::kEmpty, "");
  }
  if (options.names_only) bytes.clear();
  return true;
}

MessageSource::MessageSource(std::vector<std::string> paths, SourceOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (!impl_->options.files_from.empty()) {
    Impl::Frame list;
    list.kind = Impl::Frame::Kind::kList;
    const std::string& from = impl_->options.files_from;
    list.list = from == "-" ? stdin : std::fopen(from.c_str(), "re");
    struct stat st {};
    const bool is_dir = list.list && ::fstat(::fileno(list.list), &st) == 0 && S_ISDIR(st.st_mode);
    if (list.list && !is_dir) {
      impl_->stack.push_back(std::move(list));
    } else {
      // The list itself is reported as a record of its own (a directory would otherwise be
      // read as a directory of messages, silently).
      const int err = errno;
      Impl::CloseList(&list);
      InputMessage bad;
      bad.name = from;
      bad.error = is_dir ? Problem{ErrorCode::kIsDirectory, ""}
                         : Problem{ErrorCode::kCannotOpen, std::strerror(err)};
      impl_->list_error = std::move(bad);
    }
  }
  Impl::Frame args;
  args.kind = Impl::Frame::Kind::kPaths;
  args.paths = std::move(paths);
  impl_->stack.push_back(std::move(args));
}

MessageSource::~MessageSource() = default;

bool MessageSource::Next(InputMessage* out) { return impl_->Next(out); }
std::size_t MessageSource::skipped_directories() const { return impl_->skipped; }
bool MessageSource::saw_directory() const { return impl_->saw_directory; }

std::optional<std::size_t> CountMessages(const std::vector<std::string>& paths,
                                         SourceOptions options) {
  if (options.files_from == "-") return std::nullopt;
  if (std::find(paths.begin(), paths.end(), "-") != paths.end()) return std::nullopt;
  options.names_only = true;
  MessageSource source(paths, std::move(options));
  InputMessage m;
  std::size_t n = 0;
  while (source.Next(&m)) ++n;
  return n;
}

}  // namespace bouncetolk

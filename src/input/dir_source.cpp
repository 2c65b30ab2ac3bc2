// SPDX-License-Identifier: MIT
//
// dir_source.cpp: MessageSource (source.h), a depth-first walk over the inputs kept as an
// explicit stack of frames (the list of paths, the files-from list, an open directory listing,
// an open mbox), so Next() can return after every message and resume there. Directories are
// listed whole and sorted (names only) before reading; messages are read one at a time.
// Each open directory keeps its descriptor and its entries are opened relative to it
// (openat), so a tree deeper than PATH_MAX is walked to the bottom. Directories are identified
// by (device, inode): one that is being walked and is reached again (a symbolic-link loop) is
// reported once; one reached again after it was walked (named twice, or two links to it) is
// read once. A compressed file is read through its decompressor (reader.h). The files-from
// list and JSON Lines input are read by LineReader (line_reader.cpp); WaitForInput() tells a
// batching caller whether the next message would have to wait for a stream.

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <optional>
#include <set>
#include <utility>

#include "common/errno_name.h"
#include "common/text.h"
#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

// --files-from: the longest entry taken as a file name (PATH_MAX: open() refuses longer), and
// how many bytes may pass without giving an entry (empty lines, the rest of an overlong one)
// before the list is taken to be no list ("--files-from /dev/zero" must end).
constexpr std::size_t kMaxListName = PATH_MAX;
constexpr std::size_t kMaxListGap = 1u << 20;

std::string JoinPath(const std::string& dir, std::string_view name) {
  std::string path = dir;
  if (path.empty() || path.back() != '/') path += '/';
  path.append(name);
  return path;
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
  const std::size_t eol = FindLineEnd(head);
  if (eol == std::string_view::npos && !complete) return false;
  return IsMboxSeparator(head.substr(0, eol));
}

// A line of JSON Lines input may be this much longer than the message it carries (escapes).
std::size_t LineCap(std::size_t max_message_bytes) {
  constexpr std::size_t kSlack = 64 * 1024;
  const std::size_t limit = SIZE_MAX / 4;
  return max_message_bytes > limit ? 2 * limit : 2 * max_message_bytes + kSlack;
}

}  // namespace

bool DirListing::Read(int dir_fd) {
  names_.clear();
  items_.clear();
  const int fd = ::dup(dir_fd);
  if (fd < 0) return false;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    const int err = errno;
    ::close(fd);
    errno = err;
    return false;
  }
  ::rewinddir(d);
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
        if (::fstatat(dir_fd, n, &st, 0) == 0) {
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
  using DirId = std::pair<dev_t, ino_t>;
  // One level of the walk. Exactly one part is in use, as told by kind.
  struct Frame {
    enum class Kind { kPaths, kList, kDir, kMbox, kJsonLines } kind;
    std::vector<std::string> paths;     // kPaths
    std::unique_ptr<LineReader> lines;  // kList, kJsonLines
    std::string dir;                    // kDir: the path as shown in names; kJsonLines: the name
    int fd = -1;                        // kDir: the open directory
    DirId id{};                         // kDir
    DirListing entries;                 // kDir
    Role role = Role::kPlain;           // kDir
    bool top = false;                   // kDir: an input itself, not found inside one
    std::uint64_t yielded_before = 0;   // kDir: messages yielded before it was entered
    std::size_t next = 0;               // kPaths, kDir
    std::unique_ptr<MboxReader> mbox;   // kMbox
  };

  SourceOptions options;
  std::vector<Frame> stack;
  std::set<DirId> visited;  // every directory read so far
  std::set<DirId> walking;  // the directories on the stack
  std::size_t skipped = 0;
  bool saw_directory = false;
  std::uint64_t yielded = 0;
  std::vector<std::string> empty_directories;
  std::optional<InputMessage> list_error;  // --files-from that could not be read: its record

  ~Impl() {
    while (!stack.empty()) Pop();
  }

  bool Next(InputMessage* out);
  bool NextInStack(InputMessage* out);
  void Pop();
  bool NextListEntry(Frame& f, InputMessage* out);
  bool NextJsonLine(Frame& f, InputMessage* out);
  int StreamFd() const;
  bool VisitPath(int at, const std::string& rel, const std::string& path, EntryKind kind,
                 int stat_error, bool top, InputMessage* out);
  bool PushDirectory(int at, const std::string& rel, const std::string& path, Role role, bool top,
                     InputMessage* out);
  bool ReadFile(int at, const std::string& rel, const std::string& path, bool top, bool single,
                InputMessage* out);
  bool TakeStream(std::string name, int fd, std::size_t size, bool single, InputMessage* out);
  bool TakeStream(std::string name, std::unique_ptr<ByteStream> in, std::size_t size, bool single,
                  InputMessage* out);
  bool TakeJsonLines(std::string name, std::unique_ptr<ByteStream> in, InputMessage* out);
};

bool MessageSource::Impl::Next(InputMessage* out) {
  out->name.clear();
  out->bytes.clear();
  out->error.reset();
  out->json_line = false;
  out->id.reset();
  out->id_literal = false;
  if (list_error) {
    *out = std::move(*list_error);
    list_error.reset();
    return true;
  }
  if (!NextInStack(out)) return false;
  ++yielded;
  return true;
}

// Leaves the top frame; an input directory that yielded nothing is noted.
void MessageSource::Impl::Pop() {
  Frame& f = stack.back();
  if (f.kind == Frame::Kind::kDir) {
    if (f.top && yielded == f.yielded_before) empty_directories.push_back(f.dir);
    walking.erase(f.id);
    ::close(f.fd);
  }
  stack.pop_back();
}

bool MessageSource::Impl::NextInStack(InputMessage* out) {
  while (!stack.empty()) {
    Frame& f = stack.back();
    switch (f.kind) {
      case Frame::Kind::kMbox:
        if (f.mbox->Next(out)) return true;
        Pop();
        break;
      case Frame::Kind::kJsonLines:
        if (NextJsonLine(f, out)) return true;
        break;
      case Frame::Kind::kPaths: {
        if (f.next == f.paths.size()) {
          Pop();
          break;
        }
        const std::string path = f.paths[f.next++];
        if (VisitPath(AT_FDCWD, path, path, EntryKind::kBroken, -1, true, out)) return true;
        break;
      }
      case Frame::Kind::kList:
        if (NextListEntry(f, out)) return true;
        break;
      case Frame::Kind::kDir: {
        if (f.next == f.entries.size()) {
          Pop();
          break;
        }
        // Everything needed from f and the entry is taken now: f (and the listing the entry's
        // name points into) may move when a frame is pushed below.
        const DirEntry entry = f.entries[f.next++];
        const std::string rel(entry.name);
        const std::string path = JoinPath(f.dir, rel);
        const Role role = f.role;
        const int at = f.fd;
        if (role == Role::kMaildirRoot && (rel == "cur" || rel == "new")) {
          if (PushDirectory(at, rel, path, Role::kMaildirLeaf, false, out)) return true;
          break;
        }
        if (role == Role::kMaildirLeaf) {
          // Not part of the Maildir layout: subdirectories, and names starting with a dot,
          // which the Maildir specification excludes from message names.
          if (entry.kind == EntryKind::kDirectory || rel.front() == '.') break;
          if (entry.kind == EntryKind::kFile) {
            if (ReadFile(at, rel, path, false, true, out)) return true;
            break;
          }
        }
        if (VisitPath(at, rel, path, entry.kind, entry.error, false, out)) return true;
        break;
      }
    }
  }
  return false;
}

// The next entry of the --files-from list in \a f: visited, or a record of its own when it is
// no file name (a NUL byte in it: a find -print0 list read without -0; longer than
// kMaxListName: reported under its cut text, never merged or dropped). Pops the frame at the
// end of the list. Returns true when *out was filled.
bool MessageSource::Impl::NextListEntry(Frame& f, InputMessage* out) {
  std::string path;
  bool too_long = false;
  while (f.lines->Next(&path, kMaxListName, &too_long)) {
    if (too_long || path.find('\0') != std::string::npos) {
      out->name = std::move(path);
      SetError(out, ErrorCode::kBadFileName, "");
      return true;
    }
    if (path.empty()) continue;
    return VisitPath(AT_FDCWD, path, path, EntryKind::kBroken, -1, true, out);
  }
  // A read error is not the end of the list: "--files-from DIR" used to end quietly.
  const Problem error = f.lines->error();
  const bool ran_on = f.lines->ran_on();
  Pop();
  if (error.code != ErrorCode::kNone) {
    out->name = options.files_from;
    SetError(out, error.code, error.arg);
    return true;
  }
  if (!ran_on) return false;
  out->name = options.files_from;  // a megabyte of nothing: no list of names
  SetError(out, ErrorCode::kBadFileName, "");
  return true;
}

// The next line of a JSON Lines stream as a message (DecodeJsonLine() finishes it); blank
// lines are passed over. False (and the frame popped) at its end.
bool MessageSource::Impl::NextJsonLine(Frame& f, InputMessage* out) {
  bool too_long = false;
  while (f.lines->Next(&out->bytes, LineCap(options.max_message_bytes), &too_long)) {
    if (!too_long && Trim(out->bytes).empty()) continue;
    out->name = f.dir + ":" + std::to_string(f.lines->line_number());
    if (f.lines->out_of_memory()) {
      SetError(out, ErrorCode::kCannotOpen, ErrnoName(ENOMEM));
    } else if (too_long) {
      SetError(out, ErrorCode::kTooLarge, std::to_string(options.max_message_bytes));
    } else if (options.names_only) {
      out->bytes.clear();
    } else {
      out->json_line = true;
    }
    return true;
  }
  out->bytes.clear();
  const Problem error = f.lines->error();
  const std::string name = f.dir;
  Pop();
  if (error.code == ErrorCode::kNone) return false;
  out->name = name;
  SetError(out, error.code, error.arg);
  return true;
}

// The descriptor the next Next() would wait on, or -1 when it reads no stream or has what it
// needs buffered. (A regular file is always ready: waiting on it returns at once.)
int MessageSource::Impl::StreamFd() const {
  if (list_error) return -1;
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    switch (it->kind) {
      case Frame::Kind::kMbox:
        return it->mbox->WaitFd();
      case Frame::Kind::kJsonLines:
      case Frame::Kind::kList:
        return it->lines->WaitFd();
      case Frame::Kind::kPaths:
        if (it->next == it->paths.size()) continue;
        return it->paths[it->next] == "-" ? 0 : -1;
      case Frame::Kind::kDir:
        if (it->next == it->entries.size()) continue;
        return -1;
    }
  }
  return -1;
}

// One path: a directory (pushed), a file (read), or a record saying why it cannot be read.
// \a rel is the path relative to the directory open as \a at (AT_FDCWD for top-level inputs,
// where it is \a path itself). \a kind is kBroken with stat_error -1 when not yet known.
// Returns true when *out was filled.
bool MessageSource::Impl::VisitPath(int at, const std::string& rel, const std::string& path,
                                    EntryKind kind, int stat_error, bool top, InputMessage* out) {
  out->name = path;
  if (top && path == "-") return TakeStream(options.stdin_name, 0, 0, false, out);
  if (kind == EntryKind::kBroken && stat_error < 0) {
    struct stat st {};
    if (::fstatat(at, rel.c_str(), &st, 0) == 0) {
      kind = KindOfMode(st.st_mode);
      if (top && S_ISFIFO(st.st_mode)) kind = EntryKind::kFile;  // named explicitly: read it
    } else {
      stat_error = errno;
    }
  }
  switch (kind) {
    case EntryKind::kBroken:
      SetError(out, ErrorCode::kCannotOpen, ErrnoName(stat_error));
      return true;
    case EntryKind::kSpecial:
      SetError(out, ErrorCode::kNotRegularFile, "");
      return true;
    case EntryKind::kFile:
      return ReadFile(at, rel, path, top, false, out);
    case EntryKind::kDirectory:
      if (!top && !options.recursive) {
        ++skipped;
        return false;
      }
      return PushDirectory(at, rel, path, Role::kPlain, top, out);
  }
  return false;
}

// Opens and lists \a path and pushes it (as a Maildir when it is one). Returns true with a
// record in *out when it cannot be read or is being walked already (a loop); a directory that
// was walked before is passed over.
bool MessageSource::Impl::PushDirectory(int at, const std::string& rel, const std::string& path,
                                        Role role, bool top, InputMessage* out) {
  out->name = path;
  saw_directory = true;
  Frame frame;
  frame.kind = Frame::Kind::kDir;
  frame.dir = path;
  frame.fd = ::openat(at, rel.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat st {};
  if (frame.fd < 0 || ::fstat(frame.fd, &st) != 0) {
    SetError(out, ErrorCode::kCannotOpen, ErrnoName(errno));
    if (frame.fd >= 0) ::close(frame.fd);
    return true;
  }
  frame.id = {st.st_dev, st.st_ino};
  if (walking.count(frame.id) > 0 || !visited.insert(frame.id).second) {
    ::close(frame.fd);
    if (walking.count(frame.id) == 0) return false;  // read before: counted once
    SetError(out, ErrorCode::kSymlinkLoop, "");
    return true;
  }
  if (!frame.entries.Read(frame.fd)) {
    SetError(out, ErrorCode::kCannotOpen, ErrnoName(errno));
    ::close(frame.fd);
    return true;
  }
  if (role == Role::kPlain && IsMaildir(frame.entries)) {
    role = Role::kMaildirRoot;
    // Without recursive, Maildir++ folders are skipped like any subdirectory.
    OrderMaildir(&frame.entries);
  }
  frame.role = role;
  frame.top = top;
  frame.yielded_before = yielded;
  walking.insert(frame.id);
  stack.push_back(std::move(frame));
  return false;
}

// Opens \a path (\a rel relative to \a at). \a single: a Maildir file, one message whatever
// its first line says.
bool MessageSource::Impl::ReadFile(int at, const std::string& rel, const std::string& path,
                                   bool top, bool single, InputMessage* out) {
  out->name = path;
  if (single && options.names_only) return true;
  const int fd = ::openat(at, rel.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    SetError(out, errno == EISDIR ? ErrorCode::kIsDirectory : ErrorCode::kCannotOpen,
             ErrnoName(errno));
    return true;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    SetError(out, ErrorCode::kCannotOpen, ErrnoName(errno));
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
// compressed (then the same through its decompressor) and whether it is an mbox (see below);
// with json_lines, line by line. Returns true when *out holds the message; false when an mbox
// or JSON Lines frame was pushed instead.
bool MessageSource::Impl::TakeStream(std::string name, int fd, std::size_t size, bool single,
                                     InputMessage* out) {
  out->name = name;
  std::unique_ptr<ByteStream> in = std::make_unique<FdStream>(fd, true);
  try {
    if (options.json_lines) return TakeJsonLines(std::move(name), std::move(in), out);
    return TakeStream(std::move(name), std::move(in), size, single, out);
  } catch (const std::bad_alloc&) {
    // A message too big for the memory left (ulimit -v, a small container): its own record,
    // and the run goes on with the next input (issue 14.3).
    std::string().swap(out->bytes);
    SetError(out, ErrorCode::kCannotOpen, ErrnoName(ENOMEM));
    return true;
  }
}

bool MessageSource::Impl::TakeStream(std::string name, std::unique_ptr<ByteStream> in,
                                     std::size_t size, bool single, InputMessage* out) {
  const std::size_t max = options.max_message_bytes;
  std::string& bytes = out->bytes;
  // One read for a Maildir file or a small file. A larger file, or a pipe, first shows its
  // head, so that an mbox is never read whole: MboxReader goes on from there in chunks.
  const bool whole =
      !options.names_only && size > 0 && size <= max && (single || size <= kHeadBytes);
  const std::size_t first_limit = whole ? size : options.names_only ? 4096 : kHeadBytes;
  bool ok = ReadAll(in.get(), first_limit, std::min(size, first_limit), &bytes);
  bool complete = whole || bytes.size() < first_limit;
  // A compressed file: its head again, decompressed. (A count of messages, names_only, does
  // not decompress: a compressed file counts as one.)
  const Compression format =
      ok && !options.names_only ? DetectCompression(bytes) : Compression::kNone;
  if (format != Compression::kNone) {
    in = OpenDecompressor(format, std::move(in), std::move(bytes));
    bytes.clear();
    size = 0;
    ok = ReadAll(in.get(), kHeadBytes, 0, &bytes);
    complete = bytes.size() < kHeadBytes;
  }
  if (ok && !single && StartsWithSeparator(bytes, complete)) {
    Frame frame;
    frame.kind = Frame::Kind::kMbox;
    frame.mbox = std::make_unique<MboxReader>(std::move(name), std::move(in), std::move(bytes), max,
                                              options.names_only);
    bytes.clear();
    stack.push_back(std::move(frame));
    return false;
  }
  // A single message over the limit need not be read any further.
  const bool too_large = !complete && size > max;
  if (ok && !complete && !too_large && !options.names_only)
    ok = ReadAll(in.get(), max + 1, size, &bytes);
  if (!ok) {
    SetError(out, in->error().code, in->error().arg);
  } else if (too_large || bytes.size() > max) {
    SetError(out, ErrorCode::kTooLarge, std::to_string(max));
  } else if (bytes.empty()) {
    SetError(out, ErrorCode::kEmpty, "");
  }
  if (options.names_only) bytes.clear();
  return true;
}

// A JSON Lines stream: pushed as a frame of its own, read through its decompressor when it is
// compressed. Only the magic number is read ahead (not a head of 64 KiB, as for mail), so that
// the lines of a live stream go out as they come. Returns false when the frame was pushed.
bool MessageSource::Impl::TakeJsonLines(std::string name, std::unique_ptr<ByteStream> in,
                                        InputMessage* out) {
  std::string head;
  if (!ReadAll(in.get(), kMagicBytes, 0, &head)) {
    SetError(out, in->error().code, in->error().arg);
    return true;
  }
  const Compression format = DetectCompression(head);
  if (format != Compression::kNone) {
    in = OpenDecompressor(format, std::move(in), std::move(head));
    head.clear();
  }
  Frame frame;
  frame.kind = Frame::Kind::kJsonLines;
  frame.dir = std::move(name);
  frame.lines = std::make_unique<LineReader>(std::move(in), '\n', std::move(head));
  stack.push_back(std::move(frame));
  return false;
}

MessageSource::MessageSource(std::vector<std::string> paths, SourceOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (!impl_->options.files_from.empty()) {
    const std::string& from = impl_->options.files_from;
    // Non-blocking, as named inputs are: a FIFO without a writer must not hang the open.
    const bool is_stdin = from == "-";
    const int fd = is_stdin ? 0 : ::open(from.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    const int err = errno;
    struct stat st {};
    const bool is_dir = fd >= 0 && ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
    if (fd >= 0 && !is_dir) {
      Impl::Frame list;
      list.kind = Impl::Frame::Kind::kList;
      list.lines = std::make_unique<LineReader>(std::make_unique<FdStream>(fd, !is_stdin),
                                                impl_->options.null_separated ? '\0' : '\n');
      list.lines->set_max_run(kMaxListGap);
      impl_->stack.push_back(std::move(list));
    } else {
      // The list itself is reported as a record of its own (a directory would otherwise be
      // read as a directory of messages, silently).
      if (fd > 0) ::close(fd);
      InputMessage bad;
      bad.name = from;
      bad.error = is_dir ? Problem{ErrorCode::kIsDirectory, ""}
                         : Problem{ErrorCode::kCannotOpen, ErrnoName(err)};
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

bool MessageSource::WaitForInput(std::chrono::steady_clock::time_point deadline) {
  const int fd = impl_->StreamFd();
  if (fd < 0) return true;
  const auto left = deadline - std::chrono::steady_clock::now();
  const long long ms =
      std::max<long long>(0, std::chrono::ceil<std::chrono::milliseconds>(left).count());
  struct pollfd p {};
  p.fd = fd;
  p.events = POLLIN;
  // Readable, at its end, or failed: Next() will not wait. Interrupted: let the caller see.
  return ::poll(&p, 1, static_cast<int>(std::min<long long>(ms, 60000))) != 0;
}

const std::vector<std::string>& MessageSource::empty_directories() const {
  return impl_->empty_directories;
}
std::size_t MessageSource::skipped_directories() const { return impl_->skipped; }
bool MessageSource::saw_directory() const { return impl_->saw_directory; }

std::optional<std::size_t> CountMessages(const std::vector<std::string>& paths,
                                         SourceOptions options) {
  // Standard input, a FIFO or a device can be read once only: counting would take the bytes
  // (the list's names, a message) from the real reading.
  auto read_once = [](const std::string& path) {
    struct stat st {};
    return path == "-" ||
           (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
  };
  if (!options.files_from.empty() && read_once(options.files_from)) return std::nullopt;
  if (std::any_of(paths.begin(), paths.end(), read_once)) return std::nullopt;
  options.names_only = true;
  MessageSource source(paths, std::move(options));
  InputMessage m;
  std::size_t n = 0;
  while (source.Next(&m)) ++n;
  return n;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// decompress.cpp: DetectCompression() and OpenDecompressor() (reader.h). A compressed message
// or mbox (gzip, bzip2, xz, zstd; also Maildir files compressed by Dovecot's zlib plugin) is
// read through a stream that decompresses a chunk at a time, with the libraries Debian ships
// (zlib, libbz2, liblzma, libzstd): memory is the library's state plus two buffers, whatever
// the size of the data. How much is read is bounded by the callers (max_message_bytes per
// message: a decompression bomb stops there, see MboxReader and docs/security.md). Members or
// frames written one after another (pigz, pbzip2, xz, zstd) are read as one stream.

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <climits>
#include <cstring>

#include "input/reader.h"

namespace bouncetolk {
namespace {

constexpr std::size_t kInputChunk = 64 * 1024;
// xz: the dictionary a file may ask for. xz -9 needs 64 MiB to decompress; a forged header
// asking for more (up to 1.5 GiB) is refused instead of allocated.
constexpr std::uint64_t kXzMemoryLimit = 128u << 20;

// What one decoding step did.
enum class Step { kOk, kEnd, kError };

// The common part: input buffering from the raw stream, the end of a member, truncation.
// A subclass decodes (Decode) and, where a format writes members one after another without
// saying so, starts the next one (Restart).
class Decompressor : public ByteStream {
 public:
  Decompressor(std::unique_ptr<ByteStream> raw, std::string head, const char* format)
      : raw_(std::move(raw)), in_(std::move(head)), format_(format) {}

  bool decompressed() const override { return true; }
  // Ended or failed: a Read() returns at once. Otherwise the raw stream's, also when bytes are
  // buffered (ByteStream::WaitFd()).
  int WaitFd() const override {
    return done_ || error_.code != ErrorCode::kNone ? -1 : raw_->WaitFd();
  }

  long Read(char* buf, std::size_t n) override {
    if (error_.code != ErrorCode::kNone) return -1;
    if (!ok_) return Fail("out of memory");  // the library's state could not be set up
    if (n > LONG_MAX) n = LONG_MAX;
    int stalls = 0;
    while (!done_) {
      if (pos_ == in_.size() && !raw_eof_ && !Refill()) return -1;
      if (member_ended_) {
        // Another member may follow: gzip and bzip2 say so only by their magic number. (Looked
        // at only now, after the member's last bytes went out: on a live stream the next
        // member may be a while coming.)
        member_ended_ = false;
        done_ = pos_ == in_.size() || !Restart(std::string_view(in_).substr(pos_));
        continue;
      }
      const bool finish = raw_eof_ && pos_ == in_.size();
      std::size_t used = 0, made = 0;
      const Step step = Decode(in_.data() + pos_, in_.size() - pos_, finish, buf, n, &used, &made);
      pos_ += used;
      if (step == Step::kError) return Fail(message_);
      if (step == Step::kEnd) {
        member_ended_ = true;
      } else if (made == 0 && used == 0) {
        if (finish) return Fail("the data ends too early");
        if (++stalls > 2) return Fail("no progress");  // a library bug; never loop for ever
      }
      if (made > 0) return static_cast<long>(made);
    }
    return 0;
  }

 protected:
  // Decodes from in[0, in_len) into out[0, out_len). \a finish: no input will follow.
  virtual Step Decode(const char* in, std::size_t in_len, bool finish, char* out,
                      std::size_t out_len, std::size_t* used, std::size_t* made) = 0;
  // Prepares for a member that starts with \a next; false when \a next is no member (trailing
  // bytes, which gzip and bzip2 ignore too).
  virtual bool Restart(std::string_view /*next*/) { return false; }

  std::string message_;  // the library's word for the last error
  bool ok_ = false;      // the library's state is set up (by the subclass)

 private:
  bool Refill() {
    in_.resize(kInputChunk);
    pos_ = 0;
    const long n = raw_->Read(in_.data(), in_.size());
    in_.resize(static_cast<std::size_t>(n > 0 ? n : 0));
    if (n < 0) {
      error_ = raw_->error();
      return false;
    }
    raw_eof_ = n == 0;
    return true;
  }
  long Fail(const std::string& why) {
    error_ = Problem{ErrorCode::kBadCompression, std::string(format_) + ": " + why};
    return -1;
  }

  std::unique_ptr<ByteStream> raw_;
  std::string in_;
  std::size_t pos_ = 0;
  bool raw_eof_ = false;
  bool member_ended_ = false;  // a member (frame) ended; whether another follows is not known
  bool done_ = false;
  const char* format_;
};

class GzipStream : public Decompressor {
 public:
  GzipStream(std::unique_ptr<ByteStream> raw, std::string head)
      : Decompressor(std::move(raw), std::move(head), "gzip") {
    ok_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;  // 16: a gzip wrapper, not zlib's
  }
  ~GzipStream() override {
    if (ok_) inflateEnd(&z_);
  }

 private:
  Step Decode(const char* in, std::size_t in_len, bool, char* out, std::size_t out_len,
              std::size_t* used, std::size_t* made) override {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z_.avail_in = static_cast<uInt>(std::min<std::size_t>(in_len, UINT_MAX));
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(std::min<std::size_t>(out_len, UINT_MAX));
    const uInt in_before = z_.avail_in, out_before = z_.avail_out;
    const int rc = inflate(&z_, Z_NO_FLUSH);
    *used = in_before - z_.avail_in;
    *made = out_before - z_.avail_out;
    if (rc == Z_STREAM_END) return Step::kEnd;
    if (rc == Z_OK || rc == Z_BUF_ERROR) return Step::kOk;
    message_ = z_.msg ? z_.msg : "damaged data";
    return Step::kError;
  }
  bool Restart(std::string_view next) override {
    if (DetectCompression(next) != Compression::kGzip) return false;
    return inflateReset(&z_) == Z_OK;
  }

  z_stream z_{};
};

class Bzip2Stream : public Decompressor {
 public:
  Bzip2Stream(std::unique_ptr<ByteStream> raw, std::string head)
      : Decompressor(std::move(raw), std::move(head), "bzip2") {
    ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
  }
  ~Bzip2Stream() override {
    if (ok_) BZ2_bzDecompressEnd(&bz_);
  }

 private:
  Step Decode(const char* in, std::size_t in_len, bool, char* out, std::size_t out_len,
              std::size_t* used, std::size_t* made) override {
    bz_.next_in = const_cast<char*>(in);
    bz_.avail_in = static_cast<unsigned>(std::min<std::size_t>(in_len, UINT_MAX));
    bz_.next_out = out;
    bz_.avail_out = static_cast<unsigned>(std::min<std::size_t>(out_len, UINT_MAX));
    const unsigned in_before = bz_.avail_in, out_before = bz_.avail_out;
    const int rc = BZ2_bzDecompress(&bz_);
    *used = in_before - bz_.avail_in;
    *made = out_before - bz_.avail_out;
    if (rc == BZ_STREAM_END) return Step::kEnd;
    if (rc == BZ_OK) return Step::kOk;
    message_ = rc == BZ_MEM_ERROR ? "out of memory" : "damaged data";
    return Step::kError;
  }
  bool Restart(std::string_view next) override {
    if (DetectCompression(next) != Compression::kBzip2) return false;
    BZ2_bzDecompressEnd(&bz_);
    bz_ = bz_stream{};
    ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
    return ok_;
  }

  bz_stream bz_{};
};

class XzStream : public Decompressor {
 public:
  XzStream(std::unique_ptr<ByteStream> raw, std::string head)
      : Decompressor(std::move(raw), std::move(head), "xz") {
    ok_ = lzma_stream_decoder(&xz_, kXzMemoryLimit, LZMA_CONCATENATED) == LZMA_OK;
  }
  ~XzStream() override { lzma_end(&xz_); }

 private:
  Step Decode(const char* in, std::size_t in_len, bool finish, char* out, std::size_t out_len,
              std::size_t* used, std::size_t* made) override {
    xz_.next_in = reinterpret_cast<const std::uint8_t*>(in);
    xz_.avail_in = in_len;
    xz_.next_out = reinterpret_cast<std::uint8_t*>(out);
    xz_.avail_out = out_len;
    const lzma_ret rc = lzma_code(&xz_, finish ? LZMA_FINISH : LZMA_RUN);
    *used = in_len - xz_.avail_in;
    *made = out_len - xz_.avail_out;
    switch (rc) {
      case LZMA_STREAM_END:
        return Step::kEnd;
      case LZMA_OK:
        return Step::kOk;
      case LZMA_BUF_ERROR:  // no progress; at the end of the input Read() calls it cut short
        return Step::kOk;
      case LZMA_MEMLIMIT_ERROR:
        message_ = "needs more than " + std::to_string(kXzMemoryLimit >> 20) + " MiB of memory";
        return Step::kError;
      case LZMA_MEM_ERROR:
        message_ = "out of memory";
        return Step::kError;
      case LZMA_FORMAT_ERROR:
      case LZMA_OPTIONS_ERROR:
        message_ = "not a supported xz file";
        return Step::kError;
      default:
        message_ = "damaged data";
        return Step::kError;
    }
  }

  lzma_stream xz_ = LZMA_STREAM_INIT;
};

class ZstdStream : public Decompressor {
 public:
  ZstdStream(std::unique_ptr<ByteStream> raw, std::string head)
      : Decompressor(std::move(raw), std::move(head), "zstd"), zs_(ZSTD_createDStream()) {
    ok_ = zs_ != nullptr;
  }
  ~ZstdStream() override { ZSTD_freeDStream(zs_); }

 private:
  Step Decode(const char* in, std::size_t in_len, bool, char* out, std::size_t out_len,
              std::size_t* used, std::size_t* made) override {
    ZSTD_inBuffer input{in, in_len, 0};
    ZSTD_outBuffer output{out, out_len, 0};
    const std::size_t rc = ZSTD_decompressStream(zs_, &output, &input);
    *used = input.pos;
    *made = output.pos;
    if (ZSTD_isError(rc)) {
      message_ = ZSTD_getErrorName(rc);
      return Step::kError;
    }
    // 0: a frame is complete and flushed. Another may follow in the same stream, which the
    // next call starts by itself (Restart).
    return rc == 0 ? Step::kEnd : Step::kOk;
  }
  bool Restart(std::string_view) override { return true; }

  ZSTD_DStream* zs_;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Compression DetectCompression(std::string_view head) {
  if (StartsWith(head, "\x1f\x8b")) return Compression::kGzip;  // RFC 1952 section 2.3.1
  // bzip2: "BZh" and the block size '1'..'9' (bzip2's format, as bzip2recover reads it).
  if (head.size() >= 4 && StartsWith(head, "BZh") && head[3] >= '1' && head[3] <= '9')
    return Compression::kBzip2;
  if (StartsWith(head, std::string_view("\xfd"
                                        "7zXZ\0",
                                        6)))  // xz file format 1.0, 2.1.1.1
    return Compression::kXz;
  if (StartsWith(head, "\x28\xb5\x2f\xfd")) return Compression::kZstd;  // RFC 8878 section 3.1.1
  return Compression::kNone;
}

std::unique_ptr<ByteStream> OpenDecompressor(Compression format, std::unique_ptr<ByteStream> raw,
                                             std::string head) {
  switch (format) {
    case Compression::kGzip:
      return std::make_unique<GzipStream>(std::move(raw), std::move(head));
    case Compression::kBzip2:
      return std::make_unique<Bzip2Stream>(std::move(raw), std::move(head));
    case Compression::kXz:
      return std::make_unique<XzStream>(std::move(raw), std::move(head));
    case Compression::kZstd:
      return std::make_unique<ZstdStream>(std::move(raw), std::move(head));
    case Compression::kNone:
      break;
  }
  return raw;
}

}  // namespace bouncetolk

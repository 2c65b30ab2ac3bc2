// SPDX-License-Identifier: MIT
//
// decompress_test.cpp: compressed inputs (input/decompress.cpp through MessageSource and
// ReadInput): a message and an mbox in each of gzip, bzip2, xz and zstd read as the plain
// ones, members written one after another, damaged and cut-off data as bad_compression
// records, and a decompression bomb stopped at the size limit.

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bouncetolk/source.h"
#include "input/reader.h"
#include "testing/compress.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Bounce;
using testing::Bzip2;
using testing::FromLine;
using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;
using testing::Xz;
using testing::Zstd;

struct Format {
  const char* name;
  std::string (*compress)(const std::string&);
};
const Format kFormats[] = {{"gzip", Gzip}, {"bzip2", Bzip2}, {"xz", Xz}, {"zstd", Zstd}};

std::vector<InputMessage> ReadMessages(const std::vector<std::string>& paths,
                                       SourceOptions options = {}) {
  MessageSource source(paths, std::move(options));
  std::vector<InputMessage> out;
  InputMessage m;
  while (source.Next(&m)) out.push_back(m);
  return out;
}

TEST(Decompress, DetectsTheFormatsByTheirMagicNumbers) {
  for (const Format& f : kFormats) {
    EXPECT_NE(DetectCompression(f.compress("x")), Compression::kNone) << f.name;
  }
  EXPECT_EQ(DetectCompression("From a Mon Nov 23 10:00:00 2026\n"), Compression::kNone);
  EXPECT_EQ(DetectCompression("BZh0"), Compression::kNone);  // no block size
  EXPECT_EQ(DetectCompression("\x1f"), Compression::kNone);  // too short to tell
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

TEST(Decompress, MessageAndMboxInEveryFormat) {
  TempDir tmp;
  const std::string message = Bounce("a@b.example", "5.1.1");
  const std::string mbox = FromLine() + Bounce("a@b.example", "5.1.1") + "\n" + FromLine() +
                           Bounce("c@d.example", "5.2.2");
  for (const Format& f : kFormats) {
    const std::string one = tmp / (std::string("one.eml.") + f.name);
    const std::string box = tmp / (std::string("box.mbox.") + f.name);
    WriteFile(one, f.compress(message));
    WriteFile(box, f.compress(mbox));
    const auto msgs = ReadMessages({one, box});
    ASSERT_EQ(msgs.size(), 3u) << f.name;
    EXPECT_FALSE(msgs[0].error) << f.name << ": " << msgs[0].error->arg;
    EXPECT_EQ(msgs[0].bytes, message) << f.name;
    EXPECT_EQ(msgs[1].name, box + ":1");
    EXPECT_EQ(msgs[1].bytes, Bounce("a@b.example", "5.1.1")) << f.name;
    EXPECT_EQ(msgs[2].bytes, Bounce("c@d.example", "5.2.2")) << f.name;
    // ReadInput (one file, whole) reads it decompressed too.
    const InputMessage in = ReadInput(one, 1u << 20);
    EXPECT_FALSE(in.error) << f.name;
    EXPECT_EQ(in.bytes, message) << f.name;
  }
}

TEST(Decompress, LargeMboxIsStreamedAcrossChunks) {
  // Messages larger than the read chunks on both sides of the decompressor.
  TempDir tmp;
  std::string mbox;
  const std::string body(300 * 1024, 'y');
  for (int i = 0; i < 4; ++i) mbox += FromLine() + "Subject: s\n\n" + body + "\n\n";
  for (const Format& f : kFormats) {
    const std::string box = tmp / (std::string("big.") + f.name);
    WriteFile(box, f.compress(mbox));
    const auto msgs = ReadMessages({box});
    ASSERT_EQ(msgs.size(), 4u) << f.name;
    for (const auto& m : msgs) EXPECT_EQ(m.bytes, "Subject: s\n\n" + body + "\n") << f.name;
  }
}

TEST(Decompress, ConcatenatedMembersAreOneStream) {
  // pigz, pbzip2 and "cat a.gz b.gz" write members one after another.
  TempDir tmp;
  const std::string a = FromLine() + "Subject: a\n\nx\n\n";
  const std::string b = FromLine() + "Subject: b\n\ny\n";
  for (const Format& f : kFormats) {
    const std::string box = tmp / (std::string("cat.") + f.name);
    WriteFile(box, f.compress(a) + f.compress(b));
    const auto msgs = ReadMessages({box});
    ASSERT_EQ(msgs.size(), 2u) << f.name;
    EXPECT_EQ(msgs[1].bytes, "Subject: b\n\ny\n") << f.name;
    EXPECT_FALSE(msgs[1].error) << f.name;
  }
}

TEST(Decompress, DamagedOrCutShortIsARecord) {
  TempDir tmp;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Line " + std::to_string(i * 7919 % 10007) + " of text\n";
  const std::string message = "Subject: x\n\n" + text;
  for (const Format& f : kFormats) {
    const std::string packed = f.compress(message);
    const std::string cut = tmp / (std::string("cut.") + f.name);
    WriteFile(cut, packed.substr(0, packed.size() / 2));
    std::string damaged = packed;
    for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 16; ++i) damaged[i] ^= 0x5a;
    const std::string bad = tmp / (std::string("bad.") + f.name);
    WriteFile(bad, damaged);
    const auto msgs = ReadMessages({cut, bad});
    ASSERT_EQ(msgs.size(), 2u) << f.name;
    for (const auto& m : msgs) {
      ASSERT_TRUE(m.error) << f.name << " " << m.name;
      EXPECT_EQ(m.error->code, ErrorCode::kBadCompression) << f.name << " " << m.name;
      EXPECT_TRUE(m.bytes.empty());
    }
  }
}

TEST(Decompress, BombStopsAtTheSizeLimit) {
  // 16 MiB of one line in a few kilobytes, as a message and as an mbox whose second message
  // is the bomb: the first is read, the bomb is too_large, and nothing after it is read.
  TempDir tmp;
  std::string xs(16u << 20, 'x');
  const std::string packed = Zstd("Subject: bomb\n\n" + xs);
  const std::string packed_box =
      Gzip(FromLine() + "Subject: ok\n\nfine\n\n" + FromLine() + "Subject: bomb\n\n" + xs + "\n\n" +
           FromLine() + "Subject: after\n\nx\n");
  std::string().swap(xs);
  WriteFile(tmp / "bomb.zst", packed);
  WriteFile(tmp / "bomb.mbox.gz", packed_box);
  SourceOptions o;
  o.max_message_bytes = 1u << 20;
  const auto msgs = ReadMessages({tmp / "bomb.zst", tmp / "bomb.mbox.gz"}, o);
  ASSERT_EQ(msgs.size(), 3u);
  ASSERT_TRUE(msgs[0].error);
  EXPECT_EQ(msgs[0].error->code, ErrorCode::kTooLarge);
  EXPECT_FALSE(msgs[1].error);
  EXPECT_EQ(msgs[1].bytes, "Subject: ok\n\nfine\n");
  EXPECT_EQ(msgs[2].name, tmp / "bomb.mbox.gz:2");
  ASSERT_TRUE(msgs[2].error);
  EXPECT_EQ(msgs[2].error->code, ErrorCode::kTooLarge);
}

// A decompressed stream that never ends (a bomb's output, as far as the reader can tell):
// MboxReader stops reading it a chunk or two after the message limit.
class EndlessStream : public ByteStream {
 public:
  long Read(char* buf, std::size_t n) override {
    std::memset(buf, 'x', n);
    if (total_ == 0 && n > 64) std::memcpy(buf, "Subject: x\n\n", 13);
    total_ += n;
    return static_cast<long>(n);
  }
  bool decompressed() const override { return true; }
  std::size_t total() const { return total_; }

 private:
  std::size_t total_ = 0;
};

TEST(Decompress, EndlessDecompressedStreamStops) {
  auto stream = std::make_unique<EndlessStream>();
  const EndlessStream* endless = stream.get();
  MboxReader reader("endless", std::move(stream), FromLine(), 1u << 20, false);
  InputMessage m;
  ASSERT_TRUE(reader.Next(&m));
  ASSERT_TRUE(m.error);
  EXPECT_EQ(m.error->code, ErrorCode::kTooLarge);
  EXPECT_FALSE(reader.Next(&m));
  EXPECT_LT(endless->total(), 2u << 20);
}

TEST(Decompress, CompressedMaildirFileIsOneMessage) {
  // Dovecot's zlib plugin stores Maildir files compressed.
  TempDir tmp;
  const std::string md = tmp / "Maildir";
  WriteFile(md + "/cur/1.host:2,S", Xz(FromLine() + Bounce("a@b.example", "5.1.1")));
  WriteFile(md + "/new/2.host", Gzip(Bounce("c@d.example", "5.2.2")));
  WriteFile(md + "/tmp/3.host", "");
  const auto msgs = ReadMessages({md});
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].name, md + "/cur/1.host:2,S");
  EXPECT_EQ(msgs[0].bytes, FromLine() + Bounce("a@b.example", "5.1.1"));
  EXPECT_EQ(msgs[1].bytes, Bounce("c@d.example", "5.2.2"));
}

}  // namespace
}  // namespace bouncetolk

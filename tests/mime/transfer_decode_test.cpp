// SPDX-License-Identifier: MIT
// Mirrors src/mime/transfer_decode.cpp. The expected outputs of the malformed cases are what
// mimetic's Base64::Decoder and QP::Decoder gave (recorded when the own decoders replaced
// them; a differential run over two million random inputs found no difference): the readers'
// output must not change with the decoder.

#include "mime/transfer_decode.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

struct Case {
  std::string in;
  std::string want;
};

TEST(TransferDecodeTest, Base64) {
  const Case cases[] = {
      {"SGVsbG8sIHdvcmxkIQ==", "Hello, world!"},
      {"SGVs\nbG8s\r\nIHdv cmxk\tIQ", "Hello, world!"},  // line ends and blanks skipped
      {"Q!U@J#D$", "ABC"},                               // bytes outside the alphabet skipped
      {"", ""},
      {"Q", ""},    // one character alone is dropped
      {"QU", "A"},  // an incomplete group counts as padded
      {"QUJ", "AB"},
      {"QUJ=D", "AB"},  // '=' ends the group's output; the lone 'D' is dropped
      {"QU=D", "A"},
      {"=", ""},
      {"====", ""},  // '=' where data belongs: padding, no data
      {"=QUJ", ""},
      {"QUJD=QUJ", "ABC"},
      {"QUJD|", "ABC"},  // '|' alone at the end: dropped like any single character
      {"||||", ""},      // '|' is outside the alphabet
      {std::string("QU\0JD", 5), "ABC"},
      {"\xff\x80QUJD\xc3\xa9", "ABC"},
  };
  for (const Case& c : cases) EXPECT_EQ(DecodeBase64Body(c.in), c.want) << c.in;
}

TEST(TransferDecodeTest, QuotedPrintable) {
  const Case cases[] = {
      {"caf=C3=A9", "caf\xc3\xa9"},
      {"caf=c3=a9", "caf\xc3\xa9"},  // lower-case hex is accepted
      {"soft=\nbreak", "softbreak"},
      {"soft=\r\nbreak", "softbreak"},
      {"soft=  \nbreak", "softbreak"},  // blanks after '=' before the line end
      {"a=\nb=\n", "ab="},              // a soft break at the very end leaves its '='
      {"line\nnext", "line\nnext"},
      {"line\r\nnext", "line\nnext"},
      {"line\rnext", "line\nnext"},
      {"a\n\nb", "a\n\nb"},
      {"a\r\rb", "a\n\nb"},
      {"a\n\rb", "a\nb"},  // LF CR is one line end too
      {"line\n", "line\n"},
      {"trailing  \nnext", "trailingnext"},      // blanks and LF dropped together
      {"trailing  \r\nnext", "trailing\nnext"},  // the CR goes, the LF stays
      {"two  words", "two  words"},
      {"tab\there", "tab\there"},
      {"bad=G1", "bad=G1"},  // malformed escapes are kept as they are
      {"bad=4G", "bad=4G"},
      {"bad=4", "bad=4"},
      {"x=4\n", "x=4\n"},
      {"= 41", "= 41"},
      {"=  41", "=  41"},
      {"=\x01", "=\x01"},
      {"end=", "end="},
      {"end ", "end="},  // a body ending in blanks ends in '='
      {"end  ", "end="},
      {"end \t", "end=\t"},
      {"ctrl\x01\x02x", "ctrlx"},  // control characters other than TAB are dropped
      {std::string("nul\0x", 5), "nulx"},
      {"\xc3\xa9\xff", "\xc3\xa9\xff"},  // 8-bit bytes pass
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(DecodeQuotedPrintableBody(c.in), c.want) << c.in;
}

TEST(TransferDecodeTest, OutputIsBoundedByTheInput) {
  // Hostile shapes: long runs of one state. The output never grows past the input.
  const std::string shapes[] = {std::string(100000, '='),  std::string(100000, ' '),
                                std::string(100000, '\n'), "=" + std::string(100000, '\t') + "x",
                                std::string(100000, '|'),  std::string(100000, 'A')};
  for (const std::string& in : shapes) {
    EXPECT_LE(DecodeQuotedPrintableBody(in).size(), in.size());
    EXPECT_LE(DecodeBase64Body(in).size(), in.size() / 4 * 3 + 3);
  }
  EXPECT_EQ(DecodeBase64Body(std::string(100000, 'A')), std::string(75000, '\0'));
  EXPECT_EQ(DecodeQuotedPrintableBody("=" + std::string(100000, '\t') + "x"),
            "=" + std::string(100000, '\t') + "x");
}

}  // namespace
}  // namespace bouncetolk

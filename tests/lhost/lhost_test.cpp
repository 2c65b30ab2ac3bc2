// SPDX-License-Identifier: MIT
// Tests for src/lhost/lhost.cpp: the reader table.

#include "lhost/lhost.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

TEST(LhostTest, ReaderTableHasUniqueNamesAndGenericLast) {
  const auto& readers = VendorReaders();
  ASSERT_FALSE(readers.empty());
  EXPECT_EQ(readers.back().name, "generic");
  std::set<std::string_view> names;
  for (const VendorReader& r : readers) EXPECT_TRUE(names.insert(r.name).second) << r.name;
}

// Every reader in the table has at least one marker row, so it can recognise something.
TEST(LhostTest, EveryReaderHasMarkers) {
  for (const VendorReader& reader : VendorReaders()) {
    bool found = false;
    for (const LhostMarker& m : TestRules().tables().lhost_markers)
      found = found || m.reader == reader.name;
    EXPECT_TRUE(found) << reader.name;
  }
}

}  // namespace
}  // namespace bouncetolk

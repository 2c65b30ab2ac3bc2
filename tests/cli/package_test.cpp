// SPDX-License-Identifier: MIT
//
// package_test.cpp: the Debian package (issue 13, item 7). cpack, run on the build directory
// of this test binary, makes bouncetolk_<version>_<arch>.deb; it must hold the binary, the man
// page, both completions and the licence, name its library dependencies, and the binary taken
// out of it must run. Installing it with apt-get touches the machine, so that part is
// scripts/deb-check.sh --install, which CI (.ci/run) runs.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "testing/process.h"
#include "testing/temp_tree.h"

namespace bouncetolk {
namespace {

using testing::Shell;
using testing::ShellQuote;
using testing::TempDir;

TEST(PackageTest, DebHoldsWhatAnInstallNeedsAndRuns) {
  if (std::system("command -v cpack > /dev/null && command -v dpkg-deb > /dev/null && "
                  "command -v dpkg-shlibdeps > /dev/null") != 0)
    GTEST_SKIP() << "cpack, dpkg-deb or dpkg-shlibdeps (dpkg-dev) is missing";
  TempDir tmp;
  const std::string build = std::filesystem::path(BT_BINARY).parent_path().string();
  const auto made = Shell(tmp.path(), "cd " + ShellQuote(build) + " && cpack -B " +
                                          ShellQuote(tmp / "out") + " > /dev/null");
  ASSERT_EQ(made.status, 0) << made.err;
  const auto info = Shell(tmp.path(),
                          "dpkg-deb -I out/bouncetolk_*.deb && dpkg-deb -c "
                          "out/bouncetolk_*.deb");
  ASSERT_EQ(info.status, 0) << info.err;
  for (const char* part :
       {"Package: bouncetolk", "Depends: ", "libc6", "./usr/bin/bouncetolk",
        "./usr/share/man/man1/bouncetolk.1", "./usr/share/bash-completion/completions/bouncetolk",
        "./usr/share/zsh/vendor-completions/_bouncetolk", "./usr/share/doc/bouncetolk/copyright"})
    EXPECT_NE(info.out.find(part), std::string::npos) << part << " missing in\n" << info.out;
  const auto run = Shell(tmp.path(),
                         "dpkg-deb -x out/bouncetolk_*.deb root && "
                         "root/usr/bin/bouncetolk --example");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("p.devries@example.com"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// temp_tree.h: test helpers that build message trees on disk: a temporary directory removed
// with everything below it at the end of the test, file writing, and small hand-made messages
// (an RFC 3464 bounce with chosen recipient, status and date; a plain mail; an mbox entry).

#ifndef BOUNCETOLK_TESTS_TESTING_TEMP_TREE_H_
#define BOUNCETOLK_TESTS_TESTING_TEMP_TREE_H_

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace bouncetolk::testing {

/// A fresh directory under $TMPDIR (or /tmp), removed recursively by the destructor.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/bouncetolk-test-XXXXXX";
    path_ = ::mkdtemp(pattern.data()) ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    // chmod 000 files and dirs must become removable again.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink(ec))
        std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// path()/rel
  std::string operator/(std::string_view rel) const { return path_ + "/" + std::string(rel); }

 private:
  std::string path_;
};

/// Writes \a content to \a path, creating parent directories.
inline void WriteFile(const std::string& path, std::string_view content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

/// An RFC 3464 bounce for one recipient.
inline std::string Bounce(std::string_view recipient, std::string_view status,
                          std::string_view date = "Mon, 23 Nov 2026 10:00:00 +0100") {
  std::string m;
  m += "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n";
  m += "To: sender@example.org\n";
  m += "Date: " + std::string(date) + "\n";
  m += "Subject: Undelivered Mail Returned to Sender\n";
  m += "MIME-Version: 1.0\n";
  m += "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n";
  m += "--b1\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n";
  m += "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n";
  m += "Final-Recipient: rfc822; " + std::string(recipient) + "\n";
  m += "Action: " + std::string(status[0] == '4' ? "delayed" : "failed") + "\n";
  m += "Status: " + std::string(status) + "\n";
  m += "Diagnostic-Code: smtp; 550 " + std::string(status) + " <" + std::string(recipient) +
       ">: rejected\n\n";
  m += "--b1--\n";
  return m;
}

/// A readable mail that holds no delivery report.
inline std::string PlainMail(std::string_view subject) {
  return "From: alice@example.org\nTo: bob@example.com\nSubject: " + std::string(subject) +
         "\nDate: Mon, 23 Nov 2026 09:00:00 +0100\n\nHello Bob.\n";
}

/// An mbox separator line.
inline std::string FromLine() { return "From MAILER-DAEMON Mon Nov 23 10:00:00 2026\n"; }

}  // namespace bouncetolk::testing

#endif  // BOUNCETOLK_TESTS_TESTING_TEMP_TREE_H_

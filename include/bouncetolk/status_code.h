// SPDX-License-Identifier: MIT
//
// status_code.h: RFC 3463 enhanced status codes ("5.1.1") and RFC 5321 reply codes ("550").
// Parse() accepts exactly one code; Find() scans free text (Diagnostic-Code, vendor prose),
// skipping look-alikes such as IP addresses, dates and version numbers.
// Nothing here interprets a code: meaning lives in data/rules/status.tsv and reply.tsv.

#ifndef BOUNCETOLK_STATUS_CODE_H_
#define BOUNCETOLK_STATUS_CODE_H_

#include <optional>
#include <string>
#include <string_view>

namespace bouncetolk {

/// An RFC 3463 code: class 2/4/5, subject and detail of 1-3 digits without leading zeros.
class EnhancedStatus {
 public:
  /// Parses exactly a code ("5.1.1", surrounding blanks allowed); std::nullopt otherwise.
  static std::optional<EnhancedStatus> Parse(std::string_view text);
  /// First code in free text whose class is \a want_class ('2', '4', '5', or 0 for any).
  /// Accepts decorations such as "#5.1.0", "(5.1.1)", "550-5.7.26" and "5.1.1:".
  static std::optional<EnhancedStatus> Find(std::string_view text, char want_class = 0);

  char klass() const { return klass_; }
  int subject() const { return subject_; }
  int detail() const { return detail_; }
  /// True for Sisimai-style pseudo codes "X.0.9NN" that stand for "no code in the message".
  bool IsPseudo() const { return subject_ == 0 && detail_ >= 900; }
  std::string ToString() const;

  friend bool operator==(const EnhancedStatus& a, const EnhancedStatus& b) {
    return a.klass_ == b.klass_ && a.subject_ == b.subject_ && a.detail_ == b.detail_;
  }
  friend bool operator!=(const EnhancedStatus& a, const EnhancedStatus& b) { return !(a == b); }

 private:
  EnhancedStatus(char klass, int subject, int detail)
      : klass_(klass), subject_(subject), detail_(detail) {}
  char klass_;
  int subject_;
  int detail_;
};

/// An RFC 5321 reply code: three digits, first 2-5, second 0-5.
class ReplyCode {
 public:
  /// Parses exactly three digits ("550"); std::nullopt otherwise.
  static std::optional<ReplyCode> Parse(std::string_view text);
  /// The reply code that starts an SMTP reply in free text: "550 ...", "550-...",
  /// "smtp; 550 5.1.1", "host said: 550 ...". Only 4xx and 5xx (and 2xx when \a allow_success).
  static std::optional<ReplyCode> Find(std::string_view text, bool allow_success = false);

  int value() const { return value_; }
  char klass() const { return static_cast<char>('0' + value_ / 100); }
  std::string ToString() const { return std::to_string(value_); }

  friend bool operator==(ReplyCode a, ReplyCode b) { return a.value_ == b.value_; }
  friend bool operator!=(ReplyCode a, ReplyCode b) { return a.value_ != b.value_; }

 private:
  explicit ReplyCode(int value) : value_(value) {}
  int value_;
};

}  // namespace bouncetolk

#endif  // BOUNCETOLK_STATUS_CODE_H_

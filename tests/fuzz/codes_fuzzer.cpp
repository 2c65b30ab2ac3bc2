// SPDX-License-Identifier: MIT
//
// codes_fuzzer.cpp: libFuzzer target for the code extractors (smtp/status_code.cpp,
// smtp/diagnostic.cpp): Parse/Find of enhanced status and reply codes, ExtractCodes and
// ChooseStatus on arbitrary text. Checks that what is found is a well-formed code that really
// occurs in the text, that Parse(ToString()) round-trips, and that a status is always chosen.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bouncetolk/status_code.h"
#include "fuzz_check.h"
#include "smtp/diagnostic.h"

namespace {

void CheckEnhanced(const std::optional<bouncetolk::EnhancedStatus>& code, std::string_view text) {
  if (!code) return;
  const std::string s = code->ToString();
  bouncetolk::fuzz::Check(text.find(s) != std::string_view::npos,
                          "found enhanced code is not in the text");
  const auto again = bouncetolk::EnhancedStatus::Parse(s);
  bouncetolk::fuzz::Check(again && *again == *code, "enhanced code does not round-trip");
}

void CheckReply(const std::optional<bouncetolk::ReplyCode>& code, std::string_view text) {
  if (!code) return;
  const std::string s = code->ToString();
  bouncetolk::fuzz::Check(s.size() == 3 && text.find(s) != std::string_view::npos,
                          "found reply code is not in the text");
  const auto again = bouncetolk::ReplyCode::Parse(s);
  bouncetolk::fuzz::Check(again && *again == *code, "reply code does not round-trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bouncetolk;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  CheckEnhanced(EnhancedStatus::Parse(text), text);
  for (char klass : {'\0', '2', '4', '5'}) {
    const auto found = EnhancedStatus::Find(text, klass);
    CheckEnhanced(found, text);
    if (found && klass) fuzz::Check(found->klass() == klass, "Find returned another class");
  }
  CheckReply(ReplyCode::Parse(text), text);
  CheckReply(ReplyCode::Find(text, false), text);
  CheckReply(ReplyCode::Find(text, true), text);

  const TextCodes codes = ExtractCodes(text);
  CheckReply(codes.reply, text);
  CheckEnhanced(codes.status, text);

  // ChooseStatus against a Status field taken from the first line of the input.
  RecipientResult r;
  r.status_field = std::string(text.substr(0, text.find('\n')));
  if (!EnhancedStatus::Parse(r.status_field)) r.status_field.clear();
  ChooseStatus(codes, StatusSource::kDiagnosticCode, &r);
  fuzz::Check(EnhancedStatus::Parse(r.status).has_value(), "ChooseStatus left no valid status");
  return 0;
}

// SPDX-License-Identifier: MIT
//
// address.cpp: see address.h.

#include "common/address.h"

#include <unordered_set>

#include "common/text.h"

namespace bouncetolk {
namespace {

bool IsLocalChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c)) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

bool IsDomainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '.' || c == '-';
}

}  // namespace

AddressSpan FindAddress(std::string_view text, std::size_t from) {
  std::size_t at = from;
  while ((at = text.find('@', at)) != std::string_view::npos) {
    std::size_t b = at;
    while (b > 0 && IsLocalChar(text[b - 1])) --b;
    while (b < at && text[b] == '.') ++b;
    std::size_t e = at + 1;
    while (e < text.size() && IsDomainChar(text[e])) ++e;
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    if (b < at && e > at + 1 && b >= from) return AddressSpan{b, e};
    ++at;
  }
  return AddressSpan{};
}

std::vector<std::string> AllAddresses(std::string_view text, std::size_t max) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;  // lower case: a header of 3000 addresses stays linear
  AddressSpan span;
  std::size_t pos = 0;
  while (out.size() < max && (span = FindAddress(text, pos)).found()) {
    std::string a(text.substr(span.begin, span.end - span.begin));
    if (seen.insert(AsciiLowerCopy(a)).second) out.push_back(std::move(a));
    pos = span.end;
  }
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// host_family.cpp: see host_family.h.

#include "classify/host_family.h"

#include <algorithm>

#include "common/text.h"

namespace bouncetolk {
namespace {

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

void AddFamilies(const RuleTables& t, std::string_view host, std::vector<std::string>* out) {
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.find('.') == std::string_view::npos) return;
  for (const HostFamilyRule& rule : t.host_families) {
    if (HostHasSuffix(host, rule.suffix) &&
        std::find(out->begin(), out->end(), rule.family) == out->end())
      out->push_back(rule.family);
  }
}

}  // namespace

bool HostHasSuffix(std::string_view host, std::string_view suffix) {
  if (suffix.empty() || host.size() < suffix.size()) return false;
  const std::size_t at = host.size() - suffix.size();
  if (!EqualsIgnoreCase(host.substr(at), suffix)) return false;
  return at == 0 || host[at - 1] == '.';
}

std::vector<std::string> ServerFamilies(const RuleTables& t,
                                        std::initializer_list<std::string_view> hosts,
                                        std::string_view text) {
  std::vector<std::string> out;
  if (t.host_families.empty()) return out;
  for (std::string_view host : hosts) AddFamilies(t, host, &out);
  for (std::size_t i = 0; i < text.size();) {
    if (!IsHostChar(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && IsHostChar(text[i])) ++i;
    if (start == 0 || text[start - 1] != '@') AddFamilies(t, text.substr(start, i - start), &out);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace bouncetolk

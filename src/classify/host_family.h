// SPDX-License-Identifier: MIT
//
// host_family.h: the family of a server (microsoft, google, yahoo, apple, ...) from its host
// name, by the suffixes of data/rules/host-families.tsv (the providers' documented MX and
// server names). A status-words row may hold only for one family (docs/precedence.md).

#ifndef BOUNCETOLK_CLASSIFY_HOST_FAMILY_H_
#define BOUNCETOLK_CLASSIFY_HOST_FAMILY_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_table.h"

namespace bouncetolk {

/// Whether \a host is \a suffix or ends in "." + \a suffix (a label boundary), ignoring case:
/// "mx1.google.com" and "google.com" are under "google.com", "notgoogle.com" is not.
bool HostHasSuffix(std::string_view host, std::string_view suffix);

/// The families (sorted, each once) of \a hosts and of the host names written in \a text
/// (runs of letters, digits, dots and hyphens with a dot in them; not one right after an '@',
/// which is an address's domain, not a server).
std::vector<std::string> ServerFamilies(const RuleTables& t,
                                        std::initializer_list<std::string_view> hosts,
                                        std::string_view text);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_CLASSIFY_HOST_FAMILY_H_

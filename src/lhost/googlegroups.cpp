// SPDX-License-Identifier: MIT
//
// googlegroups.cpp: Google Groups' rejection of a post ("the group you tried to contact may not
// exist, or you may not have permission to post"), sent by mailer-daemon@googlemail.com in the
// poster's language. The text names the poster, not the group: the failed recipient is the
// group address in X-Failed-Recipients, and the whole text is its diagnostic.

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeGoogleGroups(const MessageView& view) {
  return RecipientsFromHeader(view, "X-Failed-Recipients", view.text);
}

}  // namespace bouncetolk

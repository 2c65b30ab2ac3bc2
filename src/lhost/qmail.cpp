// SPDX-License-Identifier: MIT
//
// qmail.cpp: qmail-send's "failure notice" ("Hi. This is the qmail-send program at ...") and
// its many clones (netqmail, Yahoo's and Verizon's qmail-derived servers, vpopmail's bounce
// text). Each failed address is a line "<a@b>:" followed by the remote server's words ("remote
// host 192.0.2.1 said: 550 ...") and qmail's own code in parentheses ("(#5.1.1)").

#include "lhost/lhost.h"
#include "lhost/lhost_common.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeQmail(const MessageView& view) {
  return DecodeRecipientBlocks(view);
}

}  // namespace bouncetolk

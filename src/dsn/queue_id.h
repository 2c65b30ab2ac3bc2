// SPDX-License-Identifier: MIT
//
// queue_id.h: the reporting MTA's queue id of the returned message, when the bounce names it
// (Report::queue_id): a per-message DSN field ("X-Postfix-Queue-ID: 2DAEB222022E", AOL's
// "X-Outbound-Mail-Relay-Queue-ID", SendGrid's "X-SendGrid-QueueID"), the same field written in
// the text, or Exim's own words ("The message identifier is: 1TxVwz-0004Zx-9G" in a delay
// warning, whose Subject "Warning: message 1TxVwz-0004Zx-9G delayed 24 hours" names it too).
// Postfix's, Exim's and SendGrid's formats; the rest name none.

#ifndef BOUNCETOLK_DSN_QUEUE_ID_H_
#define BOUNCETOLK_DSN_QUEUE_ID_H_

#include <string>

#include "bouncetolk/report.h"
#include "view/message_view.h"

namespace bouncetolk {

/// The queue id named by \a per_message's fields or the view's text and subject, or empty.
std::string FindQueueId(const PerMessageFields& per_message, const MessageView& view);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_QUEUE_ID_H_

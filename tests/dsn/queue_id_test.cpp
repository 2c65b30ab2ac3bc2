// SPDX-License-Identifier: MIT
// Tests for src/dsn/queue_id.cpp: the reporting MTA's queue id from DSN fields, the text, and
// Exim's delay warning.

#include "dsn/queue_id.h"

#include <gtest/gtest.h>

#include <string>

namespace bouncetolk {
namespace {

std::string QueueIdOf(const std::vector<Field>& fields, const std::string& text,
                      const std::string& subject = "") {
  PerMessageFields pm;
  pm.extension_fields = fields;
  MessageView view;
  view.text = text;
  view.subject = subject;
  return FindQueueId(pm, view);
}

TEST(QueueIdTest, FromFieldsTextAndExim) {
  EXPECT_EQ(QueueIdOf({{"X-Postfix-Queue-ID", " 2DAEB222022E"}}, ""), "2DAEB222022E");
  EXPECT_EQ(QueueIdOf({{"X-Outbound-Mail-Relay-Queue-ID", "93608703CB10E"}}, ""), "93608703CB10E");
  EXPECT_EQ(QueueIdOf({{"X-SendGrid-QueueID", "959479146"}}, ""), "959479146");
  EXPECT_EQ(QueueIdOf({{"X-Postfix-Sender", "rfc822; a@b"}}, ""), "");
  EXPECT_EQ(QueueIdOf({}, "Reporting-MTA: dns; mx\nX-Postfix-Queue-ID: 4N1w261vJbz1wYv9\n"),
            "4N1w261vJbz1wYv9");
  EXPECT_EQ(QueueIdOf({},
                      "A message that you sent has not yet been delivered.\n\n"
                      "The message identifier is:     1TxVwz-0004Zx-9G\n"),
            "1TxVwz-0004Zx-9G");
  EXPECT_EQ(QueueIdOf({}, "", "Warning: message 1TxVwz-0004Zx-9G delayed 24 hours"),
            "1TxVwz-0004Zx-9G");
  EXPECT_EQ(QueueIdOf({}, "", "Warning: message could not be delivered"), "");
  // Not an id: spaces, escape sequences, or too long.
  EXPECT_EQ(QueueIdOf({{"X-Postfix-Queue-ID", "\x1b[2J"}}, ""), "");
  EXPECT_EQ(QueueIdOf({{"X-Postfix-Queue-ID", std::string(100, 'A')}}, ""), "");
  EXPECT_EQ(QueueIdOf({}, "no id here"), "");
}

}  // namespace
}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
// Readings where bouncetolk deliberately differs from ../shared/corpus/sisimai/expected.tsv.
// Each case is a message written for this test in the wording of the corpus sample it stands
// for (the sample is named so the scorecard's disagreement list can be checked against it);
// the assertion is OUR reading and the comment says why.

#include <gtest/gtest.h>

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

// rfc3464-53/54, rhost-gsuite-04: a temporary (4.0.0) report whose text says the DNS lookup of
// the domain answered NXDOMAIN. The phrase says hostunknown, but the reporting MTA is still
// retrying: a name that fails now may resolve later (a zone being moved), so until the MTA
// gives up this is a DNS/network problem, as expected.tsv reads it: networkerror, not hard.
// (Agreement, kept here because an earlier version read it the other way.)
TEST(DisagreementTest, TemporaryNxdomainIsANetworkError) {
  const RecipientResult r = SoleRecipient(
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
      "Subject: Delivery Status Notification (Delay)\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\nDelivery delayed.\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; googlemail.com\n\n"
      "Final-Recipient: rfc822; a@nergens.example\nAction: delayed\nStatus: 4.0.0\n"
      "Diagnostic-Code: smtp; DNS Error: DNS type 'mx' lookup of nergens.example responded with "
      "code NXDOMAIN\n"
      "--b--\n");
  EXPECT_EQ(r.reason, Reason::kNetworkError);
  EXPECT_FALSE(r.hard_bounce);
  EXPECT_EQ(r.rules.front(), "temporary-dns-failure");
}

// lhost-exim-06: Exim writes "This is a permanent error" above "retry timeout exceeded".
// expected.tsv gives the class-4 pseudo code 4.0.947; the message says permanent and Exim has
// given up, so the status is 5.0.0 (inferred) and the reason expired.
TEST(DisagreementTest, EximRetryTimeoutIsPermanent) {
  const RecipientResult r = SoleRecipient(
      "From: Mail Delivery System <Mailer-Daemon@mx.example.nl>\n"
      "Subject: Mail delivery failed: returning message to sender\n"
      "X-Failed-Recipients: a@example.com\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  a@example.com\n    retry timeout exceeded\n");
  EXPECT_EQ(r.status, "5.0.0");
  EXPECT_EQ(r.reason, Reason::kExpired);
}

// lhost-exchange2003-04: Exchange's IMC writes "Recipient Not Found". expected.tsv says
// filtered; nothing in the message speaks of a filter, and the address was not found.
TEST(DisagreementTest, ExchangeRecipientNotFoundIsAnUnknownUser) {
  const RecipientResult r = SoleRecipient(
      "From: System Administrator <postmaster@example.com>\n"
      "Subject: Undeliverable: test\n\n"
      "Your message did not reach some or all of the intended recipients.\n\n"
      "The following recipient(s) could not be reached:\n\n"
      "      a@example.com on 4/29/01 11:34:45 PM\n"
      "            Recipient Not Found\n"
      "            MSEXCH:IMC:EXAMPLE:SITE:SERVER\n");
  EXPECT_EQ(r.reason, Reason::kUserUnknown);
}

// lhost-mcafee-01/04, lhost-surfcontrol-01, lhost-mailfoundry-01, lhost-postfix-07, lhost-x1-01,
// rfc3464-35 (row 3), rfc3464-42, lhost-amazonses-02: expected.tsv reads "550 Unknown user" /
// "No such user" as filtered when the report shows neither the command nor a code that names
// the address. The same reading would turn about as many corpus rows the other way (Exchange
// 2003 "recipient name is not recognized", Yahoo's "This user doesn't have a yahoo.com account",
// MessageLabs "No such user", all expected userunknown), and nothing in these messages speaks of
// a filter: the server says the address is unknown, so it leaves the mailing list.
TEST(DisagreementTest, UnknownUserWithoutCommandIsAnUnknownUser) {
  const RecipientResult r = SoleRecipient(
      "From: postmaster@gateway.example.nl\nSubject: Delivery Status\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; gateway.example.nl\n\n"
      "Final-Recipient: rfc822; a@example.org\nAction: failed\n"
      "Diagnostic-Code: smtp; 550 Unknown user a@example.org\n--b--\n");
  EXPECT_EQ(r.reason, Reason::kUserUnknown);
  EXPECT_TRUE(r.hard_bounce);
}

// rfc3464-01: "Status: 5.1.1" with "550 5.1.1 <a@b>... User Unknown" is listed as mailboxfull
// in expected.tsv. Code and wording agree on an unknown user; we read userunknown.
TEST(DisagreementTest, UserUnknownIsNotAFullMailbox) {
  const RecipientResult r = SoleRecipient(
      "From: MAILER-DAEMON@example.nl\nSubject: Returned mail\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; example.nl\n\n"
      "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 <a@example.org>... User Unknown\n--b--\n");
  EXPECT_EQ(r.reason, Reason::kUserUnknown);
  EXPECT_TRUE(r.hard_bounce);
}

// lhost-notes-02, lhost-domino-02: Japanese Notes/Domino write "ディレクトリのリストにありません"
// (not on the directory list) or "... は Domino ディレクトリには見つかりません" (not found in the
// Domino directory), here raw ISO-2022-JP in an unlabelled Diagnostic-Code. expected.tsv says
// onhold (too little information); the words say the user is unknown.
TEST(DisagreementTest, DominoDirectoryMissIsAnUnknownUser) {
  const RecipientResult r = SoleRecipient(
      "From: Postmaster@example.co.jp\nSubject: DELIVERY FAILURE\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; domino.example.co.jp\n\n"
      "Final-Recipient: rfc822; taro@example.co.jp\nAction: failed\nStatus: 5.0.0\n"
      "Diagnostic-Code: X-Notes; \x1b$B%f!<%6!<\x1b(B Taro \x1b$B$O\x1b(B Domino "
      "\x1b$B%G%#%l%/%H%j$K$O8+$D$+$j$^$;$s!#\x1b(B\n--b--\n");
  EXPECT_EQ(r.reason, Reason::kUserUnknown);
}

}  // namespace
}  // namespace bouncetolk

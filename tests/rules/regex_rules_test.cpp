// SPDX-License-Identifier: MIT
//
// regex_rules_test.cpp: every pattern of data/rules/ that runs as a regular expression ("re:"
// rows of phrases.tsv and phrases-vendor.tsv; literals that are not ASCII, also in lhost.tsv)
// matches an example text, and the atoms RE2 gives it (regex_atoms.h) are found in that text and
// let it through: a wrong atom would silently disable the rule. A new "re:" row must bring its
// example here; the example is one wording the rule is meant for, written from the rule.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "rules/embedded.h"
#include "rules/regex_atoms.h"
#include "rules/rule_table.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

// One text per "re:" row, by id. Literals are their own example.
const std::map<std::string_view, std::string_view> kExamples = {
    {"strato-b-url", "Mail rejected (B-URL): a link in the message is listed"},
    {"strato-b-text", "550 5.7.1 Message rejected, B-TEXT"},
    {"strato-b-score", "Rejected by the spam filter (B-SCORE)"},
    {"strato-b-ex", "554 Message blocked, reason B-EX"},
    {"strato-b-attach", "rejected: B-ATTACH, attachment not allowed"},
    {"strato-b-efrom", "550 sender rejected, B-EFROM"},
    {"strato-b-trial", "Sending blocked during the trial period (B-TRIAL)"},
    {"strato-rate-acc", "452 Transmit rate limit exceeded for this account (ACC)"},
    {"strato-rate-rid", "452 Transmit rate limit exceeded, please wait (RID)"},
    {"strato-forward-loop", "554 Forward-loop detected for this address"},
    {"ms-resolver-adr-recipnotfound",
     "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"},
    {"ms-not-sent-block-list",
     "Messages from [192.0.2.7] weren't sent. Please contact your Internet service provider"},
    {"ms-outlook-policy-codes", "550 SC-001 Mail rejected by Outlook.com for policy reasons"},
    {"ms-client-not-authenticated",
     "530 5.7.57 Client was not authenticated to send anonymous mail"},
    {"ms-dbeb-access-denied", "550 5.4.1 Recipient address rejected: Access denied"},
    {"ms-auth-level", "This sender doesn't meet the required authentication level"},
    {"ms-outlook-mailbox-unavailable", "550 5.5.0 Requested action not taken: mailbox unavailable"},
    {"ms-exchange-address-not-found",
     "The e-mail address you entered couldn't be found. Please check the address"},
    {"ms-exchange-recipient-not-found",
     "The email address was not found in the recipient's e-mail system"},
    {"gmail-receiving-rate",
     "452 4.2.1 The user you are trying to contact is receiving mail too quickly"},
    {"gmail-low-reputation-domain",
     "421 4.7.0 This message has been blocked because of very low reputation of the sending "
     "domain"},
    {"gmail-low-reputation-ip",
     "421 4.7.0 Our system has detected a very low reputation of the sending IP"},
    {"poor-reputation", "554 Rejected due to poor sender reputation"},
    {"gmail-ip-not-authorized",
     "550 5.7.1 The IP you're using to send mail is not authorized to send email directly"},
    {"gmail-size-limit", "552 5.2.3 Your message exceeded Google's message size limits"},
    {"gmail-sending-quota", "550 5.4.5 Daily user sending quota exceeded"},
    {"yahoo-no-account", "554 delivery error: This user doesn't have a yahoo.com account"},
    {"yahoo-ts-deferred", "421 4.7.0 [TSS04] Messages temporarily deferred due to user complaints"},
    {"yahoo-bl-listed", "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.7"},
    {"icloud-local-policy", "554 5.7.1 [CS01] Message rejected due to local policy"},
    {"mimecast-anti-spoofing", "550 Rejected by header-based Anti-Spoofing policy"},
    {"mimecast-envelope-blocked", "550 Envelope blocked - User Entry"},
    {"mimecast-blocked-senders", "550 Rejected by header based Blocked Senders"},
    {"proofpoint-ipcheck", "554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7"},
    {"spf-sender-not-allowed",
     "550 5.7.23 SPF sender example.com is not allowed to send mail from 192.0.2.7"},
    {"qmail-no-mx-or-ip", "Sorry, I couldn't find a mail exchanger or IP address"},
    {"host-lookup-incomplete", "host lookup for mx.example.com did not complete"},
    {"kpn-mail-rejected", "550 5.7.1 Mail rejected, please contact the administrator"},
    {"no-reverse-hostname", "450 4.7.1 Client host rejected: cannot find your reverse hostname"},
    {"dnsbl-listed", "554 Your address is listed in a DNSBL"},
    {"unsolicited-mail", "550 This message appears to be unsolicited"},
    {"iana-bad-sender-syntax", "501 5.1.7 Bad sender's mailbox address syntax"},
    {"iana-bad-sender-system", "550 5.1.8 Bad sender's system address"},
    {"mailbox-full-nl", "De mailbox van de ontvanger is vol"},
    {"mailbox-full-de", "Das Postfach ist voll"},
    {"mailbox-full-fr", "La boîte aux lettres est pleine"},
    {"recipient-address-rejected-bare", "550 5.1.1 <a@example.com>: Recipient address rejected"},
    {"postfix-other-recipient-table",
     "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual alias table"},
    {"qmail-rcpthosts", "Sorry, that domain isn't in my list of allowed rcpthosts"},
    {"user-unknown-nl", "Het e-mailadres is onbekend"},
    {"user-unknown-de", "550 Empfänger unbekannt"},
    {"user-unknown-fr", "550 Destinataire inconnu"},
    {"recipient-address-unknown", "550 Recipient email address unknown"},
    {"invalid-user", "550 Invalid user"},
    {"no-such-domain", "550 No such domain"},
    {"qmail-no-host", "Sorry, I couldn't find any host named example.invalid"},
    {"qmail-best-preference-mx",
     "Although I'm listed as a best-preference MX or A for that host, it isn't in my "
     "control/locals file"},
    {"we-dont-relay", "553 We don't relay for anyone"},
    {"sendmail-not-delivered-days", "Message could not be delivered for 5 days"},
    {"postfix-conversation-timed-out", "conversation with mx.example.com[192.0.2.7] timed out"},
    {"postfix-lost-connection",
     "lost connection with mx.example.com[192.0.2.7] while sending RCPT TO"},
    {"qmail-no-smtp-connection", "I wasn't able to establish an SMTP connection"},
    {"message-too-large", "552 Message is too large"},
    {"bad-sequence-of-commands", "503 5.5.1 Bad sequence of commands"},
    {"command-parameter-not-implemented", "504 5.5.4 Command parameter not implemented"},
    {"dmarc-generic", "550 5.7.1 Rejected by DMARC policy"},
    {"spf-generic", "550 5.7.1 SPF check failed"},
    {"dkim-generic", "550 5.7.1 DKIM signature did not verify"},
    {"reverse-dns-generic", "550 No reverse DNS for your host"},
    {"greylisted", "451 4.7.1 Greylisted, please try again later"},
    {"address-blocklisted",
     "550 You are sending from an address that has been blacklisted by the recipient"},
    {"blocklisted-generic", "554 Your IP address is on a blocklist"},
    {"spam-generic-classified", "550 Message classified as spam"},
    {"spam-generic-noun", "554 5.7.1 Spam detected in message content"},
    {"virus-generic", "554 Message contains a virus"},
    {"sendmail-warning-hours", "Warning: could not send message for past 4 hours"},
    {"exim-pipe-failed", "------ pipe to |/usr/local/bin/deliver\n  generated by a@example.com"},
    {"imail-delivery-failed-attempts", "Delivery failed 3 attempts"},
    {"orange-service-refused", "550 5.7.1 Service refused, please contact OFR_999"},
    {"spectrum-sender-rejected", "<a@example.com>: Sender rejected"},
    // Rules from the knowledge tables (../shared/knowledge), one wording each.
    {"ms-transport-rule-5.7.9xx",
     "550 5.7.900 Delivery not authorized, message refused by a transport rule"},
    {"outlook-all-recipients-rejected",
     "550 5.7.1 All recipient addresses rejected : Access denied"},
    {"ms-submission-quota",
     "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Submission quota "
     "was exceeded"},
    {"ms-ipv6-auth",
     "450 4.7.26 Service unavailable, message sent over IPv6 [2001:db8::1] must pass either SPF or "
     "DKIM validation"},
    {"outlook-rp-rate-limit",
     "421 RP-001 Unfortunately, messages from 192.0.2.1 weren't sent (rate limit)"},
    {"comcast-blocked", "554 5.7.1 BL000000 Comcast block for spam; see the postmaster page"},
    {"barracuda-recipients-blocked",
     "550 permanent failure for one or more recipients (piet@example.nl:blocked)"},
    {"sendmail-host-down", "Deferred: host mx.example.net is down"},
    {"haraka-no-mx-for", "No MX for example.net"},
    {"postscreen-blocked", "550 5.3.2 Service currently unavailable"},
    {"postscreen-deferred", "450 4.3.2 Service currently unavailable"},
    {"too-many-connections", "421 4.7.0 Too many concurrent SMTP connections from this IP"},
    {"rspamd-ratelimit", "451 4.7.1 Ratelimit \"to_ip_from\" exceeded"},
    {"bare-lf", "550 5.6.0 Bare <LF> received after DATA"},
    {"local-mailer-failed", "Command died with status 75: \"/usr/bin/procmail\""},
    {"unable-to-run", "Unable to run /usr/local/bin/deliver: No such file"},
    {"exim-mail-domain-invalid", "550 mail domain \"example..net\" is syntactically invalid"},
    {"sendmail-cannot-send-days", "Cannot send message for 5 days"},
    {"sendmail-forged-ptr", "550 5.7.1 Client IP address 192.0.2.1 does not resolve"},
    {"sendmail-listed-at",
     "550 5.7.1 Mail from 192.0.2.1 rejected: 192.0.2.1 listed at zen.spamhaus.org"},
    {"sendmail-address-syntax", "553 5.1.3 <piet>... Hostname required"},
    {"opensmtpd-connection-timeout", "421 4.4.2 Connection timeout"},
    {"courier-sender-domain", "517 Domain does not exist: example.invalid"},
    {"courier-message-length", "534 Message length (30000000 bytes) exceeds administrative limit"},
    {"sieve-rejected",
     "Your message to piet@example.nl was automatically rejected: I do not accept mail from you"},
    {"cyrus-permission-denied", "550 5.7.1 Permission denied"},
    {"haraka-recipient-denied", "550 recipient <piet@example.nl> denied"},
    {"haraka-sender-denied", "550 sender <jan@example.com> denied"},
    {"helo-denied", "550 5.7.1 HELO denied"},
    {"haraka-message-denied", "550 Message denied"},
    {"null-mx-sender", "556 5.7.27 Null MX: example.net does not send mail"},
    {"amavis-spam", "554 5.7.0 Reject, id=12345-06 - spam"},
    {"amavis-banned", "554 5.7.0 Reject, id=12345-06 - banned: message contains a .exe file"},
    {"amavis-bad-header", "554 5.6.0 Reject, id=12345-06 - bad header: non-encoded 8-bit data"},
    {"try-again-later-only", "451 4.3.0 Please try again later"},
    {"unknown-error-only", "554 Unknown error"},
    {"command-rejected-only", "550 5.7.1 Command rejected"},
    {"header-too-long", "552 5.6.0 Header line is too long"},
    {"delay-notice-text", "Your message has been delayed and is still awaiting delivery"},
    {"subject-exim-delayed", "Warning: message 1aBcDe-000123-Ab delayed 24 hours"},
};

struct RegexRow {
  std::string where;  // "data/rules/phrases.tsv:12 'id'"
  std::string id;
  std::string pattern;
  const PhraseMatcher* matcher = nullptr;  // the one it is matched by, or null (boundary rows)
  int matcher_id = 0;
};

// Every pattern of the embedded tables that runs as a regex.
std::vector<RegexRow> RegexRows() {
  const RuleTables& t = TestRules().tables();
  std::vector<RegexRow> rows;
  for (std::size_t i = 0; i < t.phrases.size(); ++i) {
    const PhraseRule& r = t.phrases[i];
    if (!RunsAsRegex(r.pattern)) continue;
    rows.push_back(RegexRow{"data/" + std::string(r.origin.file) + ":" +
                                std::to_string(r.origin.line) + " '" + r.id + "'",
                            r.id, r.pattern,
                            r.scope == PhraseScope::kSubject ? &t.subject_matcher : &t.text_matcher,
                            static_cast<int>(i)});
  }
  for (std::size_t i = 0; i < t.lhost_markers.size(); ++i) {
    const LhostMarker& m = t.lhost_markers[i];
    if (!RunsAsRegex(m.pattern)) continue;
    const PhraseMatcher* matcher = m.field == MarkerField::kText      ? &t.lhost_text_matcher
                                   : m.field == MarkerField::kSubject ? &t.lhost_subject_matcher
                                                                      : nullptr;
    rows.push_back(
        RegexRow{"data/" + std::string(m.origin.file) + ":" + std::to_string(m.origin.line), "",
                 m.pattern, matcher, static_cast<int>(i)});
  }
  return rows;
}

TEST(RegexRulesTest, EveryRegexRowHasAnExample) {
  std::set<std::string, std::less<>> ids;
  int regexes = 0;
  for (const RegexRow& row : RegexRows()) {
    if (row.pattern.compare(0, 3, "re:") != 0) continue;
    ++regexes;
    ids.insert(row.id);
    EXPECT_EQ(kExamples.count(row.id), 1u)
        << row.where << ": add an example text for this regex to kExamples";
  }
  EXPECT_GE(regexes, 80);
  for (const auto& [id, text] : kExamples) {
    EXPECT_EQ(ids.count(id), 1u) << "example for '" << id << "', which is no regex row";
  }
}

// Each row's regex matches its example (run unconditionally); the atoms RE2 gives it are found
// in the example, pass the pre-check and the condition; the atoms the build computed are those;
// and the loaded rule set's matcher finds the row in the example.
TEST(RegexRulesTest, AtomsAreFoundInTheExamples) {
  for (const RegexRow& row : RegexRows()) {
    const auto example = kExamples.find(row.id);
    const std::string text =
        NormalizeForMatch(row.pattern.compare(0, 3, "re:") == 0
                              ? (example == kExamples.end() ? std::string_view() : example->second)
                              : std::string_view(row.pattern));
    SCOPED_TRACE(row.where + ": " + text);
    if (text.empty()) continue;  // reported above

    RegexAtoms always;
    always.always_candidate = true;
    always.exact = true;
    EXPECT_TRUE(FilteredRegex(row.pattern, always).Matches(text, {})) << "the example";

    RegexAtoms atoms;
    std::string error;
    ASSERT_TRUE(ComputeRegexAtoms(row.pattern, &atoms, &error)) << error;
    std::vector<int> found;
    for (std::size_t i = 0; i < atoms.atoms.size(); ++i) {
      if (IsSearchableAtom(atoms.atoms[i]) && text.find(atoms.atoms[i]) != std::string::npos)
        found.push_back(static_cast<int>(i));
    }
    EXPECT_TRUE(PreCheck(atoms, found));
    const auto compiled = FilteredRegex::Compile(row.pattern, &error);
    ASSERT_NE(compiled, nullptr) << error;
    EXPECT_TRUE(compiled->Matches(text, found)) << "the condition of the atoms found";

    const EmbeddedRegexAtoms* built = FindEmbeddedRegexAtoms(row.pattern);
    ASSERT_NE(built, nullptr) << "not computed at build time";
    EXPECT_EQ(std::vector<std::string>(built->atoms, built->atoms + built->atom_count),
              atoms.atoms);
    EXPECT_EQ(built->always_candidate, atoms.always_candidate);
    EXPECT_EQ(built->required, atoms.required);
    EXPECT_EQ(built->needs_more, atoms.needs_more);
    EXPECT_EQ(built->exact, atoms.exact);

    if (row.matcher) {
      const std::vector<int> ids = row.matcher->Match(text);
      EXPECT_NE(std::find(ids.begin(), ids.end(), row.matcher_id), ids.end()) << "the matcher";
    }
  }
}

}  // namespace
}  // namespace bouncetolk

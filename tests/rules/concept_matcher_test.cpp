// SPDX-License-Identifier: MIT
//
// Tests of the concept rules (data/rules/concepts.tsv over data/rules/words.tsv): the matcher on
// its own, and the embedded rules on wordings written for this test in seven languages that no
// phrase or knowledge row holds (paraphrases of the facts the rules generalise), and on false
// friends that must not be read as the reason their words suggest.

#include "rules/concept_matcher.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/text.h"
#include "rules/rule_table.h"
#include "tests/testing/test_rules.h"

namespace bouncetolk {
namespace {

// --- the matcher ---------------------------------------------------------------------------

ConceptMatcher Small() {
  ConceptMatcher m;
  const int who = m.Class("who"), state = m.Class("state"), neg = m.Class("neg"),
            sender = m.Class("sender");
  for (const char* w : {"user", "mailbox*", "*konto"}) m.AddWord(w, who);
  for (const char* w : {"unknown", "not found", "full"}) m.AddWord(w, state);
  for (const char* w : {"not", "no"}) m.AddWord(w, neg);
  for (const char* w : {"sender", "from address"}) m.AddWord(w, sender);
  ConceptPattern p;
  p.classes = {who, state};
  p.window = 3;
  p.unless = {{neg, GuardPlace::kBetween}, {sender, GuardPlace::kBefore}};
  m.AddRule(p);
  m.Build();
  return m;
}

TEST(ConceptMatcherTest, BothClassesWithinTheWindowInEitherOrder) {
  const ConceptMatcher m = Small();
  EXPECT_EQ(m.Match("user unknown"), 0);
  EXPECT_EQ(m.Match("unknown user"), 0);
  EXPECT_EQ(m.Match("the user was not found"), 0);  // "not" is part of "not found"
  EXPECT_EQ(m.Match("user a b unknown"), 0);        // three words apart: in the window
  EXPECT_EQ(m.Match("user a b c unknown"), -1);     // four: outside
  EXPECT_EQ(m.Match("user"), -1);
  EXPECT_EQ(m.Match(""), -1);
}

TEST(ConceptMatcherTest, WordBoundariesAndOpenEnds) {
  const ConceptMatcher m = Small();
  EXPECT_EQ(m.Match("superuser unknown"), -1);  // "user" inside a word
  EXPECT_EQ(m.Match("user unknownish"), -1);
  EXPECT_EQ(m.Match("mailboxes full"), 0);      // "mailbox*" goes on
  EXPECT_EQ(m.Match("benutzerkonto full"), 0);  // "*konto" starts inside a word
  EXPECT_EQ(m.Match("<user@example.com>: user unknown"), 0);
  EXPECT_EQ(m.Match("uséruser unknown"), -1);  // a UTF-8 letter is part of the word
}

TEST(ConceptMatcherTest, GuardsVeto) {
  const ConceptMatcher m = Small();
  EXPECT_EQ(m.Match("mailbox is not full"), -1);           // negation between
  EXPECT_EQ(m.Match("not delivered: mailbox full"), 0);    // a negation elsewhere
  EXPECT_EQ(m.Match("sender user unknown"), -1);           // sender before
  EXPECT_EQ(m.Match("user unknown, tell the sender"), 0);  // after: before: does not look
  EXPECT_EQ(m.Match("no user unknown"), 0);                // negation not between
}

TEST(ConceptMatcherTest, ManyHitsStayCheap) {
  const ConceptMatcher m = Small();
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "sender user not ";
  EXPECT_EQ(m.Match(text), -1);                   // capped and linear: returns quickly
  EXPECT_EQ(m.Match(text + "user unknown"), -1);  // beyond the hits looked at
}

TEST(ConceptMatcherTest, ParseGuards) {
  std::vector<std::pair<std::string, GuardPlace>> g;
  std::string bad;
  EXPECT_TRUE(ParseGuards("-", &g, &bad));
  EXPECT_TRUE(g.empty());
  EXPECT_TRUE(ParseGuards("around:login before:sender between:negation", &g, &bad));
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[1].first, "sender");
  EXPECT_EQ(g[1].second, GuardPlace::kBefore);
  EXPECT_FALSE(ParseGuards("near:login", &g, &bad));
  EXPECT_EQ(bad, "near:login");
}

// --- the embedded rules --------------------------------------------------------------------

// The id of the first concept rule that matches \a text, or "" when none does.
std::string Concept(const std::string& text) {
  const RuleTables& t = TestRules().tables();
  const int i = t.concept_matcher.Match(NormalizeForMatch(text));
  return i < 0 ? "" : t.concepts[static_cast<std::size_t>(i)].id;
}

struct Case {
  const char* lang;
  const char* text;
  const char* concept;
};

// Written for this test; none of these is a phrase or a knowledge row.
const Case kParaphrases[] = {
    {"en", "Sorry, the addressee was not found on this server", "recipient-not-found"},
    {"en", "There is no such account here", "recipient-not-found"},
    {"en", "The mailbox you wrote to does not exist", "recipient-not-found"},
    {"nl", "De ontvanger bestaat niet op deze server", "recipient-not-found"},
    {"nl", "Onbekende gebruiker", "recipient-not-found"},
    {"de", "Der Empfänger existiert nicht", "recipient-not-found"},
    {"de", "Benutzer unbekannt", "recipient-not-found"},
    {"fr", "Le destinataire n'existe pas", "recipient-not-found"},
    {"fr", "Utilisateur inconnu", "recipient-not-found"},
    {"es", "El usuario no existe en este servidor", "recipient-not-found"},
    {"it", "Il destinatario non esiste", "recipient-not-found"},
    {"it", "utente sconosciuto", "recipient-not-found"},
    {"pt", "O destinatário não existe", "recipient-not-found"},
    {"en", "This person's inbox is full", "mailbox-full"},
    {"nl", "De mailbox van de ontvanger is vol", "mailbox-full"},
    {"de", "Das Postfach des Empfängers ist voll", "mailbox-full"},
    {"fr", "La boîte aux lettres du destinataire est pleine", "mailbox-full"},
    {"es", "El buzón del destinatario está lleno", "mailbox-full"},
    {"it", "La casella del destinatario è piena", "mailbox-full"},
    {"pt", "A caixa postal do destinatário está cheia", "mailbox-full"},
    {"en", "Storage quota of the recipient exceeded", "quota-exceeded"},
    {"en", "This account was closed by its owner", "mailbox-disabled"},
    {"nl", "Dit account is gedeactiveerd", "mailbox-disabled"},
    {"de", "Das Konto des Empfängers wurde gesperrt", "mailbox-disabled"},
    {"fr", "Le compte du destinataire est bloqué", "mailbox-disabled"},
    {"es", "La cuenta está desactivada", "mailbox-disabled"},
    {"it", "L'account è disattivato", "mailbox-disabled"},
    {"pt", "A conta foi desativada", "mailbox-disabled"},
    {"en", "The destination domain does not exist", "domain-not-found"},
    {"en", "Host example.com could not be found", "domain-not-found"},
    {"nl", "Het domein bestaat niet", "domain-not-found"},
    {"de", "Die Domäne existiert nicht", "domain-not-found"},
    {"fr", "Le domaine n'existe pas", "domain-not-found"},
    {"es", "El dominio no existe", "domain-not-found"},
    {"it", "Il dominio non esiste", "domain-not-found"},
    {"pt", "O domínio não existe", "domain-not-found"},
    {"en", "example.com has no MX records", "domain-no-mx"},
    {"en", "Recipient address is malformed", "recipient-malformed"},
    {"en", "This message is too big to accept", "message-too-large"},
    {"en", "Size of the mail exceeds what we take", "size-exceeded"},
    {"nl", "Het bericht is te groot", "message-too-large"},
    {"de", "Die Nachricht ist zu groß", "message-too-large"},
    {"fr", "Le message est trop volumineux", "message-too-large"},
    {"es", "El mensaje es demasiado grande", "message-too-large"},
    {"it", "Il messaggio è troppo grande", "message-too-large"},
    {"pt", "A mensagem é muito grande", "message-too-large"},
    {"en", "The message carries duplicate Date headers", "duplicate-header"},
    {"en", "Too many concurrent connections from one place", "too-many-connections"},
    {"fr", "Trop de connexions simultanées", "too-many-connections"},
    {"en", "You are being throttled, try later", "sending-rate"},
    {"de", "Zu viele Nachrichten in kurzer Zeit", "sending-rate"},
    {"en", "We do not take mail from hosts without reverse DNS", "missing-ptr"},
    {"en", "Your server appears on our blacklist", "blocklisted"},
    {"fr", "Votre serveur est sur liste noire", "blocklisted"},
    {"en", "Mail rejected: it looks like spam", "spam-refused"},
    {"nl", "Uw bericht is als spam herkend", "spam-refused"},
    {"de", "Die Nachricht wurde als Spam erkannt", "spam-refused"},
    {"fr", "Message refusé : spam", "spam-refused"},
    {"es", "Mensaje rechazado por spam", "spam-refused"},
    {"it", "Messaggio rifiutato come spam", "spam-refused"},
    {"pt", "Mensagem rejeitada como spam", "spam-refused"},
    {"en", "Refused for policy reasons", "policy-refusal"},
    {"en", "The name you gave in EHLO was refused", "helo-refused"},
    {"en", "Bad HELO: name unknown", "helo-invalid"},
    {"en", "No mail accepted from a dynamic IP", "dynamic-ip"},
    {"de", "DKIM-Prüfung fehlgeschlagen", "auth-failed"},
    {"en", "SPF check failed for the sending domain", "auth-failed"},
    {"en", "We require TLS for this domain", "tls-required"},
    {"fr", "TLS obligatoire pour ce domaine", "tls-required"},
    {"en", "Relaying is denied here", "relay-denied"},
    {"es", "Retransmisión rechazada", "relay-denied"},
    {"en", "The sender was rejected by our filters", "sender-refused"},
    {"it", "Mittente rifiutato", "sender-refused"},
    {"en", "Envelope sender invalid", "sender-unknown"},
    {"pt", "Remetente desconhecido", "sender-unknown"},
    {"en", "The domain name is malformed", "domain-malformed"},
    {"en", "Message is looping between two servers: mail loop", "mail-loop"},
    {"en", "MX lookup timed out", "dns-lookup-failed"},
    {"en", "unrecognized command, try again", "smtp-syntax"},
    {"de", "Syntaxfehler im Befehl", "smtp-syntax"},
    {"en", "This attachment type is not allowed", "attachment-refused"},
    {"nl", "Bijlage geweigerd", "attachment-refused"},
    {"en", "Message content was rejected", "content-refused"},
    {"en", "someone@example.com: address not valid any more", "recipient-not-found"},
};

TEST(ConceptRulesTest, ParaphrasesInSevenLanguages) {
  std::set<std::string> langs;
  for (const Case& c : kParaphrases) {
    EXPECT_EQ(Concept(c.text), c.concept) << c.lang << ": " << c.text;
    langs.insert(c.lang);
  }
  EXPECT_EQ(langs.size(), 7u);
}

// Words that suggest a reason they do not have: the concept must not be this one.
const Case kFalseFriends[] = {
    {"en", "Unknown user name or bad password", "recipient-not-found"},
    {"en", "Login failed: invalid user or password", "recipient-not-found"},
    {"en", "Sender address rejected: Domain not found", "domain-not-found"},
    {"en", "Sender address rejected: Domain not found", "recipient-not-found"},
    {"en", "Your from address is invalid", "recipient-not-found"},
    {"en", "Your IP address is invalid here", "recipient-not-found"},
    {"de", "Absender unbekannt", "recipient-not-found"},
    {"fr", "L'expéditeur n'existe pas", "recipient-not-found"},
    {"en", "The mailbox is not full", "mailbox-full"},
    {"en", "Subject: unknown user", "recipient-not-found"},
    {"en", "Client host rejected: cannot find your hostname", "domain-not-found"},
    {"en", "user unknown in domain example.com", "domain-not-found"},
    {"en", "Your account has been suspended for sending spam", "mailbox-disabled"},
    {"en", "Daily sending quota exceeded for your account", "quota-exceeded"},
    {"en", "Daily sending quota exceeded for your account", "mailbox-full"},
    {"en", "Header size exceeds the limit", "size-exceeded"},
    {"en", "Message rate exceeded", "message-too-large"},
    {"en", "Your IP is blocked", "mailbox-disabled"},
    {"en", "Rejected, but this message is not spam", "spam-refused"},
    {"en", "someone@example.com: unknown error", "recipient-not-found"},
    {"en", "Delivery failed for an unknown reason", "recipient-not-found"},
    {"en", "From: domain is invalid", "domain-not-found"},
    {"en", "Sender domain not found", "domain-not-found"},
};

TEST(ConceptRulesTest, FalseFriendsDoNotMatch) {
  for (const Case& c : kFalseFriends) {
    EXPECT_NE(Concept(c.text), c.concept) << c.lang << ": " << c.text;
  }
  // What some of them are instead.
  EXPECT_EQ(Concept("user unknown in domain example.com"), "recipient-not-found");
  EXPECT_EQ(Concept("Client host rejected: cannot find your hostname"), "missing-ptr");
  EXPECT_EQ(Concept("Daily sending quota exceeded for your account"), "sending-rate");
  EXPECT_EQ(Concept("Unknown user name or bad password"), "");
}

TEST(ConceptRulesTest, EveryRuleHasAParaphrase) {
  const RuleTables& t = TestRules().tables();
  std::set<std::string> covered;
  for (const Case& c : kParaphrases) covered.insert(c.concept);
  for (const ConceptRule& rule : t.concepts) {
    EXPECT_TRUE(covered.count(rule.id)) << rule.id << ": no paraphrase in this test";
    EXPECT_FALSE(rule.source.empty()) << rule.id;
  }
}

}  // namespace
}  // namespace bouncetolk

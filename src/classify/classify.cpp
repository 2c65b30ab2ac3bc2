// SPDX-License-Identifier: MIT
//
// classify.cpp: see classify.h. Classify() reads the table layers (ReadLayers), takes the
// most specific one's reason (TakeLayerReason), lets the transaction facts of
// kTransactionFacts correct it, in the order docs/precedence.md lists them, and finishes
// (FinishReading: text id, default party, hard bounce).

#include "classify/classify.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

#include "bouncetolk/status_code.h"
#include "classify/host_family.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

Permanence PermanenceOfClass(char klass) {
  if (klass == '2') return Permanence::kSuccess;
  if (klass == '4') return Permanence::kTemporary;
  return Permanence::kPermanent;
}

bool IsSuccessAction(DsnAction action) {
  return action == DsnAction::kDelivered || action == DsnAction::kRelayed ||
         action == DsnAction::kExpanded;
}

// What the table layers found for one recipient: the input of the transaction facts.
struct Reading {
  std::optional<EnhancedStatus> status;  // r->status parsed, inferred ones too
  bool real_status = false;              // status is the message's own: not inferred, no pseudo
  const StatusWordRule* status_word = nullptr;  // layer 0: a code with its vendor's words
  // Layer 3, before the status table: the code's meaning at the family of the server that said
  // it (a status-words row of word "*": Google's 4.7.23, Microsoft's 5.7.606-649).
  const StatusWordRule* vendor_code = nullptr;
  const PhraseRule* phrase = nullptr;    // layer 1
  const ConceptRule* concept = nullptr;  // layer 2, when no phrase matched
  bool mailer_exit = false;  // an X-Unix diagnostic without a phrase or concept of its own
  std::vector<const CodeRule*> status_chain;            // layers 2 and 3, most specific first
  std::vector<const CodeRule*> reply_chain;             // layer 4
  const PhraseRule* subject_phrase = nullptr;           // the last resort
  Permanence code_permanence = Permanence::kPermanent;  // from the action and the codes

  bool AnyLayer() const {
    return status_word || phrase || concept || vendor_code || !status_chain.empty() ||
           !reply_chain.empty() || subject_phrase;
  }
  // Whether the concept rule decides: the code says nothing more specific (no status row, a
  // fallback, a row of kind generic such as X.7.1, or one whose reason is undefined).
  bool ConceptDecides() const {
    if (!concept || phrase || vendor_code) return false;
    if (status_chain.empty()) return true;
    const CodeRule* row = status_chain.front();
    return row->kind == CodeKind::kFallback || row->kind == CodeKind::kGeneric ||
           row->reason == Reason::kUndefined;
  }
  // The reason the words of the text gave (a phrase, or a concept that decides), if any.
  std::optional<Reason> WordingReason() const {
    if (status_word) return std::nullopt;  // the code decided, with its words
    if (phrase) return phrase->reason;
    if (ConceptDecides()) return concept->reason;
    return std::nullopt;
  }
  // An exact status row with a specific reason: not a fallback, not generic, not undefined.
  bool SpecificStatus() const {
    const CodeRule* exact = ExactStatusRow();
    return real_status && exact && exact->kind != CodeKind::kGeneric &&
           exact->reason != Reason::kUndefined;
  }
  // The exact status row (not a fallback), if one matched.
  const CodeRule* ExactStatusRow() const {
    return status_chain.empty() || status_chain.front()->kind == CodeKind::kFallback
               ? nullptr
               : status_chain.front();
  }
};

// First phrase rule of \a matcher found in \a text, appending every hit to rules.
// \a normalized: NormalizeForMatch(text) if the caller has it. \a hits_cache: the hits of an
// earlier call on the same text, or where to keep them for the next.
const PhraseRule* MatchPhrases(const RuleTables& t, const PhraseMatcher& matcher,
                               std::string_view text, std::vector<std::string>* rules,
                               const std::string* normalized_text = nullptr,
                               std::optional<std::vector<int>>* hits_cache = nullptr) {
  if (text.empty()) return nullptr;
  std::optional<std::vector<int>> own_hits;
  std::optional<std::vector<int>>& hits = hits_cache ? *hits_cache : own_hits;
  if (!hits) {
    std::string own;
    if (!normalized_text) own = NormalizeForMatch(text);
    hits = matcher.Match(normalized_text ? *normalized_text : own);
  }
  const PhraseRule* first = nullptr;
  for (int index : *hits) {
    if (index >= kStatusWordIds) break;  // the words of status-words.tsv, after the phrases
    const PhraseRule& rule = t.phrases[static_cast<std::size_t>(index)];
    if (!first) first = &rule;
    const std::string id = "phrase:" + rule.id;
    if (std::find(rules->begin(), rules->end(), id) == rules->end()) rules->push_back(id);
  }
  return first;
}

// The first concept rule (data/rules/concepts.tsv) found in \a normalized, or nullptr.
// The concept rule found in \a normalized; \a cache, when given, keeps the answer for the next
// recipient that shares the text.
const ConceptRule* MatchConcept(const RuleTables& t, std::string_view normalized,
                                std::optional<int>* cache = nullptr) {
  std::optional<int> own;
  std::optional<int>& index = cache ? *cache : own;
  if (!index) index = t.concept_matcher.Match(normalized);
  return *index < 0 ? nullptr : &t.concepts[static_cast<std::size_t>(*index)];
}

// The rows of status-words.tsv whose code fits \a status (any code for rows of code "*") and
// whose word text_matcher found (\a hits: its ids for a text; any text for rows of word "*"),
// in file order.
std::vector<int> StatusWordCandidates(const RuleTables& t,
                                      const std::optional<EnhancedStatus>& status,
                                      const std::vector<int>& hits) {
  std::vector<int> out;
  for (std::size_t i = 0; i < t.status_words.size(); ++i) {
    const StatusWordRule& rule = t.status_words[i];
    const bool code =
        rule.AnyCode() ||
        (status && rule.CodeMatches(status->klass(), status->subject(), status->detail()));
    if (code && (rule.AnyWord() || std::binary_search(hits.begin(), hits.end(),
                                                      kStatusWordIds + static_cast<int>(i))))
      out.push_back(static_cast<int>(i));
  }
  return out;
}

// text_matcher's ids for \a normalized (NormalizeForMatch), kept in \a cache when given.
const std::vector<int>& TextHits(const RuleTables& t, std::string_view normalized,
                                 std::optional<std::vector<int>>* cache) {
  if (!*cache) *cache = normalized.empty() ? std::vector<int>() : t.text_matcher.Match(normalized);
  return **cache;
}

// The words of status-words.tsv in \a normalized: text_matcher's literal ids for it (no regex
// runs: the words are ASCII literals, the loader makes sure), or its full ids when \a found
// has them already; kept in \a found, else in \a own.
const std::vector<int>& StatusWordHits(const RuleTables& t, std::string_view normalized,
                                       TextFindings* found, std::optional<std::vector<int>>* own) {
  if (found && found->phrase_hits) return *found->phrase_hits;
  std::optional<std::vector<int>>& hits = found ? found->literal_hits : *own;
  if (!hits)
    hits = normalized.empty() ? std::vector<int>() : t.text_matcher.MatchLiterals(normalized);
  return *hits;
}

// The rows of status-words.tsv that fit a recipient (docs/precedence.md).
struct StatusWordMatch {
  const StatusWordRule* with_words = nullptr;   // layer 0: a row with a word
  const StatusWordRule* vendor_code = nullptr;  // layer 3: a row of word "*", when no layer 0
};

// The first rows of status-words.tsv that fit \a r: with a word, its code and its word in the
// diagnostic, then in the vendor text \a extra; else of word "*", its code; each with its
// family among the families of the servers the bounce names (Remote-MTA, else
// \a reporting_mta; the hosts in the diagnostic). \a status: r's own status code, or none when
// it is inferred. \a found, when given, keeps the rows whose code and word fit \a extra, per
// status code.
StatusWordMatch MatchStatusWords(const RuleTables& t, const RecipientResult& r,
                                 const std::optional<EnhancedStatus>& status,
                                 std::string_view reporting_mta,
                                 const std::vector<int>& diagnostic_hits, std::string_view extra,
                                 TextFindings* found) {
  StatusWordMatch m;
  if (t.status_words.empty()) return m;
  std::optional<std::vector<std::string>> families;  // worked out when a row needs them
  const auto first_fit = [&](const std::vector<int>& rows, bool any_word) -> const StatusWordRule* {
    for (int index : rows) {
      const StatusWordRule& rule = t.status_words[static_cast<std::size_t>(index)];
      if (rule.AnyWord() != any_word) continue;
      if (rule.family == "*") return &rule;
      // The Reporting-MTA speaks for itself only when no remote server answered (Microsoft
      // 365's own 5.7.7xx refusals of a tenant's outbound mail); beside a Remote-MTA the code
      // is that server's.
      if (!families) {
        families = ServerFamilies(
            t, {r.remote_mta, r.remote_mta.empty() ? reporting_mta : std::string_view()},
            r.diagnostic);
      }
      if (std::binary_search(families->begin(), families->end(), rule.family)) return &rule;
    }
    return nullptr;
  };
  const std::vector<int> in_diagnostic = StatusWordCandidates(t, status, diagnostic_hits);
  m.with_words = first_fit(in_diagnostic, false);
  if (!m.with_words) {
    std::optional<std::vector<int>> own;
    m.with_words =
        first_fit(StatusWordCandidates(t, status, StatusWordHits(t, extra, found, &own)), false);
  }
  if (!m.with_words) m.vendor_code = first_fit(in_diagnostic, true);
  return m;
}

// Diagnostic-Code type X-Unix carries the exit status of the local delivery program
// (procmail, a pipe): a mailer error unless a phrase says more.
bool IsLocalMailerExit(const RecipientResult& r) { return r.diagnostic_type == "x-unix"; }

// Permanence: the action, then the code classes; \a fallback when none says.
Permanence PermanenceOf(const RecipientResult& r, const std::optional<EnhancedStatus>& status,
                        Permanence fallback) {
  if (IsSuccessAction(r.action)) return Permanence::kSuccess;
  if (r.action == DsnAction::kDelayed) return Permanence::kTemporary;
  if (status && r.status_source != StatusSource::kInferred)
    return PermanenceOfClass(status->klass());
  if (r.reply_code) return PermanenceOfClass(static_cast<char>('0' + *r.reply_code / 100));
  if (status) return PermanenceOfClass(status->klass());
  return fallback;
}

// The four layers of docs/precedence.md and the subject, every matching rule listed in
// r->rules, most specific first.
Reading ReadLayers(const RuleTables& t, std::string_view extra_text, std::string_view subject,
                   const std::string* extra_normalized, TextFindings* found,
                   std::string_view reporting_mta, RecipientResult* r) {
  Reading g;
  g.status = EnhancedStatus::Parse(r->status);
  g.real_status = g.status && r->status_source != StatusSource::kInferred && !g.status->IsPseudo();

  // Layer 1: phrases in the diagnostic text, then (unless the diagnostic is a local mailer's
  // exit status, which says more about this recipient) in the vendor text.
  const std::string diagnostic = NormalizeForMatch(r->diagnostic);
  std::optional<std::vector<int>> diagnostic_hits;  // phrases and status words
  g.phrase =
      MatchPhrases(t, t.text_matcher, r->diagnostic, &r->rules, &diagnostic, &diagnostic_hits);
  // A local delivery program saying "no such user" speaks of its own lookup (the Unix account
  // of a mailbox file): the MTA had accepted the address before handing it over.
  const bool local_mailer = IsLocalMailerExit(*r);
  if (g.phrase && g.phrase->reason == Reason::kUserUnknown && local_mailer) g.phrase = nullptr;
  // Layer 2: the concept rules, where no phrase matched: in the diagnostic (as for a phrase,
  // not a local mailer's "no such user"), then in the vendor text.
  if (!g.phrase) g.concept = MatchConcept(t, diagnostic);
  if (g.concept && g.concept->reason == Reason::kUserUnknown && local_mailer) g.concept = nullptr;
  g.mailer_exit = !g.phrase && !g.concept && local_mailer;
  // Layer 0: a code whose vendor meaning goes with words of the text (5.4.1 with "recipient
  // address rejected: access denied"), or a vendor's own token ("[ts03]"), each maybe only from
  // a server of one family (QQ's "mailbox unavailable or access denied"): the code and the
  // words together outrank the phrases.
  std::string own;
  if (!extra_normalized) own = NormalizeForMatch(extra_text);
  const std::string& extra = extra_normalized ? *extra_normalized : own;
  const std::optional<EnhancedStatus> own_status =
      g.real_status ? g.status : std::optional<EnhancedStatus>();
  const StatusWordMatch words = MatchStatusWords(
      t, *r, own_status, reporting_mta, TextHits(t, diagnostic, &diagnostic_hits), extra, found);
  g.status_word = words.with_words;
  if (g.status_word) r->rules.insert(r->rules.begin(), "status-word:" + g.status_word->id);
  if (!g.phrase && !local_mailer) {
    g.phrase = MatchPhrases(t, t.text_matcher, extra_text, &r->rules, &extra,
                            found ? &found->phrase_hits : nullptr);
    if (g.phrase)
    g.concept = nullptr;  // an exact phrase wins over a concept rule
    else if (!g.concept) g.concept = MatchConcept(t, extra, found ? &found->concept : nullptr);
  }
  if (g.concept) r->rules.push_back("concept:" + g.concept->id);

  // Layers 3 and 4: the code's meaning at the server's family, the status code and its
  // fallbacks. Layer 5: the reply code.
  g.vendor_code = words.vendor_code;
  if (g.vendor_code) r->rules.push_back("status-word:" + g.vendor_code->id);
  if (g.real_status) LookupStatus(t, r->status, &g.status_chain);
  for (const CodeRule* rule : g.status_chain) r->rules.push_back("status:" + rule->code);
  if (r->reply_code) LookupReply(t, *r->reply_code, &g.reply_chain);
  for (const CodeRule* rule : g.reply_chain) r->rules.push_back("reply:" + rule->code);

  // Last resort: the bounce's subject ("Delayed Mail (still being retried)").
  if (!g.phrase && g.status_chain.empty() && g.reply_chain.empty())
    g.subject_phrase = MatchPhrases(t, t.subject_matcher, subject, &r->rules);
  g.code_permanence = PermanenceOf(*r, g.status, r->permanence);
  return g;
}

template <typename Rule>
void TakeRule(const Rule& rule, RecipientResult* r) {
  r->reason = rule.reason;
  r->party = rule.party;
  r->text_id = rule.text_id;
}

// A text rule's reading (a phrase, a concept, a status-words row), with its permanence when it
// has one (not for a delay notice).
void TakeMeaning(const RuleMeaning& rule, RecipientResult* r) {
  TakeRule(rule, r);
  if (rule.permanence && r->action != DsnAction::kDelayed) r->permanence = *rule.permanence;
}

// The most specific layer that matched decides; a text rule (phrase, concept, status-words row)
// may also fix the permanence (not of a delay notice).
void TakeLayerReason(const Reading& g, RecipientResult* r) {
  if (g.status_word) {
    TakeMeaning(*g.status_word, r);
  } else if (g.phrase) {
    TakeMeaning(*g.phrase, r);
  } else if (g.ConceptDecides()) {
    TakeMeaning(*g.concept, r);
  } else if (g.vendor_code) {
    TakeMeaning(*g.vendor_code, r);
  } else if (!g.status_chain.empty()) {
    // The most specific status row decides; a row whose reason is undefined (a fallback, or
    // X.0.0 "other undefined status") yields to a reply rule that knows more.
    const CodeRule* rule = g.status_chain.front();
    if (rule->reason == Reason::kUndefined && !g.reply_chain.empty() &&
        g.reply_chain.front()->reason != Reason::kUndefined) {
      rule = g.reply_chain.front();
    }
    TakeRule(*rule, r);
  } else if (!g.reply_chain.empty()) {
    TakeRule(*g.reply_chain.front(), r);
  } else if (g.subject_phrase) {
    TakeRule(*g.subject_phrase, r);
  } else {
    r->reason = Reason::kUndefined;
    r->party = Party::kSender;
  }
}

void SetReason(Reason reason, Party party, RecipientResult* r) {
  r->reason = reason;
  r->party = party;
  r->text_id.clear();
}

// --- The transaction facts (docs/precedence.md, "Facts about the transaction") ---------------
// Each is checked on the reading the earlier ones left; the id it returns is listed first in
// r->rules.

// A "user unknown" wording cannot be taken literally when the transaction shows the address
// existed: the server accepted RCPT and refused only after DATA, or the status code puts the
// refusal under policy (X.7.x) or says the mailbox exists but refused (X.2.0, X.2.1 rows whose
// reason is filtered) and nothing shows the refusal came at or before RCPT. Then a filter
// rejected the message. An exact status row that itself names an unknown address (X.1.1)
// outranks the command: code and wording agree.
bool AddressWasAccepted(const RuleTables&, const Reading& g, const RecipientResult& r) {
  if (g.WordingReason() != Reason::kUserUnknown) return false;
  const CodeRule* exact = g.ExactStatusRow();
  if (exact && exact->reason == Reason::kUserUnknown) return false;
  if (r.command == SmtpCommand::kData) return true;
  const bool before_data = r.command == SmtpCommand::kConn || r.command == SmtpCommand::kEhlo ||
                           r.command == SmtpCommand::kHelo || r.command == SmtpCommand::kMail ||
                           r.command == SmtpCommand::kRcpt;
  if (before_data || g.status_chain.empty()) return false;
  return g.status_chain.front()->reason == Reason::kFiltered ||
         (g.real_status && g.status->subject() == 7);
}
std::string ReadAsFiltered(const Reading& g, RecipientResult* r) {
  SetReason(Reason::kFiltered, Party::kRecipient, r);
  r->permanence = g.code_permanence;  // nor is the phrase's permanence taken
  return "accepted-address";
}

// The local delivery program failed, and no phrase or concept of its own diagnostic says how,
// nor a specific status code (5.2.2 says more than the diagnostic's type). A status that says
// the user is unknown (5.1.1) does not count: beside an X-Unix diagnostic it is the MTA's
// translation of the program's exit status (EX_NOUSER), the program's own lookup.
bool LocalMailerFailed(const RuleTables&, const Reading& g, const RecipientResult&) {
  return g.mailer_exit && !g.status_word && !g.vendor_code &&
         !(g.SpecificStatus() && g.ExactStatusRow()->reason != Reason::kUserUnknown);
}
std::string ReadAsMailerError(const Reading&, RecipientResult* r) {
  SetReason(Reason::kMailerError, Party::kRemoteAdmin, r);
  return "diagnostic-type:x-unix";
}

// No connection was ever accepted, yet the failure is final: the sender's MTA gave up.
bool GaveUpConnecting(const RuleTables&, const Reading&, const RecipientResult& r) {
  return r.reason == Reason::kNetworkError && r.permanence == Permanence::kPermanent &&
         !r.reply_code && r.command == SmtpCommand::kConn;
}
std::string ReadAsExpired(const Reading&, RecipientResult* r) {
  r->reason = Reason::kExpired;
  r->text_id.clear();
  return "gave-up-retrying";
}

// A name lookup that failed for now is not proof that the domain does not exist: the MTA
// will look again (RFC 5321 section 5.1 treats temporary DNS errors as retryable). Until it
// gives up, this is a network/DNS problem, and the address is no hard bounce.
bool TemporaryDnsFailure(const RuleTables&, const Reading&, const RecipientResult& r) {
  return r.reason == Reason::kHostUnknown && r.permanence == Permanence::kTemporary;
}
std::string ReadAsNetworkError(const Reading&, RecipientResult* r) {
  SetReason(Reason::kNetworkError, Party::kRemoteAdmin, r);
  return "temporary-dns-failure";
}

// A refusal at connection time or at HELO/EHLO, before any sender or recipient was named,
// concerns the connecting host itself.
bool RefusedBeforeMail(const RuleTables&, const Reading&, const RecipientResult& r) {
  return r.reason == Reason::kUndefined &&
         (r.command == SmtpCommand::kConn || r.command == SmtpCommand::kHelo ||
          r.command == SmtpCommand::kEhlo);
}
std::string ReadAsBlocked(const Reading&, RecipientResult* r) {
  SetReason(Reason::kBlocked, Party::kOwnAdmin, r);
  return fmt::format("refused-at:{}", SmtpCommandToken(r->command));
}

// A final failure report (Action: failed: the MTA has given up, RFC 3464 section 2.3.3) whose
// last, temporary code itself says the mailbox does not exist (450 4.1.1): the server answered
// so at every attempt, so the address goes off the list like a 5.1.1. Only for a reason whose
// hard column is `yes`; an `if-permanent` one (notaccept: 4.3.2 "not accepting messages" for
// now) is hard only when permanent, as Sisimai has it.
bool FailedAfterRetries(const RuleTables& t, const Reading& g, const RecipientResult& r) {
  const CodeRule* exact = g.ExactStatusRow();
  const auto& reason_rule = t.reasons[static_cast<int>(r.reason)];
  return r.action == DsnAction::kFailed && r.permanence == Permanence::kTemporary && exact &&
         exact->reason == r.reason && reason_rule && reason_rule->hard == Hardness::kYes;
}
std::string ReadAsHard(const Reading&, RecipientResult* r) {
  r->hard_bounce = true;
  return "failed-after-retries";
}

struct TransactionFact {
  std::string_view name;  // the id it lists in rules (refused-at adds ":<command>")
  bool (*applies)(const RuleTables&, const Reading&, const RecipientResult&);
  std::string (*effect)(const Reading&, RecipientResult*);  // returns the id to list
};

// In the order of docs/precedence.md (a test compares the names with its list).
constexpr TransactionFact kTransactionFacts[] = {
    {"accepted-address", AddressWasAccepted, ReadAsFiltered},
    {"diagnostic-type:x-unix", LocalMailerFailed, ReadAsMailerError},
    {"gave-up-retrying", GaveUpConnecting, ReadAsExpired},
    {"temporary-dns-failure", TemporaryDnsFailure, ReadAsNetworkError},
    {"refused-at", RefusedBeforeMail, ReadAsBlocked},
    {"failed-after-retries", FailedAfterRetries, ReadAsHard},
};

// The text of the reason when no rule gave one of its own, the reason's own party when no
// layer matched, and the hard-bounce flag.
void FinishReading(const RuleTables& t, const Reading& g, RecipientResult* r) {
  if (r->text_id.empty() || r->text_id.compare(0, 7, "reason:") == 0) {
    r->text_id = fmt::format("reason:{}", ReasonToken(r->reason));
  }
  if (const auto& reason_rule = t.reasons[static_cast<int>(r->reason)];
      reason_rule && !g.AnyLayer()) {
    r->party = reason_rule->party;
  }
  r->hard_bounce = r->hard_bounce || IsHardBounce(t, r->reason, r->permanence);
}

}  // namespace

const StatusWordRule* FindStatusWord(const RuleTables& t,
                                     const std::optional<EnhancedStatus>& status,
                                     std::string_view normalized,
                                     const std::vector<std::string>& families, bool any_word) {
  std::optional<std::vector<int>> hits;
  for (int index : StatusWordCandidates(t, status, TextHits(t, normalized, &hits))) {
    const StatusWordRule& rule = t.status_words[static_cast<std::size_t>(index)];
    if (rule.AnyWord() == any_word &&
        (rule.family == "*" || std::binary_search(families.begin(), families.end(), rule.family)))
      return &rule;
  }
  return nullptr;
}

std::vector<std::string_view> TransactionFactNames() {
  std::vector<std::string_view> names;
  for (const TransactionFact& fact : kTransactionFacts) names.push_back(fact.name);
  return names;
}

// `yes` and `if-permanent` are both hard only when the failure is permanent: a temporary code
// or a delay notice may still end in a delivery (docs/data-format.md). They differ in
// failed-after-retries, which makes a `yes` reason hard on a final report too.
bool IsHardBounce(const RuleTables& tables, Reason reason, Permanence permanence) {
  const auto& rule = tables.reasons[static_cast<int>(reason)];
  return rule && rule->hard != Hardness::kNo && permanence == Permanence::kPermanent;
}

void Classify(const RuleTables& t, std::string_view extra_text, std::string_view subject,
              RecipientResult* r, const std::string* extra_normalized, TextFindings* extra_found,
              std::string_view reporting_mta) {
  r->rules.clear();
  r->hard_bounce = false;
  const Reading reading =
      ReadLayers(t, extra_text, subject, extra_normalized, extra_found, reporting_mta, r);
  r->permanence = reading.code_permanence;
  if (r->permanence == Permanence::kSuccess) {
    r->reason = Reason::kDelivered;
    r->party = Party::kSender;
    r->text_id = "reason:delivered";
    return;
  }
  TakeLayerReason(reading, r);
  for (const TransactionFact& fact : kTransactionFacts) {
    if (fact.applies(t, reading, *r)) r->rules.insert(r->rules.begin(), fact.effect(reading, r));
  }
  FinishReading(t, reading, r);
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// classify.cpp: see classify.h.

#include "classify/classify.h"

#include <fmt/format.h>

#include <algorithm>

#include "bouncetolk/status_code.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

Permanence PermanenceOfClass(char klass) {
  if (klass == '2') return Permanence::kSuccess;
  if (klass == '4') return Permanence::kTemporary;
  return Permanence::kPermanent;
}

bool IsSuccessAction(std::string_view action) {
  return action == "delivered" || action == "relayed" || action == "expanded";
}

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
    const PhraseRule& rule = t.phrases[static_cast<std::size_t>(index)];
    if (!first) first = &rule;
    const std::string id = "phrase:" + rule.id;
    if (std::find(rules->begin(), rules->end(), id) == rules->end()) rules->push_back(id);
  }
  return first;
}

// A "user unknown" wording cannot be taken literally when the transaction shows the address
// existed: the server accepted RCPT and refused only after DATA, or the status code puts the
// refusal under policy (X.7.x) or says the mailbox exists but refused (X.2.0, X.2.1 rows whose
// reason is filtered) and nothing shows the refusal came at or before RCPT. Then a filter
// rejected the message (docs/precedence.md). An exact status row that itself names an unknown
// address (X.1.1) outranks the command: code and wording agree.
bool AddressWasAccepted(const RecipientResult& r, const std::optional<EnhancedStatus>& status,
                        const std::vector<const CodeRule*>& status_chain) {
  const CodeRule* exact = status_chain.empty() || status_chain.front()->kind == CodeKind::kFallback
                              ? nullptr
                              : status_chain.front();
  if (exact && exact->reason == Reason::kUserUnknown) return false;
  if (r.command == "DATA") return true;
  const bool before_data = r.command == "CONN" || r.command == "EHLO" || r.command == "HELO" ||
                           r.command == "MAIL" || r.command == "RCPT";
  if (before_data || status_chain.empty()) return false;
  return status_chain.front()->reason == Reason::kFiltered || (status && status->subject() == 7);
}

// Diagnostic-Code type X-Unix carries the exit status of the local delivery program
// (procmail, a pipe): a mailer error unless a phrase says more.
bool IsLocalMailerExit(const RecipientResult& r) { return r.diagnostic_type == "x-unix"; }

// A refusal at connection time or at HELO/EHLO, before any sender or recipient was named,
// concerns the connecting host itself.
bool RefusedBeforeMail(const RecipientResult& r) {
  return r.command == "CONN" || r.command == "HELO" || r.command == "EHLO";
}

}  // namespace

bool IsHardBounce(const RuleTables& tables, Reason reason, Permanence permanence) {
  const auto& rule = tables.reasons[static_cast<int>(reason)];
  if (!rule) return false;
  if (rule->hard == Hardness::kYes) return permanence == Permanence::kPermanent;
  if (rule->hard == Hardness::kIfPermanent) return permanence == Permanence::kPermanent;
  return false;
}

void Classify(const RuleTables& t, std::string_view extra_text, std::string_view subject,
              RecipientResult* r, const std::string* extra_normalized,
              std::optional<std::vector<int>>* extra_hits) {
  r->rules.clear();
  const auto status = EnhancedStatus::Parse(r->status);
  const bool real_status =
      status && r->status_source != StatusSource::kInferred && !status->IsPseudo();

  // Layer 1: phrases in the diagnostic text, then (unless the diagnostic is a local mailer's
  // exit status, which says more about this recipient) in the vendor text.
  const PhraseRule* phrase = MatchPhrases(t, t.text_matcher, r->diagnostic, &r->rules);
  // A local delivery program saying "no such user" speaks of its own lookup (the Unix account
  // of a mailbox file): the MTA had accepted the address before handing it over.
  if (phrase && phrase->reason == Reason::kUserUnknown && IsLocalMailerExit(*r)) phrase = nullptr;
  const bool mailer_exit = !phrase && IsLocalMailerExit(*r);
  if (!phrase && !mailer_exit)
    phrase = MatchPhrases(t, t.text_matcher, extra_text, &r->rules, extra_normalized, extra_hits);

  // Layers 2 and 3: the status code and its fallbacks.
  std::vector<const CodeRule*> status_chain;
  if (real_status) LookupStatus(t, r->status, &status_chain);
  for (const CodeRule* rule : status_chain) r->rules.push_back("status:" + rule->code);

  // Layer 4: the reply code.
  std::vector<const CodeRule*> reply_chain;
  if (r->reply_code) LookupReply(t, *r->reply_code, &reply_chain);
  for (const CodeRule* rule : reply_chain) r->rules.push_back("reply:" + rule->code);

  // Last resort: the bounce's subject ("Delayed Mail (still being retried)").
  const PhraseRule* subject_phrase = nullptr;
  if (!phrase && status_chain.empty() && reply_chain.empty()) {
    subject_phrase = MatchPhrases(t, t.subject_matcher, subject, &r->rules);
  }

  // Permanence: the action, then the code classes.
  if (IsSuccessAction(r->action)) {
    r->permanence = Permanence::kSuccess;
  } else if (r->action == "delayed") {
    r->permanence = Permanence::kTemporary;
  } else if (status && r->status_source != StatusSource::kInferred) {
    r->permanence = PermanenceOfClass(status->klass());
  } else if (r->reply_code) {
    r->permanence = PermanenceOfClass(static_cast<char>('0' + *r->reply_code / 100));
  } else if (status) {
    r->permanence = PermanenceOfClass(status->klass());
  }

  if (r->permanence == Permanence::kSuccess) {
    r->reason = Reason::kDelivered;
    r->party = Party::kSender;
    r->text_id = "reason:delivered";
    r->hard_bounce = false;
    return;
  }

  if (phrase && phrase->reason == Reason::kUserUnknown &&
      AddressWasAccepted(*r, real_status ? status : std::nullopt, status_chain)) {
    r->reason = Reason::kFiltered;
    r->party = Party::kRecipient;
    r->text_id = "reason:filtered";
    r->rules.insert(r->rules.begin(), "accepted-address");
  } else if (phrase) {
    r->reason = phrase->reason;
    r->party = phrase->party;
    r->text_id = phrase->text_id;
    if (phrase->permanence && r->action != "delayed") r->permanence = *phrase->permanence;
  } else if (mailer_exit) {
    r->reason = Reason::kMailerError;
    r->party = Party::kRemoteAdmin;
    r->text_id = "reason:mailererror";
    r->rules.insert(r->rules.begin(), "diagnostic-type:x-unix");
  } else if (!status_chain.empty()) {
    // The most specific status row decides; a row whose reason is undefined (a fallback, or
    // X.0.0 "other undefined status") yields to a reply rule that knows more.
    const CodeRule* rule = status_chain.front();
    if (rule->reason == Reason::kUndefined && !reply_chain.empty() &&
        reply_chain.front()->reason != Reason::kUndefined) {
      rule = reply_chain.front();
    }
    r->reason = rule->reason;
    r->party = rule->party;
    r->text_id = rule->text_id;
  } else if (!reply_chain.empty()) {
    r->reason = reply_chain.front()->reason;
    r->party = reply_chain.front()->party;
    r->text_id = reply_chain.front()->text_id;
  } else if (subject_phrase) {
    r->reason = subject_phrase->reason;
    r->party = subject_phrase->party;
    r->text_id = subject_phrase->text_id;
  } else {
    r->reason = Reason::kUndefined;
    r->party = Party::kSender;
  }
  if (r->reason == Reason::kNetworkError && r->permanence == Permanence::kPermanent &&
      !r->reply_code && r->command == "CONN") {
    // No connection was ever accepted, yet the failure is final: the sender's MTA gave up.
    r->reason = Reason::kExpired;
    r->text_id.clear();
    r->rules.insert(r->rules.begin(), "gave-up-retrying");
  }
  if (r->reason == Reason::kHostUnknown && r->permanence == Permanence::kTemporary) {
    // A name lookup that failed for now is not proof that the domain does not exist: the MTA
    // will look again (RFC 5321 section 5.1 treats temporary DNS errors as retryable). Until
    // it gives up, this is a network/DNS problem, and the address is no hard bounce.
    r->reason = Reason::kNetworkError;
    r->party = Party::kRemoteAdmin;
    r->text_id.clear();
    r->rules.insert(r->rules.begin(), "temporary-dns-failure");
  }
  if (r->reason == Reason::kUndefined && RefusedBeforeMail(*r)) {
    r->reason = Reason::kBlocked;
    r->party = Party::kOwnAdmin;
    r->text_id.clear();
    r->rules.insert(r->rules.begin(), "refused-at:" + r->command);
  }
  if (r->text_id.empty() || r->text_id.compare(0, 7, "reason:") == 0) {
    r->text_id = fmt::format("reason:{}", ReasonToken(r->reason));
  }
  if (const auto& reason_rule = t.reasons[static_cast<int>(r->reason)];
      reason_rule && !phrase && status_chain.empty() && reply_chain.empty() && !subject_phrase) {
    r->party = reason_rule->party;
  }
  r->hard_bounce = IsHardBounce(t, r->reason, r->permanence);
  if (!r->hard_bounce && r->action == "failed" && r->permanence == Permanence::kTemporary &&
      !status_chain.empty() && status_chain.front()->kind != CodeKind::kFallback &&
      status_chain.front()->reason == r->reason &&
      IsHardBounce(t, r->reason, Permanence::kPermanent)) {
    // A final failure report (Action: failed: the MTA has given up, RFC 3464 section 2.3.3)
    // whose last, temporary code itself says the mailbox does not exist (450 4.1.1): the server
    // answered so at every attempt, so the address goes off the list like a 5.1.1.
    r->hard_bounce = true;
    r->rules.insert(r->rules.begin(), "failed-after-retries");
  }
}

}  // namespace bouncetolk

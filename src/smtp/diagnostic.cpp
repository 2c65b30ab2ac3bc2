// SPDX-License-Identifier: MIT
//
// diagnostic.cpp: see diagnostic.h. Disagreement policy (recorded in status_note):
//   - equal codes, or only one present: use it;
//   - the Status field is class-only (X.0.0) and the text is more specific: the text wins
//     ("text_more_specific"), as Postfix and others write 5.0.0 over a precise remote reply;
//   - the Status field's class contradicts the remote reply code while the text's code agrees
//     with it: the text wins ("text_matches_reply");
//   - the text's code is the remote server's own reply ("550 5.7.1 ...", same class as the
//     field): the text wins ("text_is_remote_reply"); a reporting MTA that writes Status 5.1.1
//     over "550 5.7.1 IP address blacklisted" has guessed, the remote server has not;
//   - otherwise the Status field wins ("status_field_preferred").

#include "smtp/diagnostic.h"

#include "common/text.h"

namespace bouncetolk {

namespace {

// The enhanced code written right after \a reply ("550 5.2.2", "550-5.2.2", "550-'5.2.2"),
// wherever that reply occurs in \a text.
std::optional<EnhancedStatus> StatusAfterReply(std::string_view text, ReplyCode reply) {
  const std::string code = reply.ToString();
  for (std::size_t pos = text.find(code); pos != std::string_view::npos;
       pos = text.find(code, pos + 1)) {
    std::size_t i = pos + code.size();
    if (i >= text.size() || (text[i] != ' ' && text[i] != '-')) continue;
    ++i;
    while (i < text.size() && (text[i] == '\'' || text[i] == '"' || text[i] == '#')) ++i;
    std::size_t end = i;
    while (end < text.size() && (IsDigit(text[end]) || text[end] == '.')) ++end;
    while (end > i && text[end - 1] == '.') --end;
    const auto status = EnhancedStatus::Parse(text.substr(i, end - i));
    if (status && status->klass() == reply.klass()) return status;
  }
  return std::nullopt;
}

}  // namespace

TextCodes ExtractCodes(std::string_view text) {
  TextCodes out;
  out.reply = ReplyCode::Find(text);
  if (out.reply) {
    // The remote server's own words come first: the code after the reply code.
    out.status = StatusAfterReply(text, *out.reply);
    out.status_in_reply = out.status.has_value();
    if (!out.status) out.status = EnhancedStatus::Find(text, out.reply->klass());
  } else {
    out.status = EnhancedStatus::Find(text, '5');
    if (!out.status) out.status = EnhancedStatus::Find(text, '4');
  }
  return out;
}

void ChooseStatus(const TextCodes& codes, StatusSource text_source, RecipientResult* r) {
  if (codes.reply && !r->reply_code) r->reply_code = codes.reply->value();
  if (codes.status) r->status_in_text = codes.status->ToString();
  auto field = EnhancedStatus::Parse(r->status_field);
  if (field && codes.status && *field != *codes.status) {
    const bool field_generic = field->subject() == 0 && field->detail() == 0;
    const bool class_conflict = codes.reply && field->klass() != codes.reply->klass() &&
                                codes.status->klass() == codes.reply->klass();
    if (field_generic && field->klass() == codes.status->klass()) {
      r->status = codes.status->ToString();
      r->status_source = text_source;
      r->status_note = StatusNote::kTextMoreSpecific;
    } else if (class_conflict) {
      r->status = codes.status->ToString();
      r->status_source = text_source;
      r->status_note = StatusNote::kTextMatchesReply;
    } else if (codes.status_in_reply && field->klass() == codes.status->klass()) {
      r->status = codes.status->ToString();
      r->status_source = text_source;
      r->status_note = StatusNote::kTextIsRemoteReply;
    } else {
      r->status = field->ToString();
      r->status_source = StatusSource::kStatusField;
      r->status_note = StatusNote::kStatusFieldPreferred;
    }
    return;
  }
  if (field) {
    r->status = field->ToString();
    r->status_source = StatusSource::kStatusField;
    return;
  }
  if (codes.status) {
    r->status = codes.status->ToString();
    r->status_source = text_source;
    return;
  }
  // Nothing in the message: the class from the reply code or the action.
  char klass = '5';
  if (r->reply_code) {
    klass = static_cast<char>('0' + *r->reply_code / 100);
    if (klass != '2' && klass != '4') klass = '5';
  } else if (r->action == DsnAction::kDelayed) {
    klass = '4';
  } else if (r->action == DsnAction::kDelivered || r->action == DsnAction::kRelayed ||
             r->action == DsnAction::kExpanded) {
    klass = '2';
  }
  r->status = std::string(1, klass) + ".0.0";
  r->status_source = StatusSource::kInferred;
}

}  // namespace bouncetolk

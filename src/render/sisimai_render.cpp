// SPDX-License-Identifier: MIT
//
// sisimai_render.cpp: --format sisimai (render.h), the records of Sisimai's Fact (v5) / Data
// (v4) dump in their field names, so that a system built on Sisimai's output can read ours
// without a change: one JSON object per recipient per line (Sisimai.dump gives an array of
// them; `jq -s .` makes one). The mapping is in docs/json-schema.md. An input without
// recipients gives no record, as Sisimai gives none.

#include <cstdio>

#include "bouncetolk/render.h"
#include "common/text.h"
#include "render/json.h"

namespace bouncetolk {
namespace {

// Sisimai's module name for our reader, where one matches (smtpagent, decodedby); else ours.
std::string_view SisimaiAgent(std::string_view format) {
  static constexpr std::pair<std::string_view, std::string_view> kAgents[] = {
      {"rfc3464", "RFC3464"},
      {"rfc3464-text", "RFC3464"},
      {"arf", "ARF"},
      {"apple-unsubscribe", "ARF"},
      {"rfc3834", "RFC3834"},
      {"amazonses", "AmazonSES"},
      {"courier", "Courier"},
      {"dragonfly", "DragonFly"},
      {"exchange", "Exchange2007"},
      {"exim", "Exim"},
      {"gmail", "Gmail"},
      {"googlegroups", "GoogleGroups"},
      {"messagingserver", "MessagingServer"},
      {"notes", "Notes"},
      {"opensmtpd", "OpenSMTPD"},
      {"postfix", "Postfix"},
      {"qmail", "qmail"},
      {"sendmail", "Sendmail"},
  };
  for (const auto& [ours, theirs] : kAgents) {
    if (format == ours) return theirs;
  }
  return format;
}

// "+0900", "-0500"; "+0000" when the time is not known.
std::string ZoneOffset(int minutes) {
  char buf[8];
  const int m = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, "%c%02d%02d", minutes < 0 ? '-' : '+', (m / 60) % 100, m % 60);
  return buf;
}

}  // namespace

std::string RenderSisimai(const Report& rep, const RenderOptions& o) {
  std::string out;
  // The message's own fields go into every recipient's record: cut as in the flat records.
  const std::size_t shared_max = SharedTextBytes(rep.recipients.size());
  const std::string subject = CutText(rep.original.subject, shared_max);
  const std::string message_id = CutText(StripAngles(rep.original.message_id), shared_max);
  const std::string addresser = CutText(rep.addresser, shared_max);
  const std::string sender_domain = CutText(rep.sender_domain, shared_max);
  const std::string list_id = CutText(rep.original.list_id, shared_max);
  const std::string lhost = CutText(rep.per_message.reporting_mta, shared_max);
  const std::string feedback_type = CutText(rep.feedback_type, shared_max);
  const std::string_view agent = SisimaiAgent(rep.format);
  const std::string zone = ZoneOffset(rep.time ? rep.time_zone_minutes : 0);
  for (const RecipientResult& r : rep.recipients) {
    std::string diagnostic_type = r.diagnostic_type;
    for (char& c : diagnostic_type) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    JsonWriter w(&out);
    w.BeginObject();  // keys in alphabetical order, as Sisimai's dump
    w.KeyString("action", ActionWord(r));
    w.KeyString("addresser", addresser);
    w.KeyString("alias", EqualsIgnoreCase(r.original_recipient, r.recipient)
                             ? std::string_view()
                             : std::string_view(r.original_recipient));
    // Sisimai's field for the caller's own data: the id of a JSON Lines input line, if any.
    w.Key("catch");
    if (o.ids && o.id && o.id_literal)
      w.Raw(*o.id);
    else if (o.ids && o.id)
      w.String(*o.id);
    else
      w.Null();
    w.KeyString("command", SmtpCommandToken(r.command));  // v5's name; v4: smtpcommand
    w.KeyString("decodedby", agent);                      // v5's name; v4: smtpagent
    w.KeyString("deliverystatus", r.status);
    w.KeyString("destination", r.recipient_domain);
    w.KeyString("diagnosticcode", r.diagnostic);
    w.KeyString("diagnostictype", diagnostic_type);
    w.KeyString("feedbacktype", feedback_type);
    w.KeyBool("hardbounce", r.hard_bounce);
    w.KeyString("lhost", lhost);
    w.KeyString("listid", list_id);
    w.KeyString("messageid", message_id);
    w.KeyString("origin", o.file);
    w.KeyString("reason", ReasonToken(r.reason));
    w.KeyString("recipient", r.recipient);
    w.KeyString("replycode", r.reply_code ? std::to_string(*r.reply_code) : std::string());
    w.KeyString("rhost", r.remote_mta);
    w.KeyString("senderdomain", sender_domain);
    w.KeyString("smtpagent", agent);
    w.KeyString("smtpcommand", SmtpCommandToken(r.command));
    w.KeyString("subject", subject);
    w.Key("timestamp");
    if (rep.time)
      w.Int(*rep.time);
    else
      w.Null();
    w.KeyString("timezoneoffset", zone);
    w.KeyString("token", r.token);
    w.EndObject();
    out.push_back('\n');
  }
  return out;
}

}  // namespace bouncetolk

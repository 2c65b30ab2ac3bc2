// SPDX-License-Identifier: MIT
//
// render.cpp: Render() for every Format (render.h). The flat record (one per recipient, or one
// per input without recipients) is shared by jsonl, csv and tsv so the three never drift; the
// JSON document and the Dutch/English prose are built from the same Report.

#include "bouncetolk/render.h"

#include <fmt/format.h>

#include <cassert>
#include <deque>

#include "common/text.h"
#include "render/json.h"
#include "render/separated.h"
#include "render/text_render.h"

namespace bouncetolk {
namespace {

// ---- flat records: jsonl, csv, tsv ------------------------------------------------------

constexpr std::string_view kColumns[] = {"file",
                                         "kind",
                                         "index",
                                         "recipient",
                                         "original_recipient",
                                         "action",
                                         "status",
                                         "status_source",
                                         "status_field",
                                         "status_in_text",
                                         "status_note",
                                         "reply_code",
                                         "diagnostic",
                                         "diagnostic_type",
                                         "reporting_mta",
                                         "remote_mta",
                                         "arrival_date",
                                         "last_attempt_date",
                                         "will_retry_until",
                                         "final_log_id",
                                         "command",
                                         "reason",
                                         "hard_bounce",
                                         "permanent",
                                         "permanence",
                                         "party",
                                         "title",
                                         "explanation",
                                         "fix",
                                         "rules",
                                         "subject",
                                         "message_id",
                                         "from",
                                         "to",
                                         "date",
                                         "bounce_subject",
                                         "bounce_date",
                                         "format",
                                         "feedback_type",
                                         "error",
                                         "error_message"};

// Columns after the per-recipient ones: "subject" ... "error_message".
constexpr std::size_t kMessageColumns = 11;

// One value per column, a view into the Report, the RuleSet or the record's CellStore.
// Booleans and numbers are given as text with a flag.
struct Cell {
  std::string_view text;
  bool present = false;  // false: null
  bool literal = false;  // number or boolean: unquoted in JSON
};

// Strings made for one record (numbers, texts, joined rule ids) that its cells point into.
// A deque, so earlier strings stay where they are while more are added.
using CellStore = std::deque<std::string>;

std::vector<Cell> FlatRecord(const Report& rep, const RecipientResult* r, const RuleSet& rules,
                             const RenderOptions& o, CellStore* store) {
  auto s = [](std::string_view v) { return Cell{v, !v.empty(), false}; };
  auto own = [store](std::string v) { return std::string_view(store->emplace_back(std::move(v))); };
  auto lit = [&](std::string_view v) { return Cell{v, true, true}; };
  const Cell null{};
  const Problem* fatal = FirstFatal(rep);
  std::vector<Cell> c;
  c.reserve(std::size(kColumns));
  c.push_back(s(o.file));
  c.push_back(s(MessageKindToken(rep.kind)));
  if (r) {
    Texts t = TextsFor(*r, rules, o.lang);
    c.push_back(lit(own(std::to_string(r->index))));
    c.push_back(s(r->recipient));
    c.push_back(s(r->original_recipient));
    c.push_back(s(ActionWord(*r)));
    c.push_back(s(r->status));
    c.push_back(s(StatusSourceToken(r->status_source)));
    c.push_back(s(r->status_field));
    c.push_back(s(r->status_in_text));
    c.push_back(s(StatusNoteToken(r->status_note)));
    c.push_back(r->reply_code ? lit(own(std::to_string(*r->reply_code))) : null);
    c.push_back(s(r->diagnostic));
    c.push_back(s(r->diagnostic_type));
    c.push_back(s(rep.per_message.reporting_mta));
    c.push_back(s(r->remote_mta));
    c.push_back(s(rep.per_message.arrival_date));
    c.push_back(s(r->last_attempt_date));
    c.push_back(s(r->will_retry_until));
    c.push_back(s(r->final_log_id));
    c.push_back(s(SmtpCommandToken(r->command)));
    c.push_back(s(ReasonToken(r->reason)));
    c.push_back(lit(r->hard_bounce ? "true" : "false"));
    c.push_back(lit(r->permanence == Permanence::kPermanent ? "true" : "false"));
    c.push_back(s(PermanenceToken(r->permanence)));
    c.push_back(s(PartyToken(r->party)));
    c.push_back(s(own(std::move(t.title))));
    c.push_back(s(own(std::move(t.explanation))));
    c.push_back(s(own(std::move(t.fix))));
    c.push_back(s(own(JoinRules(r->rules))));
  } else {
    // Every per-recipient column is null; the count follows from the table, so a new column
    // cannot shift the message columns out of place.
    while (c.size() < std::size(kColumns) - kMessageColumns) c.push_back(null);
  }
  c.push_back(s(rep.original.subject));
  c.push_back(s(rep.original.message_id));
  c.push_back(s(rep.original.from));
  c.push_back(s(rep.original.to));
  c.push_back(s(rep.original.date));
  c.push_back(s(rep.subject));
  c.push_back(s(rep.date));
  c.push_back(s(rep.format));
  c.push_back(s(rep.feedback_type));
  c.push_back(fatal ? s(ErrorCodeToken(fatal->code)) : null);
  c.push_back(fatal ? s(own(ProblemText(rules, o.lang, *fatal))) : null);
  assert(c.size() == std::size(kColumns));
  return c;
}

// "id": the input's id as it came (JSON Lines input), after "schema".
void WriteId(JsonWriter* w, const RenderOptions& o) {
  if (!o.ids) return;
  w->Key("id");
  if (!o.id)
    w->Null();
  else if (o.id_literal)
    w->Raw(*o.id);
  else
    w->String(*o.id);
}

void AppendJsonl(std::string* out, const std::vector<Cell>& cells, const RenderOptions& o) {
  JsonWriter w(out);
  w.BeginObject();
  w.KeyInt("schema", kSchemaVersion);
  WriteId(&w, o);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    w.Key(kColumns[i]);
    if (!cells[i].present) {
      w.Null();
    } else if (cells[i].literal) {
      if (cells[i].text == "true" || cells[i].text == "false")
        w.Bool(cells[i].text == "true");
      else
        w.Int(std::stoll(std::string(cells[i].text)));
    } else {
      w.String(cells[i].text);
    }
  }
  w.EndObject();
  out->push_back('\n');
}

void AppendSeparated(std::string* out, const std::vector<Cell>& cells, char sep,
                     const RenderOptions& o) {
  if (o.ids) {
    if (o.id) AppendSeparatedCell(out, *o.id, sep);
    out->push_back(sep);
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out->push_back(sep);
    if (cells[i].present) AppendSeparatedCell(out, cells[i].text, sep);
  }
  out->append(SeparatedLineEnd(sep));
}

// ---- JSON document -------------------------------------------------------------------------

void WriteFields(JsonWriter* w, std::string_view key, const std::vector<Field>& fields) {
  w->Key(key);
  w->BeginArray();
  for (const Field& f : fields) {
    w->BeginObject();
    w->KeyString("name", f.name);
    w->KeyString("value", f.value);
    w->EndObject();
  }
  w->EndArray();
}

std::string RenderJson(const Report& rep, const RuleSet& rules, const RenderOptions& o) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.KeyInt("schema", kSchemaVersion);
  WriteId(&w, o);
  w.KeyString("file", o.file);
  w.KeyString("kind", MessageKindToken(rep.kind));
  w.KeyStringOrNull("format", rep.format);
  w.Key("bounce");
  w.BeginObject();
  w.KeyStringOrNull("subject", rep.subject);
  w.KeyStringOrNull("from", rep.from);
  w.KeyStringOrNull("date", rep.date);
  w.KeyStringOrNull("feedback_type", rep.feedback_type);
  w.EndObject();
  w.Key("per_message");
  w.BeginObject();
  w.KeyStringOrNull("original_envelope_id", rep.per_message.original_envelope_id);
  w.KeyStringOrNull("reporting_mta", rep.per_message.reporting_mta);
  w.KeyStringOrNull("reporting_mta_type", rep.per_message.reporting_mta_type);
  w.KeyStringOrNull("dsn_gateway", rep.per_message.dsn_gateway);
  w.KeyStringOrNull("received_from_mta", rep.per_message.received_from_mta);
  w.KeyStringOrNull("arrival_date", rep.per_message.arrival_date);
  WriteFields(&w, "extension_fields", rep.per_message.extension_fields);
  w.EndObject();
  w.Key("original");
  w.BeginObject();
  w.KeyStringOrNull("subject", rep.original.subject);
  w.KeyStringOrNull("message_id", rep.original.message_id);
  w.KeyStringOrNull("from", rep.original.from);
  w.KeyStringOrNull("to", rep.original.to);
  w.KeyStringOrNull("date", rep.original.date);
  w.EndObject();
  w.Key("recipients");
  w.BeginArray();
  for (const RecipientResult& r : rep.recipients) {
    const Texts t = TextsFor(r, rules, o.lang);
    w.BeginObject();
    w.KeyInt("index", r.index);
    w.KeyStringOrNull("recipient", r.recipient);
    w.KeyStringOrNull("recipient_type", r.recipient_type);
    w.KeyStringOrNull("original_recipient", r.original_recipient);
    w.KeyStringOrNull("original_recipient_type", r.original_recipient_type);
    w.KeyStringOrNull("action", ActionWord(r));
    w.KeyString("status", r.status);
    w.KeyString("status_source", StatusSourceToken(r.status_source));
    w.KeyStringOrNull("status_field", r.status_field);
    w.KeyStringOrNull("status_in_text", r.status_in_text);
    w.KeyStringOrNull("status_note", StatusNoteToken(r.status_note));
    w.KeyInt("reply_code", r.reply_code);
    w.KeyStringOrNull("diagnostic", r.diagnostic);
    w.KeyStringOrNull("diagnostic_type", r.diagnostic_type);
    w.KeyStringOrNull("remote_mta", r.remote_mta);
    w.KeyStringOrNull("remote_mta_type", r.remote_mta_type);
    w.KeyStringOrNull("last_attempt_date", r.last_attempt_date);
    w.KeyStringOrNull("will_retry_until", r.will_retry_until);
    w.KeyStringOrNull("final_log_id", r.final_log_id);
    w.KeyStringOrNull("command", SmtpCommandToken(r.command));
    WriteFields(&w, "extension_fields", r.extension_fields);
    w.KeyString("reason", ReasonToken(r.reason));
    w.KeyBool("hard_bounce", r.hard_bounce);
    w.KeyBool("permanent", r.permanence == Permanence::kPermanent);
    w.KeyString("permanence", PermanenceToken(r.permanence));
    w.KeyString("party", PartyToken(r.party));
    w.KeyStringOrNull("title", t.title);
    w.KeyStringOrNull("explanation", t.explanation);
    w.KeyStringOrNull("fix", t.fix);
    w.Key("rules");
    w.BeginArray();
    for (const auto& id : r.rules) w.String(id);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("problems");
  w.BeginArray();
  for (const Problem& p : rep.problems) {
    w.BeginObject();
    w.KeyString("code", ErrorCodeToken(p.code));
    w.KeyStringOrNull("arg", p.arg);
    w.KeyBool("fatal", IsFatal(p.code));
    w.KeyString("message", ProblemText(rules, o.lang, p));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace

std::string Render(const Report& report, const RuleSet& rules, const RenderOptions& options) {
  std::string out;
  switch (options.format) {
    case Format::kText:
    case Format::kBrief:
      return RenderText(report, rules, options);
    case Format::kJson:
      return RenderJson(report, rules, options);
    case Format::kJsonl:
    case Format::kCsv:
    case Format::kTsv: {
      out.reserve(2048 * (report.recipients.size() + 1));  // a record is 1-2 KiB: grow once
      auto emit = [&](const RecipientResult* r) {
        CellStore store;
        const auto cells = FlatRecord(report, r, rules, options, &store);
        if (options.format == Format::kJsonl)
          AppendJsonl(&out, cells, options);
        else
          AppendSeparated(&out, cells, options.format == Format::kCsv ? ',' : '\t', options);
      };
      if (report.recipients.empty()) emit(nullptr);
      for (const RecipientResult& r : report.recipients) emit(&r);
      return out;
    }
  }
  return out;
}

std::string RenderHeader(const RenderOptions& options) {
  if (options.format != Format::kCsv && options.format != Format::kTsv) return {};
  std::string out;
  const char sep = options.format == Format::kCsv ? ',' : '\t';
  if (options.ids) {
    out.append("id");
    out.push_back(sep);
  }
  for (std::size_t i = 0; i < std::size(kColumns); ++i) {
    if (i) out.push_back(sep);
    out.append(kColumns[i]);
  }
  out.append(SeparatedLineEnd(sep));
  return out;
}

}  // namespace bouncetolk

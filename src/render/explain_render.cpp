// SPDX-License-Identifier: MIT
//
// explain_render.cpp: RenderExplain() (render.h): the readings of an explain query as prose
// (Dutch or English) or as one JSON document.

#include <fmt/format.h>

#include <algorithm>

#include "bouncetolk/explain.h"
#include "bouncetolk/render.h"
#include "render/json.h"

namespace bouncetolk {
namespace {

std::string ExplainJson(const ExplainResult& r, const RuleSet& rules, Lang lang) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.KeyInt("schema", kSchemaVersion);
  w.KeyString("query", r.query);
  w.KeyBool("found", r.found);
  w.Key("hits");
  w.BeginArray();
  for (const ExplainHit& h : r.hits) {
    const TextRecord* t = rules.Text(h.text_id, lang);
    w.BeginObject();
    w.KeyString("kind", h.kind);
    w.KeyString("matched", h.matched);
    w.KeyString("rule", h.rule_id);
    w.KeyStringOrNull("reason", h.reason ? ReasonToken(*h.reason) : std::string_view());
    w.KeyStringOrNull("party", h.party ? PartyToken(*h.party) : std::string_view());
    w.KeyStringOrNull("permanence",
                      h.permanence ? PermanenceToken(*h.permanence) : std::string_view());
    w.KeyBool("fallback", h.fallback);
    w.KeyStringOrNull("note", h.note);
    w.KeyStringOrNull("title", t ? std::string_view(t->title) : std::string_view());
    w.KeyStringOrNull("explanation", t ? std::string_view(t->explanation) : std::string_view());
    w.KeyStringOrNull("fix", t ? std::string_view(t->fix) : std::string_view());
    w.KeyString("source", h.source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace

std::string RenderExplain(const ExplainResult& r, const RuleSet& rules, Format format, Lang lang) {
  if (format != Format::kText) return ExplainJson(r, rules, lang);
  std::string out;
  auto line = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += fmt::format("   {:<20} {}\n", Msg(rules, lang, key) + ":", value);
  };
  if (r.hits.empty()) {
    out += Msg(rules, lang, "explain.not_found", {TerminalSafe(r.query)}) + "\n";
    return out;
  }
  // The best reading is the answer, alone and in full. The other layers follow as one line
  // each under "Algemene betekenis": their advice would only contradict the answer ("Dit ligt
  // niet aan u" under "uw account is geblokkeerd"), and a text shown once is not repeated.
  std::vector<std::string> shown;
  bool general_heading = false;
  for (const ExplainHit& h : r.hits) {
    const TextRecord* t = rules.Text(h.text_id, lang);
    const std::string title = t ? t->title : h.rule_id;
    if (std::find(shown.begin(), shown.end(), h.text_id) != shown.end()) continue;
    shown.push_back(h.text_id);
    if (shown.size() > 1) {
      if (!general_heading) {
        out += "\n" + Msg(rules, lang, "explain.general") + "\n";
        general_heading = true;
      }
      out += fmt::format("   {} ({}): {}\n", TerminalSafe(h.matched),
                         Msg(rules, lang, "explain.kind." + h.kind), title);
      continue;
    }
    out += fmt::format("{} ({}) — {}\n", TerminalSafe(h.matched),
                       Msg(rules, lang, "explain.kind." + h.kind), title);
    if (!h.note.empty()) out += "   " + Msg(rules, lang, "explain." + h.note) + "\n";
    if (t) {
      line("label.explanation", t->explanation);
      line("label.fix", t->fix);
    }
    if (h.party)
      line("label.party", Msg(rules, lang, "party." + std::string(PartyToken(*h.party))));
    if (h.permanence)
      line("label.kind",
           Msg(rules, lang, "permanence." + std::string(PermanenceToken(*h.permanence))));
    if (h.reason) line("label.reason", ReasonToken(*h.reason));
    line("label.rules", h.rule_id);
    line("label.source", h.source);
  }
  if (!r.found) out += "\n" + Msg(rules, lang, "explain.only_fallback") + "\n";
  return out;
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// reply_render.cpp: RenderReply() (render.h). Chooses a frame (failures, delays only, or
// other reports such as delivered/auto-reply), groups recipients by the paragraph template
// and text that explain them, and fills the {placeholders}. Template choice per recipient:
// "<reason>-<party>", "<reason>", "party-<party>", "default"; delayed recipients use "delayed".

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "bouncetolk/render.h"
#include "common/text.h"
#include "render/text_render.h"

namespace bouncetolk {
namespace {

using Values = std::map<std::string, std::string>;

std::string Fill(std::string_view tmpl, const Values& values) {
  std::string out;
  out.reserve(tmpl.size() + 256);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const std::size_t close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        auto it = values.find(std::string(tmpl.substr(i + 1, close - i - 1)));
        if (it != values.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string ParagraphId(const RuleSet& rules, Lang lang, const RecipientResult& r) {
  if (r.action == DsnAction::kDelayed) return "delayed";
  const std::string reason(ReasonToken(r.reason));
  const std::string party(PartyToken(r.party));
  for (std::string id : {reason + "-" + party, reason, "party-" + party}) {
    if (rules.ReplyTemplate(id, lang)) return id;
  }
  return "default";
}

// "Bakkerij Jansen <info@...>" -> "Bakkerij Jansen"; no display name -> empty.
std::string DisplayName(std::string_view from) {
  const std::size_t lt = from.find('<');
  if (lt == std::string_view::npos || lt == 0) return {};
  std::string name(Trim(from.substr(0, lt)));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  return name;
}

constexpr std::size_t kReplyWidth = 76;

// Re-flows every paragraph (blocks separated by blank lines) to \a width columns, except
// lists ("- ...") and short lines such as the greeting, which keep their line breaks.
std::string Rewrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text.substr(pos, end - pos);
    const bool keep = para.substr(0, 2) == "- " || para.size() <= width;
    out += keep ? std::string(para) : Wrap(CollapseSpace(para), 0, 0, width);
    if (end < text.size()) out += "\n\n";
    pos = end + 2;
    while (pos < text.size() && text[pos] == '\n') {  // keep extra blank lines as one
      ++pos;
    }
  }
  if (!text.empty() && text.back() == '\n' && (out.empty() || out.back() != '\n')) out += '\n';
  return out;
}

}  // namespace

std::string RenderReply(const Report& report, const RuleSet& rules, Lang lang) {
  if (report.recipients.empty()) return {};
  bool any_failed = false, any_delayed = false;
  for (const RecipientResult& r : report.recipients) {
    if (r.action == DsnAction::kDelayed)
      any_delayed = true;
    else if (r.permanence != Permanence::kSuccess)
      any_failed = true;
  }
  const std::string frame_id = any_failed ? "frame" : any_delayed ? "frame-delayed" : "frame-other";
  const std::string* frame = rules.ReplyTemplate(frame_id, lang);
  if (!frame) return {};

  // Group recipients by (paragraph template, explaining text), keeping first-seen order.
  struct Group {
    std::string template_id;
    const RecipientResult* first;
    std::vector<std::string> addresses;
  };
  std::vector<Group> groups;
  std::string recipient_list;
  for (const RecipientResult& r : report.recipients) {
    if (any_failed && r.permanence == Permanence::kSuccess) continue;  // only what went wrong
    const std::string address =
        TerminalSafe(r.recipient.empty() ? r.original_recipient : r.recipient);
    recipient_list += "- " + address + "\n";
    const std::string id = ParagraphId(rules, lang, r);
    auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) {
      return x.template_id == id && x.first->text_id == r.text_id && x.first->reason == r.reason;
    });
    if (g == groups.end())
      groups.push_back(Group{id, &r, {address}});
    else
      g->addresses.push_back(address);
  }

  std::string paragraphs;
  for (const Group& g : groups) {
    const RecipientResult& r = *g.first;
    const TextRecord* text = rules.Text(r.text_id, lang);
    if (!text) text = rules.Text(fmt::format("reason:{}", ReasonToken(r.reason)), lang);
    std::string addresses;
    for (std::size_t i = 0; i < g.addresses.size(); ++i) {
      if (i)
        addresses += i + 1 == g.addresses.size() ? " " + Msg(rules, lang, "reply.and") + " "
                                                 : std::string(", ");
      addresses += g.addresses[i];
    }
    const Values v = {
        {"address", addresses},
        {"title", text ? text->title : std::string(ReasonToken(r.reason))},
        {"explanation", text ? text->explanation : std::string()},
        {"fix", text ? text->fix : std::string()},
        {"retry_until", r.will_retry_until.empty() ? Msg(rules, lang, "reply.retry_unknown")
                                                   : TerminalSafe(r.will_retry_until)},
        {"status", r.status},
        {"diagnostic",
         r.diagnostic.empty() ? Msg(rules, lang, "label.none") : TerminalSafe(r.diagnostic)},
    };
    const std::string* tmpl = rules.ReplyTemplate(g.template_id, lang);
    if (!paragraphs.empty()) paragraphs += "\n";
    paragraphs += Fill(tmpl ? *tmpl : std::string("{address}: {explanation} {fix}\n"), v);
  }

  std::string name = TerminalSafe(DisplayName(report.original.from));
  if (name.empty()) name = Msg(rules, lang, "reply.default_name");
  const std::string subject = report.original.subject.empty()
                                  ? Msg(rules, lang, "reply.no_subject")
                                  : "\"" + TerminalSafe(report.original.subject) + "\"";
  std::string date = report.original.date.empty() ? report.date : report.original.date;
  date = date.empty() ? Msg(rules, lang, "reply.no_date") : TerminalSafe(date);
  const Values frame_values = {
      {"name", name},
      {"date", date},
      {"subject", subject},
      {"recipients", recipient_list},
      {"paragraphs", paragraphs},
  };
  return Rewrap(Fill(*frame, frame_values), kReplyWidth);
}

}  // namespace bouncetolk

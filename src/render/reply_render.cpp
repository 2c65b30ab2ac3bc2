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
#include "common/date.h"
#include "common/text.h"
#include "render/answer.h"
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

std::string ParagraphId(const RuleSet& rules, Lang lang, const RecipientResult& r,
                        const Answer& a) {
  if (a.outcome == Outcome::kDelayed) return "delayed";
  const std::string reason(ReasonToken(r.reason));
  const std::string party(PartyToken(r.party));
  std::vector<std::string> ids;
  if (a.outcome == Outcome::kFailed && a.code_class == CodeClass::kTemporary) {
    // Given up after repeated attempts: never "it will still arrive".
    ids = {reason + "-gaveup", "gaveup"};
  }
  for (std::string id : {reason + "-" + party, reason, "party-" + party}) ids.push_back(id);
  for (const std::string& id : ids) {
    if (rules.ReplyTemplate(id, lang)) return id;
  }
  return "default";
}

// The first web address in \a text ("https://aka.ms/EXOSmtpErrors"), without the punctuation
// that ends a sentence or closes brackets around it.
std::string FirstUrl(std::string_view text) {
  std::size_t start = text.find("https://");
  const std::size_t http = text.find("http://");
  if (http < start) start = http;
  if (start == std::string_view::npos) return {};
  std::size_t end = start;
  while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' &&
         std::string_view(")]>\"'<").find(text[end]) == std::string_view::npos)
    ++end;
  std::string_view url = text.substr(start, end - start);
  while (!url.empty() && std::string_view(".,;:").find(url.back()) != std::string_view::npos)
    url.remove_suffix(1);
  return std::string(url);
}

// The numbered interface strings "<prefix>1", "<prefix>2", ... as "from|to" pairs.
std::vector<std::pair<std::string, std::string>> Pairs(const RuleSet& rules, Lang lang,
                                                       std::string_view prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 1; i < 100; ++i) {
    const std::string key = fmt::format("{}{}", prefix, i);
    const std::string_view value = rules.Message(key, lang);
    if (value == key) break;
    const std::size_t bar = value.find('|');
    if (bar == std::string_view::npos) continue;
    out.emplace_back(std::string(value.substr(0, bar)), std::string(value.substr(bar + 1)));
  }
  return out;
}

// Sentences of \a text: each ends after '.', '!' or '?' followed by a space or newline.
std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Whether \a sentence sends the customer to "your provider": the letter comes from the
// provider, who says "we" ("wij als uw provider" / "as your provider" is the letter's voice).
bool SendsToProvider(std::string_view sentence) {
  const std::string lower = AsciiLowerCopy(sentence);
  for (std::string_view phrase :
       {"uw provider", "uw eigen provider", "uw hostingprovider", "uw internet- of hostingprovider",
        "de hostingprovider", "your provider", "your own provider", "the hosting provider",
        "your hosting provider"}) {
    for (std::size_t at = lower.find(phrase); at != std::string::npos;
         at = lower.find(phrase, at + 1)) {
      const std::string_view before = std::string_view(lower).substr(0, at);
      const bool our_voice = (before.size() >= 4 && before.substr(before.size() - 4) == "als ") ||
                             (before.size() >= 3 && before.substr(before.size() - 3) == "as ");
      if (!our_voice) return true;
    }
  }
  return false;
}

// Whether \a text speaks as the provider already ("wij", "ons", "we", "us").
bool SaysWe(std::string_view text) {
  const std::string lower = " " + AsciiLowerCopy(CollapseSpace(text)) + " ";
  for (std::string_view word : {" wij ", " ons ", " onze ", " we ", " us ", " us.", " our "}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// One paragraph in the provider's voice: the rewrites of reply.voice.*, no sentence that sends
// the customer to their provider, no sentence twice (across the letter: \a seen).
std::string InOurVoice(std::string text, const RuleSet& rules, Lang lang,
                       std::vector<std::string>* seen, bool* dropped) {
  for (const auto& [from, to] : Pairs(rules, lang, "reply.voice.")) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  std::string out;
  for (std::string_view sentence : Sentences(text)) {
    const std::string key = CollapseSpace(sentence);
    if (key.empty()) {
      out.append(sentence);
      continue;
    }
    if (SendsToProvider(sentence)) {
      *dropped = true;
      continue;
    }
    if (std::find(seen->begin(), seen->end(), key) != seen->end()) continue;
    seen->push_back(key);
    out.append(sentence);
  }
  return out;
}

// The first use of each jargon word of reply.gloss.* gets its plain meaning in brackets.
std::string Glossed(std::string text, const RuleSet& rules, Lang lang) {
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  };
  for (const auto& [term, gloss] : Pairs(rules, lang, "reply.gloss.")) {
    for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
      const std::size_t end = at + term.size();
      if ((at > 0 && (is_word(text[at - 1]) || text[at - 1] == '(')) ||
          (end < text.size() && is_word(text[end])))
        continue;
      if (text.compare(end, 2, " (") != 0) text.insert(end, " (" + gloss + ")");
      break;
    }
  }
  return text;
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
  std::vector<Answer> answers;
  answers.reserve(report.recipients.size());
  bool any_failed = false, any_delayed = false;
  for (const RecipientResult& r : report.recipients) {
    answers.push_back(AnswerFor(r, rules, lang));
    any_failed |= answers.back().outcome == Outcome::kFailed;
    any_delayed |= answers.back().outcome == Outcome::kDelayed;
  }
  const std::string frame_id = any_failed ? "frame" : any_delayed ? "frame-delayed" : "frame-other";
  const std::string* frame = rules.ReplyTemplate(frame_id, lang);
  if (!frame) return {};

  // Group recipients by (paragraph template, explaining text), keeping first-seen order.
  struct Group {
    std::string template_id;
    std::size_t first;
    std::vector<std::string> addresses;
  };
  std::vector<Group> groups;
  std::string recipient_list;
  for (std::size_t i = 0; i < report.recipients.size(); ++i) {
    const RecipientResult& r = report.recipients[i];
    if (any_failed && IsArrived(answers[i].outcome)) continue;  // only what went wrong
    const std::string address =
        TerminalSafe(r.recipient.empty() ? r.original_recipient : r.recipient);
    recipient_list += "- " + address + "\n";
    const std::string id = ParagraphId(rules, lang, r, answers[i]);
    auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) {
      const RecipientResult& f = report.recipients[x.first];
      return x.template_id == id && f.text_id == r.text_id && f.reason == r.reason;
    });
    if (g == groups.end())
      groups.push_back(Group{id, i, {address}});
    else
      g->addresses.push_back(address);
  }

  std::string paragraphs;
  std::vector<std::string> seen;  // sentences already in the letter
  for (const Group& g : groups) {
    const RecipientResult& r = report.recipients[g.first];
    const Answer& a = answers[g.first];
    std::string addresses;
    for (std::size_t i = 0; i < g.addresses.size(); ++i) {
      if (i)
        addresses += i + 1 == g.addresses.size() ? " " + Msg(rules, lang, "reply.and") + " "
                                                 : std::string(", ");
      addresses += g.addresses[i];
    }
    const Values v = {
        {"address", addresses},
        {"title", a.title.empty() ? std::string(ReasonToken(r.reason)) : a.title},
        {"explanation", a.explanation},
        {"fix", a.fix},
        {"retry_until", r.will_retry_until.empty()
                            ? Msg(rules, lang, "reply.retry_unknown")
                            : TerminalSafe(ShownDate(r.will_retry_until, lang))},
        {"status", r.status},
        {"diagnostic",
         r.diagnostic.empty() ? Msg(rules, lang, "label.none") : TerminalSafe(r.diagnostic)},
    };
    const std::string* tmpl = rules.ReplyTemplate(g.template_id, lang);
    bool dropped = false;
    std::string paragraph =
        InOurVoice(Fill(tmpl ? *tmpl : std::string("{address}: {explanation} {fix}\n"), v), rules,
                   lang, &seen, &dropped);
    // What the customer was sent to the provider for, the provider does itself (unless the
    // paragraph already says "we").
    const bool fix_shown = tmpl && tmpl->find("{fix}") != std::string::npos;
    if ((dropped || (fix_shown && a.fix_action == FixAction::kAskOwnAdmin)) && !a.nobody_acts &&
        !SaysWe(paragraph)) {
      const std::string ours = Msg(rules, lang, "reply.own_admin");
      if (std::find(seen.begin(), seen.end(), ours) == seen.end()) {
        while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == ' '))
          paragraph.pop_back();
        paragraph += " " + ours + "\n";
        seen.push_back(ours);
      }
    }
    // The page the bounce points to (a delisting form, the provider's explanation).
    const std::string url = TerminalSafe(FirstUrl(r.diagnostic));
    if (!url.empty() && paragraph.find(url) == std::string::npos) {
      while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
      paragraph += "\n\n" + Msg(rules, lang, "reply.url", {url}) + "\n";
    }
    if (!paragraphs.empty()) paragraphs += "\n";
    paragraphs += paragraph;
  }

  std::string name = TerminalSafe(DisplayName(report.original.from));
  if (name.empty()) name = Msg(rules, lang, "reply.default_name");
  const std::string subject = report.original.subject.empty()
                                  ? Msg(rules, lang, "reply.no_subject")
                                  : "\"" + TerminalSafe(report.original.subject) + "\"";
  std::string date = report.original.date.empty() ? report.date : report.original.date;
  date = date.empty() ? Msg(rules, lang, "reply.no_date") : TerminalSafe(ShownDate(date, lang));
  const Values frame_values = {
      {"name", name},
      {"date", date},
      {"subject", subject},
      {"recipients", recipient_list},
      {"paragraphs", Glossed(paragraphs, rules, lang)},
  };
  return Rewrap(Fill(*frame, frame_values), kReplyWidth);
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// text_render.cpp: prose for people. Per recipient a headline (permanent/temporary/delivered,
// the title, the address), then explanation, fix and who must act, then the technical details.
// Colour through fmt's terminal colours when RenderOptions::color; prose wrapped to
// RenderOptions::width. Every string from the message goes through TerminalSafe().

#include "render/text_render.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include "common/text.h"
#include "rules/rule_table.h"

namespace bouncetolk {

Texts TextsFor(const RecipientResult& r, const RuleSet& rules, Lang lang) {
  const TextRecord* rec = rules.Text(r.text_id, lang);
  if (!rec) rec = rules.Text(fmt::format("reason:{}", ReasonToken(r.reason)), lang);
  if (!rec) return {};
  return Texts{rec->title, rec->explanation, rec->fix};
}

std::string JoinRules(const std::vector<std::string>& rules) {
  std::string out;
  for (const auto& id : rules) {
    if (!out.empty()) out += ' ';
    out += id;
  }
  return out;
}

const Problem* FirstFatal(const Report& report) {
  for (const Problem& p : report.problems) {
    if (IsFatal(p.code)) return &p;
  }
  return nullptr;
}

bool ShouldUseColor(std::string_view mode, bool is_terminal, const char* no_color_env,
                    const char* term_env) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (!is_terminal) return false;
  if (no_color_env && *no_color_env) return false;
  if (term_env && std::string_view(term_env) == "dumb") return false;
  return true;
}

namespace {

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string Wrap(std::string_view text, std::size_t first_column, std::size_t indent,
                 std::size_t width) {
  if (width == 0 || width <= indent + 20) return std::string(text);
  std::string out;
  std::size_t column = first_column;
  std::size_t pos = 0;
  bool line_has_word = false;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    const std::size_t w = CodePoints(word);
    if (line_has_word && column + 1 + w > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++column;
    }
    out.append(word);
    column += w;
    line_has_word = true;
    pos = end;
  }
  return out;
}

namespace {

constexpr std::size_t kLabelWidth = 27;  // "   " + label column

class TextOut {
 public:
  TextOut(const RuleSet& rules, const RenderOptions& o) : rules_(rules), o_(o) {}
  std::string M(std::string_view key, std::initializer_list<std::string_view> args = {}) const {
    return Msg(rules_, o_.lang, key, args);
  }
  // "   Label:   value", the value wrapped under itself. Message-derived values are made safe.
  void Line(std::string_view label_key, std::string_view value, bool from_message) {
    if (value.empty()) return;
    const std::string label = M(label_key) + ":";
    const std::string safe = from_message ? TerminalSafe(value) : CollapseSpace(value);
    const std::size_t pad =
        kLabelWidth > 3 + CodePoints(label) ? kLabelWidth - 3 - CodePoints(label) : 1;
    out_ += "   " + label + std::string(pad, ' ') + Wrap(safe, kLabelWidth, kLabelWidth, o_.width) +
            "\n";
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string Styled(std::string_view s, fmt::terminal_color color, bool bold = true) const {
    if (!o_.color) return std::string(s);
    const fmt::text_style style = bold ? fmt::fg(color) | fmt::emphasis::bold : fmt::fg(color);
    return fmt::format(style, "{}", s);
  }
  std::string& str() { return out_; }

 private:
  const RuleSet& rules_;
  const RenderOptions& o_;
  std::string out_;
};

fmt::terminal_color ColorOf(Permanence p) {
  switch (p) {
    case Permanence::kPermanent:
      return fmt::terminal_color::red;
    case Permanence::kTemporary:
      return fmt::terminal_color::yellow;
    case Permanence::kSuccess:
      return fmt::terminal_color::green;
  }
  return fmt::terminal_color::red;
}

std::string StatusLine(const TextOut& t, const RuleSet& rules, const RenderOptions& o,
                       const RecipientResult& r) {
  // Feedback reports and auto-replies carry no status code (report.h).
  if (r.status.size() < 5) return r.status.empty() ? t.M("label.none") : r.status;
  std::string status = r.status;
  if (r.status_source == StatusSource::kInferred) {
    status += " (" + t.M("label.status_inferred") + ")";
  } else {
    // The title of the row that reads this code: a vendor's own row (5.4.1) gives the vendor's
    // meaning, not the registry's (X.4.1).
    std::string title_id = "status:X." + r.status.substr(2);
    if (const CodeRule* row = LookupStatus(rules.tables(), r.status, nullptr);
        row && row->kind != CodeKind::kFallback)
      title_id = row->text_id;
    if (const TextRecord* st = rules.Text(title_id, o.lang)) status += " – " + st->title;
    const char* src_key = r.status_source == StatusSource::kStatusField ? "label.status_from_field"
                          : r.status_source == StatusSource::kDiagnosticCode
                              ? "label.status_from_diagnostic"
                              : "label.status_from_text";
    status += " (" + t.M(src_key) + ")";
  }
  if (r.status_note != StatusNote::kNone && r.status_note != StatusNote::kTextMoreSpecific &&
      !r.status_in_text.empty()) {
    status += "; " + t.M("label.status_disagrees", {r.status_field, r.status_in_text});
  }
  if (r.reply_code) status += fmt::format("; {} {}", t.M("label.reply"), *r.reply_code);
  return status;
}

void RecipientBlock(TextOut& t, const Report& rep, const RuleSet& rules, const RenderOptions& o,
                    const RecipientResult& r) {
  const Texts texts = TextsFor(r, rules, o.lang);
  const std::string perm_word = t.M("headline." + std::string(PermanenceToken(r.permanence)));
  const std::string title = texts.title.empty() ? std::string(ReasonToken(r.reason)) : texts.title;
  const std::string address = TerminalSafe(r.recipient.empty() ? t.M("label.none") : r.recipient);
  t.Raw(fmt::format("\n{} {}  {}  {}\n", r.index, t.Styled(perm_word, ColorOf(r.permanence)),
                    t.Styled(title, ColorOf(r.permanence), false), address));
  t.Line("label.explanation", texts.explanation, false);
  t.Line("label.fix", texts.fix, false);
  t.Line("label.party", t.M("party." + std::string(PartyToken(r.party))), false);
  std::string kind = t.M("permanence." + std::string(PermanenceToken(r.permanence)));
  if (r.hard_bounce) kind += "; " + t.M("hard.yes");
  t.Line("label.kind", kind, false);
  std::string rcpt = r.recipient;
  if (!r.original_recipient.empty() && r.original_recipient != r.recipient) {
    rcpt += fmt::format(" ({}: {})", t.M("label.original_recipient"), r.original_recipient);
  }
  t.Line("label.recipient", rcpt, true);
  const std::string action(ActionWord(r));
  const std::string action_key = "action." + action;
  t.Line("label.action", rules.Message(action_key, o.lang) == action_key ? action : t.M(action_key),
         true);
  t.Line("label.status", StatusLine(t, rules, o, r), true);
  if (!r.diagnostic.empty()) {
    t.Line("label.diagnostic",
           r.diagnostic_type.empty() ? r.diagnostic : r.diagnostic_type + "; " + r.diagnostic,
           true);
  }
  t.Line("label.reporting_mta", rep.per_message.reporting_mta, true);
  t.Line("label.remote_mta", r.remote_mta, true);
  t.Line("label.last_attempt", r.last_attempt_date, true);
  t.Line("label.retry_until", r.will_retry_until, true);
  t.Line("label.rules", JoinRules(r.rules), false);
}

std::string RenderBrief(const Report& rep, const RuleSet& rules, const RenderOptions& o) {
  const std::string file = TerminalSafe(o.file.empty() ? std::string("-") : o.file);
  std::string out;
  if (rep.recipients.empty()) {
    const Problem* p = FirstFatal(rep);
    const std::string what = p ? TerminalSafe(ProblemText(rules, o.lang, *p))
                               : Msg(rules, o.lang,
                                     rep.kind == MessageKind::kNotABounce ? "summary.not_a_bounce"
                                                                          : "summary.unreadable");
    return fmt::format("{}\t-\t{}\t{}\n", file, MessageKindToken(rep.kind), what);
  }
  for (const RecipientResult& r : rep.recipients) {
    const Texts t = TextsFor(r, rules, o.lang);
    std::string perm(PermanenceToken(r.permanence));
    if (o.color) perm = fmt::format(fmt::fg(ColorOf(r.permanence)), "{}", perm);
    out += fmt::format("{}\t{}\t{}\t{}\t{}{}\t{}\n", file, TerminalSafe(r.recipient), r.status,
                       perm, ReasonToken(r.reason), r.hard_bounce ? " (hard)" : "", t.title);
  }
  return out;
}

}  // namespace

std::string RenderText(const Report& rep, const RuleSet& rules, const RenderOptions& o) {
  if (o.format == Format::kBrief) return RenderBrief(rep, rules, o);
  TextOut t(rules, o);
  const std::string file =
      o.file.empty() || o.file == "-" ? std::string() : TerminalSafe(o.file) + ": ";
  switch (rep.kind) {
    case MessageKind::kUnreadable: {
      const Problem* p = FirstFatal(rep);
      t.Raw(fmt::format(
          "{}{}\n", file,
          p ? TerminalSafe(ProblemText(rules, o.lang, *p)) : t.M("summary.unreadable")));
      return t.str();
    }
    case MessageKind::kNotABounce:
      t.Raw(fmt::format("{}{}\n", file, t.M("summary.not_a_bounce")));
      return t.str();
    case MessageKind::kFeedback:
      t.Raw(fmt::format("{}{}\n", file, t.M("summary.feedback")));
      break;
    case MessageKind::kAutoReply:
      t.Raw(fmt::format("{}{}\n", file, t.M("summary.auto_reply")));
      break;
    case MessageKind::kBounce:
      t.Raw(fmt::format("{}{}\n", file,
                        t.M("summary.bounce", {std::to_string(rep.recipients.size())})));
      break;
  }
  // Which message bounced.
  const OriginalMessage& orig = rep.original;
  std::string what;
  auto add = [&](std::string_view label_key, const std::string& value, bool quote) {
    if (value.empty()) return;
    if (!what.empty()) what += ", ";
    what +=
        t.M(label_key) + " " + (quote ? "\"" + TerminalSafe(value) + "\"" : TerminalSafe(value));
  };
  add("label.subject", orig.subject, true);
  add("label.to", orig.to, false);
  add("label.date", orig.date, false);
  if (!what.empty())
    t.Raw(t.M("label.message") + ": " +
          Wrap(what, CodePoints(t.M("label.message")) + 2, 2, o.width) + "\n");
  if (!rep.feedback_type.empty())
    t.Raw(fmt::format("{}: {}\n", t.M("label.feedback_type"), TerminalSafe(rep.feedback_type)));
  for (const RecipientResult& r : rep.recipients) RecipientBlock(t, rep, rules, o, r);
  return t.str();
}

}  // namespace bouncetolk

// SPDX-License-Identifier: MIT
//
// lhost_common.cpp: see lhost_common.h. Patterns are RE2 through CapturePattern (linear time
// on hostile text), compiled once.

#include "lhost/lhost_common.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

#include "common/text.h"
#include "rules/capture_pattern.h"
#include "smtp/command.h"

namespace bouncetolk {
namespace {

// Header names whose value quotes an address that is not a failed recipient, also as mail
// clients write them in Dutch, German and French when a message is forwarded inline.
bool IsQuotedHeaderLine(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
  const std::string name = AsciiLowerCopy(Trim(line.substr(0, colon)));
  for (std::string_view h :
       {"to",          "from",         "cc",           "bcc",         "reply-to",   "sender",
        "return-path", "subject",      "delivered-to", "envelope-to", "message-id", "received",
        "date",        "in-reply-to",  "references",   "sent",        "mail from",  "x-sender",
        "van",         "aan",          "datum",        "onderwerp",   "verzonden",  "beantwoorden",
        "von",         "an",           "betreff",      "gesendet",    "de",         "\xc3\xa0",
        "objet",       "envoy\xc3\xa9"}) {
    if (name == h) return true;
  }
  return name.compare(0, 2, "x-") == 0 && name.find(' ') == std::string::npos;
}

bool IsTranscriptLine(std::string_view line) {
  return line.compare(0, 3, ">>>") == 0 || line.compare(0, 3, "<<<") == 0 ||
         line.compare(0, 1, ">") == 0;
}

// Strips quoting and decoration around an address at the start of a recipient line and
// returns what follows it ("<a@b>: text" -> "text").
std::string_view RestAfterAddress(std::string_view line, std::size_t end) {
  std::string_view rest = line.substr(end);
  while (!rest.empty() && (rest[0] == '>' || rest[0] == '"' || rest[0] == '\'' || rest[0] == ':' ||
                           rest[0] == ',' || rest[0] == ';' || IsBlank(rest[0]))) {
    rest.remove_prefix(1);
  }
  while (rest.compare(0, 1, ".") == 0) rest.remove_prefix(1);
  return Trim(rest);
}

// "<a@b>: text", "a@b ... User unknown", "\"a@b\":", "* a@b", "-- a@b": the line starts with
// the address after optional quoting or a bullet.
bool StartsWithAddress(std::string_view line, AddressSpan span, std::string* address,
                       std::string* rest) {
  std::size_t lead = 0;
  while (lead < span.begin &&
         (line[lead] == '<' || line[lead] == '"' || line[lead] == '\'' || line[lead] == '(' ||
          line[lead] == '*' || line[lead] == '-' || IsBlank(line[lead]))) {
    ++lead;
  }
  if (lead != span.begin) return false;
  *address = std::string(line.substr(span.begin, span.end - span.begin));
  std::string_view after = RestAfterAddress(line, span.end);
  // Exchange repeats the address: "a@b (a@b)", "a@b<mailto:a@b>".
  for (const std::string& echo :
       {"(" + *address + ")", "<mailto:" + *address + ">", "mailto:" + *address + ">"}) {
    if (StartsWithIgnoreCase(after, echo)) after = Trim(after.substr(echo.size()));
  }
  *rest = std::string(after);
  return true;
}

// "Could not be delivered to: <a@b>", "RCPT TO: a@b", "exceeds allowed size: a@b": the line
// ends with its only address after a lead-in that names the address as the target. Not
// "please contact a@b", nor a sender ("MAIL FROM:<a@b>").
bool EndsWithTargetAddress(std::string_view line, AddressSpan span, std::string* address,
                           std::string* rest) {
  std::string_view tail = line.substr(span.end);
  while (!tail.empty() && std::string_view(">\"'.:);,").find(tail[0]) != std::string_view::npos) {
    tail.remove_prefix(1);
  }
  if (!Trim(tail).empty() || FindAddress(line, span.end).found()) return false;
  std::string before = AsciiLowerCopy(Trim(line.substr(0, span.begin)));
  while (!before.empty() &&
         (before.back() == '<' || before.back() == '"' || IsBlank(before.back()))) {
    before.pop_back();
  }
  auto ends_with = [&before](std::string_view suffix) {
    return before.size() >= suffix.size() &&
           before.compare(before.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  const bool target = ends_with(":") || before == "to" || ends_with(" to");
  if (!target || ends_with("from:") || ends_with("sender:")) return false;
  *address = std::string(line.substr(span.begin, span.end - span.begin));
  *rest = std::string(Trim(line.substr(0, span.begin)));
  while (!rest->empty() && (rest->back() == '<' || rest->back() == '"')) rest->pop_back();
  return true;
}

// Is \a raw a recipient line? Fills *address and *rest (the line without the address).
bool ParseRecipientLine(std::string_view raw, std::string* address, std::string* rest) {
  const std::string_view line = Trim(raw);
  if (line.empty() || IsTranscriptLine(line) || IsQuotedHeaderLine(line)) return false;
  const AddressSpan span = FindAddress(line);
  if (!span.found()) return false;
  return StartsWithAddress(line, span, address, rest) ||
         EndsWithTargetAddress(line, span, address, rest);
}

// A regex is only run when the text holds the literals every match of it contains (lower
// case, compared ignoring ASCII case): most texts name no host, and an RE2 search with
// captures per pattern per recipient was 7% of a batch run. RE2's case folding also matches
// 'k' as the Kelvin sign and 's' as the long s: literals with those letters count only when
// the text holds neither sign (FoldsToAscii).
// The regex is compiled the first time its literals are present: most runs need few of them,
// and compiling all of them up front was a tenth of a one-bounce run.
struct GatedPattern {
  std::vector<std::string_view> all;  ///< every match contains each of these
  std::vector<std::string_view> any;  ///< and, when not empty, one of these
  GatedPattern(std::vector<std::string_view> all_of, std::vector<std::string_view> any_of,
               const char* re)
      : all(std::move(all_of)), any(std::move(any_of)), regex_(re) {}
  /// \a lower is AsciiLowerCopy(\a text); \a exotic_folds whether it holds U+212A or U+017F.
  bool FirstCapture(std::string_view text, std::string_view lower, bool exotic_folds,
                    std::string* capture, int* group = nullptr) const {
    if (!exotic_folds && !Possible(lower)) return false;
    std::call_once(once_, [this] { pattern_ = std::make_unique<CapturePattern>(regex_); });
    return pattern_->FirstCapture(text, capture, group);
  }

 private:
  const char* regex_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<CapturePattern> pattern_;
  bool Possible(std::string_view lower) const {
    for (const std::string_view literal : all) {
      if (lower.find(literal) == std::string_view::npos) return false;
    }
    if (any.empty()) return true;
    for (const std::string_view literal : any) {
      if (lower.find(literal) != std::string_view::npos) return true;
    }
    return false;
  }
};

// The Kelvin sign (U+212A) or the long s (U+017F) in UTF-8.
bool HasExoticFolds(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

// Ordered: the first pattern that matches names the host.
const std::vector<std::unique_ptr<GatedPattern>>& HostPatterns() {
  static const auto* kPatterns = [] {
    auto* v = new std::vector<std::unique_ptr<GatedPattern>>();
    struct Row {
      std::vector<std::string_view> all;
      const char* re;
    };
    const Row rows[] = {
        {{"host", "["}, R"(host\s+([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\.?\s*\[[0-9a-f.:]+\])"},  // exim
        {{"host", "said"}, R"((?:remote )?host\s+([a-z0-9][a-z0-9.-]*)\s+said)"},  // qmail
        {{"while talking to"},
         R"(while talking to\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\.?:)"},  // sendmail
        {{"server", "["},
         R"(server\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\s*\[[0-9a-f.:]+\])"},  // mailfoundry
        {{"did not like", "["},
         R"(^\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\s+\[[0-9a-f.:]+\]\s+did not like)"},  // dma
        {{"recipient", "domain", "by"},
         R"(recipient\s+domain\s+\S+\s+by\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\.?\s)"},  // gmail
        {{"remote ", ":"},
         R"(remote (?:system|server|host|mta)s?:\s*(?:dns;\s*)?([a-z0-9][a-z0-9.-]*[a-z0-9]))"},
        {{"host:"}, R"(host:\s+([a-z0-9][a-z0-9.-]*\.[a-z]{2,}))"},  // gmx
        {{"connect", " to"}, R"(connect(?:ing)? to\s+([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\.?)"},
    };
    for (const Row& row : rows)
      v->push_back(
          std::make_unique<GatedPattern>(row.all, std::vector<std::string_view>(), row.re));
    return v;
  }();
  return *kPatterns;
}

// Groups: 1 a command after a lead-in, 2 Yahoo's [RCPT_TO], 3 qmail's "does not like
// recipient|sender", 4 "<command> response|command". Every alternative names a command
// ("initial connection" contains "connect") or "does not like".
const GatedPattern& CommandPattern() {
  static const GatedPattern* kPattern = new GatedPattern(
      {},
      {"rcpt", "mail", "data", "helo", "ehlo", "starttls", "auth", "bdat", "connect",
       "does not like"},
      R"((?:\b(?:after|in reply to|to|for|our|during|following|most progress was)|>>>)\s+(?:the\s+)?(?:final\s+|end of\s+)?)"
      R"((rcpt to|rcpt|mail from|mail|data|end of data|helo|ehlo|starttls|auth|bdat|connect|initial connection)\b)"
      R"(|\[(rcpt_to|mail_from|data)\])"
      R"(|does not like (recipient|sender)\b)"
      R"(|\b(rcpt to|mail from|data|ehlo|helo|starttls)\s+(?:response|command))");
  return *kPattern;
}

}  // namespace

std::vector<AddressBlock> SplitAtRecipients(std::string_view text) {
  std::vector<AddressBlock> blocks;
  AddressBlock* current = nullptr;
  for (const std::string_view line : SplitLines(text)) {
    std::string address;
    std::string rest;
    if (ParseRecipientLine(line, &address, &rest)) {
      auto same = std::find_if(blocks.begin(), blocks.end(), [&](const AddressBlock& b) {
        return EqualsIgnoreCase(b.address, address);
      });
      if (same == blocks.end()) {
        blocks.push_back(AddressBlock{address, ""});
        same = blocks.end() - 1;
      }
      current = &*same;
      if (!rest.empty()) current->text.append(rest).push_back('\n');
      continue;
    }
    if (current && !Trim(line).empty()) current->text.append(Trim(line)).push_back('\n');
  }
  // Several addresses listed above one shared error: each borrows the next block's text.
  for (std::size_t i = blocks.size(); i-- > 1;) {
    if (Trim(blocks[i - 1].text).empty()) blocks[i - 1].text = blocks[i].text;
  }
  return blocks;
}

namespace {

// The first line of \a text whose normalised form contains \a lower_marker, or nullopt.
std::optional<std::string_view> FindMarkerLine(std::string_view text,
                                               std::string_view lower_marker) {
  for (const std::string_view line : SplitLines(text)) {
    if (NormalizeForMatch(line).find(lower_marker) != std::string::npos) return line;
  }
  return std::nullopt;
}

}  // namespace

std::string_view TextAfterLine(std::string_view text, std::string_view lower_marker) {
  const auto line = FindMarkerLine(text, lower_marker);
  if (!line) return {};
  const std::size_t end = static_cast<std::size_t>(line->data() - text.data()) + line->size();
  return end < text.size() ? text.substr(end + 1) : std::string_view();
}

std::string_view TextBeforeLine(std::string_view text, std::string_view lower_marker) {
  const auto line = FindMarkerLine(text, lower_marker);
  if (!line) return text;
  return text.substr(0, static_cast<std::size_t>(line->data() - text.data()));
}

bool IsAddressOnlyLine(std::string_view line, std::string* address, std::string* rest) {
  const AddressSpan span = FindAddress(line);
  if (!span.found() || span.begin > 1) return false;
  *address = std::string(line.substr(span.begin, span.end - span.begin));
  rest->clear();
  return true;
}

std::vector<RecipientResult> RecipientsAfterTheirErrors(std::string_view text,
                                                        bool (*parse_line)(std::string_view line,
                                                                           std::string* address,
                                                                           std::string* rest),
                                                        std::string* trailing) {
  std::vector<RecipientResult> out;
  std::string pending;
  for (const std::string_view raw : SplitLines(text)) {
    const std::string_view line = Trim(raw);
    std::string address;
    std::string rest;
    if (parse_line(line, &address, &rest)) {
      AppendRecipient(address, pending + rest, &out);
      pending.clear();
    } else if (!line.empty()) {
      pending.append(line).push_back('\n');
    }
  }
  if (trailing) *trailing = std::move(pending);
  return out;
}

namespace {

std::string FindRemoteHost(std::string_view text, std::string_view lower, bool exotic_folds) {
  std::string host;
  for (const auto& pattern : HostPatterns()) {
    if (pattern->FirstCapture(text, lower, exotic_folds, &host)) return AsciiLowerCopy(host);
  }
  return {};
}

SmtpCommand FindCommand(std::string_view text, std::string_view lower, bool exotic_folds) {
  std::string command;
  int group = 0;
  if (!CommandPattern().FirstCapture(text, lower, exotic_folds, &command, &group))
    return SmtpCommand::kNone;
  if (group == 3)  // qmail-remote
    return AsciiLowerCopy(command) == "recipient" ? SmtpCommand::kRcpt : SmtpCommand::kMail;
  return NormalizeCommand(command);
}

}  // namespace

std::string FindRemoteHost(std::string_view text) {
  return FindRemoteHost(text, AsciiLowerCopy(text), HasExoticFolds(text));
}

SmtpCommand FindCommand(std::string_view text) {
  return FindCommand(text, AsciiLowerCopy(text), HasExoticFolds(text));
}

RecipientResult MakeRecipient(std::string_view address, std::string_view text) {
  RecipientResult r;
  r.recipient = std::string(address);
  r.recipient_type = "rfc822";
  r.action = DsnAction::kFailed;
  r.diagnostic = CollapseSpace(text);
  const std::string lower = AsciiLowerCopy(text);  // for the literals that gate the regexes
  const bool exotic_folds = HasExoticFolds(text);
  r.remote_mta = FindRemoteHost(text, lower, exotic_folds);
  r.command = FindCommand(text, lower, exotic_folds);
  return r;
}

void AppendRecipient(std::string_view address, std::string_view text,
                     std::vector<RecipientResult>* out) {
  out->push_back(MakeRecipient(address, text));
  out->back().index = static_cast<int>(out->size());
}

std::vector<RecipientResult> RecipientsFromBlocks(const std::vector<AddressBlock>& blocks) {
  std::vector<RecipientResult> out;
  for (const AddressBlock& b : blocks) AppendRecipient(b.address, b.text, &out);
  return out;
}

std::vector<RecipientResult> RecipientsFromHeader(const MessageView& view, std::string_view header,
                                                  std::string_view text) {
  std::vector<AddressBlock> blocks;
  for (std::string& address : AllAddresses(view.Header(header))) {
    blocks.push_back(AddressBlock{std::move(address), std::string(text)});
  }
  return RecipientsFromBlocks(blocks);
}

std::vector<RecipientResult> DecodeRecipientBlocks(const MessageView& view) {
  return RecipientsFromBlocks(SplitAtRecipients(view.text));
}

}  // namespace bouncetolk

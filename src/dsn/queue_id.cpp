// SPDX-License-Identifier: MIT
//
// queue_id.cpp: see queue_id.h.

#include "dsn/queue_id.h"

#include "common/field_block.h"
#include "common/text.h"

namespace bouncetolk {
namespace {

// "X-Postfix-Queue-ID", "X-Outbound-Mail-Relay-Queue-ID", "X-SendGrid-QueueID".
bool IsQueueIdField(std::string_view name) {
  const std::string lower = AsciiLowerCopy(Trim(name));
  for (std::string_view suffix : {"queue-id", "queueid"}) {
    if (lower.size() >= suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

// The first word of \a text if it looks like an id (letters, digits, '-', '.', '_'; at most 64
// bytes), else empty.
std::string IdWord(std::string_view text) {
  text = Trim(text);
  std::size_t end = 0;
  while (end < text.size() && end <= 64 &&
         ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z') ||
          IsDigit(text[end]) || text[end] == '-' || text[end] == '.' || text[end] == '_'))
    ++end;
  if (end == 0 || end > 64 || (end < text.size() && !IsSpace(text[end]))) return {};
  return std::string(text.substr(0, end));
}

}  // namespace

std::string FindQueueId(const PerMessageFields& per_message, const MessageView& view) {
  for (const Field& f : per_message.extension_fields) {
    if (IsQueueIdField(f.name)) {
      if (std::string id = IdWord(f.value); !id.empty()) return id;
    }
  }
  for (const std::string_view line : SplitLines(view.text)) {
    const std::string_view name = FieldNameOf(line);
    if (!name.empty() && IsQueueIdField(name)) {
      if (std::string id = IdWord(line.substr(line.find(':') + 1)); !id.empty()) return id;
    }
    // Exim's delay warning (and its bounce in some configurations).
    const std::size_t at = FindIgnoreCase(line, "the message identifier is:");
    if (at != std::string_view::npos) {
      if (std::string id = IdWord(line.substr(at + 26)); !id.empty()) return id;
    }
  }
  // Exim's delay warning names it in its Subject: "Warning: message <id> delayed 24 hours".
  if (StartsWithIgnoreCase(view.subject, "warning: message ")) {
    const std::string_view rest = std::string_view(view.subject).substr(17);
    const std::size_t blank = rest.find(' ');
    if (blank != std::string_view::npos && StartsWithIgnoreCase(rest.substr(blank + 1), "delayed"))
      return IdWord(rest.substr(0, blank));
  }
  return {};
}

}  // namespace bouncetolk

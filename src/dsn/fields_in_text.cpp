// SPDX-License-Identifier: MIT
//
// fields_in_text.cpp: see fields_in_text.h.

#include "dsn/fields_in_text.h"

#include <algorithm>
#include <climits>

#include "common/text.h"
#include "dsn/rfc3464.h"

namespace bouncetolk {

std::vector<RecipientResult> DecodeFieldsInText(const MessageView& view) {
  if (view.normalized_text.find("final-recipient:") == std::string::npos &&
      view.normalized_text.find("original-recipient:") == std::string::npos) {
    return {};
  }
  // The fields start at the first line that is one of them.
  std::size_t start = std::string::npos;
  for (std::string_view field :
       {"reporting-mta:", "final-recipient:", "original-recipient:", "action:"}) {
    std::size_t pos = 0;
    while ((pos = FindIgnoreCase(view.text, field, pos)) != std::string::npos) {
      if (pos == 0 || view.text[pos - 1] == '\n') break;
      pos += field.size();
    }
    if (pos != std::string::npos && pos < start) start = pos;
  }
  if (start == std::string::npos) return {};
  std::vector<Problem> ignored;
  AnalyzeOptions options;  // the recipient limit is the view's: analyze.cpp says when it bites
  options.max_recipients = static_cast<int>(std::min<std::size_t>(view.max_recipients, INT_MAX));
  DsnFields fields =
      ParseDeliveryStatus(std::string_view(view.text).substr(start), options, &ignored);
  std::vector<RecipientResult> out;
  for (RecipientResult& r : fields.recipients) {
    if (r.recipient.empty()) continue;
    r.index = static_cast<int>(out.size() + 1);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace bouncetolk

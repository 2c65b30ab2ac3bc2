// SPDX-License-Identifier: MIT
//
// dsn_fields_fuzzer.cpp: libFuzzer target for the RFC 822-style field group reader and the
// RFC 3464 field parser (common/field_block.cpp, dsn/rfc3464.cpp) on arbitrary text, with every
// reader option. Checks the limits hold: no more groups, recipients or field bytes than asked.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bouncetolk/options.h"
#include "common/field_block.h"
#include "dsn/rfc3464.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bouncetolk;
  if (size == 0) return 0;
  // The first byte picks the reader options; the rest is the text.
  const uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  FieldBlockOptions fb;
  fb.comments = flags & 1;
  fb.keep_newlines = flags & 2;
  fb.max_field_bytes = (flags & 4) ? 16 : 4096;
  fb.max_groups = (flags & 8) ? 2 : 1000;
  const std::vector<FieldGroup> groups = ReadFieldGroups(text, fb);
  fuzz::Check(groups.size() <= fb.max_groups, "more groups than max_groups");
  for (const FieldGroup& g : groups) {
    fuzz::Check(!g.fields.empty(), "empty field group");
    for (const Field& f : g.fields) {
      fuzz::Check(f.value.size() <= fb.max_field_bytes, "field value over max_field_bytes");
      fuzz::Check(!f.name.empty(), "field without a name");
      (void)FindField(g.fields, f.name);
    }
  }

  AnalyzeOptions options;
  options.max_recipients = (flags & 16) ? 1 : 32;
  options.max_header_bytes = (flags & 4) ? 16 : 4096;
  std::vector<Problem> problems;
  const DsnFields dsn = ParseDeliveryStatus(text, options, &problems);
  fuzz::Check(dsn.recipients.size() <= static_cast<std::size_t>(options.max_recipients),
              "more recipients than max_recipients");
  for (const RecipientResult& r : dsn.recipients) {
    fuzz::Check(r.index >= 1, "recipient index not 1-based");
  }
  return 0;
}

// SPDX-License-Identifier: MIT
//
// jsonl_source.cpp: DecodeJsonLine() (source.h), the one file that reads JSON (nlohmann-json,
// with exceptions off: a bad line is a value, not a throw). A queue consumer (kcat, Spark's
// pipe(), Hadoop Streaming) hands over one message a line as {"id": ..., "raw": "..."}; the
// id comes back in every record of that message, so results can be matched to requests.

#include <cerrno>
#include <new>
#include <nlohmann/json.hpp>

#include "bouncetolk/source.h"
#include "common/errno_name.h"

namespace bouncetolk {
namespace {

void Refuse(InputMessage* in, ErrorCode code, std::string arg) {
  std::string().swap(in->bytes);
  in->error = Problem{code, std::move(arg)};
}

void Decode(InputMessage* in, std::size_t max_bytes) {
  nlohmann::json doc = nlohmann::json::parse(in->bytes, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return Refuse(in, ErrorCode::kBadInputLine, doc.is_discarded() ? "json" : "object");
  const auto id = doc.find("id");
  if (id != doc.end()) {
    if (id->is_string()) {
      in->id = id->get<std::string>();
    } else {
      in->id = id->dump(-1, ' ', /*ensure_ascii=*/true);
      in->id_literal = id->is_number() || id->is_boolean() || id->is_null();
    }
  }
  const auto raw = doc.find("raw");
  if (raw == doc.end() || !raw->is_string()) return Refuse(in, ErrorCode::kBadInputLine, "raw");
  std::string& message = raw->get_ref<std::string&>();
  if (message.size() > max_bytes)
    return Refuse(in, ErrorCode::kTooLarge, std::to_string(max_bytes));
  if (message.empty()) return Refuse(in, ErrorCode::kEmpty, "");
  in->bytes = std::move(message);
}

}  // namespace

void DecodeJsonLine(InputMessage* in, std::size_t max_bytes) {
  if (!in->json_line || in->error) return;
  in->json_line = false;
  try {
    Decode(in, max_bytes);
  } catch (const std::bad_alloc&) {
    // A line too big for the memory left: its own record, as a message read whole would be.
    Refuse(in, ErrorCode::kCannotOpen, ErrnoName(ENOMEM));
  }
}

}  // namespace bouncetolk

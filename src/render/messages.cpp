// SPDX-License-Identifier: MIT
//
// messages.cpp: Msg() and ProblemText() (render.h): interface strings and Problems in words.

#include <cstring>

#include "bouncetolk/render.h"
#include "common/errno_name.h"

namespace bouncetolk {

std::string Msg(const RuleSet& rules, Lang lang, std::string_view key,
                std::initializer_list<std::string_view> args) {
  const std::string_view tmpl = rules.Message(key, lang);
  std::string out;
  out.reserve(tmpl.size() + 32);
  auto arg = args.begin();
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
      if (arg != args.end()) out.append(*arg++);
      ++i;
      continue;
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string ProblemText(const RuleSet& rules, Lang lang, const Problem& problem) {
  const std::string key = "error." + std::string(ErrorCodeToken(problem.code));
  // An operating-system error travels as its name ("ENOENT"): said here in the language.
  const int errnum = problem.code == ErrorCode::kCannotOpen ? ErrnoFromName(problem.arg) : 0;
  if (errnum != 0) return Msg(rules, lang, key, {SystemErrorText(rules, lang, errnum)});
  return Msg(rules, lang, key, {problem.arg});
}

std::string SystemErrorText(const RuleSet& rules, Lang lang, int errnum) {
  const std::string key = "errno." + ErrnoName(errnum);
  const std::string_view text = rules.Message(key, lang);
  if (text != key) return std::string(text);
  return std::strerror(errnum);  // not in messages.tsv: the C library's (English) sentence
}

}  // namespace bouncetolk

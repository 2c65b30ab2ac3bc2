// SPDX-License-Identifier: MIT
//
// bouncetolk.h: the library's entry point. Analyze() reads one raw message (any line endings)
// and returns a Report: the recipients of its delivery report, each classified by the rule
// tables. It never throws for anything in the input; only std::bad_alloc may escape.

#ifndef BOUNCETOLK_BOUNCETOLK_H_
#define BOUNCETOLK_BOUNCETOLK_H_

#include <string_view>

#include "bouncetolk/options.h"
#include "bouncetolk/problem.h"
#include "bouncetolk/reason.h"
#include "bouncetolk/render.h"
#include "bouncetolk/report.h"
#include "bouncetolk/rules.h"
#include "bouncetolk/status_code.h"

namespace bouncetolk {

/// Analyses one message. \a message is only read during the call.
Report Analyze(std::string_view message, const RuleSet& rules,
               const AnalyzeOptions& options = AnalyzeOptions());

/// "0.1.0".
std::string_view Version();

/// The example bounce embedded in the binary (data/examples/voorbeeld.eml), for --example.
std::string_view ExampleBounce();

}  // namespace bouncetolk

#endif  // BOUNCETOLK_BOUNCETOLK_H_

// SPDX-License-Identifier: MIT
//
// main.cpp: the bouncetolk command line, a thin layer over the library. Parses options with
// CLI11, loads the rules once, and hands the work to one library call: Scan() (through
// scan_command.h), Explain() or the RuleSet's own check and dump. Owns the exit codes
// (exit_codes.h); CLI11's own codes are mapped to kExitUsage.

#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "bouncetolk/batch.h"
#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/explain.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/scan_command.h"

namespace bouncetolk {
namespace {

struct Options {
  ScanCommand command;
  std::string format = "text";
  std::string lang;
  std::string rules_dir;
  std::string color = "auto";
  std::string since;
  bool brief = false;
  bool verbose = false;
};

// The subcommands and their arguments, filled in by CLI11.
struct Subcommands {
  CLI::App* explain = nullptr;
  CLI::App* check = nullptr;
  CLI::App* dump = nullptr;
  std::string query;      // explain
  std::string check_dir;  // rules check
};

// Columns of the terminal on stdout, or 0 when stdout is no terminal.
int TerminalWidth() {
  if (!::isatty(1)) return 0;
  struct winsize ws {};
  if (::ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* c = std::getenv("COLUMNS")) return std::atoi(c);
  return 80;
}

Lang ChooseLang(const std::string& flag) {
  if (flag == "en") return Lang::kEn;
  if (flag == "nl") return Lang::kNl;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v).rfind("en", 0) == 0 ? Lang::kEn : Lang::kNl;
  }
  return Lang::kNl;
}

Format ParseFormat(const std::string& f) {
  if (f == "json") return Format::kJson;
  if (f == "jsonl") return Format::kJsonl;
  if (f == "csv") return Format::kCsv;
  if (f == "tsv") return Format::kTsv;
  if (f == "brief") return Format::kBrief;
  return Format::kText;
}

void Write(const std::string& s) { WriteRecord(s); }

std::string VersionText() {
  std::vector<std::string> errors;
  auto rules = RuleSet::Load("", &errors);
  return std::string("bouncetolk ") + std::string(Version()) +
         (rules ? "\n" + rules->VersionString() : "");
}

int RunRulesCheck(const std::string& dir, Lang lang) {
  std::vector<std::string> errors;
  auto rules = RuleSet::Load(dir, &errors);
  if (rules) errors = rules->Check();
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (rules) {
    for (const auto& note : rules->Notes())
      std::fprintf(stderr, "%s: %s\n", lang == Lang::kEn ? "note" : "opmerking", note.c_str());
  }
  if (!errors.empty()) return kExitNotBounce;
  std::printf("%s\n", lang == Lang::kEn ? "rules: all tables are valid"
                                        : "regels: alle tabellen zijn in orde");
  return kExitOk;
}

int RunExplain(const std::string& query, const RuleSet& rules, const std::string& format,
               Lang lang) {
  const ExplainResult result = Explain(query, rules);
  Write(RenderExplain(result, rules, ParseFormat(format), lang));
  return result.found ? kExitOk : kExitNotBounce;
}

int RunRulesDump(const RuleSet& rules) {
  for (const auto& [path, content] : rules.Dump()) {
    if (StopSignal()) break;
    std::printf("==> data/%s <==\n", path.c_str());
    Write(content);
    if (!content.empty() && content.back() != '\n') Write("\n");
  }
  return kExitOk;
}

// The scan of the inputs, with the render options the terminal and the environment decide.
int RunAnalyze(Options& opt, const RuleSet& rules, Lang lang) {
  ScanCommand& command = opt.command;
  if (!opt.since.empty()) {
    command.scan.since = ParseDate(opt.since);
    command.since_text = opt.since;
    if (!command.scan.since) {
      std::fprintf(stderr, "%s\n",
                   Msg(rules, lang, "error.usage", {"--since " + opt.since}).c_str());
      return kExitUsage;
    }
  }
  RenderOptions& ro = command.scan.render;
  ro.format = opt.brief ? Format::kBrief : ParseFormat(opt.format);
  ro.lang = lang;
  ro.color = ShouldUseColor(opt.color, ::isatty(1), std::getenv("NO_COLOR"), std::getenv("TERM"));
  ro.width = TerminalWidth();
  ro.verbose = opt.verbose;
  return RunScan(std::move(command), rules);
}

constexpr const char* kFooter = R"(Inputs:
  A file holds one message, or several when it is an mbox (its first line is a "From "
  separator). A directory is read as a Maildir when it has cur/ and new/ (tmp/ is skipped),
  otherwise as a directory of message files; -r also reads its subdirectories. Output is in
  input order (directory entries sorted by name), whatever -j is. In a batch every message
  gives exactly one record in jsonl/csv/tsv: its recipients, not_a_bounce, or an error.

Exit codes:
  0  a bounce was read and explained (batch: every input was read)
  1  the input is readable but holds no delivery report (not a bounce; one file only)
  2  usage error
  3  an input could not be read (batch: the others were still processed)

Examples:
  bouncetolk bounce.eml
  bouncetolk < bounce.eml
  bouncetolk --format jsonl ~/Maildir > bounces.jsonl
  bouncetolk --summary -r /var/mail/bounces
  bouncetolk --suppress --since 2026-01-01 ~/Maildir bounces.mbox > remove.txt
  find /srv/mail -name '*.eml' | bouncetolk --files-from - --format csv
  find /srv/mail -name '*.eml' -print0 | bouncetolk -0 --files-from - --format csv
  bouncetolk --example)";

// The options of the scan (the default command).
void AddScanOptions(CLI::App& app, Options& opt) {
  ScanOptions& scan = opt.command.scan;
  app.add_option(
      "inputs", scan.inputs,
      "Bounce messages, mbox files, Maildirs or directories ('-' or nothing: standard input)");
  app.add_option("-f,--format", opt.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "tsv", "brief"}))
      ->capture_default_str();
  app.add_option("--lang", opt.lang, "Language of the output: nl (default) or en")
      ->check(CLI::IsMember({"nl", "en"}));
  app.add_option("--rules", opt.rules_dir,
                 "Directory with extra or replacing rule tables (layout of data/)");
  app.add_option("--color", opt.color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("--example", scan.example, "Analyse the example bounce built into the program");
  app.add_flag("-r,--recursive", scan.recursive, "Also read the subdirectories of directories");
  app.add_option("--files-from", scan.files_from,
                 "Read more input paths from FILE, one a line ('-': standard input)")
      ->type_name("FILE");
  app.add_flag("-0,--null", scan.null_separated,
               "--files-from names end in a NUL byte, not a newline (find -print0)");
  app.add_option("-j,--jobs", scan.jobs, "Messages analysed in parallel (default: one per CPU)")
      ->type_name("N")
      ->check(CLI::Range(1, 1024));
  app.add_flag("-q,--quiet", opt.command.quiet, "No progress line and no notes on standard error");
  auto* summary_flag =
      app.add_flag("--summary", scan.summary,
                   "Print a table of counts and shares (per reason, status code, domain, ...) "
                   "instead of one record per message");
  auto* suppress_flag = app.add_flag(
      "--suppress", scan.suppress,
      "Print the hard-bounced addresses, unique and sorted, to remove from mailing lists");
  suppress_flag->excludes(summary_flag);
  app.add_option(
         "--since", opt.since,
         "With --suppress: only bounces dated on or after DATE (YYYY-MM-DD or an RFC 5322 date), "
         "by their Date or Arrival-Date; bounces without a readable date are kept")
      ->type_name("DATE")
      ->needs(suppress_flag);
  app.add_flag("--reply", scan.reply,
               "Print a ready-to-send reply to the customer who received the bounce");
  app.add_flag("--brief", opt.brief, "One line per recipient (same as --format brief)");
  app.add_flag("--verbose", opt.verbose,
               "Text output: also the rules that matched (JSON and CSV always have them)");
}

// Safety limits (docs/security.md); crossing one is reported, never a crash.
void AddLimitOptions(CLI::App& app, AnalyzeOptions& limits) {
  const AnalyzeOptions defaults;
  app.add_option("--max-size", limits.max_message_bytes,
                 "Largest message read, in bytes (larger: too_large)")
      ->type_name("BYTES")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->default_val(defaults.max_message_bytes)
      ->group("Limits");
  app.add_option("--max-depth", limits.max_mime_depth,
                 "Deepest MIME nesting read (deeper: mime_too_deep)")
      ->type_name("N")
      ->check(CLI::Range(1, 1000))
      ->default_val(defaults.max_mime_depth)
      ->group("Limits");
  app.add_option("--max-header", limits.max_header_bytes,
                 "Longest header or report field kept, in bytes")
      ->type_name("BYTES")
      ->check(CLI::Range(std::size_t{256}, std::size_t{64} << 20))
      ->default_val(defaults.max_header_bytes)
      ->group("Limits");
  app.add_option("--max-recipients", limits.max_recipients, "Most recipients read per message")
      ->type_name("N")
      ->check(CLI::Range(1, 10000000))
      ->default_val(defaults.max_recipients)
      ->group("Limits");
}

void AddSubcommands(CLI::App& app, Subcommands* sub) {
  sub->explain = app.add_subcommand("explain", "Look up a code or error text without a bounce");
  sub->explain
      ->add_option("query", sub->query,
                   "5.7.26, 550, \"550 5.7.1 Relay access denied\", B-URL, 0x800CCC0E")
      ->required();
  sub->explain->footer(
      "Exit 0 when an exact rule was found, 1 when only a general (class-level) explanation or "
      "nothing matched.\n\n"
      "Examples:\n"
      "  bouncetolk explain 5.7.26\n"
      "  bouncetolk explain 571            # SMTP reply code and Exchange number (5.7.1)\n"
      "  bouncetolk explain \"550 5.7.1 Relay access denied\"\n"
      "  bouncetolk explain B-URL\n"
      "  bouncetolk --lang en --format json explain 0x800CCC0E");

  auto* rules_cmd = app.add_subcommand("rules", "Work with the rule tables");
  rules_cmd->footer(
      "Examples:\n"
      "  bouncetolk rules check                # the built-in tables\n"
      "  bouncetolk rules check my-rules/      # with my-rules/ laid over them (layout of data/)\n"
      "  bouncetolk rules dump > all-rules.txt");
  rules_cmd->require_subcommand(1);
  sub->check =
      rules_cmd->add_subcommand("check", "Validate the embedded tables, overlaid by DIR if given");
  sub->check->add_option("dir", sub->check_dir, "Directory with rule tables (layout of data/)");
  sub->dump = rules_cmd->add_subcommand("dump", "Print the embedded tables in loadable form");
}

// After parsing: the one command asked for.
int Run(Options& opt, const Subcommands& sub) {
  const Lang lang = ChooseLang(opt.lang);
  const ScanOptions& scan = opt.command.scan;
  if (scan.files_from == "-" &&
      std::find(scan.inputs.begin(), scan.inputs.end(), "-") != scan.inputs.end()) {
    std::fputs("--files-from -: standard input cannot hold both the list and a message\n", stderr);
    return kExitUsage;
  }
  if (sub.check->parsed())
    return RunRulesCheck(sub.check_dir.empty() ? opt.rules_dir : sub.check_dir, lang);

  std::vector<std::string> errors;
  auto rules = RuleSet::Load(opt.rules_dir, &errors);
  if (!rules) {
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    return kExitUsage;
  }
  if (sub.explain->parsed()) return RunExplain(sub.query, *rules, opt.format, lang);
  if (sub.dump->parsed()) return RunRulesDump(*rules);
  // The rule set lives until exit: the OS reclaims it at once, where freeing its thousands of
  // small strings one by one took a tenth of a one-bounce run. (A static pointer keeps it
  // reachable, so leak checkers do not count it.)
  static const RuleSet* const kRules = rules.release();
  return RunAnalyze(opt, *kRules, lang);
}

int Main(int argc, char** argv) {
  CLI::App app{
      "bouncetolk: explains bounced e-mail (Mail Delivery System messages) in plain Dutch."};
  app.footer(kFooter);
  app.set_version_flag("--version", VersionText);
  Options opt;
  AddScanOptions(app, opt);
  AddLimitOptions(app, opt.command.scan.analyze);
  app.require_subcommand(0, 1);
  app.fallthrough();
  Subcommands sub;
  AddSubcommands(app, &sub);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  return Run(opt, sub);
}

}  // namespace
}  // namespace bouncetolk

int main(int argc, char** argv) {
  bouncetolk::InstallOutputSignals();
  try {
    const int rc = bouncetolk::Main(argc, argv);
    // A SIGINT or SIGTERM that arrived during a write: the command stopped after it.
    if (const int sig = bouncetolk::StopSignal()) return 128 + sig;
    return rc;
  } catch (const std::bad_alloc&) {
    std::fputs("bouncetolk: out of memory\n", stderr);
    return bouncetolk::kExitUnreadable;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bouncetolk: internal error: %s\n", e.what());
    return bouncetolk::kExitUnreadable;
  }
}

// SPDX-License-Identifier: MIT
//
// main.cpp: the bouncetolk command line, a thin layer over the library. Parses options with
// CLI11, loads the rules once, and hands the work to one library call: Scan() (through
// scan_command.h), Explain() or the RuleSet's own check and dump. Owns the exit codes
// (exit_codes.h) and the language of everything said on standard error: CLI11's usage errors
// are put in the chosen language (usage_errors.h), and every line starts "bouncetolk: ".

#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

#include "bouncetolk/batch.h"
#include "bouncetolk/bouncetolk.h"
#include "bouncetolk/explain.h"
#include "cli/diagnostics.h"
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
  std::string input_format = "mail";
  bool brief = false;
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

Format ParseFormat(const std::string& f) {
  if (f == "json") return Format::kJson;
  if (f == "jsonl") return Format::kJsonl;
  if (f == "csv") return Format::kCsv;
  if (f == "tsv") return Format::kTsv;
  if (f == "brief") return Format::kBrief;
  return Format::kText;
}

std::string VersionText() {
  std::vector<std::string> errors;
  auto rules = RuleSet::Load("", &errors);
  return std::string("bouncetolk ") + std::string(Version()) +
         (rules ? "\n" + rules->VersionString() : "");
}

int RunRulesCheck(const std::string& dir) {
  std::vector<std::string> errors;
  auto rules = RuleSet::Load(dir, &errors);
  if (rules) errors = rules->Check();
  std::string text;
  for (const auto& e : errors) text += e + "\n";
  WriteError(text);
  if (!errors.empty()) return kExitNotBounce;
  WriteRecords(UiLang() == Lang::kEn ? "rules: all tables are valid\n"
                                     : "regels: alle tabellen zijn in orde\n");
  return kExitOk;
}

int RunExplain(const std::string& query, const RuleSet& rules, const std::string& format) {
  const ExplainResult result = Explain(query, rules);
  WriteRecords(RenderExplain(result, rules, ParseFormat(format), UiLang()));
  return result.found ? kExitOk : kExitNotBounce;
}

int RunRulesDump(const RuleSet& rules) {
  for (const auto& [path, content] : rules.Dump()) {
    std::string piece = "==> data/" + path + " <==\n" + content;
    if (!content.empty() && content.back() != '\n') piece += '\n';
    if (StopSignal() || !WriteRecords(piece)) break;
  }
  return kExitOk;
}

// --since: a date (YYYY-MM-DD or RFC 5322), or an age counted back from now: 48h, 30d, 12w.
std::optional<std::int64_t> ParseSince(const std::string& text) {
  if (text.size() >= 2 && text.size() <= 8 &&
      std::all_of(text.begin(), text.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
    const long long n = std::stoll(text.substr(0, text.size() - 1));
    const char unit = text.back();
    const long long unit_seconds = unit == 'h'   ? 3600
                                   : unit == 'd' ? 86400
                                   : unit == 'w' ? 604800
                                                 : 0;
    if (unit_seconds != 0) return static_cast<std::int64_t>(std::time(nullptr)) - n * unit_seconds;
  }
  return ParseDate(text);
}

// The formats each kind of output can be given in; "text" is always the default.
bool FormatSupported(const std::string& mode, const std::string& format) {
  if (mode == "explain") return format == "text" || format == "json" || format == "jsonl";
  if (mode == "--suppress" || mode == "--reply") return format == "text";
  return true;
}

// Refuses a --format (or --brief) the chosen output does not have, instead of ignoring it.
bool CheckFormat(const Options& opt, const Subcommands& sub) {
  const ScanOptions& scan = opt.command.scan;
  const std::string mode = sub.explain->parsed() ? "explain"
                           : scan.suppress       ? "--suppress"
                           : scan.reply          ? "--reply"
                                                 : "";
  const std::string format = opt.brief ? "brief" : opt.format;
  if (mode.empty() || FormatSupported(mode, format)) return true;
  std::string allowed;
  for (const char* f : {"text", "json", "jsonl"}) {
    if (!FormatSupported(mode, f)) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += f;
  }
  UsageError("usage.format_unsupported", {mode, format, allowed});
  return false;
}

// The scan of the inputs, with the render options the terminal and the environment decide.
int RunAnalyze(Options& opt, const RuleSet& rules) {
  ScanCommand& command = opt.command;
  if (!opt.since.empty()) {
    command.scan.since = ParseSince(opt.since);
    command.since_text = opt.since;
    if (!command.scan.since) {
      UsageError("usage.since", {opt.since});
      return kExitUsage;
    }
  }
  command.scan.input_format =
      opt.input_format == "jsonl" ? InputFormat::kJsonLines : InputFormat::kMail;
  RenderOptions& ro = command.scan.render;
  ro.format = opt.brief ? Format::kBrief : ParseFormat(opt.format);
  ro.lang = UiLang();
  ro.color = ShouldUseColor(opt.color, ::isatty(1), std::getenv("NO_COLOR"), std::getenv("TERM"));
  ro.width = TerminalWidth();
  const ScanOptions& scan = command.scan;
  // Someone who typed just "bouncetolk" at a terminal is waiting for something to happen.
  if (!command.quiet && scan.inputs.empty() && scan.files_from.empty() && !scan.example &&
      ::isatty(0))
    Note("hint.stdin_terminal", {});
  return RunScan(std::move(command), rules);
}

constexpr const char* kFooter = R"(Inputs:
  A file holds one message, or several when it is an mbox (its first line is a "From "
  separator). A directory is read as a Maildir when it has cur/ and new/ (tmp/ is skipped),
  otherwise as a directory of message files; -r also reads its subdirectories. Output is in
  input order (directory entries sorted by name), whatever -j is. In a batch every message
  gives exactly one record in jsonl/csv/tsv: its recipients, not_a_bounce, or an error.
  Records are written as soon as they are ready: when no more input arrives for 0.1 s, what
  was read so far is written out (a live pipe, a queue consumer). With --input-format jsonl
  every input line is {"id": ..., "raw": "<the whole message>"}, and its id is in the records.

Exit codes:
  0  a bounce was read and explained (batch: every input was read)
  1  the input is readable but holds no delivery report (not a bounce; one file only)
  2  usage error
  3  an input could not be read (batch: the others were still processed)
  4  the output could not be written (disk full, standard output closed); a reader that
     goes away (| head) is no error: the run stops quietly
  130, 143  interrupted by SIGINT or SIGTERM (the process ends by the signal, after whole records)

Examples:
  bouncetolk bounce.eml
  bouncetolk < bounce.eml
  bouncetolk --format jsonl ~/Maildir > bounces.jsonl
  bouncetolk --summary -r /var/mail/bounces
  bouncetolk --suppress --since 30d ~/Maildir bounces.mbox > remove.txt
  find /srv/mail -name '*.eml' | bouncetolk --files-from - --format csv
  find /srv/mail -name '*.eml' -print0 | bouncetolk -0 --files-from - --format csv
  kcat -C -t bounces -e | bouncetolk --input-format jsonl --format jsonl
  bouncetolk --example)";

// The options of the scan (the default command).
void AddScanOptions(CLI::App& app, Options& opt) {
  ScanOptions& scan = opt.command.scan;
  app.add_option(
      "inputs", scan.inputs,
      "Bounce messages, mbox files, Maildirs or directories ('-' or nothing: standard input)");
  app.add_option("-f,--format", opt.format, "Output format")
      ->check(OneOf({"text", "json", "jsonl", "csv", "tsv", "brief"}))
      ->capture_default_str();
  app.add_option("--lang", opt.lang, "Language of the output: nl (default) or en")
      ->check(OneOf({"nl", "en"}));
  app.add_option("--rules", opt.rules_dir,
                 "Directory with extra or replacing rule tables (layout of data/)");
  app.add_option("--color", opt.color, "Colour in text output")
      ->check(OneOf({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("--example", scan.example, "Analyse the example bounce built into the program");
  app.add_flag("-r,--recursive", scan.recursive, "Also read the subdirectories of directories");
  app.add_option("--files-from", scan.files_from,
                 "Read more input paths from FILE, one a line ('-': standard input)")
      ->type_name("FILE");
  app.add_flag("-0,--null", scan.null_separated,
               "--files-from names end in a NUL byte, not a newline (find -print0)");
  app.add_option("--input-format", opt.input_format,
                 "How files and standard input are read: mail (messages, mbox files; "
                 "default) or jsonl (one {\"id\": ..., \"raw\": \"<message>\"} a line)")
      ->check(OneOf({"mail", "jsonl"}))
      ->capture_default_str();
  app.add_option(
         "--label", scan.stdin_label,
         "Name of standard input in the output, instead of '-' (for the chunks of GNU parallel)")
      ->type_name("NAME");
  app.add_option("-j,--jobs", scan.jobs, "Messages analysed in parallel (default: one per CPU)")
      ->type_name("N")
      ->check(InRange(1, 1024));
  app.add_flag("-q,--quiet", opt.command.quiet, "No progress line and no notes on standard error");
  auto* summary_flag =
      app.add_flag("--summary", scan.summary,
                   "Print a table of counts and shares (per reason, status code, domain, ...) "
                   "instead of one record per message");
  auto* suppress_flag = app.add_flag(
      "--suppress", scan.suppress,
      "Print the hard-bounced addresses, unique and sorted, to remove from mailing lists");
  suppress_flag->excludes(summary_flag);
  app.add_option("--since", opt.since,
                 "With --suppress: only bounces dated on or after DATE (YYYY-MM-DD or an RFC "
                 "5322 date) or younger than an age (48h, 30d, 12w), by their Date or "
                 "Arrival-Date; bounces without a readable date are kept")
      ->type_name("DATE")
      ->needs(suppress_flag);
  app.add_flag("--reply", scan.reply,
               "Print a ready-to-send reply to the customer who received the bounce");
  app.add_flag("--brief", opt.brief, "One line per recipient (same as --format brief)");
}

// Safety limits (docs/security.md); crossing one is reported, never a crash.
void AddLimitOptions(CLI::App& app, AnalyzeOptions& limits) {
  const AnalyzeOptions defaults;
  app.add_option("--max-size", limits.max_message_bytes,
                 "Largest message read, in bytes (larger: too_large)")
      ->type_name("BYTES")
      ->check(InRange(1, 1LL << 30))
      ->default_val(defaults.max_message_bytes)
      ->group("Limits");
  app.add_option("--max-depth", limits.max_mime_depth,
                 "Deepest MIME nesting read (deeper: mime_too_deep)")
      ->type_name("N")
      ->check(InRange(1, 1000))
      ->default_val(defaults.max_mime_depth)
      ->group("Limits");
  app.add_option("--max-header", limits.max_header_bytes,
                 "Longest header or report field kept, in bytes")
      ->type_name("BYTES")
      ->check(InRange(256, 64LL << 20))
      ->default_val(defaults.max_header_bytes)
      ->group("Limits");
  app.add_option("--max-recipients", limits.max_recipients, "Most recipients read per message")
      ->type_name("N")
      ->check(InRange(1, 10000000))
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
  const ScanOptions& scan = opt.command.scan;
  if (scan.files_from == "-" &&
      std::find(scan.inputs.begin(), scan.inputs.end(), "-") != scan.inputs.end()) {
    UsageError("usage.stdin_twice", {});
    return kExitUsage;
  }
  if (!CheckFormat(opt, sub)) return kExitUsage;
  if (sub.check->parsed())
    return RunRulesCheck(sub.check_dir.empty() ? opt.rules_dir : sub.check_dir);

  std::vector<std::string> errors;
  auto rules = RuleSet::Load(opt.rules_dir, &errors);
  if (!rules) {
    std::string text;
    for (const auto& e : errors) text += "bouncetolk: " + e + "\n";
    WriteError(text);
    return kExitUsage;
  }
  // The rule set lives until exit: the OS reclaims it at once, where freeing its thousands of
  // small strings one by one took a tenth of a one-bounce run. (A static pointer keeps it
  // reachable, so leak checkers do not count it.)
  static const RuleSet* const kRules = rules.release();
  UseMessagesOf(*kRules);
  if (sub.explain->parsed()) return RunExplain(sub.query, *kRules, opt.format);
  if (sub.dump->parsed()) return RunRulesDump(*kRules);
  return RunAnalyze(opt, *kRules);
}

int Main(int argc, char** argv) {
  ChooseLanguage(argc, argv);
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
  } catch (const CLI::CallForVersion& e) {
    std::string text = e.what();
    if (text.empty() || text.back() != '\n') text += '\n';
    WriteRecords(text);
    return kExitOk;
  } catch (const CLI::Success& e) {  // --help: CLI11's text, through our writer
    std::ostringstream out, err;
    app.exit(e, out, err);
    WriteRecords(out.str());
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    ReportUsageError(e);
    return kExitUsage;
  }
  return Run(opt, sub);
}

}  // namespace
}  // namespace bouncetolk

int main(int argc, char** argv) {
  bouncetolk::InstallOutputSignals();
  int rc = bouncetolk::kExitUnreadable;
  try {
    rc = bouncetolk::Main(argc, argv);
  } catch (const std::bad_alloc&) {
    bouncetolk::WriteError("bouncetolk: out of memory\n");
  } catch (const std::exception& e) {
    bouncetolk::WriteError(std::string("bouncetolk: internal error: ") + e.what() + "\n");
  }
  // A SIGINT or SIGTERM that arrived during a write: the command stopped after it, and now
  // ends the way the signal ends a program, so that a calling shell loop stops too.
  if (bouncetolk::StopSignal()) return bouncetolk::ReraiseStopSignal();
  return bouncetolk::FinishOutput(rc);
}

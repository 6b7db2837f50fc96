// septet: command-line front end of the septet library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <septet/national_choice.hpp>
#include <septet/profile.hpp>
#include <septet/version.hpp>
#include <string>

#include "cli_io.hpp"
#include "comma_list.hpp"
#include "dry_run.hpp"
#include "estimate.hpp"
#include "inspect.hpp"
#include "numeric_option.hpp"
#include "sinch_commands.hpp"
#include "wire.hpp"

namespace {

/// Reads all of `path` ("-": standard input) into `contents`; false, with the reason on stderr,
/// when it cannot.
auto read_input(const std::string& path, std::string& contents) -> bool {
  auto input = septet_cli::read_whole(path);
  if (input.error) {
    std::fprintf(stderr, "septet: cannot read %s\n", input.error->c_str());
    return false;
  }
  contents = std::move(input.contents);
  return true;
}

/// The largest body cap an option takes: far beyond any SMS, and well inside every integer type.
constexpr std::uint64_t max_characters_option = 1'000'000'000;
/// A concatenation IE counts parts in one octet, whatever the size of its reference.
constexpr std::uint64_t max_parts_option = 255;

auto use_color(const std::string& mode) -> bool {
  if (mode == "always") {
    return true;
  }
  if (mode == "never") {
    return false;
  }
  return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

auto run(int argc, char** argv) -> int {
  CLI::App app{"septet " SEPTET_VERSION_STRING
               ": what a carrier will send and bill for an SMS text (GSM 03.38 / UCS-2)"};
  app.set_version_flag("--version", SEPTET_VERSION_STRING);
  app.require_subcommand(1);

  auto* inspect = app.add_subcommand(
      "inspect",
      "Encoding, units, parts and non-GSM characters of TEXT (or of all of stdin, verbatim).\n"
      "Exit status: 0 within limits, 1 over a limit, 2 invalid UTF-8 or usage error.");
  septet_cli::inspect_settings settings;
  std::string text;
  std::size_t udh_octets = settings.options.udh_octets;
  bool grapheme_safe = false;
  std::string color = "auto";
  inspect->add_flag("--json", settings.json, "Print one JSON object");
  auto* udh_option =
      inspect
          ->add_option("--udh-octets", udh_octets,
                       "UDH octets per part of a concatenated message (6: 153/67, 7: 152/66)")
          ->check(septet_cli::whole_number(0, septet::max_udh_octets));
  std::string profile_name = "default";
  std::vector<std::string> profile_names;
  std::string profile_help = "Capacity profile of the route:";
  for (const auto& p : septet::profiles) {
    profile_names.emplace_back(p.name);
    profile_help += "\n  " + std::string(p.name) + ": " + std::string(p.description);
  }
  inspect->add_option("--profile", profile_name, profile_help)->check(CLI::IsMember(profile_names));
  std::string national = "none";
  inspect->add_option(
      "--national", national,
      "National language tables to consider (TS 23.038 Annex A): none, auto (all),\n"
      "or a comma-separated list of tr, es, pt, bn, gu, hi, kn, ml, or, pa, ta, te, "
      "ur; the pair that sends the fewest parts is used and announced in the UDH");
  bool transliterate_always = false;
  bool transliterate_if_fewer = false;
  inspect->add_flag("--transliterate", transliterate_always,
                    "Replace look-alikes (curly quotes, dashes, NBSP, ...) by GSM characters "
                    "(docs/transliteration.md) and inspect the result");
  inspect->add_flag("--transliterate-if-fewer-parts", transliterate_if_fewer,
                    "As --transliterate, but only when that sends fewer parts");
  inspect->add_flag("--grapheme-safe", grapheme_safe,
                    "Keep grapheme clusters (emoji sequences, combining marks, flags) whole");
  inspect
      ->add_option("--max-characters", settings.options.max_characters,
                   "Body cap in UTF-16 units (0: none)")
      ->check(septet_cli::whole_number(0, max_characters_option));
  inspect->add_option("--max-parts", settings.options.max_parts, "Cap on parts (0: none)")
      ->check(septet_cli::whole_number(0, max_parts_option));
  inspect->add_option("--color", color, "Highlight non-GSM characters: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  auto* text_option = inspect->add_option("text", text, "Message text (default: stdin)");

  auto* encode = app.add_subcommand(
      "encode",
      "The parts of TEXT (or of all of stdin) as sent: UDH and user data in hex, TP-UDL, data\n"
      "coding and esm_class. Exit status: 0 encoded, 1 over a limit, 2 invalid input.");
  septet_cli::encode_settings encoding;
  unsigned reference_bits = 8;
  bool unpacked = false;
  encode->add_flag("--json", encoding.json, "Print one JSON object");
  encode->add_option("--udh-ref", reference_bits, "Concatenation reference size: 8 or 16 bits")
      ->check(CLI::IsMember({8U, 16U}));
  encode
      ->add_option("--ref", encoding.options.reference,
                   "Concatenation reference number (0-255 with --udh-ref 8)")
      ->check(septet_cli::whole_number(0, 65535));
  encode->add_flag("--unpacked", unpacked,
                   "One septet per octet (SMPP data_coding 0) instead of packed TP-UD");
  encode->add_flag("--grapheme-safe", grapheme_safe, "Keep grapheme clusters whole");
  encode
      ->add_option("--max-characters", encoding.options.text.max_characters,
                   "Body cap in UTF-16 units (0: none)")
      ->check(septet_cli::whole_number(0, max_characters_option));
  encode->add_option("--max-parts", encoding.options.text.max_parts, "Cap on parts (0: none)")
      ->check(septet_cli::whole_number(0, max_parts_option));
  auto* encode_text = encode->add_option("text", text, "Message text (default: stdin)");

  auto* decode = app.add_subcommand(
      "decode",
      "Reassembles parts read from stdin, one per line as hex (UDH followed by user data, any\n"
      "order; HEX:UDL gives TP-UDL, which makes GSM 7-bit exact), or the JSON of\n"
      "'septet encode --json'; prints the text.");
  septet_cli::decode_settings decoding;
  unsigned data_coding = 0;
  std::string udhi = "auto";
  decode->add_option("--data-coding", data_coding, "Data coding scheme of the parts (0, 8, ...)")
      ->check(septet_cli::whole_number(0, 255));
  decode->add_flag("--unpacked", unpacked, "Septets are one per octet (SMPP data_coding 0)");
  decode
      ->add_option("--udhi", udhi,
                   "Parts start with a UDH: auto (when there is more than one part), yes, no")
      ->check(CLI::IsMember({"auto", "yes", "no"}));

  auto* dry_run = app.add_subcommand(
      "dry-run",
      "What Sinch's POST /batches/dry_run would answer for a send-batch request (JSON file, or\n"
      "stdin), computed offline. Recipients Sinch would fail (codes 405, 411) go to stderr.\n"
      "Exit status: 0 all sent, 1 some recipients would fail, 2 Sinch would refuse the request.");
  septet_cli::dry_run_settings dry;
  std::string request_path;
  dry_run->add_flag("--per-recipient", dry.options.per_recipient,
                    "Include per_recipient (as ?per_recipient=true)");
  dry_run
      ->add_option("--number-of-recipients", dry.options.per_recipient_limit,
                   "Most per_recipient entries (Sinch: default 100, at most 1000)")
      ->check(septet_cli::whole_number(1, 1000));
  dry_run->add_flag("!--no-batch-limit", dry.options.enforce_batch_limit,
                    "Allow more than 1000 recipients (Sinch would refuse them in one batch)");
  dry_run->add_option("request", request_path, "Send-batch request JSON (default: stdin)");

  auto* estimate = app.add_subcommand(
      "estimate",
      "Pre-flight cost of sending a template to every recipient of a CSV (streamed): parts,\n"
      "encodings, failures, cost by prefix, send time. Exit status: 0 all would be sent, 1 some\n"
      "recipients would fail, 2 invalid input.");
  septet_cli::estimate_settings costing;
  std::string template_argument;
  std::vector<std::string> default_values;
  estimate->add_option("--template", template_argument, "Template text, or a file holding it")
      ->required();
  estimate
      ->add_option("--recipients", costing.recipients_path,
                   "CSV: an 'msisdn' column, then one column per parameter key")
      ->required();
  estimate->add_option("--prices", costing.prices_path,
                       "CSV: 'prefix,price' or 'country,price' (ISO 3166), price per part");
  estimate->add_option("--rate", costing.rate, "Parts per second the service plan allows")
      ->check(septet_cli::decimal_number(0, 1e9, true));
  estimate->add_option("--default", default_values, "key=value used where a row has no value");
  estimate
      ->add_option("--max-parts", costing.max_parts,
                   "Sinch max_number_of_message_parts: more fails the recipient (411)")
      ->check(septet_cli::whole_number(0, max_parts_option));
  estimate->add_option("--per-recipient", costing.per_recipient_path,
                       "Write one line per recipient to FILE (.csv or .jsonl)");
  estimate->add_flag("--grapheme-safe", grapheme_safe, "Keep grapheme clusters whole");
  estimate->add_flag("--json", costing.json, "Print one JSON object");
  estimate->add_flag("!--no-progress", costing.progress, "No progress lines on stderr");

  // The Sinch commands. The API token comes only from SINCH_API_TOKEN, never from the command
  // line, where other users could read it.
  const auto add_connection = [](CLI::App* command, septet_cli::sinch_connection& connection) {
    command->add_option("--region", connection.region, "Sinch region: us, eu, au, br, ca");
    command->add_option("--plan", connection.plan, "Service plan ID")->required();
    command->add_option("--base-url", connection.base_url,
                        "Instead of https://{region}.sms.api.sinch.com (e.g. a septet sandbox)");
    command->add_flag("--json", connection.json, "Print JSON");
    command->add_option("--timeout-ms", connection.timeout_ms, "Longest wait for one request")
        ->check(septet_cli::whole_number(1, 600'000));
  };
  auto* send = app.add_subcommand(
      "send",
      "Sends TEXT (or all of stdin) as one batch through Sinch (token: SINCH_API_TOKEN).\n"
      "Exit status: 0 created, 1 refused by Sinch or the network, 2 invalid, 3 outcome unknown.");
  septet_cli::send_settings sending;
  add_connection(send, sending.connection);
  send->add_option("--from", sending.from, "Sender: number, short code or alphanumeric");
  send->add_option("--to", sending.to, "Recipients, comma-separated or repeated")
      ->required()
      ->allow_extra_args(false);
  send->add_option("--param", sending.params,
                   "key:msisdn=value or key:default=value for ${key} placeholders")
      ->allow_extra_args(false);
  send->add_option("--client-reference", sending.client_reference,
                   "Your reference (default: a unique one, to look the batch up by)");
  send->add_option("--delivery-report", sending.delivery_report,
                   "none, summary, full, per_recipient, per_recipient_final");
  send->add_option("--callback-url", sending.callback_url, "Where delivery reports go");
  send->add_option("--max-parts", sending.max_parts, "max_number_of_message_parts")
      ->check(septet_cli::whole_number(1, max_parts_option));
  send->add_flag("--dry-run", sending.dry_run, "Ask Sinch's dry run instead of sending");
  auto* reconcile =
      send->add_flag("--reconcile", sending.reconcile,
                     "After exit status 3: find the batch by --client-reference, and send only if\n"
                     "three looks prove it absent (exit 3 again if a look fails)");
  send->add_option("--reconcile-wait-ms", sending.reconcile_wait_ms, "Wait between the looks")
      ->check(septet_cli::whole_number(0, 600'000));
  auto* send_text = send->add_option("text", text, "Message text (default: stdin)");

  auto* status = app.add_subcommand("status", "A batch and its delivery-report summary.");
  std::string batch_id;
  septet_cli::sinch_connection status_connection;
  add_connection(status, status_connection);
  status->add_option("batch_id", batch_id, "Batch ID")->required();

  auto* inbound = app.add_subcommand("inbounds", "Lists inbound (MO) messages, every page.");
  std::vector<std::string> inbound_to;
  long page_size = 100;
  septet_cli::sinch_connection inbound_connection;
  add_connection(inbound, inbound_connection);
  inbound->add_option("--to", inbound_to, "Only messages to these numbers")
      ->allow_extra_args(false);
  inbound->add_option("--page-size", page_size, "Messages per request (1-100)")
      ->check(septet_cli::whole_number(1, 100));

  auto* sandbox = app.add_subcommand(
      "sandbox",
      "A local Sinch (XMS and Classic) on loopback for tests and CI: batches in memory, dry runs\n"
      "by septet, delivery-report callbacks, fault injection. Prints its URL, then serves until\n"
      "Ctrl-C.");
  septet::tools::sandbox_config sandbox_config;
  std::vector<std::string> fault_names;
  long slow_ms = 1500;
  sandbox->add_option("--port", sandbox_config.port, "Port (0: any free one)")
      ->check(septet_cli::whole_number(0, 65535));
  sandbox->add_option("--host", sandbox_config.host, "Address to listen on")
      ->default_val("127.0.0.1");
  sandbox->add_option("--token", sandbox_config.token, "Bearer token it accepts")
      ->default_val("sandbox-token");
  sandbox->add_option("--plan", sandbox_config.plan, "Service plan ID it serves")
      ->default_val("sandbox-plan");
  sandbox
      ->add_option("--fault-rate", sandbox_config.faults.rate,
                   "Share of API requests that get a fault (0-1)")
      ->check(septet_cli::decimal_number(0, 1));
  sandbox
      ->add_option(
          "--faults", fault_names,
          "Which: 429, 503, slow, commit-late, drop-before, drop-after, malformed (default:\n"
          "all)")
      ->check(CLI::IsMember(
          {"429", "503", "slow", "commit-late", "drop-before", "drop-after", "malformed"}));
  sandbox->add_option("--slow-ms", slow_ms, "Delay of a slow answer")
      ->check(septet_cli::whole_number(0, 600000));
  sandbox
      ->add_option("--webhook-secret", sandbox_config.webhook_secret,
                   "Sign callbacks with x-sinch-webhook-signature headers")
      ->check(CLI::Validator(
          [](const std::string& secret) {
            return secret.empty() ? std::string("an empty secret signs nothing") : std::string();
          },
          "SECRET", "non_empty"));
  sandbox->add_option("--callback-url", sandbox_config.default_callback_url,
                      "The service plan's default callback URL");
  sandbox->add_option("--mo-callback-url", sandbox_config.mo_callback_url,
                      "Where inbound messages (POST /sandbox/inbounds) are delivered");

  auto* table = app.add_subcommand(
      "transliteration-table",
      "Prints the look-alike table --transliterate uses, as Markdown (docs/transliteration.md is\n"
      "this output).");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : septet_cli::invalid_input;
  }
  const auto boundary =
      grapheme_safe ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
  const auto form = unpacked ? septet::septet_form::unpacked : septet::septet_form::packed;

  if (table->parsed()) {
    septet_cli::print_transliteration_table(std::cout);
    return 0;
  }
  if (send->parsed()) {
    if (reconcile->count() > 0 && sending.client_reference.empty()) {
      std::fprintf(stderr, "septet: --reconcile needs the --client-reference of the first send\n");
      return septet_cli::invalid_input;
    }
    if (send_text->count() == 0 && !read_input("-", text)) {
      return septet_cli::invalid_input;
    }
    return septet_cli::send(text, sending, std::cout);
  }
  if (status->parsed()) {
    return septet_cli::status(batch_id, status_connection, std::cout);
  }
  if (inbound->parsed()) {
    return septet_cli::inbounds(inbound_connection, inbound_to, page_size, std::cout);
  }
  if (sandbox->parsed()) {
    if (!fault_names.empty()) {
      using septet::tools::fault;
      sandbox_config.faults.kinds.clear();
      for (const auto& name : fault_names) {
        sandbox_config.faults.kinds.push_back(name == "429"           ? fault::too_many_requests
                                              : name == "503"         ? fault::unavailable
                                              : name == "slow"        ? fault::slow
                                              : name == "commit-late" ? fault::commit_late
                                              : name == "drop-before" ? fault::drop_before
                                              : name == "drop-after"  ? fault::drop_after
                                                                      : fault::malformed);
      }
    }
    sandbox_config.faults.slow_delay = std::chrono::milliseconds(slow_ms);
    return septet_cli::run_sandbox(sandbox_config, std::cout);
  }
  if (encode->parsed()) {
    if (encode_text->count() == 0 && !read_input("-", text)) {
      return septet_cli::invalid_input;
    }
    encoding.options.text.boundary = boundary;
    encoding.options.reference_size =
        reference_bits == 16 ? septet::reference_size::bits16 : septet::reference_size::bits8;
    if (reference_bits == 8 && encoding.options.reference > 255) {
      std::fprintf(stderr,
                   "septet: --ref %u does not fit an 8-bit reference (0-255); use --udh-ref 16\n",
                   static_cast<unsigned>(encoding.options.reference));
      return septet_cli::invalid_input;
    }
    encoding.options.form = form;
    return septet_cli::encode(text, encoding, std::cout);
  }
  if (estimate->parsed()) {
    // A path that exists is read (a directory or an unreadable file is an error); anything
    // else is the template itself.
    if (!septet_cli::exists(template_argument)) {
      costing.template_body = template_argument;
    } else if (!read_input(template_argument, costing.template_body)) {
      return septet_cli::invalid_input;
    }
    for (const auto& entry : default_values) {
      const auto equals = entry.find('=');
      if (equals == std::string::npos) {
        std::fprintf(stderr, "septet: --default needs key=value, not '%s'\n", entry.c_str());
        return septet_cli::invalid_input;
      }
      costing.defaults.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
    }
    costing.options.boundary = boundary;
    return septet_cli::estimate(costing, std::cout);
  }
  if (dry_run->parsed()) {
    std::string request;
    if (!read_input(request_path.empty() ? "-" : request_path, request)) {
      return septet_cli::invalid_input;
    }
    return septet_cli::dry_run(request, dry, std::cout);
  }
  if (decode->parsed()) {
    decoding.data_coding = static_cast<std::uint8_t>(data_coding);
    decoding.form = form;
    decoding.udhi = udhi == "yes"  ? septet_cli::udhi_mode::yes
                    : udhi == "no" ? septet_cli::udhi_mode::no
                                   : septet_cli::udhi_mode::automatic;
    decoding.newline = isatty(STDOUT_FILENO) == 1;
    std::string parts;
    if (!read_input("-", parts)) {
      return septet_cli::invalid_input;
    }
    return septet_cli::decode(parts, decoding, std::cout);
  }

  if (text_option->count() == 0 && !read_input("-", text)) {
    return septet_cli::invalid_input;
  }
  {
    const auto chosen = septet::find_profile(profile_name);
    const auto max_characters = settings.options.max_characters;
    const auto max_parts = settings.options.max_parts;
    settings.options = chosen->opts;
    settings.options.max_characters = max_characters;
    settings.options.max_parts = max_parts;
  }
  if (udh_option->count() > 0) {
    settings.options.udh_octets = udh_octets;
  }
  if (national == "auto") {
    settings.national.assign(septet::all_national_languages.begin(),
                             septet::all_national_languages.end());
  } else if (national != "none") {
    for (const auto& name : septet_cli::split_commas(national, true)) {
      const auto language = septet::national_language_named(name);
      if (!language || *language == septet::national_language::none) {
        std::fprintf(stderr, "septet: --national: unknown language '%s'\n", name.c_str());
        return septet_cli::invalid_input;
      }
      settings.national.push_back(*language);
    }
  }
  settings.options.boundary = boundary;
  settings.transliterate = transliterate_always ? septet_cli::transliterate_setting::always
                           : transliterate_if_fewer
                               ? septet_cli::transliterate_setting::if_fewer_parts
                               : septet_cli::transliterate_setting::off;
  settings.color = !settings.json && use_color(color);
  return septet_cli::inspect(text, settings, std::cout);
}

}  // namespace

auto main(int argc, char** argv) -> int {
  return septet_cli::finish_output(run(argc, argv));
}

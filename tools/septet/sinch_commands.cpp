#include "sinch_commands.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <septet/sinch/dry_run.hpp>
#include <sstream>
#include <string_view>

#include "comma_list.hpp"
#include "dry_run.hpp"

namespace septet_cli {

namespace {

namespace sinch = septet::sinch;
using sinch::json;

/// The environment's configuration, overridden by the flags given: a --region without --base-url
/// means Sinch's host for that region, whatever SINCH_BASE_URL says.
auto config_of(const sinch_connection& c) -> sinch::client_config {
  auto config = sinch::client_config::from_environment();
  if (!c.region.empty()) {
    config.region = c.region;
    config.base_url.clear();
  }
  if (!c.base_url.empty()) {
    config.base_url = c.base_url;
  }
  if (!c.plan.empty()) {
    config.service_plan_id = c.plan;
  }
  return config;
}

auto make_client(const sinch_connection& c) -> sinch::client<sinch::curl_transport> {
  const auto config = config_of(c);
  sinch::curl_options curl;
  curl.timeout = std::chrono::milliseconds(c.timeout_ms);
  return {config, sinch::curl_transport(curl)};
}

/// `text` as one word of a POSIX shell command: as it is when every character is safe there, else
/// in single quotes (a quote inside written '\''), so a suggested command can be pasted as printed.
auto shell_quote(std::string_view text) -> std::string {
  const auto safe = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("@%_+=:,./-").find(c) != std::string_view::npos;
  };
  if (!text.empty() && std::all_of(text.begin(), text.end(), safe)) {
    return std::string(text);
  }
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

/// The connection flags given on this command line, to repeat in a suggested command.
auto given_flags(const sinch_connection& c) -> std::string {
  std::string flags;
  for (const auto& [flag, value] :
       {std::pair{"--region", &c.region}, {"--plan", &c.plan}, {"--base-url", &c.base_url}}) {
    if (!value->empty()) {
      flags.append(" ").append(flag).append(" ").append(shell_quote(*value));
    }
  }
  return flags;
}

/// Where the requests go (which --region, SINCH_REGION or a base URL chose), to name it when
/// nothing answered from there; none for a region Sinch does not have (its own failure says so).
auto address_of(const sinch_connection& c) -> std::optional<std::string> {
  const auto config = config_of(c);
  if (config.base_url.empty() && !config.region.empty() &&
      std::find(std::begin(sinch::regions), std::end(sinch::regions), config.region) ==
          std::end(sinch::regions)) {
    return std::nullopt;
  }
  return make_client(c).base_url();
}

/// Prints a failure on stderr (and as JSON on `out` with --json); returns the exit status.
auto report(const sinch::failure& f, const sinch_connection& c, std::ostream& out) -> exit_status {
  if (c.json) {
    json j = {{"error", sinch::to_string(f.kind)}, {"message", f.message}};
    if (!f.field.empty()) {
      j["field"] = f.field;
      j["byte"] = f.status.count;
    }
    if (f.api.http_status != 0) {
      j["http_status"] = f.api.http_status;
      j["code"] = f.api.code;
    }
    if (!f.client_reference.empty()) {
      j["client_reference"] = f.client_reference;
    }
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
  std::fprintf(stderr, "septet: %s: %s\n", std::string(sinch::to_string(f.kind)).c_str(),
               f.message.c_str());
  // Nothing answered (a setting is missing, or the network failed): say where it would have gone.
  if (f.api.http_status == 0 && f.kind != sinch::failure_kind::invalid_request) {
    if (const auto address = address_of(c)) {
      std::fprintf(stderr, "septet: requests go to %s\n", address->c_str());
    }
  }
  if (!f.client_reference.empty()) {
    const auto reference = shell_quote(f.client_reference);
    std::fprintf(stderr,
                 "septet: look it up with: septet status%s --client-reference %s\n"
                 "septet: to send it only if it is absent, repeat this command with "
                 "--client-reference %s --reconcile\n",
                 given_flags(c).c_str(), reference.c_str(), reference.c_str());
  }
  switch (f.kind) {
    case sinch::failure_kind::invalid_config:
    case sinch::failure_kind::invalid_request:
      return invalid_input;
    case sinch::failure_kind::outcome_unknown:
    case sinch::failure_kind::bad_response:
      return f.client_reference.empty() ? some_failed : outcome_unknown;
    default:
      return some_failed;
  }
}

auto split_numbers(const std::vector<std::string>& lists) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& list : lists) {
    for (auto& number : split_commas(list)) {
      out.push_back(std::move(number));
    }
  }
  return out;
}

/// The batch that `septet send` asks for; nullopt, with the reason on stderr, when a --param is
/// malformed.
auto batch_request_of(const std::string& text, const send_settings& settings)
    -> std::optional<sinch::batch_request> {
  sinch::batch_request request;
  request.to = split_numbers(settings.to);
  request.body = text;
  if (!settings.from.empty()) {
    request.from = settings.from;
  }
  if (!settings.client_reference.empty()) {
    request.client_reference = settings.client_reference;
  }
  if (!settings.delivery_report.empty()) {
    request.delivery_report = settings.delivery_report;
  }
  if (!settings.callback_url.empty()) {
    request.callback_url = settings.callback_url;
  }
  if (settings.max_parts > 0) {
    request.max_number_of_message_parts = settings.max_parts;
  }
  for (const auto& p : settings.params) {
    const auto colon = p.find(':');
    const auto equals = p.find('=', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || equals == std::string::npos) {
      std::fprintf(stderr,
                   "septet: --param needs key:msisdn=value (or key:default=value), not '%s'\n",
                   p.c_str());
      return std::nullopt;
    }
    if (!request.parameters) {
      request.parameters.emplace();
    }
    (*request.parameters)[p.substr(0, colon)][p.substr(colon + 1, equals - colon - 1)] =
        p.substr(equals + 1);
  }
  return request;
}

/// Whether Sinch fails no recipient of the accepted batch alone (405, 411), by Sinch's rule
/// (sinch/rules.hpp), reported as `septet dry-run` reports them; a group's members are read from
/// Sinch, and a group whose members cannot be read is reported as not counted.
auto report_failures(sinch::client<sinch::curl_transport>& client,
                     const sinch::batch_request& request) -> bool {
  std::vector<std::string> unreadable;
  sinch::dry_run_options options;
  options.group_members = [&](std::string_view id) -> std::optional<std::vector<std::string>> {
    auto members = client.list_group_members(id);
    if (members.ok()) {
      return std::move(members.value);
    }
    // Sinch's own dry run accepted the group: not unknown_group, only unreadable here.
    unreadable.emplace_back(id);
    return std::vector<std::string>{};
  };
  auto offline = sinch::dry_run(sinch::to_json(request), options);
  offline.uncounted_groups.insert(offline.uncounted_groups.end(), unreadable.begin(),
                                  unreadable.end());
  return report_recipients(offline);
}

/// `septet send --dry-run`: Sinch's dry run, per recipient; the recipients it would fail on
/// stderr and exit status 1, as `septet dry-run` reports them.
auto print_dry_run(sinch::client<sinch::curl_transport>& client,
                   const sinch::batch_request& request,
                   const sinch_connection& connection,
                   std::ostream& out) -> exit_status {
  sinch::dry_run_query query;
  query.per_recipient = true;
  auto r = client.dry_run(request, query);
  if (!r.ok()) {
    return report(*r.error, connection, out);
  }
  if (connection.json) {
    out << sinch::to_json(r.value).dump(2) << '\n';
  } else {
    out << "dry run: " << r.value.number_of_recipients << " recipients, "
        << r.value.number_of_messages << " messages (parts)\n";
    for (const auto& p : r.value.per_recipient.value_or(std::vector<sinch::dry_run_recipient>{})) {
      out << "  " << p.recipient << "  " << p.number_of_parts << " part"
          << (p.number_of_parts == 1 ? "" : "s") << "  " << p.encoding << "  " << p.body << '\n';
    }
  }
  return report_failures(client, request) ? ok : some_failed;
}

/// The created batch, and whether an earlier send had created it (--reconcile found it).
struct sent_batch {
  sinch::response<sinch::batch> response;
  bool found = false;
};

/// Sends `request`; with --reconcile, finds the batch that carries its client_reference first
/// and sends only when three looks prove it absent.
auto send_or_reconcile(sinch::client<sinch::curl_transport>& client,
                       const sinch::batch_request& request,
                       const send_settings& settings) -> sent_batch {
  if (!settings.reconcile) {
    return {client.send(request), false};
  }
  auto settled = client.reconcile(
      request, {.checks = 3, .interval = std::chrono::milliseconds(settings.reconcile_wait_ms)});
  sent_batch sent;
  sent.response.error = std::move(settled.error);
  sent.response.value = std::move(settled.value.batch);
  sent.found = !settled.value.resent;
  return sent;
}

/// The recipients of a created batch, as far as they are known: a group ID stands for members
/// that Sinch counts only in its delivery report (the batch echoes the ID, not the members).
auto recipients_of(const sinch::batch& batch) -> std::string {
  const auto groups =
      static_cast<std::size_t>(std::count_if(batch.to.begin(), batch.to.end(), [](const auto& to) {
        return !septet::parse_msisdn(to).ok();
      }));
  const auto numbers = batch.to.size() - groups;
  if (groups == 0) {
    return std::to_string(numbers);
  }
  const auto counted = [](std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  return (numbers == 0 ? std::string() : counted(numbers, "number") + " and ") +
         counted(groups, "group") + " (members counted in Sinch's delivery report: septet status)";
}

void print_sent(const sent_batch& sent,
                const std::string& body,
                const sinch_connection& connection,
                std::ostream& out) {
  const auto& batch = sent.response.value;
  const auto a = septet::analyze(body);
  out << "batch " << batch.id << (sent.found ? " found: the first send created it\n" : " created\n")
      << "  recipients        " << recipients_of(batch) << '\n'
      << "  client_reference  " << batch.client_reference.value_or("") << '\n'
      << "  template          " << (a.encoding == septet::encoding::gsm7 ? "gsm7" : "ucs2") << ", "
      << a.parts << " part" << (a.parts == 1 ? "" : "s") << " before substitution\n"
      << "  check it with     septet status" << given_flags(connection) << ' ' << batch.id << '\n';
}

/// One batch and its delivery-report summary (JSON: an object, without a newline); when the
/// report cannot be had, nothing is written and the failure returned.
auto show_status(sinch::client<sinch::curl_transport>& client,
                 const sinch::batch& b,
                 const sinch_connection& connection,
                 std::ostream& out) -> std::optional<sinch::failure> {
  auto d = client.get_delivery_report(b.id);
  if (!d.ok()) {
    return std::move(d.error);
  }
  if (connection.json) {
    out << json{{"batch", sinch::to_json(b)}, {"delivery_report", sinch::to_json(d.value)}}.dump(2);
    return std::nullopt;
  }
  out << "batch " << b.id << (b.canceled ? " (canceled)" : "") << '\n'
      << "  created           " << b.created_at.value_or("?") << '\n'
      << "  client_reference  " << b.client_reference.value_or("") << '\n'
      << "  recipients        " << b.to.size() << '\n'
      << "  messages          " << d.value.total_message_count << '\n';
  for (const auto& s : d.value.statuses) {
    out << "  " << s.status << " (code " << s.code << ")  " << s.count << '\n';
  }
  return std::nullopt;
}

}  // namespace

void print_request_warnings(const std::vector<sinch::request_warning>& warnings) {
  for (const auto& w : warnings) {
    std::fprintf(stderr, "septet: warning: %s: %s\n", w.field.c_str(), w.text.c_str());
  }
}

auto send(const std::string& text, const send_settings& settings, std::ostream& out)
    -> exit_status {
  const auto request = batch_request_of(text, settings);
  if (!request) {
    return invalid_input;
  }
  print_request_warnings(sinch::request_warnings(*request));
  auto client = make_client(settings.connection);
  if (settings.dry_run) {
    return print_dry_run(client, *request, settings.connection, out);
  }
  const auto sent = send_or_reconcile(client, *request, settings);
  if (!sent.response.ok()) {
    return report(*sent.response.error, settings.connection, out);
  }
  if (settings.connection.json) {
    out << sinch::to_json(sent.response.value).dump(2) << '\n';
    return ok;
  }
  print_sent(sent, request->body, settings.connection, out);
  return ok;
}

auto status(const std::string& batch_id, const sinch_connection& connection, std::ostream& out)
    -> exit_status {
  auto client = make_client(connection);
  auto b = client.get_batch(batch_id);
  if (!b.ok()) {
    return report(*b.error, connection, out);
  }
  if (auto failed = show_status(client, b.value, connection, out)) {
    return report(*failed, connection, out);
  }
  out << (connection.json ? "\n" : "");
  return ok;
}

auto status_by_reference(const std::string& client_reference,
                         const sinch_connection& connection,
                         std::ostream& out) -> exit_status {
  auto client = make_client(connection);
  sinch::list_batches_query query;
  query.client_reference = client_reference;
  query.page_size = sinch::max_page_size;
  std::vector<sinch::batch> found;
  auto pages = client.batch_pages(query);
  while (auto page = pages.next()) {
    if (!page->ok()) {
      return report(*page->error, connection, out);
    }
    for (auto& b : page->value.items) {
      if (b.client_reference == client_reference) {
        found.push_back(std::move(b));
      }
    }
  }
  if (found.empty()) {
    std::fprintf(stderr,
                 "septet: no batch carries client_reference '%s'; after exit status 3, the same "
                 "send with --client-reference %s --reconcile finds it or sends it once\n",
                 client_reference.c_str(), shell_quote(client_reference).c_str());
    return some_failed;
  }
  // Written out only once every lookup has answered: a failure midway leaves no half of a JSON
  // array on stdout, only the failure.
  std::ostringstream shown;
  shown << (connection.json ? "[" : "");
  for (std::size_t i = 0; i < found.size(); ++i) {
    shown << (connection.json && i > 0 ? "," : "");
    if (auto failed = show_status(client, found[i], connection, shown)) {
      return report(*failed, connection, out);
    }
  }
  shown << (connection.json ? "]\n" : "");
  out << shown.str();
  return ok;
}

auto inbounds(const sinch_connection& connection, const inbound_filters& filters, std::ostream& out)
    -> exit_status {
  auto client = make_client(connection);
  sinch::list_inbounds_query query;
  query.to = split_numbers(filters.to);
  query.page_size = filters.page_size;
  const auto given = [](const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  };
  query.start_date = given(filters.start_date);
  query.end_date = given(filters.end_date);
  query.client_reference = given(filters.client_reference);
  auto pages = client.inbound_pages(query);
  json all = json::array();
  std::size_t count = 0;
  while (auto page = pages.next()) {
    if (!page->ok()) {
      return report(*page->error, connection, out);
    }
    for (const auto& m : page->value.items) {
      ++count;
      if (connection.json) {
        all.push_back(sinch::to_json(m));
      } else {
        out << m.received_at.value_or("") << "  " << m.from << " -> " << m.to << "  "
            << (m.type == "mo_text" ? m.body : "(" + m.type + ")") << '\n';
      }
    }
  }
  if (connection.json) {
    out << all.dump(2) << '\n';
  } else if (count == 0) {
    out << "no inbound messages\n";
  }
  return ok;
}

auto connect(const sinch_connection& connection) -> sinch::client<sinch::curl_transport> {
  return make_client(connection);
}

auto report_failure(const sinch::failure& f, const sinch_connection& connection, std::ostream& out)
    -> exit_status {
  return report(f, connection, out);
}

auto run_sandbox(septet_cli::sandbox_config config, std::ostream& out) -> exit_status {
  // Block the stop signals in every thread, then wait for one here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  const auto plan = config.plan;
  septet_cli::sandbox server(std::move(config));
  if (!server.start()) {
    std::fprintf(stderr, "septet: sandbox cannot listen there (port in use?)\n");
    return some_failed;
  }
  out << server.url() << std::endl;
  std::cerr << "septet sandbox: XMS at " << server.url() << "/xms/v1/" << plan << ", Classic at "
            << server.url() << "/v1/sms; Ctrl-C stops it\n";
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server.stop();
  const auto stats = server.stats();
  std::cerr << "septet sandbox: " << stats.requests << " requests, " << stats.batches_created
            << " batches, " << stats.faults_injected << " faults injected\n";
  return ok;
}

}  // namespace septet_cli

#ifndef SEPTET_SINCH_CLIENT_HPP
#define SEPTET_SINCH_CLIENT_HPP

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <random>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/call.hpp>
#include <septet/sinch/detail/crypto.hpp>
#include <septet/sinch/http.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/request_checks.hpp>
#include <septet/sinch/retry.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

/// A client for Sinch's SMS REST API (XMS) with service-plan authentication, over any
/// `http_transport`. It checks a send the way Sinch would before it leaves, retries only what is
/// safe to repeat, and never reports a send it cannot prove as either done or not done.
namespace septet::inline v0::sinch {

struct client_config {
  std::string region;  ///< us, eu, au, br, ca or gb; empty: us, where Sinch creates accounts
  std::string service_plan_id;
  std::string api_token;  ///< empty: read from the environment variable SINCH_API_TOKEN
  std::string base_url;   ///< empty: https://{region}.sms.api.sinch.com (a sandbox, a proxy)
  retry_policy retry;

  /// A configuration from SINCH_REGION, SINCH_PLAN_ID (or SINCH_SERVICE_PLAN_ID), SINCH_BASE_URL
  /// and SINCH_API_TOKEN; what is unset stays empty (the defaults above).
  [[nodiscard]] static auto from_environment() -> client_config {
    const auto read = [](const char* name) -> std::string {
      const char* value = std::getenv(name);
      return value != nullptr ? value : "";
    };
    client_config config;
    config.region = read("SINCH_REGION");
    config.service_plan_id = read("SINCH_PLAN_ID");
    if (config.service_plan_id.empty()) {
      config.service_plan_id = read("SINCH_SERVICE_PLAN_ID");
    }
    config.base_url = read("SINCH_BASE_URL");
    config.api_token = read("SINCH_API_TOKEN");
    return config;
  }
};

struct list_batches_query {
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> page_size;
  std::vector<std::string> from;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> client_reference;
};

struct list_inbounds_query {
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> page_size;
  std::vector<std::string> to;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> client_reference;
};

struct list_delivery_reports_query {
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> page_size;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::vector<std::string> status;
  std::vector<std::int64_t> code;
  std::optional<std::string> client_reference;
};

struct delivery_report_query {
  std::string type = "summary";  ///< summary or full
  std::vector<std::string> status;
  std::vector<std::int64_t> code;
  std::optional<std::string> client_reference;
};

struct list_groups_query {
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> page_size;
};

struct dry_run_query {
  bool per_recipient = false;
  std::optional<std::int64_t> number_of_recipients;  ///< per_recipient entries, ≤1000
};

/// How `reconcile` makes sure a request that timed out has not landed late: it lists the batches
/// `checks` times, `interval` apart, before it concludes that none carries the reference.
struct reconcile_policy {
  int checks = 3;
  std::chrono::milliseconds interval{2'000};
};

/// What `reconcile` found: the batch that carries the reference, and whether it had to send it.
struct reconciled {
  sinch::batch batch;
  bool resent = false;
};

namespace detail {

using query = std::vector<std::pair<std::string, std::string>>;

inline void add(query& q, const char* key, const std::optional<std::int64_t>& v) {
  if (v) {
    q.emplace_back(key, std::to_string(*v));
  }
}
inline void add(query& q, const char* key, const std::optional<std::string>& v) {
  if (v) {
    q.emplace_back(key, *v);
  }
}
inline void add(query& q, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) {
    std::string joined;
    for (const auto& s : v) {
      joined += (joined.empty() ? "" : ",") + s;
    }
    q.emplace_back(key, joined);
  }
}
inline void add(query& q, const char* key, const std::vector<std::int64_t>& v) {
  std::vector<std::string> text;
  for (const auto n : v) {
    text.push_back(std::to_string(n));
  }
  add(q, key, text);
}

}  // namespace detail

/// A request septet refuses before sending, as the client's failure: the field, septet's error
/// (where a core check failed) and the code and text Sinch would answer with.
[[nodiscard]] inline auto refusal(std::optional<request_problem> problem)
    -> std::optional<failure> {
  if (!problem) {
    return std::nullopt;
  }
  failure f;
  f.kind = failure_kind::invalid_request;
  f.field = std::move(problem->field);
  f.status = problem->core.value_or(septet::result{errc::ok, 0});
  f.api.code = problem->answer.code;
  f.api.text = problem->answer.text;
  f.message = std::move(problem->answer.text);
  return f;
}

/// Checks a send body the way Sinch validates it (`check_request`), as the client's failure.
[[nodiscard]] inline auto validate(const batch_request& request) -> std::optional<failure> {
  return refusal(check_request(request));
}

/// Checks a group create or replace body (`check_group_request`), as the client's failure.
[[nodiscard]] inline auto validate(const group_request& request) -> std::optional<failure> {
  return refusal(check_group_request(request));
}

/// Checks a group update (`check_group_update`), as the client's failure.
[[nodiscard]] inline auto validate(const group_update& update) -> std::optional<failure> {
  return refusal(check_group_update(update));
}

template <http_transport Transport>
class client {
 public:
  client(client_config config, Transport transport)
      : m_config(std::move(config)),
        m_transport(std::move(transport)),
        m_random(seeded_random()),
        m_sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }) {
    if (m_config.api_token.empty()) {
      if (const char* env = std::getenv("SINCH_API_TOKEN")) {
        m_config.api_token = env;
      }
    }
    if (m_config.region.empty()) {
      m_config.region = default_region;
    }
  }

  /// Replaces the wait between retries (tests, or an event loop's timer).
  void set_sleep(sleep_function sleep) {
    m_sleep = std::move(sleep);
  }

  [[nodiscard]] auto transport() -> Transport& {
    return m_transport;
  }

  /// The base URL every path is appended to.
  [[nodiscard]] auto base_url() const -> std::string {
    std::string host = m_config.base_url;
    if (host.empty()) {
      host = "https://" + m_config.region + ".sms.api.sinch.com";
    }
    while (!host.empty() && host.back() == '/') {
      host.pop_back();
    }
    return host + "/xms/v1/" + url_encode(m_config.service_plan_id);
  }

  /// `POST /batches`. Sets a unique client_reference when the request has none. Retried only when
  /// the request provably never left; after a timeout, a broken connection or a 5xx the result is
  /// outcome_unknown with that reference: call `reconcile` (never just send again).
  auto send(batch_request request) -> response<batch> {
    if (!request.client_reference) {
      request.client_reference = new_client_reference();
    }
    if (auto refused = validate(request)) {
      return fail<batch>(std::move(*refused));
    }
    auto out = call<batch>("POST", "/batches", to_json(request), false);
    if (!out.ok() && (out.error->kind == failure_kind::outcome_unknown ||
                      out.error->kind == failure_kind::bad_response)) {
      out.error->client_reference = *request.client_reference;
      out.error->message += "; look the batch up by client_reference '" +
                            *request.client_reference + "' (client::reconcile)";
    }
    return out;
  }

  /// After an outcome_unknown send: finds the batch that carries the request's client_reference,
  /// and sends the request (with the same reference) only when no batch carries it after
  /// `policy.checks` lists, `policy.interval` apart. If a list fails (after its own retries), the
  /// result is outcome_unknown with the same reference and nothing is sent: call reconcile again.
  /// A send still queued at Sinch longer than that can land after the resend; give `interval`
  /// room beyond your request timeout.
  auto reconcile(const batch_request& request, const reconcile_policy& policy = {})
      -> response<reconciled> {
    response<reconciled> out;
    if (!request.client_reference || request.client_reference->empty()) {
      failure f;
      f.kind = failure_kind::invalid_request;
      f.field = "client_reference";
      f.message = "reconcile needs the client_reference the first send used";
      out.error = std::move(f);
      return out;
    }
    list_batches_query query;
    query.client_reference = request.client_reference;
    query.page_size = max_page_size;
    // Every look must complete before absence is proven: a look that fails says nothing, so the
    // outcome stays unknown (never "not sent", which would invite a duplicate).
    std::optional<failure> failed_look;
    for (int check = 0; check < std::max(1, policy.checks); ++check) {
      if (check > 0) {
        m_sleep(policy.interval);
      }
      auto pages = batch_pages(query);
      while (auto found = pages.next()) {
        out.attempts += found->attempts;
        if (!found->ok()) {
          failed_look = std::move(found->error);
          break;
        }
        for (auto& b : found->value.items) {
          if (b.client_reference == request.client_reference) {
            out.value.batch = std::move(b);
            return out;
          }
        }
      }
    }
    if (failed_look) {
      failure f;
      f.kind = failure_kind::outcome_unknown;
      f.client_reference = *request.client_reference;
      f.transport = failed_look->transport;
      f.api = std::move(failed_look->api);
      f.message = "could not look the batch up by client_reference '" + *request.client_reference +
                  "' (" + failed_look->message + "); it may exist: call reconcile again";
      out.error = std::move(f);
      return out;
    }
    auto sent = send(request);
    out.attempts += sent.attempts;
    out.value.resent = true;
    if (!sent.ok()) {
      out.error = std::move(sent.error);
      return out;
    }
    out.value.batch = std::move(sent.value);
    return out;
  }

  /// `POST /batches/dry_run`.
  auto dry_run(const batch_request& request, const dry_run_query& q = {})
      -> response<dry_run_response> {
    if (auto refused = validate(request)) {
      return fail<dry_run_response>(std::move(*refused));
    }
    detail::query query;
    query.emplace_back("per_recipient", q.per_recipient ? "true" : "false");
    detail::add(query, "number_of_recipients", q.number_of_recipients);
    return call<dry_run_response>("POST", "/batches/dry_run" + encode(query), to_json(request),
                                  true);
  }

  auto get_batch(std::string_view id) -> response<batch> {
    return call<batch>("GET", "/batches/" + url_encode(id), std::nullopt, true);
  }

  auto list_batches(const list_batches_query& q = {}) -> response<page<batch>> {
    detail::query query;
    detail::add(query, "page", q.page);
    detail::add(query, "page_size", q.page_size);
    detail::add(query, "from", q.from);
    detail::add(query, "start_date", q.start_date);
    detail::add(query, "end_date", q.end_date);
    detail::add(query, "client_reference", q.client_reference);
    return call<page<batch>>("GET", "/batches" + encode(query), std::nullopt, true);
  }

  /// `DELETE /batches/{id}`: cancelling twice is harmless, so it is retried.
  auto cancel_batch(std::string_view id) -> response<batch> {
    return call<batch>("DELETE", "/batches/" + url_encode(id), std::nullopt, true);
  }

  /// `PUT /batches/{id}`: replaces (cancels and resends) a batch; never retried after it left.
  auto replace_batch(std::string_view id, const batch_request& request) -> response<batch> {
    if (auto refused = validate(request)) {
      return fail<batch>(std::move(*refused));
    }
    return call<batch>("PUT", "/batches/" + url_encode(id), to_json(request), false);
  }

  /// `POST /batches/{id}`: adds recipients or changes fields; never retried after it left.
  auto update_batch(std::string_view id, const batch_update& update) -> response<batch> {
    return call<batch>("POST", "/batches/" + url_encode(id), to_json(update), false);
  }

  /// `POST /batches/{id}/delivery_feedback`; an empty list means every recipient.
  auto delivery_feedback(std::string_view id, const std::vector<std::string>& recipients)
      -> response<accepted> {
    const json body = {{"recipients", recipients}};
    return call<accepted>("POST", "/batches/" + url_encode(id) + "/delivery_feedback", body, true);
  }

  auto get_delivery_report(std::string_view id, const delivery_report_query& q = {})
      -> response<batch_delivery_report> {
    detail::query query;
    query.emplace_back("type", q.type);
    detail::add(query, "status", q.status);
    detail::add(query, "code", q.code);
    detail::add(query, "client_reference", q.client_reference);
    return call<batch_delivery_report>(
        "GET", "/batches/" + url_encode(id) + "/delivery_report" + encode(query), std::nullopt,
        true);
  }

  auto get_recipient_delivery_report(std::string_view id, std::string_view recipient)
      -> response<recipient_delivery_report> {
    return call<recipient_delivery_report>(
        "GET", "/batches/" + url_encode(id) + "/delivery_report/" + url_encode(recipient),
        std::nullopt, true);
  }

  auto list_delivery_reports(const list_delivery_reports_query& q = {})
      -> response<page<recipient_delivery_report>> {
    detail::query query;
    detail::add(query, "page", q.page);
    detail::add(query, "page_size", q.page_size);
    detail::add(query, "start_date", q.start_date);
    detail::add(query, "end_date", q.end_date);
    detail::add(query, "status", q.status);
    detail::add(query, "code", q.code);
    detail::add(query, "client_reference", q.client_reference);
    return call<page<recipient_delivery_report>>("GET", "/delivery_reports" + encode(query),
                                                 std::nullopt, true);
  }

  auto list_inbounds(const list_inbounds_query& q = {}) -> response<page<inbound>> {
    detail::query query;
    detail::add(query, "page", q.page);
    detail::add(query, "page_size", q.page_size);
    detail::add(query, "to", q.to);
    detail::add(query, "start_date", q.start_date);
    detail::add(query, "end_date", q.end_date);
    detail::add(query, "client_reference", q.client_reference);
    return call<page<inbound>>("GET", "/inbounds" + encode(query), std::nullopt, true);
  }

  auto get_inbound(std::string_view id) -> response<inbound> {
    return call<inbound>("GET", "/inbounds/" + url_encode(id), std::nullopt, true);
  }

  // ---- groups --------------------------------------------------------------------------------
  // Retries: GET and DELETE are repeated like every read. `create_group` is not repeated once it
  // may have left: a second POST would create a second group, and a group has no reference to
  // look it up by, so an unclear answer is outcome_unknown (list the groups before creating it
  // again). `update_group` and `replace_group` are repeated: both are set operations on one group
  // (members added, then removed; a name or a whole member list set), so applying one twice leaves
  // the group as applying it once, and neither sends a message. A repeat can only undo an edit
  // another client made in between, which a delayed first attempt could do as well.

  /// `POST /groups` (201).
  auto create_group(const group_request& request) -> response<group> {
    if (auto refused = validate(request)) {
      return fail<group>(std::move(*refused));
    }
    auto out = call<group>("POST", "/groups", to_json(request), false);
    if (!out.ok() && (out.error->kind == failure_kind::outcome_unknown ||
                      out.error->kind == failure_kind::bad_response)) {
      out.error->message +=
          "; the group may have been created: list the groups before creating it again";
    }
    return out;
  }

  auto list_groups(const list_groups_query& q = {}) -> response<page<group>> {
    detail::query query;
    detail::add(query, "page", q.page);
    detail::add(query, "page_size", q.page_size);
    return call<page<group>>("GET", "/groups" + encode(query), std::nullopt, true);
  }

  auto get_group(std::string_view id) -> response<group> {
    return call<group>("GET", "/groups/" + url_encode(id), std::nullopt, true);
  }

  /// `POST /groups/{id}`: adds, then removes, members; `name` null clears the name.
  auto update_group(std::string_view id, const group_update& update) -> response<group> {
    if (auto refused = validate(update)) {
      return fail<group>(std::move(*refused));
    }
    return call<group>("POST", "/groups/" + url_encode(id), to_json(update), true);
  }

  /// `PUT /groups/{id}`: the group's name and members become the request's.
  auto replace_group(std::string_view id, const group_request& request) -> response<group> {
    if (auto refused = validate(request)) {
      return fail<group>(std::move(*refused));
    }
    return call<group>("PUT", "/groups/" + url_encode(id), to_json(request), true);
  }

  /// `DELETE /groups/{id}` (any 2xx). A batch to the group is refused from then on (403). A 404
  /// on a retry counts as deleted: an earlier attempt may have deleted the group and lost its 204,
  /// and either way no such group is left.
  auto delete_group(std::string_view id) -> response<accepted> {
    auto out = call<accepted>("DELETE", "/groups/" + url_encode(id), std::nullopt, true);
    if (!out.ok() && out.attempts > 1 && out.error->kind == failure_kind::http &&
        out.error->api.http_status == 404) {
      out.error.reset();
    }
    return out;
  }

  /// `GET /groups/{id}/members`: the members' MSISDNs.
  auto list_group_members(std::string_view id) -> response<std::vector<std::string>> {
    return call<std::vector<std::string>>("GET", "/groups/" + url_encode(id) + "/members",
                                          std::nullopt, true);
  }

  /// Walks a list page by page: `while (auto p = pages.next()) { ... }`. Stops after the last
  /// page or the first error (which it returns).
  template <class Item, class Query>
  class pager {
   public:
    pager(client& c, Query q) : m_client(c), m_query(std::move(q)) {
      if (!m_query.page) {
        m_query.page = 0;
      }
    }

    auto next() -> std::optional<response<page<Item>>> {
      if (m_done) {
        return std::nullopt;
      }
      auto r = fetch();
      // Counted from the page asked for, not the one echoed, and never past an empty page or
      // max_pages: a proxy that ignores `page` must not make this loop forever.
      const auto size = r.ok() ? r.value.page_size : 0;
      const bool more = size > 0 && (*m_query.page + 1) * size < r.value.count;
      m_done = !r.ok() || !more || r.value.items.empty() || ++m_fetched >= max_pages;
      *m_query.page += 1;
      return r;
    }

   private:
    auto fetch() -> response<page<Item>> {
      if constexpr (std::is_same_v<Item, batch>) {
        return m_client.list_batches(m_query);
      } else if constexpr (std::is_same_v<Item, inbound>) {
        return m_client.list_inbounds(m_query);
      } else if constexpr (std::is_same_v<Item, group>) {
        return m_client.list_groups(m_query);
      } else {
        return m_client.list_delivery_reports(m_query);
      }
    }

    static constexpr int max_pages = 100'000;

    client& m_client;
    Query m_query;
    bool m_done = false;
    int m_fetched = 0;
  };

  auto batch_pages(list_batches_query q = {}) -> pager<batch, list_batches_query> {
    return {*this, std::move(q)};
  }
  auto inbound_pages(list_inbounds_query q = {}) -> pager<inbound, list_inbounds_query> {
    return {*this, std::move(q)};
  }
  auto group_pages(list_groups_query q = {}) -> pager<group, list_groups_query> {
    return {*this, std::move(q)};
  }
  auto delivery_report_pages(list_delivery_reports_query q = {})
      -> pager<recipient_delivery_report, list_delivery_reports_query> {
    return {*this, std::move(q)};
  }

  /// 128 bits from the system's random source: no two sends, in this process or any other,
  /// share one with any odds worth counting.
  static auto new_client_reference() -> std::string {
    static constexpr char hex[] = "0123456789abcdef";
    std::random_device source;
    std::string out = "septet-";
    for (int word = 0; word < 4; ++word) {
      auto bits = static_cast<std::uint32_t>(source());
      for (int i = 0; i < 8; ++i, bits >>= 4U) {
        out.push_back(hex[bits & 0xFU]);
      }
    }
    return out;
  }

 private:
  template <class T>
  static auto fail(failure f) -> response<T> {
    response<T> out;
    out.error = std::move(f);
    return out;
  }

  static auto encode(const detail::query& query) -> std::string {
    std::string out;
    for (const auto& [key, value] : query) {
      out += out.empty() ? '?' : '&';
      out += url_encode(key);
      out += '=';
      out += url_encode(value);
    }
    return out;
  }

  static auto region_list() -> std::string {
    std::string list;
    for (const auto r : regions) {
      list.append(list.empty() ? "" : ", ").append(r);
    }
    return list;
  }

  [[nodiscard]] auto config_error() const -> std::optional<failure> {
    failure f;
    f.kind = failure_kind::invalid_config;
    if (m_config.base_url.empty()) {
      bool known = false;
      for (const auto r : regions) {
        known = known || r == m_config.region;
      }
      if (!known) {
        f.message = "region must be one of " + region_list() + " (got '" + m_config.region + "')";
        return f;
      }
    }
    if (m_config.service_plan_id.empty()) {
      f.message = "no service plan ID (set it in the configuration, or in SINCH_PLAN_ID)";
      return f;
    }
    if (m_config.api_token.empty()) {
      f.message = "no API token (set it in the configuration or in SINCH_API_TOKEN)";
      return f;
    }
    return std::nullopt;
  }

  template <class T>
  auto call(const char* method,
            const std::string& path,
            const std::optional<json>& body,
            bool repeatable) -> response<T> {
    response<T> out;
    if (auto bad = config_error()) {
      out.error = std::move(bad);
      return out;
    }
    http_request request;
    request.method = method;
    request.url = base_url() + path;
    if (failure refused; body && !serialize(*body, request.body, refused)) {
      out.error = std::move(refused);
      return out;
    }
    request.idempotent = repeatable;
    request.headers = {{"Authorization", "Bearer " + m_config.api_token},
                       {"Accept", "application/json"}};
    if (!request.body.empty()) {
      request.headers.emplace_back("Content-Type", "application/json");
    }
    return perform<T>(m_transport, request, path, m_config.retry, m_random, m_sleep);
  }

  client_config m_config;
  Transport m_transport;
  std::mt19937_64 m_random;
  sleep_function m_sleep;
};

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_CLIENT_HPP

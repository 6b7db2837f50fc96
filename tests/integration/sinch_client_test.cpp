// The real libcurl client against the sandbox on 127.0.0.1: every endpoint, every error shape,
// pagination, retries, callbacks, and the Classic API.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <sandbox.hpp>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <septet/sinch/timestamp.hpp>
#include <septet/sinch/webhook.hpp>
#include <thread>
#include <tuple>

namespace sinch = septet::sinch;
using septet_cli::fault;
using septet_cli::sandbox;
using septet_cli::sandbox_config;
using sinch::json;
using namespace std::chrono_literals;

namespace {

using xms_client = sinch::client<sinch::curl_transport>;

auto faults(double rate, std::vector<fault> kinds) -> septet_cli::fault_config {
  septet_cli::fault_config f;
  f.rate = rate;
  f.kinds = std::move(kinds);
  f.seed = 7;
  return f;
}

/// A sandbox on a free loopback port, and a client pointed at it.
class SinchClient : public ::testing::Test {
 protected:
  void SetUp() override {
    start(m_default_config);
  }

  void start(const sandbox_config& config) {
    server = std::make_unique<sandbox>(config);
    ASSERT_TRUE(server->start());
  }

  auto make_client(std::string token = "sandbox-token", std::chrono::milliseconds timeout = 5s)
      -> xms_client {
    sinch::client_config config;
    config.base_url = server->url();
    config.service_plan_id = "sandbox-plan";
    config.api_token = std::move(token);
    config.retry.base_delay = 1ms;
    sinch::curl_options curl;
    curl.timeout = timeout;
    return xms_client(config, sinch::curl_transport(curl));
  }

  static auto text_batch(std::string body, std::vector<std::string> to = {"+46700000001"})
      -> sinch::batch_request {
    sinch::batch_request b;
    b.to = std::move(to);
    b.from = "+46700000000";
    b.body = std::move(body);
    return b;
  }

  std::unique_ptr<sandbox> server;

 private:
  // A member, not a temporary in SetUp(): GCC 12 at -O3 warns (maybe-uninitialized, a false
  // positive) about destroying a temporary config on ASSERT_TRUE's early-return path.
  const sandbox_config m_default_config{};
};

TEST_F(SinchClient, SendGetCancelRoundTrip) {
  auto c = make_client();
  auto sent = c.send(text_batch("Hello from septet", {"+46 70 000 0001", "0046700000002"}));
  ASSERT_TRUE(sent.ok()) << sent.error->message;
  EXPECT_EQ(sent.value.id.size(), 26U);
  EXPECT_EQ(sent.value.to, (std::vector<std::string>{"46700000001", "46700000002"}));
  EXPECT_EQ(sent.value.from, "46700000000");
  ASSERT_TRUE(sent.value.client_reference);
  EXPECT_TRUE(sent.value.client_reference->starts_with("septet-"));
  EXPECT_FALSE(sent.value.canceled);
  EXPECT_EQ(sent.attempts, 1);

  auto got = c.get_batch(sent.value.id);
  ASSERT_TRUE(got.ok()) << got.error->message;
  EXPECT_EQ(got.value.body, "Hello from septet");
  EXPECT_EQ(got.value.client_reference, sent.value.client_reference);

  auto canceled = c.cancel_batch(sent.value.id);
  ASSERT_TRUE(canceled.ok());
  EXPECT_TRUE(canceled.value.canceled);
  EXPECT_EQ(server->stats().batches_created, 1U);
}

TEST_F(SinchClient, ReferencesAreUniqueAndTheCallersIsKept) {
  auto c = make_client();
  auto a = c.send(text_batch("a"));
  auto b = c.send(text_batch("b"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a.value.client_reference, b.value.client_reference);
  auto mine = text_batch("c");
  mine.client_reference = "order-42";
  auto m = c.send(mine);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.value.client_reference, "order-42");
}

TEST_F(SinchClient, DryRunMatchesTheDocumentedExample) {
  auto c = make_client();
  auto b = text_batch("Hello ${name}!", {"+12017777777", "+12018888888", "+12019999999"});
  b.from = "+12015555555";
  b.parameters = sinch::parameter_map{{"name", {{"+12017777777", "John"}, {"default", "there"}}}};
  sinch::dry_run_query q;
  q.per_recipient = true;
  q.number_of_recipients = 10;
  auto r = c.dry_run(b, q);
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.value.number_of_recipients, 3);
  EXPECT_EQ(r.value.number_of_messages, 3);
  ASSERT_TRUE(r.value.per_recipient);
  ASSERT_EQ(r.value.per_recipient->size(), 3U);
  EXPECT_EQ(r.value.per_recipient->at(0).recipient, "12017777777");
  EXPECT_EQ(r.value.per_recipient->at(0).body, "Hello John!");
  EXPECT_EQ(r.value.per_recipient->at(1).body, "Hello there!");
  EXPECT_EQ(r.value.per_recipient->at(0).encoding, "text");
  EXPECT_EQ(server->stats().batches_created, 0U);
}

TEST_F(SinchClient, RefusesWhatSinchWouldRejectBeforeSending) {
  auto c = make_client();
  auto r = c.send(text_batch("hi", {"+46700000001", "+1"}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::invalid_request);
  EXPECT_EQ(r.error->field, "to[1]");
  EXPECT_EQ(r.error->status.ec, septet::errc::invalid_msisdn);
  r = c.send(text_batch(std::string(2001, 'a')));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->status.ec, septet::errc::body_too_long);
  EXPECT_EQ(r.error->status.count, 2000U);
  r = c.send(text_batch("caf\xC3"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->status.ec, septet::errc::utf8_truncated);
  EXPECT_EQ(r.error->status.count, 3U);
  auto bogus = text_batch("hi");
  bogus.delivery_report = "bogus";
  r = c.send(bogus);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->field, "delivery_report");
  for (const auto* url :
       {"not a url", "ftp://example.com", "https://", "http:///path", "https://example.com/a b"}) {
    auto bad_url = text_batch("hi");
    bad_url.callback_url = url;
    r = c.send(bad_url);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error->field, "callback_url") << url;
  }
  EXPECT_EQ(server->stats().requests, 0U);
}

// Only Sinch's older guide limited keys (16) and values (160) and said nothing of a lone "${";
// its current documents do neither: septet sends such requests and warns.
TEST_F(SinchClient, SendsWhatOnlyTheOlderGuideRefusedAndWarns) {
  auto c = make_client();
  auto request = text_batch("Hi ${name} ${ and ${a_key_longer_than_16}", {"+46700000001"});
  request.parameters = sinch::parameter_map{{"name", {{"default", std::string(161, 'x')}}},
                                            {"a_key_longer_than_16", {{"default", "!"}}}};
  const auto warnings = sinch::request_warnings(request);
  ASSERT_EQ(warnings.size(), 3U);
  EXPECT_EQ(warnings[0].field, "body");
  EXPECT_EQ(warnings[0].core.ec, septet::errc::invalid_placeholder);  // the first "${"
  EXPECT_EQ(warnings[1].field, "parameters.a_key_longer_than_16");
  EXPECT_EQ(warnings[2].field, "parameters.name.default");
  EXPECT_EQ(warnings[2].core.ec, septet::errc::value_too_long);
  auto sent = c.send(request);
  ASSERT_TRUE(sent.ok()) << sent.error->message;
  sinch::dry_run_query listed;
  listed.per_recipient = true;
  auto dry = c.dry_run(request, listed);
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry.value.per_recipient->at(0).body, "Hi " + std::string(161, 'x') + " ${ and !");
  EXPECT_EQ(dry.value.per_recipient->at(0).number_of_parts, 2);
  auto report = c.get_recipient_delivery_report(sent.value.id, "+46700000001");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value.code, 0);
  EXPECT_TRUE(sinch::request_warnings(text_batch("Hi ${name}")).empty());
}

TEST_F(SinchClient, ServerErrorShapesReachTheCaller) {
  // The sandbox's own checks, reached with a raw request the client would have refused.
  sinch::curl_transport raw;
  sinch::http_request request{
      "POST",
      server->url() + "/xms/v1/sandbox-plan/batches",
      {{"Authorization", "Bearer sandbox-token"}, {"Content-Type", "application/json"}},
      R"({"to":["+1"],"body":"x"})"};
  auto r = raw.send(request);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.response.status, 400);
  auto e = sinch::read_api_error(r.response.status, r.response.body);
  EXPECT_EQ(e.shape, sinch::error_shape::sinch);
  EXPECT_EQ(e.code, "syntax_invalid_parameter_format");
  EXPECT_EQ(e.text,
            "The format of parameter 'to[0]' is invalid; value '+1' is not a valid MSISDN or "
            "group ID.");
  request.body = "{\"to\":";
  r = raw.send(request);
  EXPECT_EQ(sinch::read_api_error(r.response.status, r.response.body).code, "syntax_invalid_json");
  request.headers[1].second = "text/plain";
  request.body = "{}";
  EXPECT_EQ(raw.send(request).response.status, 415);

  auto c = make_client();
  auto missing = c.get_batch("01AAAAAAAAAAAAAAAAAAAAAAAA");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->kind, sinch::failure_kind::http);
  EXPECT_EQ(missing.error->api.http_status, 404);
  auto report = text_batch("hi");
  report.delivery_report = "summary";
  auto no_callback = c.send(report);
  ASSERT_FALSE(no_callback.ok());
  EXPECT_EQ(no_callback.error->api.http_status, 403);
  EXPECT_EQ(no_callback.error->api.code, "missing_callback_url");
}

TEST_F(SinchClient, WrongTokenIs401AndTheTokenIsNeverEchoed) {
  auto c = make_client("wrong-token-9f8e7d");
  auto r = c.list_batches();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->api.http_status, 401);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.error->message.find("wrong-token-9f8e7d"), std::string::npos);
  EXPECT_EQ(r.error->api.body.find("wrong-token-9f8e7d"), std::string::npos);
}

TEST_F(SinchClient, ConfigurationIsCheckedFirst) {
  sinch::client_config config;
  config.region = "xx";
  config.service_plan_id = "p";
  config.api_token = "t";
  xms_client bad_region(config, sinch::curl_transport{});
  auto r = bad_region.list_batches();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::invalid_config);
  config.region = "eu";
  xms_client eu(config, sinch::curl_transport{});
  EXPECT_EQ(eu.base_url(), "https://eu.sms.api.sinch.com/xms/v1/p");
  // The token comes from SINCH_API_TOKEN when the configuration has none, and is required.
  config.base_url = server->url();
  config.service_plan_id = "sandbox-plan";
  config.api_token.clear();
  ::setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  xms_client from_env(config, sinch::curl_transport{});
  ::unsetenv("SINCH_API_TOKEN");
  EXPECT_TRUE(from_env.list_batches().ok());
  xms_client no_token(config, sinch::curl_transport{});
  auto refused = no_token.list_batches();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->kind, sinch::failure_kind::invalid_config);
  EXPECT_EQ(server->stats().requests, 1U);
}

TEST_F(SinchClient, EveryRegionOfTheSeedsHasItsHostAndUsIsTheDefault) {
  sinch::client_config config;
  config.service_plan_id = "p";
  config.api_token = "t";
  for (const char* region : {"us", "eu", "au", "br", "ca", "gb"}) {
    config.region = region;
    EXPECT_EQ(xms_client(config, sinch::curl_transport{}).base_url(),
              std::string("https://") + region + ".sms.api.sinch.com/xms/v1/p");
  }
  config.region.clear();
  EXPECT_EQ(xms_client(config, sinch::curl_transport{}).base_url(),
            "https://us.sms.api.sinch.com/xms/v1/p");
}

TEST_F(SinchClient, ConfigurationFromTheEnvironment) {
  ::setenv("SINCH_REGION", "gb", 1);
  ::setenv("SINCH_SERVICE_PLAN_ID", "plan-b", 1);
  ::setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  ::unsetenv("SINCH_PLAN_ID");
  ::unsetenv("SINCH_BASE_URL");
  auto config = sinch::client_config::from_environment();
  EXPECT_EQ(config.region, "gb");
  EXPECT_EQ(config.service_plan_id, "plan-b");
  EXPECT_EQ(config.api_token, "sandbox-token");
  EXPECT_EQ(config.base_url, "");
  // SINCH_PLAN_ID wins over SINCH_SERVICE_PLAN_ID; SINCH_BASE_URL reaches the sandbox.
  ::setenv("SINCH_PLAN_ID", "sandbox-plan", 1);
  ::setenv("SINCH_BASE_URL", server->url().c_str(), 1);
  config = sinch::client_config::from_environment();
  EXPECT_EQ(config.service_plan_id, "sandbox-plan");
  EXPECT_TRUE(xms_client(config, sinch::curl_transport{}).list_batches().ok());
  for (const char* name : {"SINCH_REGION", "SINCH_SERVICE_PLAN_ID", "SINCH_PLAN_ID",
                           "SINCH_BASE_URL", "SINCH_API_TOKEN"}) {
    ::unsetenv(name);
  }
}

/// A request as any HTTP client would make it, with the sandbox's token.
auto raw_request(const std::string& url,
                 const std::string& method,
                 const std::string& path,
                 const std::string& body = "") -> httplib::Result {
  httplib::Client http(url);
  const httplib::Headers auth = {{"Authorization", "Bearer sandbox-token"}};
  const auto full = "/xms/v1/sandbox-plan" + path;
  if (method == "GET") {
    return http.Get(full, auth);
  }
  if (method == "DELETE") {
    return http.Delete(full, auth);
  }
  if (method == "PATCH") {
    return http.Patch(full, auth, body, "application/json");
  }
  if (method == "PUT") {
    return http.Put(full, auth, body, "application/json");
  }
  return http.Post(full, auth, body, "application/json");
}

TEST_F(SinchClient, TheSandboxRefusesWhatSinchRefuses) {
  const auto url = server->url();
  const auto code_of = [](const httplib::Result& r) {
    return r ? json::parse(r->body, nullptr, false).value("code", "") : "(no answer)";
  };
  const std::string to = R"("to": ["+46700000001"], "body": "Hi")";
  for (const auto& [field, value] : {std::pair{"type", R"("mt_bogus")"},
                                     {"delivery_report", R"("bogus")"},
                                     {"send_at", R"("tomorrow")"},
                                     {"expire_at", R"("2026-02-30T10:00:00Z")"}}) {
    const auto r =
        raw_request(url, "POST", "/batches", "{" + to + R"(, ")" + field + R"(": )" + value + "}");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << field;
    EXPECT_EQ(code_of(r), "syntax_invalid_parameter_format") << field << ": " << r->body;
    EXPECT_NE(r->body.find(field), std::string::npos) << r->body;
  }
  const auto late_first = raw_request(
      url, "POST", "/batches",
      "{" + to + R"(, "send_at": "2030-01-02T00:00:00Z", "expire_at": "2030-01-01T00:00:00Z"})");
  EXPECT_EQ(late_first->status, 400);
  EXPECT_EQ(code_of(late_first), "syntax_constraint_violation");
  // A path takes only its own methods: 405 with Allow, never 404 or 400.
  for (const auto& [method, path, allow] : {std::tuple{"PATCH", "/batches", "GET, POST"},
                                            {"DELETE", "/batches", "GET, POST"},
                                            {"PUT", "/batches", "GET, POST"},
                                            {"GET", "/batches/dry_run", "POST"},
                                            {"PATCH", "/batches/01ABC", "GET, POST, PUT, DELETE"},
                                            {"DELETE", "/inbounds", "GET"},
                                            {"POST", "/delivery_reports", "GET"},
                                            {"DELETE", "/groups", "GET, POST"},
                                            {"PATCH", "/groups/01ABC", "GET, POST, PUT, DELETE"},
                                            {"POST", "/groups/01ABC/members", "GET"}}) {
    const auto r = raw_request(url, method, path, "{}");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405) << method << ' ' << path;
    EXPECT_EQ(r->get_header_value("Allow"), allow) << method << ' ' << path;
  }
  EXPECT_EQ(server->stats().batches_created, 0U);
}

TEST_F(SinchClient, AnUpdateChangesOnlyWhatAnUpdateMay) {
  auto c = make_client();
  auto sent = c.send(text_batch("original", {"+46700000001"}));
  ASSERT_TRUE(sent.ok());
  const auto& id = sent.value.id;
  // The batch's identity, history and `to` are not an update's to change.
  const auto r = raw_request(server->url(), "POST", "/batches/" + id,
                             R"({"id": "01XXXXXXXXXXXXXXXXXXXXXXXX", "canceled": true,
                                 "created_at": "2000-01-01T00:00:00Z", "to": ["46700000009"],
                                 "body": "changed"})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto got = c.get_batch(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value.id, id);
  EXPECT_FALSE(got.value.canceled);
  EXPECT_EQ(got.value.created_at, sent.value.created_at);
  EXPECT_EQ(got.value.to, std::vector<std::string>{"46700000001"});
  EXPECT_EQ(got.value.body, "changed");
  // Delivery reports asked for by an update need somewhere to go, as for a send.
  const auto no_callback =
      raw_request(server->url(), "POST", "/batches/" + id, R"({"delivery_report": "full"})");
  ASSERT_TRUE(no_callback);
  EXPECT_EQ(no_callback->status, 403);
  EXPECT_NE(no_callback->body.find("missing_callback_url"), std::string::npos);
}

TEST_F(SinchClient, TheSandboxAnswersAsSinchWrites) {
  auto c = make_client();
  auto request = text_batch("scheduled");
  request.from = "+46 70-000 00 00";
  request.send_at = "2030-06-01T12:00:00+02:00";
  request.expire_at = "2030-06-02T12:00:00.5";
  auto sent = c.send(request);
  ASSERT_TRUE(sent.ok()) << sent.error->message;
  // Numbers without + or 00; timestamps in UTC to the millisecond (seed 001).
  EXPECT_EQ(sent.value.from, "46700000000");
  EXPECT_EQ(sent.value.send_at, "2030-06-01T10:00:00.000Z");
  EXPECT_EQ(sent.value.expire_at, "2030-06-02T12:00:00.500Z");
  const auto utc_millis = [](const std::optional<std::string>& t) {
    return t && t->size() == 24 && t->ends_with("Z") && (*t)[19] == '.' &&
           sinch::parse_timestamp(*t);
  };
  EXPECT_TRUE(utc_millis(sent.value.created_at)) << sent.value.created_at.value_or("");
  EXPECT_TRUE(utc_millis(sent.value.modified_at));
  // On replace and update too.
  request.from = "0046700000009";
  auto replaced = c.replace_batch(sent.value.id, request);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced.value.from, "46700000009");
  sinch::batch_update update;
  update.from = "+46700000008";
  update.send_at = "2030-06-01T13:00:00-01:00";
  auto updated = c.update_batch(sent.value.id, update);
  ASSERT_TRUE(updated.ok()) << updated.error->message;
  EXPECT_EQ(updated.value.from, "46700000008");
  EXPECT_EQ(updated.value.send_at, "2030-06-01T14:00:00.000Z");
  auto report = c.get_recipient_delivery_report(sent.value.id, "+46700000001");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(utc_millis(report.value.at));
}

TEST_F(SinchClient, InboundFiltersWithSinchsDefaults) {
  auto c = make_client();
  auto request = text_batch("Reply YES", {"+46700000005"});
  request.from = "+46700000000";
  request.client_reference = "campaign-7";
  ASSERT_TRUE(c.send(request).ok());
  const auto inject = [&](const std::string& fields) {
    httplib::Client http(server->url());
    return http.Post("/sandbox/inbounds", fields, "application/json");
  };
  // A reply to that batch carries its client_reference; an old message is outside the default
  // window of 24 hours.
  ASSERT_EQ(inject(R"({"from": "+46700000005", "to": "+46700000000", "body": "YES"})")->status,
            201);
  ASSERT_EQ(inject(R"({"from": "+46700000006", "to": "+46700000000", "body": "old",
                      "received_at": "2020-01-01T10:00:00Z"})")
                ->status,
            201);
  auto recent = c.list_inbounds();
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent.value.items.size(), 1U);
  EXPECT_EQ(recent.value.items[0].body, "YES");
  EXPECT_EQ(recent.value.items[0].client_reference, "campaign-7");
  sinch::list_inbounds_query since_2019;
  since_2019.start_date = "2019-12-31T00:00:00Z";
  EXPECT_EQ(c.list_inbounds(since_2019).value.count, 2);
  since_2019.end_date = "2020-01-01T10:00:00Z";  // the end is exclusive
  EXPECT_EQ(c.list_inbounds(since_2019).value.count, 0);
  since_2019.end_date.reset();
  since_2019.client_reference = "campaign-7";
  auto replies = c.list_inbounds(since_2019);
  ASSERT_EQ(replies.value.items.size(), 1U);
  EXPECT_EQ(replies.value.items[0].from, "46700000005");
  sinch::list_inbounds_query bad_date;
  bad_date.start_date = "yesterday";
  auto refused = c.list_inbounds(bad_date);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->api.http_status, 400);
  EXPECT_EQ(refused.error->api.code, "syntax_invalid_parameter_format");
}

TEST_F(SinchClient, ABlockedAccountIs403BlockedAccount) {
  sandbox_config config;
  config.account_blocked = true;
  server->stop();
  start(config);
  auto c = make_client();
  auto r = c.send(text_batch("hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::http);  // never sent: send again later is safe
  EXPECT_EQ(r.error->api.http_status, 403);
  EXPECT_EQ(r.error->api.code, "blocked_account");
  EXPECT_EQ(c.list_batches().error->api.code, "blocked_account");
  EXPECT_EQ(make_client("wrong").list_batches().error->api.http_status, 401);  // token first
  EXPECT_EQ(server->stats().batches_created, 0U);
}

TEST_F(SinchClient, PaginationWalksEveryPage) {
  auto c = make_client();
  for (int i = 0; i < 7; ++i) {
    auto b = text_batch("batch " + std::to_string(i));
    b.client_reference = "page-test";
    ASSERT_TRUE(c.send(b).ok());
  }
  ASSERT_TRUE(c.send(text_batch("other")).ok());
  sinch::list_batches_query query;
  query.page_size = 3;
  query.client_reference = "page-test";
  auto pages = c.batch_pages(query);
  std::vector<std::string> bodies;
  int count = 0;
  while (auto p = pages.next()) {
    ASSERT_TRUE(p->ok()) << p->error->message;
    EXPECT_EQ(p->value.count, 7);
    for (const auto& b : p->value.items) {
      bodies.push_back(b.body);
    }
    ++count;
  }
  EXPECT_EQ(count, 3);
  ASSERT_EQ(bodies.size(), 7U);
  EXPECT_EQ(bodies.front(), "batch 6");  // newest first
  EXPECT_EQ(bodies.back(), "batch 0");
}

TEST_F(SinchClient, UpdateReplaceAndFeedback) {
  auto c = make_client();
  auto b = text_batch("first");
  b.feedback_enabled = true;
  auto sent = c.send(b);
  ASSERT_TRUE(sent.ok());
  sinch::batch_update u;
  u.to_add = {"+46700000009"};
  u.body = "second";
  auto updated = c.update_batch(sent.value.id, u);
  ASSERT_TRUE(updated.ok()) << updated.error->message;
  EXPECT_EQ(updated.value.body, "second");
  EXPECT_EQ(updated.value.to, (std::vector<std::string>{"46700000001", "46700000009"}));
  auto replaced = c.replace_batch(sent.value.id, text_batch("third", {"+46700000005"}));
  ASSERT_TRUE(replaced.ok()) << replaced.error->message;
  EXPECT_EQ(replaced.value.id, sent.value.id);
  EXPECT_EQ(replaced.value.to, (std::vector<std::string>{"46700000005"}));
  EXPECT_FALSE(replaced.value.feedback_enabled.value_or(false));
  // Without feedback_enabled too: the seeds do not say Sinch refuses it (docs/sinch.md).
  auto no_feedback = c.delivery_feedback(sent.value.id, {});
  EXPECT_TRUE(no_feedback.ok()) << no_feedback.error->message;
  b.body = "fourth";
  auto again = c.send(b);
  ASSERT_TRUE(again.ok());
  auto feedback = c.delivery_feedback(again.value.id, {"+46700000001"});
  EXPECT_TRUE(feedback.ok()) << feedback.error->message;
}

TEST_F(SinchClient, DeliveryReports) {
  auto c = make_client();
  auto b = text_batch("Hi ${name}", {"+46700000001", "+46700000002", "+46700000003"});
  b.parameters = sinch::parameter_map{{"name", {{"+46700000001", "Ana"}}}};
  auto sent = c.send(b);
  ASSERT_TRUE(sent.ok());
  auto summary = c.get_delivery_report(sent.value.id);
  ASSERT_TRUE(summary.ok()) << summary.error->message;
  EXPECT_EQ(summary.value.total_message_count, 3);
  ASSERT_EQ(summary.value.statuses.size(), 2U);
  EXPECT_EQ(summary.value.statuses[0].code, 0);
  EXPECT_EQ(summary.value.statuses[0].count, 1);
  EXPECT_EQ(summary.value.statuses[1].code, 405);  // no value and no default: fails alone
  EXPECT_EQ(summary.value.statuses[1].count, 2);
  EXPECT_TRUE(summary.value.statuses[1].recipients.empty());
  sinch::delivery_report_query full_query;
  full_query.type = "full";
  full_query.code = {405};
  auto full = c.get_delivery_report(sent.value.id, full_query);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full.value.statuses.size(), 1U);
  EXPECT_EQ(full.value.statuses[0].recipients,
            (std::vector<std::string>{"46700000002", "46700000003"}));
  auto one = c.get_recipient_delivery_report(sent.value.id, "+46700000001");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value.status, "Delivered");
  auto none = c.get_recipient_delivery_report(sent.value.id, "+46700000099");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error->api.http_status, 404);
  sinch::list_delivery_reports_query reports_query;
  reports_query.page_size = 2;
  reports_query.code = {405};
  auto listed = c.list_delivery_reports(reports_query);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.value.count, 2);
}

TEST_F(SinchClient, Inbounds) {
  auto c = make_client();
  const auto first = server->add_inbound("+46700000007", "+46700000000", "STOP");
  server->add_inbound("+46700000008", "+46700000001", "hello");
  sinch::list_inbounds_query inbound_query;
  inbound_query.to = {"+46700000000"};
  auto list = c.list_inbounds(inbound_query);
  ASSERT_TRUE(list.ok()) << list.error->message;
  ASSERT_EQ(list.value.items.size(), 1U);
  EXPECT_EQ(list.value.items[0].body, "STOP");
  EXPECT_EQ(list.value.items[0].from, "46700000007");
  auto got = c.get_inbound(first.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value.type, "mo_text");
  auto missing = c.get_inbound("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->api.http_status, 404);
}

TEST_F(SinchClient, RepeatableRequestsRetryAndHonourRetryAfter) {
  auto c = make_client();
  std::vector<std::chrono::milliseconds> waits;
  c.set_sleep([&](std::chrono::milliseconds d) { waits.push_back(d); });
  server->set_faults(faults(1.0, {fault::too_many_requests}));
  auto r = c.list_batches();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 4);
  EXPECT_EQ(r.error->api.http_status, 429);
  ASSERT_EQ(waits.size(), 3U);
  for (const auto w : waits) {
    EXPECT_EQ(w, 0ms);  // Retry-After: 0
  }
  server->set_faults(faults(0.5, {fault::unavailable, fault::drop_before}));
  int retried = 0;
  for (int i = 0; i < 20; ++i) {
    auto ok = c.list_batches();
    ASSERT_TRUE(ok.ok() || ok.attempts == 4);
    retried += ok.attempts > 1 ? 1 : 0;
  }
  EXPECT_GT(retried, 0);
}

TEST_F(SinchClient, SendIsNotRetriedOnceItMayHaveLeft) {
  auto c = make_client();
  server->set_faults(faults(1.0, {fault::unavailable}));
  auto r = c.send(text_batch("once"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
  EXPECT_TRUE(r.error->client_reference.starts_with("septet-"));
  EXPECT_NE(r.error->message.find(r.error->client_reference), std::string::npos);

  server->set_faults(faults(1.0, {fault::drop_after}));
  auto request = text_batch("dropped after it was created");
  request.client_reference = "drop-1";
  r = c.send(request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
  EXPECT_EQ(server->batches_with_reference("drop-1"), 1U);
  server->set_faults({});
  auto fixed = c.reconcile(request);
  ASSERT_TRUE(fixed.ok()) << fixed.error->message;
  EXPECT_FALSE(fixed.value.resent);
  EXPECT_EQ(fixed.value.batch.body, "dropped after it was created");
  EXPECT_EQ(server->batches_with_reference("drop-1"), 1U);

  server->set_faults(faults(1.0, {fault::drop_before}));
  request.client_reference = "drop-2";
  r = c.send(request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
  EXPECT_EQ(server->batches_with_reference("drop-2"), 0U);
  server->set_faults({});
  fixed = c.reconcile(request);
  ASSERT_TRUE(fixed.ok());
  EXPECT_TRUE(fixed.value.resent);
  EXPECT_EQ(server->batches_with_reference("drop-2"), 1U);

  server->set_faults(faults(1.0, {fault::malformed}));
  request.client_reference = "malformed-1";
  r = c.send(request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::bad_response);
  EXPECT_EQ(r.error->client_reference, "malformed-1");
  EXPECT_EQ(server->batches_with_reference("malformed-1"), 1U);
}

// A lookup that fails can never turn "outcome unknown" into "never sent": whatever the lookup's
// own failure, reconcile answers outcome_unknown with the reference and sends nothing.
TEST_F(SinchClient, ReconcileWhoseLookupFailsStaysUnknownAndSendsNothing) {
  auto c = make_client();
  c.set_sleep([](std::chrono::milliseconds) {});
  auto request = text_batch("unknown until proven absent");
  request.client_reference = "lookup-fails";
  for (const auto kind : {fault::unavailable, fault::drop_before, fault::malformed}) {
    server->set_faults(faults(1.0, {kind}));
    const auto requests_before = server->stats().requests;
    auto r = c.reconcile(request, {.checks = 2, .interval = 0ms});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
    EXPECT_EQ(r.error->client_reference, "lookup-fails");
    EXPECT_NE(r.error->message.find("reconcile again"), std::string::npos) << r.error->message;
    EXPECT_FALSE(r.value.resent);
    EXPECT_EQ(server->stats().requests - requests_before, 8U);  // 2 looks of 4 attempts, no POST
  }
  server->set_faults({});
  EXPECT_EQ(server->batches_with_reference("lookup-fails"), 0U);
  auto settled = c.reconcile(request, {.checks = 1, .interval = 0ms});
  ASSERT_TRUE(settled.ok()) << settled.error->message;
  EXPECT_TRUE(settled.value.resent);
  EXPECT_EQ(server->batches_with_reference("lookup-fails"), 1U);
}

// A GET is harmless to repeat, so a 2xx whose body arrived cut short is asked again.
TEST_F(SinchClient, RepeatableRequestsRetryAMalformedBody) {
  auto c = make_client();
  c.set_sleep([](std::chrono::milliseconds) {});
  auto sent = c.send(text_batch("read me twice"));
  ASSERT_TRUE(sent.ok());
  server->set_faults(faults(1.0, {fault::malformed}));
  auto r = c.get_batch(sent.value.id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::bad_response);
  EXPECT_EQ(r.attempts, 4);
  server->set_faults(faults(0.5, {fault::malformed}));
  int retried = 0;
  for (int i = 0; i < 20; ++i) {
    auto ok = c.get_batch(sent.value.id);
    ASSERT_TRUE(ok.ok() || ok.attempts == 4);
    retried += ok.ok() && ok.attempts > 1 ? 1 : 0;
  }
  EXPECT_GT(retried, 0);
}

// A token with CR LF would add a header of the caller's choosing; it never leaves, and a server
// that echoes the request's headers in an error body does not get the token printed.
TEST_F(SinchClient, TokensNeverInjectHeadersNorReachMessages) {
  auto injected = make_client("SECRET\r\nX-Injected: yes");
  auto r = injected.list_batches();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::invalid_config);
  EXPECT_EQ(r.error->field, "Authorization");
  EXPECT_EQ(server->stats().requests, 0U);

  httplib::Server echo;
  echo.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 400;
    res.set_content(
        "{\"code\":\"echo\",\"text\":\"you sent " + req.get_header_value("Authorization") + "\"}",
        "application/json");
  });
  const int port = echo.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { echo.listen_after_bind(); });
  sinch::client_config config;
  config.base_url = "http://127.0.0.1:" + std::to_string(port);
  config.service_plan_id = "plan";
  config.api_token = "very-secret-token-123";
  auto echoed = xms_client(config, sinch::curl_transport{}).list_batches();
  echo.stop();
  serving.join();
  ASSERT_FALSE(echoed.ok());
  EXPECT_EQ(echoed.error->kind, sinch::failure_kind::http);
  for (const auto* text :
       {&echoed.error->message, &echoed.error->api.body, &echoed.error->api.text}) {
    EXPECT_EQ(text->find("very-secret-token-123"), std::string::npos) << *text;
    EXPECT_NE(text->find("[redacted]"), std::string::npos) << *text;
  }
}

TEST_F(SinchClient, ReconcileWaitsForASendThatLandsLate) {
  // The sandbox commits the batch 300 ms after the request arrives; the client gives up at 100.
  auto late = faults(1.0, {fault::commit_late});
  late.slow_delay = 300ms;
  sinch::client_config config;
  config.base_url = server->url();
  config.service_plan_id = "sandbox-plan";
  config.api_token = "sandbox-token";
  sinch::curl_options curl;
  curl.timeout = 100ms;
  xms_client c(config, sinch::curl_transport(curl));
  auto request = text_batch("late");

  // Reconciling at once, with one look, resends while the first send is still on its way.
  request.client_reference = "late-hasty";
  server->set_faults(late);
  auto r = c.send(request);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
  server->set_faults({});
  auto hasty = c.reconcile(request, {.checks = 1, .interval = 0ms});
  ASSERT_TRUE(hasty.ok());
  EXPECT_TRUE(hasty.value.resent);
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(server->batches_with_reference("late-hasty"), 2U);

  // Looking again after the server had time to commit finds it and sends nothing.
  request.client_reference = "late-patient";
  server->set_faults(late);
  r = c.send(request);
  ASSERT_FALSE(r.ok());
  server->set_faults({});
  auto patient = c.reconcile(request, {.checks = 4, .interval = 150ms});
  ASSERT_TRUE(patient.ok()) << patient.error->message;
  EXPECT_FALSE(patient.value.resent);
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(server->batches_with_reference("late-patient"), 1U);
}

TEST_F(SinchClient, ASendThatNeverLeftIsRetried) {
  // A port nobody listens on: connection refused proves the request never left.
  server->stop();
  auto c = make_client();
  int sleeps = 0;
  c.set_sleep([&](std::chrono::milliseconds) { ++sleeps; });
  auto r = c.send(text_batch("nobody home"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::transport);
  EXPECT_EQ(r.error->transport, sinch::transport_error::not_sent);
  EXPECT_EQ(r.attempts, 4);
  EXPECT_EQ(sleeps, 3);
}

TEST_F(SinchClient, TimeoutOnASendIsOutcomeUnknown) {
  auto slow = faults(1.0, {fault::slow});
  slow.slow_delay = 600ms;
  server->set_faults(slow);
  auto c = make_client("sandbox-token", 200ms);
  auto r = c.send(text_batch("slow"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, sinch::failure_kind::outcome_unknown);
  EXPECT_EQ(r.error->transport, sinch::transport_error::timeout);
  EXPECT_EQ(r.attempts, 1);
}

/// Receives callbacks on loopback, checking their signatures.
struct callback_receiver {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<sinch::callback> received;
  std::vector<sinch::signature_check> checks;

  explicit callback_receiver(std::string secret) {
    server.Post("/callbacks", [this, secret](const httplib::Request& req, httplib::Response& res) {
      std::vector<sinch::http_header> headers(req.headers.begin(), req.headers.end());
      const auto check =
          sinch::verify_webhook(headers, req.body, secret, std::chrono::system_clock::now());
      auto parsed = sinch::parse_callback(req.body);
      std::lock_guard lock(mutex);
      checks.push_back(check);
      if (parsed.ok()) {
        received.push_back(std::move(parsed.value));
      }
      res.status = 200;
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  ~callback_receiver() {
    server.stop();
    thread.join();
  }
  auto wait_for(std::size_t n) -> bool {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(mutex);
        if (received.size() >= n) {
          return true;
        }
      }
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }
};

TEST_F(SinchClient, CallbacksArriveSignedAndParse) {
  callback_receiver receiver("hook-secret");
  const std::string callback_url =
      "http://127.0.0.1:" + std::to_string(receiver.port) + "/callbacks";
  sandbox_config config;
  config.webhook_secret = "hook-secret";
  config.mo_callback_url = callback_url;
  start(config);
  auto c = make_client();
  auto b = text_batch("report me", {"+46700000001", "+46700000002"});
  b.delivery_report = "per_recipient";
  b.callback_url = callback_url;
  auto sent = c.send(b);
  ASSERT_TRUE(sent.ok()) << sent.error->message;
  b.delivery_report = "full";
  ASSERT_TRUE(c.send(b).ok());
  server->add_inbound("+46700000003", "+46700000000", "reply");
  ASSERT_TRUE(receiver.wait_for(4));
  std::lock_guard lock(receiver.mutex);
  int recipient_reports = 0;
  int batch_reports = 0;
  int inbound = 0;
  for (const auto& cb : receiver.received) {
    if (const auto* r = std::get_if<sinch::recipient_delivery_report>(&cb)) {
      EXPECT_EQ(r->batch_id, sent.value.id);
      EXPECT_EQ(r->status, "Delivered");
      ++recipient_reports;
    } else if (const auto* d = std::get_if<sinch::batch_delivery_report>(&cb)) {
      ASSERT_EQ(d->statuses.size(), 1U);
      EXPECT_EQ(d->statuses[0].recipients.size(), 2U);
      ++batch_reports;
    } else if (const auto* m = std::get_if<sinch::inbound>(&cb)) {
      EXPECT_EQ(m->body, "reply");
      ++inbound;
    }
  }
  EXPECT_EQ(recipient_reports, 2);
  EXPECT_EQ(batch_reports, 1);
  EXPECT_EQ(inbound, 1);
  for (const auto check : receiver.checks) {
    EXPECT_EQ(check, sinch::signature_check::valid);
  }
}

TEST_F(SinchClient, ClassicSendAndStatusSignedAndBasic) {
  for (const auto auth :
       {sinch::classic::auth_scheme::signed_request, sinch::classic::auth_scheme::basic}) {
    sinch::classic::client_config config;
    config.base_url = server->url();
    config.app = {"sandbox-key", "c2FuZGJveC1zZWNyZXQ="};
    config.auth = auth;
    sinch::classic::client<sinch::curl_transport> c(config, sinch::curl_transport{});
    auto sent = c.send("+46700000000", "Hello there", "+46701234567");
    ASSERT_TRUE(sent.ok()) << sent.error->message;
    EXPECT_FALSE(sent.value.message_id.empty());
    auto status = c.status(sent.value.message_id);
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status.value.status, "Successful");
    auto unknown = c.status("999999");
    ASSERT_TRUE(unknown.ok());
    EXPECT_EQ(unknown.value.status, "Unknown");
  }
  sinch::classic::client_config wrong;
  wrong.base_url = server->url();
  wrong.app = {"sandbox-key", "d3Jvbmc="};
  sinch::classic::client<sinch::curl_transport> c(wrong, sinch::curl_transport{});
  auto refused = c.send("+46700000000", "Hello");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->api.http_status, 401);
  EXPECT_EQ(refused.error->api.shape, sinch::error_shape::classic);
  EXPECT_EQ(refused.error->api.code, "40100");
  // A stale clock is refused as well.
  sinch::classic::client_config stale = wrong;
  stale.app.application_secret = "c2FuZGJveC1zZWNyZXQ=";
  sinch::classic::client<sinch::curl_transport> late(stale, sinch::curl_transport{});
  late.set_clock([] { return std::chrono::system_clock::now() - 10min; });
  auto old = late.send("+46700000000", "Hello");
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error->api.http_status, 401);
  EXPECT_EQ(server->stats().classic_sent, 2U);
}

// ---- groups -------------------------------------------------------------------------------

auto group_of(std::optional<std::string> name, std::vector<std::string> members)
    -> sinch::group_request {
  sinch::group_request g;
  g.name = std::move(name);
  g.members = std::move(members);
  return g;
}

TEST_F(SinchClient, GroupsCreateGetMembersAndListEveryPage) {
  auto c = make_client();
  // Numbers come back as Sinch echoes them; a duplicate is ignored, not refused.
  auto created =
      c.create_group(group_of("friends", {"+46700000001", "0046700000002", "+46 70 000 0001"}));
  ASSERT_TRUE(created.ok()) << created.error->message;
  EXPECT_EQ(created.attempts, 1);
  const auto id = created.value.id;
  EXPECT_EQ(id.size(), 26U);
  EXPECT_TRUE(sinch::is_group_id(id));
  EXPECT_EQ(created.value.name, "friends");
  EXPECT_EQ(created.value.size, 2);
  EXPECT_TRUE(created.value.created_at);

  auto got = c.get_group(id);
  ASSERT_TRUE(got.ok()) << got.error->message;
  EXPECT_EQ(got.value.size, 2);
  auto members = c.list_group_members(id);
  ASSERT_TRUE(members.ok()) << members.error->message;
  EXPECT_EQ(members.value, (std::vector<std::string>{"46700000001", "46700000002"}));

  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(
        c.create_group(group_of("g" + std::to_string(i), {"+4670000001" + std::to_string(i)}))
            .ok());
  }
  sinch::list_groups_query query;
  query.page_size = 2;
  auto first = c.list_groups(query);
  ASSERT_TRUE(first.ok()) << first.error->message;
  EXPECT_EQ(first.value.count, 5);
  EXPECT_EQ(first.value.items.size(), 2U);
  auto pages = c.group_pages(query);
  std::vector<std::string> seen;
  int fetched = 0;
  while (auto page = pages.next()) {
    ASSERT_TRUE(page->ok()) << page->error->message;
    ++fetched;
    for (const auto& g : page->value.items) {
      seen.push_back(g.id);
    }
  }
  EXPECT_EQ(fetched, 3);
  ASSERT_EQ(seen.size(), 5U);
  EXPECT_NE(std::find(seen.begin(), seen.end(), id), seen.end());

  auto missing = c.get_group("01AAAAAAAAAAAAAAAAAAAAAAAA");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->kind, sinch::failure_kind::http);
  EXPECT_EQ(missing.error->api.http_status, 404);
  EXPECT_EQ(c.list_group_members("01AAAAAAAAAAAAAAAAAAAAAAAA").error->api.http_status, 404);
}

TEST_F(SinchClient, GroupsUpdateAddsBeforeRemovesAndNullClearsTheName) {
  auto c = make_client();
  auto other = c.create_group(group_of(std::nullopt, {"+46700000005", "+46700000006"}));
  auto g = c.create_group(group_of("club", {"+46700000001", "+46700000002"}));
  ASSERT_TRUE(other.ok() && g.ok());
  EXPECT_FALSE(other.value.name);

  sinch::group_update u;
  u.add = {"+46700000003", "+46700000001"};     // 01 is a duplicate: ignored
  u.remove = {"+46700000003", "+46700000002"};  // adds first, so 03 ends up removed
  u.add_from_group = other.value.id;
  auto updated = c.update_group(g.value.id, u);
  ASSERT_TRUE(updated.ok()) << updated.error->message;
  EXPECT_EQ(updated.value.name, "club");  // left out: unchanged
  EXPECT_EQ(c.list_group_members(g.value.id).value,
            (std::vector<std::string>{"46700000001", "46700000005", "46700000006"}));

  sinch::group_update rename;
  rename.name = "renamed";
  EXPECT_EQ(c.update_group(g.value.id, rename).value.name, "renamed");
  sinch::group_update clear;
  clear.name = sinch::nullable<std::string>::null();
  auto cleared = c.update_group(g.value.id, clear);
  ASSERT_TRUE(cleared.ok()) << cleared.error->message;
  EXPECT_FALSE(cleared.value.name);
  EXPECT_FALSE(c.get_group(g.value.id).value.name);
  EXPECT_EQ(cleared.value.size, 3);

  sinch::group_update remove_from;
  remove_from.remove_from_group = other.value.id;
  EXPECT_EQ(c.update_group(g.value.id, remove_from).value.size, 1);

  sinch::group_update dangling;
  dangling.add_from_group = "01AAAAAAAAAAAAAAAAAAAAAAAA";
  auto refused = c.update_group(g.value.id, dangling);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->api.http_status, 403);
  EXPECT_EQ(refused.error->api.code, "unknown_group");
  EXPECT_EQ(c.update_group("01AAAAAAAAAAAAAAAAAAAAAAAA", rename).error->api.http_status, 404);

  sinch::group_update bad;
  bad.add = {"+1"};
  auto local = c.update_group(g.value.id, bad);
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.error->kind, sinch::failure_kind::invalid_request);
  EXPECT_EQ(local.error->field, "add[0]");
  EXPECT_EQ(local.attempts, 0);
}

TEST_F(SinchClient, GroupsReplaceAndDelete) {
  auto c = make_client();
  auto g = c.create_group(group_of("old", {"+46700000001", "+46700000002"}));
  ASSERT_TRUE(g.ok());
  auto replaced = c.replace_group(g.value.id, group_of("new", {"+46700000009"}));
  ASSERT_TRUE(replaced.ok()) << replaced.error->message;
  EXPECT_EQ(replaced.value.id, g.value.id);
  EXPECT_EQ(replaced.value.name, "new");
  EXPECT_EQ(replaced.value.size, 1);
  EXPECT_EQ(c.list_group_members(g.value.id).value, std::vector<std::string>{"46700000009"});
  EXPECT_EQ(c.replace_group("01AAAAAAAAAAAAAAAAAAAAAAAA", group_of("x", {})).error->api.http_status,
            404);
  // A name over 20 characters is a warning, not a refusal: the seeds give no limit.
  auto long_name = c.replace_group(g.value.id, group_of(std::string(21, 'n'), {}));
  EXPECT_TRUE(long_name.ok()) << long_name.error->message;

  auto deleted = c.delete_group(g.value.id);
  ASSERT_TRUE(deleted.ok()) << deleted.error->message;
  EXPECT_EQ(c.get_group(g.value.id).error->api.http_status, 404);
  EXPECT_EQ(c.delete_group(g.value.id).error->api.http_status, 404);
}

TEST_F(SinchClient, BatchToAGroupGoesToEachMemberAndUnknownGroupsAre403) {
  auto c = make_client();
  auto g = c.create_group(group_of("team", {"+46700000001", "+46700000002"}));
  ASSERT_TRUE(g.ok());
  auto b = text_batch("Hi ${name}", {g.value.id, "+46700000003"});
  b.parameters = sinch::parameter_map{{"name", {{"+46700000001", "Ana"}, {"default", "all"}}}};

  sinch::dry_run_query q;
  q.per_recipient = true;
  auto dry = c.dry_run(b, q);
  ASSERT_TRUE(dry.ok()) << dry.error->message;
  EXPECT_EQ(dry.value.number_of_recipients, 3);
  ASSERT_TRUE(dry.value.per_recipient);
  EXPECT_EQ(dry.value.per_recipient->at(0).body, "Hi Ana");

  auto sent = c.send(b);
  ASSERT_TRUE(sent.ok()) << sent.error->message;
  EXPECT_EQ(sent.value.to, (std::vector<std::string>{g.value.id, "46700000003"}));
  sinch::delivery_report_query full;
  full.type = "full";
  auto report = c.get_delivery_report(sent.value.id, full);
  ASSERT_TRUE(report.ok()) << report.error->message;
  EXPECT_EQ(report.value.total_message_count, 3);
  ASSERT_EQ(report.value.statuses.size(), 1U);
  EXPECT_EQ(report.value.statuses[0].recipients,
            (std::vector<std::string>{"46700000001", "46700000002", "46700000003"}));
  auto member = c.get_recipient_delivery_report(sent.value.id, "+46700000002");
  ASSERT_TRUE(member.ok()) << member.error->message;
  EXPECT_EQ(member.value.status, "Delivered");
  // The group ID itself is no recipient.
  EXPECT_EQ(c.get_recipient_delivery_report(sent.value.id, g.value.id).error->api.http_status, 404);

  auto unknown = c.send(text_batch("x", {"01AAAAAAAAAAAAAAAAAAAAAAAA"}));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error->kind, sinch::failure_kind::http);
  EXPECT_EQ(unknown.error->api.http_status, 403);
  EXPECT_EQ(unknown.error->api.code, "unknown_group");
  EXPECT_EQ(c.dry_run(text_batch("x", {"01AAAAAAAAAAAAAAAAAAAAAAAA"})).error->api.http_status, 403);

  ASSERT_TRUE(c.delete_group(g.value.id).ok());
  auto after = c.send(text_batch("x", {g.value.id}));
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error->api.http_status, 403);
  EXPECT_EQ(after.error->api.code, "unknown_group");
  EXPECT_EQ(server->stats().batches_created, 1U);
}

// The first DELETE deletes the group and its 204 is lost (answered after the client gave up); the
// retry finds no group (404): deleted. (A drop_after fault cannot lose a 204: it has no body.)
TEST_F(SinchClient, GroupDeleteWhoseAnswerWasLostCountsAsDeleted) {
  auto g = make_client().create_group(group_of("gone", {"+46700000001"}));
  ASSERT_TRUE(g.ok());
  auto slow = faults(1.0, {fault::slow});
  slow.slow_delay = 600ms;
  server->set_faults(slow);
  auto c = make_client("sandbox-token", 200ms);
  c.set_sleep([&](std::chrono::milliseconds) { server->set_faults({}); });  // only the 1st is lost
  const auto deleted = c.delete_group(g.value.id);
  EXPECT_TRUE(deleted.ok()) << deleted.error->message;
  EXPECT_EQ(deleted.attempts, 2);
  EXPECT_EQ(c.get_group(g.value.id).error->api.http_status, 404);
  // A group that never existed is still a 404 at the first attempt.
  const auto unknown = c.delete_group("01AAAAAAAAAAAAAAAAAAAAAAAA");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.attempts, 1);
  EXPECT_EQ(unknown.error->api.http_status, 404);
}

TEST_F(SinchClient, GroupCreateIsNotRetriedOnceItMayHaveLeftButEditsAre) {
  auto c = make_client();
  auto g = c.create_group(group_of("base", {"+46700000001"}));
  ASSERT_TRUE(g.ok());
  server->set_faults(faults(1.0, {fault::unavailable}));
  auto created = c.create_group(group_of("again", {}));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.attempts, 1);
  EXPECT_EQ(created.error->kind, sinch::failure_kind::outcome_unknown);
  EXPECT_NE(created.error->message.find("list the groups"), std::string::npos);

  // Every attempt applied and its answer lost: repeated (never outcome_unknown), and the group
  // is as one application leaves it.
  server->set_faults(faults(1.0, {fault::drop_after}));
  sinch::group_update u;
  u.add = {"+46700000002"};
  auto updated = c.update_group(g.value.id, u);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.attempts, 4);
  EXPECT_EQ(updated.error->kind, sinch::failure_kind::transport);
  server->set_faults({});
  EXPECT_EQ(c.list_group_members(g.value.id).value,
            (std::vector<std::string>{"46700000001", "46700000002"}));
  server->set_faults(faults(1.0, {fault::drop_after}));
  auto replaced_lost = c.replace_group(g.value.id, group_of("base", {"+46700000004"}));
  EXPECT_EQ(replaced_lost.attempts, 4);
  server->set_faults({});
  EXPECT_EQ(c.list_group_members(g.value.id).value, std::vector<std::string>{"46700000004"});
  EXPECT_EQ(c.update_group(g.value.id, u).value.size, 2);
  EXPECT_EQ(c.update_group(g.value.id, u).value.size, 2);  // once or twice: the same group
  auto replaced = c.replace_group(g.value.id, group_of("base", {"+46700000003"}));
  ASSERT_TRUE(replaced.ok()) << replaced.error->message;
  EXPECT_EQ(c.list_group_members(g.value.id).value, std::vector<std::string>{"46700000003"});
}

}  // namespace

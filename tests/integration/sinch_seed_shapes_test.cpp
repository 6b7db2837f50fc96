// The sandbox answers in the shape of every response example in the Sinch seeds
// (tests/data/sinch_seed_examples.txt): the same keys, with the same JSON types. The models
// reading the examples are tested in tests/unit/sinch_seed_examples_test.cpp.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <mutex>
#include <sandbox.hpp>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/models.hpp>
#include <sinch_seed_examples.hpp>
#include <string>
#include <thread>
#include <vector>

namespace sinch = septet::sinch;
using septet_cli::sandbox;
using septet_cli::sandbox_config;
using septet_test::seed_example;
using sinch::json;
using namespace std::chrono_literals;

namespace {

/// "string", "number", "boolean", "object", "array" or "null".
auto kind(const json& j) -> std::string {
  return j.is_number() ? "number" : j.type_name();
}

/// The differences in shape between `seed` and `ours`: keys one has and the other has not,
/// and values of another JSON type, down through objects and the first item of arrays.
auto shape_differences(const json& seed, const json& ours, const std::string& path = "")
    -> std::vector<std::string> {
  std::vector<std::string> out;
  if (kind(seed) != kind(ours)) {
    out.push_back(path + ": " + kind(seed) + " in the seed, " + kind(ours) + " here");
    return out;
  }
  if (seed.is_object()) {
    for (const auto& [key, value] : seed.items()) {
      if (!ours.contains(key)) {
        out.push_back(path + "." + key + ": missing here");
      } else {
        auto inner = shape_differences(value, ours[key], path + "." + key);
        out.insert(out.end(), inner.begin(), inner.end());
      }
    }
    for (const auto& [key, value] : ours.items()) {
      if (!seed.contains(key)) {
        out.push_back(path + "." + key + ": not in the seed");
      }
    }
  } else if (seed.is_array() && !seed.empty() && !ours.empty()) {
    auto inner = shape_differences(seed[0], ours[0], path + "[0]");
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

/// Receives callbacks on loopback, keeping their bodies and headers.
struct receiver {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<std::string> bodies;
  std::vector<sinch::http_header> headers;  ///< of the last one
  std::string path;

  receiver() {
    server.Post(R"(/(\w+))", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      bodies.push_back(req.body);
      headers.assign(req.headers.begin(), req.headers.end());
      path = req.path;
      res.status = 200;
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  ~receiver() {
    server.stop();
    thread.join();
  }
  [[nodiscard]] auto url(const char* path) const -> std::string {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
  auto wait_for(std::size_t n) -> bool {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(mutex);
        if (bodies.size() >= n) {
          return true;
        }
      }
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }
};

class SandboxSeedShapes : public ::testing::Test {
 protected:
  void start(const sandbox_config& config) {
    server = std::make_unique<sandbox>(config);
    ASSERT_TRUE(server->start());
    http = std::make_unique<httplib::Client>(server->url());
    http->set_bearer_token_auth("sandbox-token");
  }

  /// Injects seed 003's inbound (its from, to, body, operator_id and client_reference).
  auto inject_seed_inbound() -> json {
    const auto seed = json::parse(seed_example("inbound"));
    json injected = {{"from", seed["from"]},
                     {"to", seed["to"]},
                     {"body", seed["body"]},
                     {"operator_id", seed["operator_id"]},
                     {"client_reference", seed["client_reference"]}};
    const auto r = http->Post("/sandbox/inbounds", injected.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 201);
    return r ? json::parse(r->body) : json();
  }

  auto get(const std::string& path) -> json {
    const auto r = http->Get("/xms/v1/sandbox-plan" + path);
    EXPECT_TRUE(r && r->status == 200) << path;
    return r ? json::parse(r->body, nullptr, false) : json();
  }

  /// A basic-auth Classic request.
  auto classic(const std::string& method, const std::string& path, const std::string& body = "")
      -> httplib::Result {
    httplib::Client c(server->url());
    c.set_basic_auth("sandbox-key", "c2FuZGJveC1zZWNyZXQ=");
    return method == "GET" ? c.Get(path) : c.Post(path, body, "application/json");
  }

  /// The default configuration (a member: GCC 12 warns, falsely, about a temporary config
  /// destroyed on ASSERT_TRUE's early return).
  void start() {
    start(m_default_config);
  }

  std::unique_ptr<sandbox> server;
  std::unique_ptr<httplib::Client> http;

 private:
  const sandbox_config m_default_config{};
};

using strings = std::vector<std::string>;

// ---- seed 003 ---------------------------------------------------------------------------------

TEST_F(SandboxSeedShapes, Inbound) {
  start();
  const auto injected = inject_seed_inbound();
  const auto got = get("/inbounds/" + injected["id"].get<std::string>());
  EXPECT_EQ(shape_differences(json::parse(seed_example("inbound")), got), strings{});
  // "All phone numbers returned by the REST API will be without a + or 00 prefix" (seed 002).
  EXPECT_EQ(got["from"], "11203494390");
  EXPECT_EQ(got["client_reference"], "ABC123");
  EXPECT_TRUE(sinch::parse_timestamp(got["received_at"].get<std::string>()));
}

TEST_F(SandboxSeedShapes, InboundsPage) {
  start();
  inject_seed_inbound();
  inject_seed_inbound();
  const auto page = get("/inbounds?page=0&page_size=2");
  // The seed's "{ … }" replaced by its own inbound (inbounds_page_expanded).
  EXPECT_EQ(shape_differences(json::parse(seed_example("inbounds_page_expanded")), page),
            strings{});
  EXPECT_EQ(page["count"], 2);
  EXPECT_EQ(page["page_size"], 2);
}

TEST_F(SandboxSeedShapes, IncomingSmsCallback) {
  receiver hook;
  sandbox_config config;
  config.mo_callback_url = hook.url("/mo");
  start(config);
  inject_seed_inbound();
  ASSERT_TRUE(hook.wait_for(1));
  std::lock_guard lock(hook.mutex);
  auto seed = json::parse(seed_example("incoming_sms"));
  const auto ours = json::parse(hook.bodies[0]);
  // The seed's incomingSMS example has no client_reference (it answers no message that had
  // one); the injected message does, as seed 003's inbound.
  seed["client_reference"] = "ABC123";
  EXPECT_EQ(shape_differences(seed, ours), strings{});
}

// ---- seed 002 ---------------------------------------------------------------------------------

TEST_F(SandboxSeedShapes, XmsSendRequestCurlAsPrintedIsRefused) {
  start();
  const auto r = http->Post("/xms/v1/sandbox-plan/batches", seed_example("xms_send_request_curl"),
                            "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["code"], "syntax_invalid_json");
}

TEST_F(SandboxSeedShapes, XmsSendRequestCurlRepairedIsSent) {
  start();
  const auto r = http->Post("/xms/v1/sandbox-plan/batches",
                            seed_example("xms_send_request_curl_repaired"), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  const auto batch = json::parse(r->body);
  EXPECT_EQ(batch["from"], "19876543210");
  EXPECT_EQ(batch["to"], json::array({"46700000001"}));
  EXPECT_EQ(batch["type"], "mt_text");
}

// ---- seed 000 (Classic) ---------------------------------------------------------------------

TEST_F(SandboxSeedShapes, ClassicSendResponse) {
  start();
  const auto r = classic("POST", "/v1/sms/+46700000000", seed_example("classic_send_request"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(
      shape_differences(json::parse(seed_example("classic_send_response")), json::parse(r->body)),
      strings{});
  const auto with_from =
      classic("POST", "/v1/sms/+46700000000", seed_example("classic_send_request_with_from"));
  ASSERT_TRUE(with_from);
  EXPECT_EQ(with_from->status, 200) << with_from->body;
}

TEST_F(SandboxSeedShapes, ClassicStatusResponse) {
  start();
  const auto sent = classic("POST", "/v1/sms/+46700000000", seed_example("classic_send_request"));
  ASSERT_TRUE(sent);
  const auto id = json::parse(sent->body)["messageId"].dump();
  const auto r = classic("GET", "/v1/sms/" + id);
  ASSERT_TRUE(r);
  const auto ours = json::parse(r->body);
  EXPECT_EQ(shape_differences(json::parse(seed_example("classic_status_response")), ours),
            strings{});
  EXPECT_EQ(ours["status"], "Successful");
}

TEST_F(SandboxSeedShapes, ClassicIncomingSmsCallbackSigned) {
  receiver hook;
  sandbox_config config;
  config.classic_callback_url = hook.url("/classic");
  start(config);
  const auto r = http->Post("/sandbox/inbounds",
                            R"({"from":"+46700000001","to":"+46700000000","body":"Hello world"})",
                            "application/json");
  ASSERT_TRUE(r && r->status == 201);
  ASSERT_TRUE(hook.wait_for(1));
  std::lock_guard lock(hook.mutex);
  const auto seed = json::parse(seed_example("classic_incoming_sms"));
  const auto ours = json::parse(hook.bodies[0]);
  EXPECT_EQ(shape_differences(seed, ours), strings{});
  // The seed's example, value for value, but the time.
  auto expected = seed;
  expected["timestamp"] = ours["timestamp"];
  EXPECT_EQ(ours, expected);
  // Even in the seed's order of keys.
  auto in_order = nlohmann::ordered_json::parse(seed_example("classic_incoming_sms"));
  in_order["timestamp"] = ours["timestamp"];
  EXPECT_EQ(hook.bodies[0], in_order.dump());
  EXPECT_TRUE(sinch::classic::parse_iso8601(ours["timestamp"].get<std::string>()));
  // "The callback request is signed using the application key and secret."
  EXPECT_EQ(sinch::classic::verify_signed_request(config.classic, "POST", hook.path, hook.headers,
                                                  hook.bodies[0], std::chrono::system_clock::now()),
            sinch::signature_check::valid);
  const auto parsed = sinch::classic::parse_incoming_sms(hook.bodies[0]);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.message, "Hello world");
}

TEST_F(SandboxSeedShapes, ClassicIncomingSmsTimestampIsWhenSinchReceivedIt) {
  receiver hook;
  sandbox_config config;
  config.classic_callback_url = hook.url("/classic");
  start(config);
  // Seed 000: "timestamp the timestamp when the SMS was received": the injected received_at.
  const auto r = http->Post(
      "/sandbox/inbounds",
      R"({"from":"+46700000001","to":"+46700000000","body":"Hi","received_at":"2014-12-01T13:00:00+01:00"})",
      "application/json");
  ASSERT_TRUE(r && r->status == 201);
  ASSERT_TRUE(hook.wait_for(1));
  std::lock_guard lock(hook.mutex);
  EXPECT_EQ(json::parse(hook.bodies[0])["timestamp"], "2014-12-01T12:00:00Z");
}

}  // namespace

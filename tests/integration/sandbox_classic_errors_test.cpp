// Every error code of the Classic API (seed 000, "ErrorCodes") answered by the sandbox where it
// has a meaning, one test per code; docs/sinch.md has the table of how each is triggered.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <sandbox.hpp>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <septet/sinch/models.hpp>
#include <string>

namespace sinch = septet::sinch;
using septet_cli::sandbox;
using septet_cli::sandbox_config;
using sinch::json;

namespace {

class SandboxClassicErrors : public ::testing::Test {
 protected:
  void start(const sandbox_config& config) {
    server = std::make_unique<sandbox>(config);
    ASSERT_TRUE(server->start());
  }

  /// POSTs `body` to /v1/sms/{number} with basic auth, or with `authorization` when given.
  auto send(const std::string& number,
            const std::string& body,
            const std::string& authorization = "") -> httplib::Result {
    httplib::Client c(server->url());
    if (authorization.empty()) {
      c.set_basic_auth("sandbox-key", "c2FuZGJveC1zZWNyZXQ=");
      return c.Post("/v1/sms/" + number, body, "application/json");
    }
    return c.Post("/v1/sms/" + number, {{"Authorization", authorization}}, body,
                  "application/json");
  }

  /// Checks that `r` is the Classic error `code` with HTTP status code / 100.
  static void expect_error(const httplib::Result& r, int code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, code / 100) << r->body;
    const auto e = sinch::read_api_error(r->status, r->body);
    EXPECT_EQ(e.shape, sinch::error_shape::classic);
    EXPECT_EQ(e.code, std::to_string(code)) << r->body;
    const auto body = json::parse(r->body);
    EXPECT_TRUE(body["message"].is_string());
    EXPECT_TRUE(body["reference"].is_string());
  }

  /// The default configuration (a member: GCC 12 warns, falsely, about a temporary config
  /// destroyed on ASSERT_TRUE's early return).
  void start() {
    start(m_default_config);
  }

  std::unique_ptr<sandbox> server;

 private:
  const sandbox_config m_default_config{};
};

TEST_F(SandboxClassicErrors, Code40001ParameterValidation) {
  start();
  expect_error(send("not-a-number", R"({"message":"Hello there"})"), 40001);
  expect_error(send("+46700000000", R"({"message":42})"), 40001);
}

TEST_F(SandboxClassicErrors, Code40002MissingParameter) {
  start();
  expect_error(send("+46700000000", R"({"from":"+46701234567"})"), 40002);
}

TEST_F(SandboxClassicErrors, Code40003InvalidRequest) {
  start();
  expect_error(send("+46700000000", R"({"message":"Hello there")"), 40003);
  expect_error(send("+46700000000", R"(["Hello there"])"), 40003);
}

TEST_F(SandboxClassicErrors, Code40100IllegalAuthorizationHeader) {
  start();
  expect_error(send("+46700000000", R"({"message":"Hi"})", "Basic d3Jvbmc6d3Jvbmc="), 40100);
  expect_error(send("+46700000000", R"({"message":"Hi"})", "Application sandbox-key:bad"), 40100);
  httplib::Client c(server->url());
  expect_error(c.Get("/v1/sms/1"), 40100);  // no Authorization header at all
}

TEST_F(SandboxClassicErrors, Code40200NotEnoughFunds) {
  sandbox_config config;
  config.classic_credit = 1;
  start(config);
  const auto first = send("+46700000000", R"({"message":"paid for"})");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  expect_error(send("+46700000000", R"({"message":"no credit left"})"), 40200);
}

TEST_F(SandboxClassicErrors, Code40300ForbiddenRequest) {
  start();
  // An alphanumeric sender needs Sinch's sales team (seed 000, "From" restrictions).
  expect_error(send("+46700000000", R"({"from":"MyShop","message":"Hi"})"), 40300);
  // A number or a short code is no custom sender.
  for (const char* from : {"+46701234567", "45607"}) {
    const auto r = send("+46700000000", json{{"from", from}, {"message", "Hi"}}.dump());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << from << ": " << r->body;
  }
}

TEST_F(SandboxClassicErrors, Code40301InvalidAuthorizationScheme) {
  start();
  expect_error(send("+46700000000", R"({"message":"Hi"})", "Bearer sandbox-token"), 40301);
}

TEST_F(SandboxClassicErrors, Code40303NoVerifiedNumber) {
  sandbox_config config;
  config.classic_full_sms_access = false;
  start(config);
  const auto r = send("+46700000000", R"({"message":"Hi"})");
  expect_error(r, 40303);
  EXPECT_EQ(json::parse(r->body)["message"], "No verified phone number on your Sinch account");
}

TEST_F(SandboxClassicErrors, Code40303FullSmsAccessNotEnabled) {
  sandbox_config config;
  config.classic_full_sms_access = false;
  config.classic_verified_numbers = {"+46 70 000 0000"};
  start(config);
  const auto verified = send("+46700000000", R"({"message":"Hi"})");
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->status, 200);
  const auto r = send("+46700000001", R"({"message":"Hi"})");
  expect_error(r, 40303);
  EXPECT_EQ(json::parse(r->body)["message"],
            "Full Sms access not enabled for App. Can only send Sms to verified numbers.");
}

TEST_F(SandboxClassicErrors, Code50000InternalError) {
  sandbox_config config;
  config.faults.rate = 1.0;
  config.faults.kinds = {septet_cli::fault::unavailable};
  start(config);
  expect_error(send("+46700000000", R"({"message":"Hi"})"), 50000);
  // The Classic client sees it as an HTTP failure with the Classic error body.
  sinch::classic::client_config c;
  c.base_url = server->url();
  c.app = config.classic;
  c.retry.max_attempts = 1;
  sinch::classic::client<sinch::curl_transport> client(c, sinch::curl_transport{});
  const auto status = client.status("1");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error->api.code, "50000");
  EXPECT_EQ(server->stats().classic_sent, 0U);
}

// Not an error code of seed 000 but seed 001's HTTP status for "the path is valid but not for
// this method", answered as the XMS paths answer it.
TEST_F(SandboxClassicErrors, AMethodAPathDoesNotTakeIs405WithAllow) {
  start();
  httplib::Client c(server->url());
  c.set_basic_auth("sandbox-key", "c2FuZGJveC1zZWNyZXQ=");
  for (const auto& r :
       {c.Put("/v1/sms/+46700000000", "{}", "application/json"), c.Delete("/v1/sms/+46700000000"),
        c.Patch("/v1/sms/1", "{}", "application/json")}) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "GET, POST");
  }
}

}  // namespace

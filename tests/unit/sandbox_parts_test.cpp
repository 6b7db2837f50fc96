// The sandbox's parts, each on its own, without HTTP: the batch store and the fault injector.
#include <gtest/gtest.h>

#include <septet/sinch/rules.hpp>
#include <set>
#include <string>

#include "sandbox/batch_store.hpp"
#include "sandbox/faults.hpp"

namespace {

namespace sinch = septet::sinch;
using septet_cli::batch_store;
using septet_cli::fault;
using septet_cli::fault_injector;

auto request_for(std::vector<std::string> to, const std::string& reference) -> sinch::json {
  return {{"to", to},
          {"body", "Hi ${name}"},
          {"client_reference", reference},
          {"parameters", {{"name", {{"+46701234567", "Ana"}}}}}};
}

auto create(batch_store& store, const sinch::json& body) -> septet_cli::stored_batch {
  const auto request = sinch::read<sinch::batch_request>(body);
  EXPECT_TRUE(request.ok());
  return store.create(request.value, body);
}

TEST(SandboxBatchStore, StoresBatchesWithIdsEchoedNumbersAndReports) {
  batch_store store(1);
  const auto first = create(store, request_for({"+46 70-123 45 67", "+46709999999"}, "a"));
  const auto second = create(store, request_for({"0046701234567"}, "b"));
  EXPECT_EQ(first.batch.id.size(), 26U);
  EXPECT_NE(first.batch.id, second.batch.id);
  EXPECT_EQ(first.batch.to, (std::vector<std::string>{"46701234567", "46709999999"}));
  ASSERT_EQ(first.reports.size(), 2U);
  EXPECT_EQ(first.reports[0].status, "Delivered");
  EXPECT_EQ(first.reports[1].code, sinch::code_unmatched_parameter);  // no value, no default
  EXPECT_EQ(store.created(), 2U);
  const auto newest_first = store.find_batches([](const sinch::batch&) { return true; });
  ASSERT_EQ(newest_first.size(), 2U);
  EXPECT_EQ(newest_first[0].client_reference, "b");
  EXPECT_EQ(store.find_reports([](const auto& r) { return r.code != 0; }).size(), 1U);
}

TEST(SandboxBatchStore, ChangesOnlyTheBatchItFinds) {
  batch_store store(1);
  const auto stored = create(store, request_for({"+46701234567"}, "a"));
  EXPECT_FALSE(store.with_batch("01NOSUCHBATCH", [](auto&) { FAIL(); }));
  EXPECT_TRUE(store.with_batch(stored.batch.id, [](auto& s) { s.batch.canceled = true; }));
  EXPECT_TRUE(store.find_batches([](const auto& b) { return b.canceled; }).size() == 1);
}

TEST(SandboxBatchStore, KeepsInboundsNewestFirstAndFindsThemByNumber) {
  batch_store store(1);
  const auto first = store.add_inbound("+46701234567", "+12015550100", "one");
  store.add_inbound("+46701234567", "+12015550199", "two");
  EXPECT_EQ(store.find_inbounds({}).front().body, "two");
  const auto to_first = store.find_inbounds({"+1 201 555 0100"});
  ASSERT_EQ(to_first.size(), 1U);
  EXPECT_EQ(to_first[0].body, "one");
  EXPECT_EQ(store.inbound(first.id)->from, "46701234567");
  EXPECT_FALSE(store.inbound("nothing"));
}

TEST(SandboxFaults, DrawsAtTheRateAndCountsEveryRequest) {
  septet_cli::fault_config always;
  always.rate = 1.0;
  always.kinds = {fault::unavailable};
  fault_injector faults(always);
  EXPECT_EQ(faults.roll(), fault::unavailable);
  septet_cli::fault_config never;
  never.rate = 0.0;
  faults.set(never);
  EXPECT_EQ(faults.roll(), std::nullopt);
  EXPECT_EQ(faults.requests(), 2U);
  EXPECT_EQ(faults.injected(), 1U);
}

TEST(SandboxFaults, CarriesTheFaultOutAroundTheHandler) {
  fault_injector faults({});
  httplib::Request req;
  int handled = 0;
  const auto handle = [&](const httplib::Request&, httplib::Response& r) {
    ++handled;
    r.status = 201;
    r.body = "0123456789";
  };
  httplib::Response refused;
  faults.apply(fault::too_many_requests, req, refused, handle);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.get_header_value("Retry-After"), "0");
  EXPECT_EQ(handled, 0);
  httplib::Response truncated;
  faults.apply(fault::malformed, req, truncated, handle);
  EXPECT_EQ(handled, 1);
  EXPECT_EQ(truncated.body, "01234");
  httplib::Response plain;
  faults.apply(std::nullopt, req, plain, handle);
  EXPECT_EQ(plain.status, 201);
  EXPECT_EQ(plain.body, "0123456789");
}

}  // namespace

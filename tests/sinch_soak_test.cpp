// Fault-injection soak: thousands of sends through a sandbox that answers 429, 503, slowly,
// commits late, drops connections or sends malformed JSON. Every send must end created exactly
// once: either at once, or after "outcome unknown" and a reconcile by client_reference.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <sandbox.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <set>
#include <thread>
#include <vector>

namespace sinch = septet::sinch;
using namespace std::chrono_literals;

namespace {

TEST(SinchSoak, NoDuplicateAndNoLostBatchUnderFaults) {
  constexpr int sends = 2000;
  septet::tools::sandbox_config config;
  config.faults.rate = 0.3;
  config.faults.slow_delay = 130ms;  // slow and commit_late: beyond the client timeout
  config.faults.seed = 20261123;
  septet::tools::sandbox server(config);
  ASSERT_TRUE(server.start());

  sinch::client_config client_config;
  client_config.base_url = server.url();
  client_config.service_plan_id = config.plan;
  client_config.api_token = config.token;
  client_config.retry.base_delay = 1ms;
  client_config.retry.max_delay = 5ms;
  client_config.retry.max_attempts = 6;
  sinch::curl_options curl;
  curl.timeout = 100ms;

  // Several senders at once (the waits overlap, and the sandbox sees concurrent sends), each
  // with its own client, as libcurl handles are per thread.
  constexpr int senders = 6;
  struct sender_result {
    std::map<std::string, int> outcomes;  // how each send ended, for the report below
    std::vector<std::string> ids;
    std::vector<std::string> problems;
  };
  std::vector<sender_result> results(senders);
  std::vector<std::thread> threads;
  for (int t = 0; t < senders; ++t) {
    threads.emplace_back([&, t] {
      auto& mine = results[static_cast<std::size_t>(t)];
      sinch::client c(client_config, sinch::curl_transport(curl));
      for (int i = t; i < sends; i += senders) {
        sinch::batch_request request;
        request.to = {"+4670000" + std::to_string(1000 + i % 9000)};
        request.body = "Soak message " + std::to_string(i) + " with \u20ac and [brackets]";
        request.client_reference = "soak-" + std::to_string(i);
        auto sent = c.send(request);
        std::string how = sent.ok() ? "created" : std::string(to_string(sent.error->kind));
        // 429 and never-sent are safe to send again; unknown outcomes go through reconcile.
        for (int rounds = 0; !sent.ok() && rounds < 20; ++rounds) {
          const auto kind = sent.error->kind;
          if (kind == sinch::failure_kind::invalid_request ||
              ((kind == sinch::failure_kind::outcome_unknown ||
                kind == sinch::failure_kind::bad_response) &&
               sent.error->client_reference != *request.client_reference)) {
            mine.problems.push_back("send " + std::to_string(i) + ": " + sent.error->message);
            break;
          }
          if (kind == sinch::failure_kind::outcome_unknown ||
              kind == sinch::failure_kind::bad_response) {
            // Three more looks 100 ms apart: a late commit (130 ms after the request, 30 ms
            // after the client gave up) is seen before anything is resent.
            auto fixed = c.reconcile(request, {.checks = 4, .interval = 100ms});
            if (fixed.ok()) {
              sent.value = fixed.value.batch;
              sent.error.reset();
              how += fixed.value.resent ? " -> resent" : " -> found";
            }
          } else {
            sent = c.send(request);
          }
        }
        if (!sent.ok()) {
          mine.problems.push_back("send " + std::to_string(i) + " never resolved");
          continue;
        }
        if (sent.value.client_reference != request.client_reference) {
          mine.problems.push_back("send " + std::to_string(i) + " found another reference");
        }
        mine.ids.push_back(sent.value.id);
        ++mine.outcomes[how];
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::this_thread::sleep_for(300ms);  // let any late commit still sleeping in the server land

  std::map<std::string, int> outcomes;
  std::set<std::string> ids;
  for (const auto& r : results) {
    for (const auto& problem : r.problems) {
      ADD_FAILURE() << problem;
    }
    for (const auto& [how, count] : r.outcomes) {
      outcomes[how] += count;
    }
    ids.insert(r.ids.begin(), r.ids.end());
  }
  for (const auto& [how, count] : outcomes) {
    std::printf("  %-40s %d\n", how.c_str(), count);
  }
  const auto stats = server.stats();
  std::printf("  faults injected %zu of %zu requests\n", stats.faults_injected, stats.requests);
  EXPECT_EQ(stats.batches_created, static_cast<std::size_t>(sends));  // none lost, none twice
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(sends));
  for (int i = 0; i < sends; ++i) {
    ASSERT_EQ(server.batches_with_reference("soak-" + std::to_string(i)), 1U) << i;
  }
  EXPECT_GT(stats.faults_injected, static_cast<std::size_t>(sends) / 5);
  EXPECT_GT(outcomes.size(), 3U);  // the faults really produced unknown outcomes
}

}  // namespace

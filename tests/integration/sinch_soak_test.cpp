// Fault-injection soak: thousands of sends through a sandbox that answers 429, 503, slowly,
// commits late, drops connections or sends malformed JSON, from several callers at once, through
// the C++ client and through the septet command. Each caller follows the documented contract
// literally: it sends again only on what the contract calls "never sent" (failure kinds
// transport and http; exit status 1), and settles "outcome unknown" (outcome_unknown and
// bad_response; exit status 3) with reconcile. Every send must end created exactly once, counted
// from the sandbox's own store. SEPTET_SOAK_SENDS sets the number of sends of each soak.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sandbox.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace sinch = septet::sinch;
using namespace std::chrono_literals;

namespace {

auto sends_from_environment(int fallback) -> int {
  const char* value = std::getenv("SEPTET_SOAK_SENDS");
  return value != nullptr && std::atoi(value) > 0 ? std::atoi(value) : fallback;
}

/// A sandbox that faults 30% of requests; slow and late commits outlast a 100 ms client timeout.
auto faulty_sandbox_config() -> septet_cli::sandbox_config {
  septet_cli::sandbox_config config;
  config.faults.rate = 0.3;
  config.faults.slow_delay = 130ms;
  config.faults.seed = 20261123;
  return config;
}

/// How each send ended, and what went wrong, gathered from the callers.
struct tally {
  std::mutex mutex;
  std::map<std::string, int> outcomes;
  std::vector<std::string> problems;

  /// Counts one send by how it ended (long chains of retries cut to fit the report).
  void add(const std::string& how) {
    std::lock_guard lock(mutex);
    ++outcomes[how.size() > 40 ? how.substr(0, 37) + "..." : how];
  }
  void problem(const std::string& what) {
    std::lock_guard lock(mutex);
    problems.push_back(what);
  }
};

/// What every soak asserts: no problem, each reference created once, nothing lost.
void expect_each_created_once(tally& t,
                              septet_cli::sandbox& server,
                              const std::string& prefix,
                              int sends) {
  std::this_thread::sleep_for(300ms);  // let any late commit still sleeping in the server land
  for (const auto& problem : t.problems) {
    ADD_FAILURE() << problem;
  }
  for (const auto& [how, count] : t.outcomes) {
    std::printf("  %-40s %d\n", how.c_str(), count);
  }
  const auto stats = server.stats();
  std::printf("  faults injected %zu of %zu requests\n", stats.faults_injected, stats.requests);
  EXPECT_EQ(stats.batches_created, static_cast<std::size_t>(sends));  // none lost, none twice
  int duplicated = 0;
  int lost = 0;
  for (int i = 0; i < sends; ++i) {
    const auto n = server.batches_with_reference(prefix + std::to_string(i));
    duplicated += n > 1 ? 1 : 0;
    lost += n == 0 ? 1 : 0;
  }
  EXPECT_EQ(duplicated, 0);
  EXPECT_EQ(lost, 0);
  EXPECT_GT(stats.faults_injected, static_cast<std::size_t>(sends) / 5);
  EXPECT_GT(t.outcomes.size(), 3U);  // the faults really produced unknown outcomes
}

TEST(SinchSoak, NoDuplicateAndNoLostBatchThroughTheClient) {
  const int sends = sends_from_environment(10'000);
  septet_cli::sandbox server(faulty_sandbox_config());
  ASSERT_TRUE(server.start());
  sinch::client_config client_config;
  client_config.base_url = server.url();
  client_config.service_plan_id = "sandbox-plan";
  client_config.api_token = "sandbox-token";
  client_config.retry.base_delay = 1ms;
  client_config.retry.max_delay = 5ms;
  client_config.retry.max_attempts = 6;
  sinch::curl_options curl;
  curl.timeout = 100ms;

  // Several callers at once, each with its own client (libcurl handles are per thread).
  constexpr int callers = 16;
  tally t;
  std::vector<std::thread> threads;
  for (int caller = 0; caller < callers; ++caller) {
    threads.emplace_back([&, caller] {
      sinch::client c(client_config, sinch::curl_transport(curl));
      for (int i = caller; i < sends; i += callers) {
        sinch::batch_request request;
        request.to = {"+4670000" + std::to_string(1000 + i % 9000)};
        request.body = "Soak message " + std::to_string(i) + " with \u20ac and [brackets]";
        request.client_reference = "soak-" + std::to_string(i);
        auto sent = c.send(request);
        std::string how = sent.ok() ? "created" : std::string(to_string(sent.error->kind));
        for (int rounds = 0; !sent.ok() && rounds < 50; ++rounds) {
          const auto kind = sent.error->kind;
          const bool unknown = kind == sinch::failure_kind::outcome_unknown ||
                               kind == sinch::failure_kind::bad_response;
          if (unknown && sent.error->client_reference != *request.client_reference) {
            t.problem("send " + std::to_string(i) +
                      " unknown without its reference: " + sent.error->message);
            break;
          }
          if (unknown) {
            // Three looks 100 ms apart: a late commit (130 ms after the request, 30 ms after
            // the client gave up) is seen before anything is sent again.
            auto settled = c.reconcile(request, {.checks = 3, .interval = 100ms});
            sent.error = std::move(settled.error);
            sent.value = std::move(settled.value.batch);
            how += sent.ok() ? (settled.value.resent ? " -> resent" : " -> found") : " -> unknown";
          } else if (kind == sinch::failure_kind::transport || kind == sinch::failure_kind::http) {
            sent = c.send(request);  // the contract: never sent, so sending again is safe
            how += " -> again";
          } else {
            t.problem("send " + std::to_string(i) + ": " + sent.error->message);
            break;
          }
        }
        if (!sent.ok()) {
          t.problem("send " + std::to_string(i) + " never settled");
        } else if (sent.value.client_reference != request.client_reference) {
          t.problem("send " + std::to_string(i) + " found another reference");
        }
        t.add(how);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  expect_each_created_once(t, server, "soak-", sends);
}

/// Runs the septet command with `args`, output discarded; its exit status.
auto run_septet(const std::vector<std::string>& args) -> int {
  std::vector<char*> argv;
  std::string program = SEPTET_CLI;
  argv.push_back(program.data());
  std::vector<std::string> owned = args;
  for (auto& a : owned) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
    return -1;
  }
  return WEXITSTATUS(status);
}

TEST(SinchSoak, NoDuplicateAndNoLostBatchThroughTheCommand) {
  const int sends = sends_from_environment(10'000) / 5;
  septet_cli::sandbox server(faulty_sandbox_config());
  ASSERT_TRUE(server.start());
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  constexpr int callers = 8;
  tally t;
  std::vector<std::thread> threads;
  for (int caller = 0; caller < callers; ++caller) {
    threads.emplace_back([&, caller] {
      for (int i = caller; i < sends; i += callers) {
        const std::vector<std::string> send = {"send",
                                               "--base-url",
                                               server.url(),
                                               "--plan",
                                               "sandbox-plan",
                                               "--timeout-ms",
                                               "100",
                                               "--client-reference",
                                               "cli-soak-" + std::to_string(i),
                                               "--to",
                                               "+4670000" + std::to_string(1000 + i % 9000),
                                               "Soak message " + std::to_string(i)};
        auto reconcile = send;
        reconcile.insert(reconcile.end(), {"--reconcile", "--reconcile-wait-ms", "100"});
        int status = run_septet(send);
        std::string how = "exit " + std::to_string(status);
        // The documented exit statuses: 1 nothing was created (send again), 3 unknown (reconcile).
        for (int rounds = 0; (status == 1 || status == 3) && rounds < 50; ++rounds) {
          status = run_septet(status == 1 ? send : reconcile);
          how += " -> " + std::to_string(status);
        }
        if (status != 0) {
          t.problem("send " + std::to_string(i) + " ended with exit status " +
                    std::to_string(status));
        }
        t.add(how);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  expect_each_created_once(t, server, "cli-soak-", sends);
}

}  // namespace

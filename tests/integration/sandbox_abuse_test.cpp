// The sandbox under abuse: tokenless and oversized bodies, slow clients, thousands of ranges,
// pipelined requests and a callback receiver that never answers. Throughout, real requests are
// answered within a bound and memory stays flat.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sandbox.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <string>
#include <thread>
#include <vector>

namespace sinch = septet::sinch;
using namespace std::chrono_literals;

namespace {

/// Resident memory of this process (the sandbox runs in it), in MiB.
auto resident_mib() -> long {
  std::ifstream status("/proc/self/status");
  std::string key;
  long kib = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> kib;
      break;
    }
  }
  return kib / 1024;
}

/// A raw TCP connection to the sandbox, for requests no well-behaved client would make.
class raw_connection {
 public:
  explicit raw_connection(int port) : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{5, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~raw_connection() {
    ::close(m_fd);
  }
  raw_connection(const raw_connection&) = delete;
  auto operator=(const raw_connection&) -> raw_connection& = delete;

  [[nodiscard]] auto connected() const -> bool {
    return m_connected;
  }
  auto write(std::string_view data) -> bool {
    while (!data.empty()) {
      const auto sent = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) {
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }
  /// Everything the server sends until it closes the connection or goes quiet for 5 s.
  auto read_all() -> std::string {
    std::string out;
    char buffer[65536];
    for (;;) {
      const auto got = ::recv(m_fd, buffer, sizeof buffer, 0);
      if (got <= 0) {
        return out;
      }
      out.append(buffer, static_cast<std::size_t>(got));
    }
  }

 private:
  int m_fd;
  bool m_connected = false;
};

auto text_batch(std::vector<std::string> to, std::string body) -> sinch::batch_request {
  sinch::batch_request b;
  b.to = std::move(to);
  b.body = std::move(body);
  return b;
}

auto count(const std::string& text, std::string_view what) -> std::size_t {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

class SandboxAbuse : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server.start());
    m_rss_before = resident_mib();
  }
  void TearDown() override {
    // The sanitizer builds keep freed memory in quarantine, hence the room.
    EXPECT_LT(resident_mib() - m_rss_before, 256) << "resident memory grew";
  }

  auto client(std::chrono::milliseconds timeout = 2s) -> sinch::client<sinch::curl_transport> {
    sinch::client_config config;
    config.base_url = server.url();
    config.service_plan_id = "sandbox-plan";
    config.api_token = "sandbox-token";
    config.retry.max_attempts = 1;  // an answer late or missing is a failure here
    sinch::curl_options curl;
    curl.timeout = timeout;
    return {config, sinch::curl_transport(curl)};
  }

  const std::string batches = "/xms/v1/sandbox-plan/batches";
  // A named config, not a temporary: GCC 12 at -O3 warns (maybe-uninitialized, a false
  // positive) about destroying a temporary config's vector.
  const septet_cli::sandbox_config defaults{};
  septet_cli::sandbox server{defaults};

 private:
  long m_rss_before = 0;
};

TEST_F(SandboxAbuse, TokenlessBodiesAreRefusedBeforeTheyAreRead) {
  for (const std::string framing : {"Content-Length: 3000000000", "Transfer-Encoding: chunked"}) {
    raw_connection c(server.port());
    ASSERT_TRUE(c.connected());
    // Only the headers: a 401 must come without the server waiting for the 3 GB.
    ASSERT_TRUE(c.write("POST " + batches + " HTTP/1.1\r\nHost: x\r\n" + framing +
                        "\r\nContent-Type: application/json\r\n\r\n"));
    const auto answer = c.read_all();
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 401")) << answer.substr(0, 200);
    EXPECT_NE(answer.find("unauthorized"), std::string::npos);
  }
  raw_connection classic(server.port());
  ASSERT_TRUE(classic.write(
      "POST /v1/sms/+46700000000 HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000000\r\n\r\n"));
  EXPECT_TRUE(classic.read_all().starts_with("HTTP/1.1 401"));
}

// With the token, a body is bounded by its Content-Length, refused from the headers when over
// 4 MiB; a chunked body (which httplib 0.11 reads without bound) is refused as 411.
TEST_F(SandboxAbuse, OversizedAndUnboundedBodiesAreRefusedFromTheHeaders) {
  const std::string head = "POST " + batches +
                           " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sandbox-token\r\n"
                           "Content-Type: application/json\r\n";
  for (const auto& [framing, status] :
       {std::pair<std::string, std::string>{"Content-Length: 3000000000", "413"},
        {"Transfer-Encoding: chunked", "411"}}) {
    raw_connection c(server.port());
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(c.write(head + framing + "\r\n\r\n"));
    const auto answer = c.read_all();
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 " + status)) << answer.substr(0, 300);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);  // not after a read timeout
  }
  auto api = client();
  EXPECT_TRUE(api.list_batches().ok());
}

TEST_F(SandboxAbuse, SlowClientsDoNotStarveRealRequests) {
  // 150 connections that send a header line every 200 ms, more than the fixed pool of 64
  // workers the sandbox had.
  std::vector<std::unique_ptr<raw_connection>> slow;
  for (int i = 0; i < 150; ++i) {
    slow.push_back(std::make_unique<raw_connection>(server.port()));
    ASSERT_TRUE(slow.back()->write("GET " + batches + " HTTP/1.1\r\nHost: x\r\n"));
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    for (int line = 0; !done; ++line) {
      for (auto& c : slow) {
        (void)c->write("X-Slow-" + std::to_string(line) + ": 1\r\n");
      }
      std::this_thread::sleep_for(200ms);
    }
  });
  auto api = client(1s);
  int answered = 0;
  auto slowest = std::chrono::steady_clock::duration::zero();
  for (int i = 0; i < 20; ++i) {
    const auto started = std::chrono::steady_clock::now();
    const auto r = api.list_batches();
    answered += r.ok() ? 1 : 0;
    slowest = std::max(slowest, std::chrono::steady_clock::now() - started);
    std::this_thread::sleep_for(50ms);
  }
  done = true;
  trickle.join();
  std::printf("  slowest real request among 150 slow connections: %lld ms\n",
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count()));
  EXPECT_EQ(answered, 20);
  EXPECT_LT(slowest, 1s);
}

TEST_F(SandboxAbuse, RangesAreIgnoredAndPipelinedRequestsAnswered) {
  auto api = client();
  ASSERT_TRUE(api.send(text_batch({"+46700000001"}, "a batch to list")).ok());
  const std::string head =
      "GET " + batches + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sandbox-token\r\n";
  raw_connection plain(server.port());
  ASSERT_TRUE(plain.write(head + "Connection: close\r\n\r\n"));
  const auto whole = plain.read_all();
  ASSERT_TRUE(whole.starts_with("HTTP/1.1 200")) << whole;

  std::string ranges = "Range: bytes=0-";
  for (int i = 0; i < 2600; ++i) {
    ranges += ",0-";
  }
  raw_connection ranged(server.port());
  ASSERT_TRUE(ranged.write(head + ranges + "\r\nConnection: close\r\n\r\n"));
  const auto answer = ranged.read_all();
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer.substr(0, 200);
  EXPECT_LT(answer.size(), whole.size() + 100);  // one whole body, not 2600 copies

  raw_connection pipelined(server.port());
  std::string many;
  for (int i = 0; i < 5; ++i) {
    many += head + "\r\n";
  }
  ASSERT_TRUE(pipelined.write(many + head + "Connection: close\r\n\r\n"));
  // httplib answers the first of a pipelined burst (curl no longer pipelines); what matters is
  // that the burst neither stalls nor takes the sandbox down.
  EXPECT_GE(count(pipelined.read_all(), "HTTP/1.1 200"), 1U);
  EXPECT_TRUE(api.list_batches().ok());
}

TEST_F(SandboxAbuse, AReceiverThatNeverAnswersHoldsNoOtherCallbacks) {
  // A listening socket that never accepts: connections queue in the kernel, POSTs get no answer.
  const int hung = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(hung, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(hung, 64), 0);
  socklen_t length = sizeof address;
  ::getsockname(hung, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string hung_url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/";

  httplib::Server receiver;
  std::atomic<int> received{0};
  receiver.Post("/reports", [&](const httplib::Request&, httplib::Response& res) {
    ++received;
    res.status = 200;
  });
  const int port = receiver.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { receiver.listen_after_bind(); });

  auto api = client();
  auto to_hung = text_batch({}, "to a receiver that never answers");
  for (int i = 0; i < 20; ++i) {
    to_hung.to.push_back("+467000000" + std::to_string(10 + i));
  }
  to_hung.delivery_report = "per_recipient";
  to_hung.callback_url = hung_url;
  ASSERT_TRUE(api.send(to_hung).ok());
  auto to_good = text_batch({"+46700000001"}, "to a receiver that answers");
  to_good.delivery_report = "per_recipient";
  to_good.callback_url = "http://127.0.0.1:" + std::to_string(port) + "/reports";
  ASSERT_TRUE(api.send(to_good).ok());
  const auto deadline = std::chrono::steady_clock::now() + 2s;
  while (received == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(received, 1);
  ::close(hung);  // its queued connections are reset, so the sandbox's workers let go
  receiver.stop();
  serving.join();
}

}  // namespace

#include "callback_sender.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <septet/sinch/webhook.hpp>
#include <utility>

namespace septet_cli {

namespace sinch = septet::sinch;

callback_sender::callback_sender(settings s, std::function<std::string()> nonce)
    : m_settings(std::move(s)), m_nonce(std::move(nonce)) {
  for (std::size_t i = 0; i < m_settings.workers; ++i) {
    m_workers.emplace_back([this] { work(); });
  }
}

callback_sender::~callback_sender() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_queue.clear();  // undelivered callbacks die with the sandbox
  }
  m_ready.notify_all();
  for (auto& worker : m_workers) {
    worker.join();
  }
}

void callback_sender::send(std::string url, std::string body, signer sign) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  job next{url.substr(0, path_start),
           path_start == std::string::npos ? "/" : url.substr(path_start), std::move(body),
           std::move(sign)};
  {
    std::lock_guard lock(m_mutex);
    if (m_queue.size() < m_settings.max_queued) {
      m_queue.push_back(std::move(next));
      m_ready.notify_all();
      return;
    }
  }
  ++m_failed;
}

auto callback_sender::stopping() -> bool {
  std::lock_guard lock(m_mutex);
  return m_stopping;
}

void callback_sender::work() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    // The oldest callback whose receiver has a free slot.
    auto next = m_queue.end();
    m_ready.wait(lock, [&] {
      next = std::find_if(m_queue.begin(), m_queue.end(), [&](const job& j) {
        const auto busy = m_in_flight.find(j.origin);
        return busy == m_in_flight.end() || busy->second < m_settings.per_receiver;
      });
      return m_stopping || next != m_queue.end();
    });
    if (m_stopping) {
      return;
    }
    const job taken = std::move(*next);
    m_queue.erase(next);
    ++m_in_flight[taken.origin];
    lock.unlock();
    const bool ok = post(taken);
    lock.lock();
    if (--m_in_flight[taken.origin] == 0) {
      m_in_flight.erase(taken.origin);
    }
    ++(ok ? m_sent : m_failed);
    m_ready.notify_all();  // a slot of this receiver is free again
  }
}

auto callback_sender::post(const job& j) -> bool {
  httplib::Client client(j.origin);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  for (int attempt = 0; attempt < m_settings.attempts && !stopping(); ++attempt) {
    httplib::Headers headers;
    if (j.sign) {
      for (auto& [name, value] : j.sign(j.path, j.body)) {
        headers.emplace(name, value);
      }
    } else if (!m_settings.webhook_secret.empty()) {
      for (auto& [name, value] : sinch::webhook_signature_headers(
               j.body, m_settings.webhook_secret, m_nonce(), std::chrono::system_clock::now())) {
        headers.emplace(name, value);
      }
    }
    const auto result = client.Post(j.path, headers, j.body, "application/json");
    if (result && result->status >= 200 && result->status < 300) {
      return true;
    }
    if (result && result->status != 429 && result->status < 500) {
      return false;  // Sinch does not retry other 4xx
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20 << attempt));
  }
  return false;
}

}  // namespace septet_cli

#ifndef SEPTET_TOOLS_CONNECTION_POOL_HPP
#define SEPTET_TOOLS_CONNECTION_POOL_HPP

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace septet_cli {

/// httplib's task queue for the sandbox: one worker per open connection, grown on demand up to
/// `max_workers`. httplib holds a worker for as long as a connection is open, so a fixed pool of
/// 64 could be taken by 64 slow clients (one header line a second) while every real request
/// waited; here a slow connection costs one idle thread, and only more than `max_workers` open
/// connections at once make new ones wait for a free worker.
class connection_pool final : public httplib::TaskQueue {
 public:
  explicit connection_pool(std::size_t max_workers) : m_max_workers(max_workers) {}
  connection_pool(const connection_pool&) = delete;
  auto operator=(const connection_pool&) -> connection_pool& = delete;
  ~connection_pool() override {
    shutdown();
  }

  void enqueue(std::function<void()> job) override {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
    // More waiting connections than idle workers to take them: one more worker.
    if (m_jobs.size() > m_idle && m_workers.size() < m_max_workers) {
      m_workers.emplace_back([this] { work(); });
    }
    m_ready.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_ready.notify_all();
    for (auto& worker : m_workers) {
      if (worker.joinable()) {
        worker.join();
      }
    }
  }

 private:
  void work() {
    std::unique_lock lock(m_mutex);
    for (;;) {
      ++m_idle;
      m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
      --m_idle;
      if (m_jobs.empty()) {
        return;  // stopping, and nothing left to serve
      }
      auto job = std::move(m_jobs.front());
      m_jobs.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
  }

  std::size_t m_max_workers;
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<std::function<void()>> m_jobs;
  std::vector<std::thread> m_workers;
  std::size_t m_idle = 0;
  bool m_stopping = false;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_CONNECTION_POOL_HPP

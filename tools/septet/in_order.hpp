#ifndef SEPTET_TOOLS_IN_ORDER_HPP
#define SEPTET_TOOLS_IN_ORDER_HPP

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace septet_cli {

/// The hand-over between the threads of run_in_order(): one thread reads at a time, any thread
/// judges, and judged batches wait here until every batch read before them has been merged. One
/// thread at a time merges, without holding the lock: the others go on depositing and reading.
template <class Batch>
class in_order_handoff {
 public:
  explicit in_order_handoff(std::size_t most_unmerged) : m_most_unmerged(most_unmerged) {}

  /// Reads the next batch into `batch` and numbers it; false at the end of the input or once
  /// stopped. Waits while too many batches are read and not yet merged, so memory stays flat.
  /// `batch` is one merged before when there is one: its buffers are reused, not freed by one
  /// thread and allocated again by another.
  template <class Read>
  auto read_next(Read& read, Batch& batch, std::size_t& index) -> bool {
    const std::lock_guard reading(m_reading);
    {
      std::unique_lock lock(m_lock);
      m_merged_more.wait(lock, [&] { return m_stopped || m_read - m_merged < m_most_unmerged; });
      if (m_stopped) {
        return false;
      }
      if (!m_merged_batches.empty()) {
        batch = std::move(m_merged_batches.back());
        m_merged_batches.pop_back();
      }
    }
    if (m_input_ended || !read(batch)) {
      m_input_ended = true;
      return false;
    }
    index = m_read++;
    return true;
  }

  /// Leaves batch `index` to be merged in the input's order; unless another thread is merging,
  /// merges every batch that is next in that order.
  template <class Merge>
  void merge_in_order(Batch&& batch, std::size_t index, Merge& merge) {
    std::unique_lock lock(m_lock);
    if (m_stopped) {
      return;
    }
    m_waiting.emplace(index, std::move(batch));
    if (m_merging) {
      return;  // that thread finds this batch when its turn comes
    }
    m_merging = true;
    for (auto next = m_waiting.find(m_merged); next != m_waiting.end();
         next = m_waiting.find(m_merged)) {
      Batch ready = std::move(next->second);
      m_waiting.erase(next);
      lock.unlock();
      merge(ready);  // an exception stops every thread: m_merging stays set
      lock.lock();
      m_merged_batches.push_back(std::move(ready));
      ++m_merged;
      m_merged_more.notify_all();
    }
    m_merging = false;
  }

  /// Stops every thread at its next batch; the first error is kept for rethrow_error().
  void stop(std::exception_ptr error) {
    const std::lock_guard lock(m_lock);
    if (!m_error) {
      m_error = std::move(error);
    }
    m_stopped = true;
    m_merged_more.notify_all();
  }

  void rethrow_error() const {
    if (m_error) {
      std::rethrow_exception(m_error);
    }
  }

 private:
  std::size_t m_most_unmerged;
  std::mutex m_reading;  // guards m_read and m_input_ended, and the reader's own state
  std::size_t m_read = 0;
  bool m_input_ended = false;
  std::mutex m_lock;  // guards everything below
  std::condition_variable m_merged_more;
  std::map<std::size_t, Batch> m_waiting;
  std::vector<Batch> m_merged_batches;  // to be read into again
  std::size_t m_merged = 0;
  bool m_merging = false;  // a thread is merging, and merges what is deposited meanwhile
  bool m_stopped = false;
  std::exception_ptr m_error;
};

/// Runs `judge` on `threads` threads over the batches that `read` fills one at a time, and gives
/// every judged batch to `merge` in the order the batches were read, so that what `merge` writes
/// is the same for any number of threads. `read(Batch&) -> bool` (false: no more input) and
/// `merge(Batch&)` never run concurrently with themselves; `judge(Batch&, std::size_t thread)`
/// runs on every thread at once, `thread` in [0, threads). Batches are reused: `read` and
/// `judge` get one that was merged before, or a new one. At most four batches per thread are
/// read and not yet merged. An exception stops every thread and is rethrown here.
template <class Batch, class Read, class Judge, class Merge>
void run_in_order(std::size_t threads, Read read, Judge judge, Merge merge) {
  if (threads <= 1) {
    for (Batch batch; read(batch);) {
      judge(batch, 0);
      merge(batch);
    }
    return;
  }
  in_order_handoff<Batch> handoff(4 * threads);
  const auto work = [&](std::size_t thread) {
    try {
      Batch batch;
      std::size_t index = 0;
      while (handoff.read_next(read, batch, index)) {
        judge(batch, thread);
        handoff.merge_in_order(std::move(batch), index, merge);
      }
    } catch (...) {
      handoff.stop(std::current_exception());
    }
  };
  std::vector<std::thread> others;
  others.reserve(threads - 1);
  for (std::size_t thread = 1; thread < threads; ++thread) {
    try {
      others.emplace_back(work, thread);
    } catch (...) {
      break;  // no more threads to be had (system_error, bad_alloc): fewer, the same output
    }
  }
  work(0);
  for (auto& other : others) {
    other.join();
  }
  handoff.rethrow_error();
}

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_IN_ORDER_HPP

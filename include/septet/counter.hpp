#ifndef SEPTET_COUNTER_HPP
#define SEPTET_COUNTER_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <septet/analysis.hpp>
#include <string_view>

namespace septet::inline v0 {

/// Incremental analysis of UTF-8 text that arrives in chunks: keystrokes, network reads. A chunk
/// may end anywhere, even inside a UTF-8 sequence. After any sequence of appends, analysis() equals
/// analyze() of everything appended so far. O(1) memory, no allocation.
class counter {
  // The helpers come first: clang 14 cannot constant-evaluate a member template that is defined
  // later in the class than its caller.
  template <utf8_unit Char>
  constexpr auto append_bytes(std::basic_string_view<Char> chunk) noexcept -> result {
    m_size += chunk.size();
    if (!m_status.ok()) {
      return m_status;
    }
    std::size_t pos = 0;
    if (m_pending_size != 0) {
      pos = complete_pending(chunk);
      if (m_pending_size != 0 || !m_status.ok()) {
        return m_status;
      }
    }
    const std::basic_string_view<Char> rest = chunk.substr(pos);
    const std::size_t tail = unfinished_tail(rest);
    const std::basic_string_view<Char> body = rest.substr(0, rest.size() - tail);
    if (std::is_constant_evaluated()) {
      const result decoded = for_each_code_point(
          body, [&](char32_t cp, std::size_t offset) { m_tally.push(cp, m_decoded + offset); });
      if (!decoded.ok()) {
        m_status = {decoded.ec, m_decoded + decoded.count};
        return m_status;
      }
    } else {
      const result decoded = m_tally.push_utf8(body, m_decoded);
      if (!decoded.ok()) {
        m_status = decoded;
        return m_status;
      }
    }
    m_decoded += body.size();
    for (std::size_t i = 0; i < tail; ++i) {
      m_pending[m_pending_size++] = detail::byte_of(rest[body.size() + i]);
    }
    return m_status;
  }

  /// Feeds chunk bytes to the pending sequence until it is complete or broken; returns how many
  /// bytes of the chunk it took. Leaves m_pending_size != 0 if the chunk ran out first.
  template <utf8_unit Char>
  constexpr auto complete_pending(std::basic_string_view<Char> chunk) noexcept -> std::size_t {
    const std::size_t needed = detail::utf8_sequence_length(m_pending[0]);
    std::size_t pos = 0;
    while (m_pending_size < needed && pos < chunk.size() &&
           detail::is_utf8_continuation(detail::byte_of(chunk[pos]))) {
      m_pending[m_pending_size++] = detail::byte_of(chunk[pos++]);
    }
    if (m_pending_size < needed && pos == chunk.size()) {
      return pos;  // still unfinished
    }
    const detail::utf8_step step =
        detail::decode_utf8(m_pending.data(), m_pending.data() + m_pending_size);
    if (step.error != errc::ok) {
      m_status = {step.error, m_decoded};
    } else {
      m_tally.push(step.code_point, m_decoded);
      m_decoded += m_pending_size;
      m_pending_size = 0;
    }
    return pos;
  }

  /// Length of an unfinished sequence at the end of `bytes` (a lead byte followed by fewer
  /// continuation bytes than it announces), 0 if there is none.
  template <utf8_unit Char>
  [[nodiscard]] static constexpr auto unfinished_tail(std::basic_string_view<Char> bytes) noexcept
      -> std::size_t {
    for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
      const std::uint8_t byte = detail::byte_of(bytes[bytes.size() - back]);
      if (!detail::is_utf8_continuation(byte)) {
        return detail::utf8_sequence_length(byte) > back ? back : 0;
      }
    }
    return 0;
  }

 public:
  constexpr counter() noexcept : counter(options{}) {}
  constexpr explicit counter(const options& opts) noexcept : m_tally(opts) {
    if (!valid(opts)) {
      m_status = {errc::invalid_option, 0};
    }
  }

  /// Appends a chunk. Returns ok, or the first encoding error and its offset in the whole text;
  /// after an error further chunks are counted in size() only.
  constexpr auto append(std::string_view chunk) noexcept -> result {
    return append_bytes(chunk);
  }
  constexpr auto append(std::u8string_view chunk) noexcept -> result {
    return append_bytes(chunk);
  }

  /// The analysis of the text appended so far, as if it ended here (an unfinished UTF-8 sequence
  /// at the end is an error, exactly as analyze() reports it).
  [[nodiscard]] constexpr auto analysis() const noexcept -> septet::analysis {
    if (!m_status.ok()) {
      return m_tally.finish(m_status);
    }
    if (m_pending_size != 0) {  // classified as analyze() would at the end of the text
      const auto step = detail::decode_utf8(m_pending.data(), m_pending.data() + m_pending_size);
      return m_tally.finish({step.error, m_decoded});
    }
    return m_tally.finish({errc::ok, m_decoded});
  }

  /// Bytes appended so far.
  [[nodiscard]] constexpr auto size() const noexcept -> std::size_t {
    return m_size;
  }

  /// Starts over with the same options.
  constexpr void reset() noexcept {
    *this = counter(m_tally.options());
  }

 private:
  detail::tally m_tally;
  result m_status;
  std::array<std::uint8_t, 4> m_pending{};
  std::size_t m_pending_size = 0;
  std::size_t m_decoded = 0;  // bytes decoded and counted
  std::size_t m_size = 0;     // bytes appended
};

}  // namespace septet::inline v0

#endif  // SEPTET_COUNTER_HPP

#ifndef SEPTET_DETAIL_CUT_LOG_HPP
#define SEPTET_DETAIL_CUT_LOG_HPP

#include <array>
#include <cstddef>
#include <cstdint>

namespace septet::inline v0::detail {

/// Where a splitter ended parts, kept as the analysis goes so that segment() and encode_parts()
/// can hand out the parts without reading the text a second time. Holds the cuts of up to
/// `capacity` + 1 parts (every message the concatenation IE can number); beyond that the caller
/// splits the text again.
class cut_log {
 public:
  static constexpr std::size_t capacity = 254;

  /// A part ends before input offset `offset`, after `units` units of the text in all.
  constexpr void add(std::size_t offset, std::size_t units) noexcept {
    if (m_count < capacity) {
      m_offsets[m_count] = offset;
      // A part holds at most 160 units (140 octets of septets), so one octet holds its size.
      m_part_units[m_count] = static_cast<std::uint8_t>(units - m_units);
    }
    m_units = units;
    ++m_count;
  }

  /// Every cut is kept.
  [[nodiscard]] constexpr auto complete() const noexcept -> bool {
    return m_count <= capacity;
  }
  [[nodiscard]] constexpr auto count() const noexcept -> std::size_t {
    return m_count;
  }
  [[nodiscard]] constexpr auto offset(std::size_t k) const noexcept -> std::size_t {
    return m_offsets[k];
  }
  /// Units of the part that cut `k` ends.
  [[nodiscard]] constexpr auto part_units(std::size_t k) const noexcept -> std::size_t {
    return m_part_units[k];
  }
  /// Units before the last cut.
  [[nodiscard]] constexpr auto units() const noexcept -> std::size_t {
    return m_units;
  }

 private:
  // Left uninitialised on purpose: only the first m_count entries are ever read, and zeroing 2 KiB
  // would cost more than analysing a short message.
  std::array<std::size_t, capacity> m_offsets;
  std::array<std::uint8_t, capacity> m_part_units;
  std::size_t m_count = 0;
  std::size_t m_units = 0;
};

/// The cuts of both encodings: which one the message needs is known only at its end.
struct cut_logs {
  cut_log gsm;
  cut_log ucs2;
};

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_CUT_LOG_HPP

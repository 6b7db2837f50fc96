#ifndef SEPTET_DETAIL_UTF8_HPP
#define SEPTET_DETAIL_UTF8_HPP

#include <utf8/core.h>
#include <utf8/unchecked.h>

#include <cstddef>
#include <cstdint>
#include <septet/error.hpp>

// UTF-8 decoding in two forms: a small constexpr decoder (utfcpp has no constexpr, so constant
// evaluation needs its own), and a run-time path that lets utfcpp validate and decode. Both must
// find the same first invalid sequence; tests and a differential fuzzer hold them to it.
namespace septet::inline v0::detail {

template <class Char>
[[nodiscard]] constexpr auto byte_of(Char c) noexcept -> std::uint8_t {
  return static_cast<std::uint8_t>(static_cast<std::uint8_t>(c) & 0xFFU);
}

[[nodiscard]] constexpr auto is_utf8_continuation(std::uint8_t byte) noexcept -> bool {
  return (byte & 0xC0U) == 0x80U;
}

/// Length of the sequence a lead byte starts, or 0 for bytes that can never start one
/// (continuation bytes 0x80-0xBF, 0xC0/0xC1 which could only start overlong forms, 0xF5-0xFF).
[[nodiscard]] constexpr auto utf8_sequence_length(std::uint8_t lead) noexcept -> std::size_t {
  if (lead < 0x80U) {
    return 1;
  }
  if (lead < 0xC2U) {
    return 0;
  }
  if (lead < 0xE0U) {
    return 2;
  }
  if (lead < 0xF0U) {
    return 3;
  }
  if (lead < 0xF5U) {
    return 4;
  }
  return 0;
}

/// One decoded sequence: its code point and length, or the error that starts at it.
struct utf8_step {
  char32_t code_point = 0;
  std::size_t length = 0;
  errc error = errc::ok;
};

/// Decodes the sequence at `first` (`first < last`). The error names the first byte that makes
/// the sequence invalid (Unicode table 3-7): a bad lead; a second byte that makes it overlong
/// (E0 80..9F, F0 80..8F), a surrogate (ED A0..BF) or too large (F4 90..BF); or a missing or
/// non-continuation trail byte (truncated).
template <class Char>
[[nodiscard]] constexpr auto decode_utf8(const Char* first, const Char* last) noexcept
    -> utf8_step {
  const std::uint8_t lead = byte_of(*first);
  const std::size_t length = utf8_sequence_length(lead);
  if (length == 0) {
    return {0, 0, errc::utf8_invalid_lead};
  }
  if (length == 1) {
    return {lead, 1, errc::ok};
  }
  const auto available = static_cast<std::size_t>(last - first);
  char32_t cp = lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= available) {
      return {0, 0, errc::utf8_truncated};
    }
    const std::uint8_t trail = byte_of(first[i]);
    if (!is_utf8_continuation(trail)) {
      return {0, 0, errc::utf8_truncated};
    }
    if (i == 1) {
      if ((lead == 0xE0U && trail < 0xA0U) || (lead == 0xF0U && trail < 0x90U)) {
        return {0, 0, errc::utf8_overlong};
      }
      if (lead == 0xEDU && trail > 0x9FU) {
        return {0, 0, errc::utf8_surrogate};
      }
      if (lead == 0xF4U && trail > 0x8FU) {
        return {0, 0, errc::utf8_out_of_range};
      }
    }
    cp = (cp << 6U) | (trail & 0x3FU);
  }
  return {cp, length, errc::ok};
}

/// Run time only: the offset of the first invalid sequence in [first, first + size), or `size`
/// when the whole range is valid UTF-8 (utfcpp's validator).
template <class Char>
[[nodiscard]] auto find_invalid_utf8(const Char* first, std::size_t size) noexcept -> std::size_t {
  const Char* bad = utf8::find_invalid(first, first + size);
  return static_cast<std::size_t>(bad - first);
}

/// Run time only: decodes a sequence already validated by find_invalid_utf8 (utfcpp).
template <class Char>
[[nodiscard]] auto next_valid_utf8(const Char*& it) noexcept -> char32_t {
  return static_cast<char32_t>(utf8::unchecked::next(it));
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_UTF8_HPP

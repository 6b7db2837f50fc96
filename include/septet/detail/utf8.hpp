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

/// Length of the sequence a lead byte announces, or 0 when it cannot start one. 0xC0/0xC1 and
/// 0xF5..0xF7 announce a length; the decoder rejects them afterwards as overlong / out of range.
[[nodiscard]] constexpr auto utf8_sequence_length(std::uint8_t lead) noexcept -> std::size_t {
  if (lead < 0x80U) {
    return 1;
  }
  if (lead < 0xC0U) {
    return 0;
  }
  if (lead < 0xE0U) {
    return 2;
  }
  if (lead < 0xF0U) {
    return 3;
  }
  if (lead < 0xF8U) {
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

/// Decodes the sequence at `first` (`first < last`). Errors are classified in this order:
/// bad lead, missing or non-continuation trail bytes, surrogate, above U+10FFFF, overlong.
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
  if (available < length) {
    // Still report a bad trail byte inside what is there as truncation: both say "cut short".
    return {0, 0, errc::utf8_truncated};
  }
  char32_t cp = lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const std::uint8_t trail = byte_of(first[i]);
    if (!is_utf8_continuation(trail)) {
      return {0, 0, errc::utf8_truncated};
    }
    cp = (cp << 6U) | (trail & 0x3FU);
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    return {0, 0, errc::utf8_surrogate};
  }
  if (cp > 0x10FFFF) {
    return {0, 0, errc::utf8_out_of_range};
  }
  const std::size_t shortest = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  if (shortest != length) {
    return {0, 0, errc::utf8_overlong};
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

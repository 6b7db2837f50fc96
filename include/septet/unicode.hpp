#ifndef SEPTET_UNICODE_HPP
#define SEPTET_UNICODE_HPP

#include <concepts>
#include <cstddef>
#include <septet/detail/utf8.hpp>
#include <septet/error.hpp>
#include <span>
#include <string_view>
#include <type_traits>

/// Text in, code points out: the first step of septet's pipeline. UTF-8 (char or char8_t),
/// UTF-16 (char16_t) and UTF-32 (char32_t) are accepted; invalid input is a typed error at the
/// offset, in input code units, of the offending sequence. Nothing is replaced or skipped.
namespace septet::inline v0 {

/// Code unit types septet reads. UTF-8 may come as char or char8_t.
template <class Char>
concept code_unit = std::same_as<Char, char> || std::same_as<Char, char8_t> ||
    std::same_as<Char, char16_t> || std::same_as<Char, char32_t>;

template <class Char>
concept utf8_unit = std::same_as<Char, char> || std::same_as<Char, char8_t>;

/// Anything septet accepts as text: a string, view, literal or pointer of one of the code unit
/// types.
template <class T>
concept text = std::convertible_to<const T&, std::string_view> ||
    std::convertible_to<const T&, std::u8string_view> ||
    std::convertible_to<const T&, std::u16string_view> ||
    std::convertible_to<const T&, std::u32string_view>;

/// The string view `t` converts to (checked in the order UTF-8, char8_t, UTF-16, UTF-32). An
/// array ends at its first NUL or at its end, never past it (a literal ends at its terminator).
template <text T>
[[nodiscard]] constexpr auto as_view(const T& t) noexcept {
  if constexpr (std::is_array_v<T> && code_unit<std::remove_cv_t<std::remove_extent_t<T>>>) {
    using unit = std::remove_cv_t<std::remove_extent_t<T>>;
    std::size_t size = 0;
    while (size < std::extent_v<T> && t[size] != unit{}) {
      ++size;
    }
    return std::basic_string_view<unit>(t, size);
  } else if constexpr (std::convertible_to<const T&, std::string_view>) {
    return std::string_view(t);
  } else if constexpr (std::convertible_to<const T&, std::u8string_view>) {
    return std::u8string_view(t);
  } else if constexpr (std::convertible_to<const T&, std::u16string_view>) {
    return std::u16string_view(t);
  } else {
    return std::u32string_view(t);
  }
}

/// UTF-16 code units `cp` takes: 2 above the BMP, else 1.
[[nodiscard]] constexpr auto utf16_length(char32_t cp) noexcept -> std::size_t {
  return cp > 0xFFFF ? 2 : 1;
}

/// True for Unicode scalar values (code points that are not surrogates, up to U+10FFFF).
[[nodiscard]] constexpr auto is_scalar_value(char32_t cp) noexcept -> bool {
  return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

/// Bytes `cp` takes in UTF-8.
[[nodiscard]] constexpr auto utf8_length(char32_t cp) noexcept -> std::size_t {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes the UTF-8 form of the scalar value `cp` at `out[pos]`; returns the new position, or
/// `pos` unchanged when it does not fit.
[[nodiscard]] constexpr auto put_utf8(char32_t cp, std::span<char> out, std::size_t pos) noexcept
    -> std::size_t {
  const std::size_t length = utf8_length(cp);
  if (pos > out.size() || out.size() - pos < length) {
    return pos;
  }
  if (length == 1) {
    out[pos] = static_cast<char>(cp);
    return pos + 1;
  }
  // Lead byte: length marker bits, then the highest bits of cp; then 6 bits per trail byte.
  constexpr unsigned char lead_marks[5] = {0, 0, 0xC0, 0xE0, 0xF0};
  out[pos] = static_cast<char>(lead_marks[length] | (cp >> (6 * (length - 1))));
  for (std::size_t i = 1; i < length; ++i) {
    out[pos + i] = static_cast<char>(0x80 | ((cp >> (6 * (length - 1 - i))) & 0x3F));
  }
  return pos + length;
}

/// Calls `put(unit)` with the UTF-16 code units of the scalar value `cp`: one, or a surrogate
/// pair.
template <class Put>
constexpr void put_utf16(char32_t cp, Put&& put) {
  if (cp > 0xFFFF) {
    put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10U)));
    put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FFU)));
  } else {
    put(static_cast<char16_t>(cp));
  }
}

/// Calls `visit(code_point, offset)` for every code point of `text`, in order, where offset is the
/// index of its first code unit. Stops at the first invalid sequence. Returns ok with the count
/// of code points, or the error with the offset of the invalid sequence.
template <code_unit Char, class Visitor>
constexpr auto for_each_code_point(std::basic_string_view<Char> text, Visitor&& visit) -> result {
  const Char* const begin = text.data();
  const std::size_t size = text.size();
  std::size_t count = 0;
  if constexpr (utf8_unit<Char>) {
    if (!std::is_constant_evaluated()) {
      const std::size_t valid = size == 0 ? 0 : detail::find_invalid_utf8(begin, size);
      const Char* it = begin;
      const Char* const valid_end = begin + valid;
      while (it != valid_end) {
        const auto offset = static_cast<std::size_t>(it - begin);
        const std::uint8_t byte = detail::byte_of(*it);
        if (byte < 0x80U) {
          ++it;
          visit(static_cast<char32_t>(byte), offset);
        } else {
          visit(detail::next_valid_utf8(it), offset);
        }
        ++count;
      }
      if (valid == size) {
        return {errc::ok, count};
      }
      return {detail::decode_utf8(valid_end, begin + size).error, valid};
    }
    std::size_t pos = 0;
    while (pos < size) {
      const detail::utf8_step step = detail::decode_utf8(begin + pos, begin + size);
      if (step.error != errc::ok) {
        return {step.error, pos};
      }
      visit(step.code_point, pos);
      pos += step.length;
      ++count;
    }
    return {errc::ok, count};
  } else if constexpr (std::same_as<Char, char16_t>) {
    std::size_t pos = 0;
    while (pos < size) {
      const char16_t unit = begin[pos];
      if (unit >= 0xD800 && unit <= 0xDFFF) {
        const bool paired = unit <= 0xDBFF && pos + 1 < size && begin[pos + 1] >= 0xDC00 &&
                            begin[pos + 1] <= 0xDFFF;
        if (!paired) {
          return {errc::utf16_unpaired_surrogate, pos};
        }
        const char32_t cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10U) +
                            (static_cast<char32_t>(begin[pos + 1]) - 0xDC00);
        visit(cp, pos);
        pos += 2;
      } else {
        visit(static_cast<char32_t>(unit), pos);
        ++pos;
      }
      ++count;
    }
    return {errc::ok, count};
  } else {
    for (std::size_t pos = 0; pos < size; ++pos) {
      if (!is_scalar_value(begin[pos])) {
        return {errc::invalid_code_point, pos};
      }
      visit(begin[pos], pos);
      ++count;
    }
    return {errc::ok, count};
  }
}

/// Checks that `text` is valid; ok with the count of code points, or the first error's offset.
template <code_unit Char>
[[nodiscard]] constexpr auto validate(std::basic_string_view<Char> text) -> result {
  return for_each_code_point(text, [](char32_t, std::size_t) {});
}

}  // namespace septet::inline v0

#endif  // SEPTET_UNICODE_HPP

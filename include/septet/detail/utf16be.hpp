#ifndef SEPTET_DETAIL_UTF16BE_HPP
#define SEPTET_DETAIL_UTF16BE_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <septet/detail/always_inline.hpp>
#include <septet/unicode.hpp>

// Run time only: UTF-8 that the analysis found valid, as the UTF-16BE octets of a UCS-2 part,
// without checking it again. One character at a time here (the reference, and the end of a text);
// the vector paths that have byte shuffles (block_kernels.hpp) take the characters that start a
// window of 12 bytes at once, as the tables below say.
namespace septet::inline v0::detail {

/// What the routines below return when the output has no room (the checked path then says so).
inline constexpr std::size_t utf16be_no_room = std::numeric_limits<std::size_t>::max();

/// The character of valid UTF-8 at p[i] (`n` bytes in all) as UTF-16BE at out[written] (`room`
/// octets), both advanced; false, with neither advanced, when it does not fit.
SEPTET_ALWAYS_INLINE inline auto put_utf16be_character(const std::uint8_t* p,
                                                       std::size_t n,
                                                       std::size_t& i,
                                                       std::uint8_t* out,
                                                       std::size_t room,
                                                       std::size_t& written) noexcept -> bool {
  const std::uint32_t lead = p[i];
  const std::size_t length = lead < 0x80U ? 1 : lead < 0xE0U ? 2 : lead < 0xF0U ? 3 : 4;
  if (length > n - i || (length == 4 ? 4 : 2) > room - written) {
    return false;
  }
  // Decoded here, not by utfcpp's unchecked::next: that took three times as long per character.
  const auto next = [&](std::size_t k) SEPTET_ALWAYS_INLINE { return p[i + k] & 0x3FU; };
  const std::uint32_t cp =
      length == 1   ? lead
      : length == 2 ? ((lead & 0x1FU) << 6U) | next(1)
      : length == 3 ? ((lead & 0x0FU) << 12U) | (next(1) << 6U) | next(2)
                    : ((lead & 0x07U) << 18U) | (next(1) << 12U) | (next(2) << 6U) | next(3);
  put_utf16(static_cast<char32_t>(cp), [&](char16_t unit) SEPTET_ALWAYS_INLINE {
    out[written] = static_cast<std::uint8_t>(unit >> 8U);
    out[written + 1] = static_cast<std::uint8_t>(unit & 0xFFU);
    written += 2;
  });
  i += length;
  return true;
}

/// The `n` bytes of valid UTF-8 at `p` as UTF-16BE at `out` (`room` octets), one character at a
/// time: the octets written, or utf16be_no_room.
inline auto utf16be_one_by_one(const std::uint8_t* p,
                               std::size_t n,
                               std::uint8_t* out,
                               std::size_t room) noexcept -> std::size_t {
  std::size_t written = 0;
  for (std::size_t i = 0; i < n;) {
    if (!put_utf16be_character(p, n, i, out, room, written)) {
      return utf16be_no_room;
    }
  }
  return written;
}

/// A way of taking the first characters of a window (see utf8_windows).
struct utf8_window_family {
  std::size_t characters;  // the first ones of the window
  std::size_t longest;     // bytes, at most, of each
  std::size_t lane_bytes;  // of the vector lane each takes
  std::size_t first_shape;
  [[nodiscard]] constexpr auto shapes() const -> std::size_t {
    std::size_t count = 1;
    for (std::size_t k = 0; k < characters; ++k) {
      count *= longest;
    }
    return count;
  }
};

/// How the vector path reads a window of 12 bytes that starts a character. The characters that
/// end in it, read from its end mask (bit k: byte k ends a character), go in one of three ways:
/// - the first six, where none is longer than two bytes: one 16-bit lane each;
/// - else the first four, where none is longer than three bytes: one 32-bit lane each;
/// - else the first three (of up to four bytes): one 32-bit lane each, then one UTF-16 unit or two.
/// In a lane, the character's last byte is lowest and the bytes before it above. The window's
/// "shape" numbers its family and its characters' lengths; a window with fewer characters (the
/// text's last) goes one character at a time.
struct utf8_windows {
  static constexpr std::size_t bytes = 12;
  using family = utf8_window_family;
  static constexpr family six{6, 2, 2, 0};
  static constexpr family four{4, 3, 4, six.first_shape + six.shapes()};
  static constexpr family three{3, 4, 4, four.first_shape + four.shapes()};
  static constexpr std::size_t shapes = three.first_shape + three.shapes();
  static constexpr std::uint8_t by_character = 0xFF;
  static constexpr std::uint8_t zero_lane = 0x80;  // a shuffle index that writes a zero

  /// A window's shape (the first shape of its family, plus its lengths less one as digits in
  /// base `longest`) and the bytes its characters take: one load, as the next window waits for it.
  struct window {
    std::uint8_t shape = by_character;
    std::uint8_t consumed = 0;
  };
  std::array<window, 1U << bytes> of_ends{};
  /// Shape → the byte shuffle that lays its characters into lanes.
  std::array<std::array<std::uint8_t, 16>, shapes> lanes{};
  /// Shape → the UTF-16BE octets its characters make.
  std::array<std::uint8_t, shapes> octets{};
  /// Shape of the last family → the byte shuffle from its lanes (a unit, or a surrogate pair as
  /// high | low << 16) to big-endian octets.
  std::array<std::array<std::uint8_t, 16>, three.shapes()> three_octets{};
};

/// Lays out `shape` of family `f` in `w`: its lanes, octets and, in the last family, the shuffle
/// to octets (the lengths of its characters are its digits plus one). Returns the end mask of its
/// characters (a bit where each ends), which their bytes fill.
constexpr auto lay_out_shape(utf8_windows& w, const utf8_window_family& f, std::size_t shape)
    -> unsigned {
  auto& lanes = w.lanes[shape];
  lanes.fill(utf8_windows::zero_lane);
  const bool in_pairs = f.first_shape == utf8_windows::three.first_shape;
  if (in_pairs) {
    w.three_octets[shape - f.first_shape].fill(utf8_windows::zero_lane);
  }
  std::size_t digits = shape - f.first_shape;
  std::size_t start = 0;
  std::size_t octets = 0;
  unsigned ends = 0;
  for (std::size_t k = 0; k < f.characters; ++k, digits /= f.longest) {
    const std::size_t length = digits % f.longest + 1;
    for (std::size_t b = 0; b < length; ++b) {
      lanes[k * f.lane_bytes + b] = static_cast<std::uint8_t>(start + length - 1 - b);
    }
    const std::size_t units = length == 4 ? 2 : 1;  // UTF-16
    for (std::size_t b = 0; in_pairs && b < 2 * units; ++b) {
      constexpr std::array<std::uint8_t, 4> big_endian = {1, 0, 3, 2};
      w.three_octets[shape - f.first_shape][octets + b] =
          static_cast<std::uint8_t>(4 * k + big_endian[b]);
    }
    octets += 2 * units;
    start += length;
    ends |= 1U << (start - 1);
  }
  w.octets[shape] = static_cast<std::uint8_t>(octets);
  return ends;
}

/// Every shape, and the end masks that start with its characters, whatever the bits past them.
/// The families go in reverse, so that where two take a window, the first keeps it. (Shapes, not
/// masks, enumerated: reading all 4096 masks took more than Clang's default limit of steps.)
consteval auto make_utf8_windows() -> utf8_windows {
  utf8_windows w;
  for (const utf8_window_family* f :
       {&utf8_windows::three, &utf8_windows::four, &utf8_windows::six}) {
    for (std::size_t shape = f->first_shape; shape < f->first_shape + f->shapes(); ++shape) {
      const unsigned ends = lay_out_shape(w, *f, shape);
      const auto consumed = static_cast<std::size_t>(std::bit_width(ends));
      for (unsigned rest = 0; rest < (1U << (utf8_windows::bytes - consumed)); ++rest) {
        w.of_ends[ends | (rest << consumed)] = {static_cast<std::uint8_t>(shape),
                                                static_cast<std::uint8_t>(consumed)};
      }
    }
  }
  return w;
}

inline constexpr utf8_windows utf8_window_table = make_utf8_windows();

/// The window at byte `at` (below 63) of a block whose character starts are `starts` (bit k: a
/// character starts at byte k; the end of the text counts as one): its end mask is the starts
/// after `at`.
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto window_at(std::uint64_t starts,
                                                            std::size_t at) noexcept
    -> utf8_windows::window {
  const utf8_windows& t = utf8_window_table;
  return t.of_ends[static_cast<std::size_t>(starts >> (at + 1)) & (t.of_ends.size() - 1)];
}

/// Byte shuffles to big-endian units: from 16-bit lanes, and from the low halves of 32-bit lanes
/// (the upper eight octets then zeros).
inline constexpr std::array<std::uint8_t, 16> big_endian_words = {1, 0, 3,  2,  5,  4,  7,  6,
                                                                  9, 8, 11, 10, 13, 12, 15, 14};
inline constexpr std::array<std::uint8_t, 16> big_endian_low_words = {
    1, 0, 5, 4, 9, 8, 13, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_UTF16BE_HPP

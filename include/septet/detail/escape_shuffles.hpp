#ifndef SEPTET_DETAIL_ESCAPE_SHUFFLES_HPP
#define SEPTET_DETAIL_ESCAPE_SHUFFLES_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <septet/detail/gsm7_tables.hpp>

// Run time only: the tables by which the vector paths that have byte shuffles (block_kernels.hpp)
// keep a run of ASCII going through the extension characters, writing the escape septet before
// each, instead of stopping the run there.
namespace septet::inline v0::detail {

struct escape_shuffle_tables {
  /// The extension septets of ASCII, one row of 16 per high nibble (zero where a byte is not an
  /// extension character), for a byte shuffle by the low nibble.
  std::array<std::array<std::uint8_t, 16>, 8> extension_rows{};
  /// Eight septets (lanes 0..7) and the escape septet (lane 8), by the mask of those that are
  /// extension characters: the byte shuffle that puts the escape before each of them.
  std::array<std::array<std::uint8_t, 16>, 256> by_mask{};

  [[nodiscard]] constexpr auto row_has_extension(std::size_t row) const -> bool {
    for (const std::uint8_t septet : extension_rows[row]) {
      if (septet != 0) {
        return true;
      }
    }
    return false;
  }
};

/// The lane of the escape septet in the source of a by_mask shuffle.
inline constexpr std::uint8_t escape_lane = 8;

consteval auto make_escape_shuffle_tables() -> escape_shuffle_tables {
  namespace t = tables;
  escape_shuffle_tables e;
  for (std::size_t b = 0; b < 0x80; ++b) {
    const std::uint8_t code = t::gsm7_reverse_direct[b];
    if (code != t::reverse_none && (code & t::reverse_extension_flag) != 0) {
      e.extension_rows[b / 16][b % 16] = static_cast<std::uint8_t>(code & 0x7FU);
    }
  }
  for (std::size_t mask = 0; mask < 256; ++mask) {
    auto& shuffle = e.by_mask[mask];
    shuffle.fill(0x80);  // a shuffle index that writes a zero
    std::size_t at = 0;
    for (std::size_t lane = 0; lane < 8; ++lane) {
      if (((mask >> lane) & 1U) != 0) {
        shuffle[at++] = escape_lane;
      }
      shuffle[at++] = static_cast<std::uint8_t>(lane);
    }
  }
  return e;
}

inline constexpr escape_shuffle_tables escape_shuffles = make_escape_shuffle_tables();

// An extension septet of zero would read as "not an extension character" in the rows.
static_assert([] {
  for (std::size_t b = 0; b < 0x80; ++b) {
    const std::uint8_t code = tables::gsm7_reverse_direct[b];
    const bool extension =
        code != tables::reverse_none && (code & tables::reverse_extension_flag) != 0;
    if (extension != (escape_shuffles.extension_rows[b / 16][b % 16] != 0)) {
      return false;
    }
  }
  return true;
}());

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_ESCAPE_SHUFFLES_HPP

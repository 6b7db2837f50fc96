#ifndef SEPTET_DETAIL_PART_SPLITTER_HPP
#define SEPTET_DETAIL_PART_SPLITTER_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <septet/detail/always_inline.hpp>
#include <septet/detail/bits.hpp>

namespace septet::inline v0::detail {

/// Greedy split of a stream of characters into parts of at most `per_part` units. A character is
/// never split (so neither is a GSM escape pair nor a UTF-16 surrogate pair); a part ends at the
/// last allowed break that fits, or, when a part holds no allowed break (one grapheme cluster
/// larger than a part), before the character that does not fit. O(1) state, so it runs on streams.
struct part_splitter {
  std::size_t per_part = 0;
  std::size_t parts = 1;
  std::size_t part_start = 0;         // units before the current part
  std::size_t last_break = 0;         // units before the latest allowed break
  std::size_t last_break_offset = 0;  // input offset of that break
  std::size_t end = 0;                // units so far

  [[nodiscard]] constexpr auto fill() const noexcept -> std::size_t {
    return end - part_start;
  }

  /// Adds a character of `size` units (1 or 2) found at input `offset`. `break_before` says a part
  /// may end just before it. `on_cut(offset, units)` is told where each new part starts, after
  /// `parts` counts it.
  template <class OnCut>
  constexpr void push(std::size_t size, bool break_before, std::size_t offset, OnCut&& on_cut) {
    if (break_before) {
      last_break = end;
      last_break_offset = offset;
    }
    const std::size_t new_end = end + size;
    while (new_end - part_start > per_part) {
      const bool at_break = last_break > part_start;
      part_start = at_break ? last_break : end;
      ++parts;
      on_cut(at_break ? last_break_offset : offset, part_start);
    }
    end = new_end;
  }

  /// The same as push(1 + bit i of `doubles`, true, base + i, on_cut) for every bit i of
  /// `starts` in order: the characters of one block of at most 64 input units, a part allowed to
  /// end before each, `units` (count_bits(starts) + count_bits(doubles)) in all. O(1) unless a
  /// part ends inside the block. `kernels` (see with_vector_kernels) finds the bit of a rank.
  template <class Kernels, class OnCut>
  SEPTET_ALWAYS_INLINE constexpr void push_block(Kernels kernels,
                                                 std::uint64_t starts,
                                                 std::uint64_t doubles,
                                                 std::size_t units,
                                                 std::size_t base,
                                                 OnCut&& on_cut) {
    while (starts != 0) {
      const std::size_t room = per_part - (end - part_start);
      if (units <= room) {
        const auto last = static_cast<std::size_t>(63 - std::countl_zero(starts));
        end += units;
        last_break = end - 1 - ((doubles >> last) & 1U);
        last_break_offset = base + last;
        return;
      }
      // A part ends inside the block, before the first character that does not fit.
      std::size_t taken = 0;
      std::size_t i = 0;
      const std::uint64_t second_units = doubles << 1U;
      if ((second_units & starts) == 0 && (doubles >> 63U) == 0) {
        // One bit per unit (a two-unit character is two bytes or more): the unit of rank `room`
        // is the first that does not fit, and its character is cut off whole.
        const std::uint64_t unit_bits = starts | (second_units & ~low_mask(starts));
        const std::size_t q = kernels.select_bit(unit_bits, room);
        i = ((starts >> q) & 1U) != 0 ? q : q - 1;
        taken = kernels.count_bits(unit_bits & low_bits(i));
      } else {
        // One-byte two-unit characters (GSM's ASCII extension characters): the byte of the
        // block where the units pass `room`, from running sums of units per byte, then its bits.
        const std::uint64_t through =
            running_sums(byte_counts(starts) + byte_counts(doubles & ~low_mask(starts)));
        std::size_t byte = 0;
        while (((through >> (8 * byte)) & 0xFFU) <= room) {
          ++byte;
        }
        taken = ((through << 8U) >> (8 * byte)) & 0xFFU;
        for (std::uint64_t m = starts & (std::uint64_t{0xFF} << (8 * byte));; m &= m - 1) {
          i = static_cast<std::size_t>(std::countr_zero(m));
          const std::size_t size = 1 + ((doubles >> i) & 1U);
          if (taken + size > room) {
            break;
          }
          taken += size;
        }
      }
      starts &= ~low_bits(i);
      units -= taken;
      end += taken;
      part_start = end;
      ++parts;
      on_cut(base + i, part_start);
    }
  }

  /// The same as `n` calls of push(1, true, offset + i, on_cut): `n` >= 1 one-unit characters of
  /// one byte each, a part allowed to end before every one. O(parts), not O(n).
  template <class OnCut>
  constexpr void push_unit_run(std::size_t n, std::size_t offset, OnCut&& on_cut) {
    while (n > 0) {
      if (end - part_start == per_part) {  // full: the next character starts a part
        part_start = end;
        ++parts;
        on_cut(offset, end);
      }
      const std::size_t take =
          n < per_part - (end - part_start) ? n : per_part - (end - part_start);
      end += take;
      offset += take;
      n -= take;
    }
    last_break = end - 1;
    last_break_offset = offset - 1;
  }
};

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_PART_SPLITTER_HPP

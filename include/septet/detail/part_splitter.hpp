#ifndef SEPTET_DETAIL_PART_SPLITTER_HPP
#define SEPTET_DETAIL_PART_SPLITTER_HPP

#include <cstddef>

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

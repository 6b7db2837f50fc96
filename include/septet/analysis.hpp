#ifndef SEPTET_ANALYSIS_HPP
#define SEPTET_ANALYSIS_HPP

#include <cstddef>
#include <limits>
#include <optional>
#include <septet/detail/always_inline.hpp>
#include <septet/detail/cut_log.hpp>
#include <septet/detail/part_splitter.hpp>
#include <septet/detail/utf8_block.hpp>
#include <septet/error.hpp>
#include <septet/grapheme.hpp>
#include <septet/gsm7.hpp>
#include <septet/national.hpp>
#include <septet/options.hpp>
#include <septet/unicode.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace septet::inline v0 {

/// A character that GSM 7-bit cannot carry, and so makes the whole message UCS-2.
struct non_gsm_character {
  std::size_t offset = 0;        ///< in input code units (bytes for UTF-8)
  std::size_t utf16_offset = 0;  ///< in UTF-16 code units (a JavaScript string index)
  char32_t code_point = 0;

  friend constexpr auto operator==(const non_gsm_character&, const non_gsm_character&) noexcept
      -> bool = default;
};

/// What a carrier will send and bill for a text.
struct analysis {
  /// ok, or the input's first encoding error (or invalid_option) and its offset; the figures
  /// then describe the text before that offset.
  result status;
  septet::encoding encoding = septet::encoding::gsm7;
  std::size_t characters = 0;  ///< code points
  std::size_t units = 0;       ///< septets (gsm7, extension characters 2) or UTF-16 units (ucs2)
  std::size_t parts = 1;       ///< an empty text is one (empty) part
  std::size_t units_remaining = 0;  ///< room left in the last part, in `units`
  std::size_t utf16_units = 0;      ///< length as the body cap counts it
  std::size_t non_gsm_count = 0;    ///< characters that forced UCS-2
  std::optional<non_gsm_character> first_non_gsm;
  septet::capacity capacity;  ///< for `encoding` under the options used
  /// ok, or body_too_long / too_many_parts with the offset of the first character past the cap
  /// or of the first part past the limit; when both are exceeded, the one crossed first.
  result limits;

  [[nodiscard]] constexpr auto ok() const noexcept -> bool {
    return status.ok();
  }
  [[nodiscard]] constexpr auto within_limits() const noexcept -> bool {
    return status.ok() && limits.ok();
  }
};

namespace detail {

inline constexpr std::size_t no_offset = std::numeric_limits<std::size_t>::max();

/// Whether text pushed to a tally may be followed by more (a stream) or ends the message.
enum class more_text : bool { may_follow, none };

/// Units `cp` costs in `e` (0 when GSM 7-bit cannot carry it).
[[nodiscard]] constexpr auto units_in(septet::encoding e,
                                      char32_t cp,
                                      const national_tables& tables = {}) noexcept -> std::size_t {
  return e == septet::encoding::gsm7 ? gsm7::septets(cp, tables) : utf16_length(cp);
}

/// The analysis state machine, fed one code point at a time; analyze() and counter share it so they
/// cannot disagree. Both encodings are split as the text goes, because one late non-GSM character
/// turns the whole message UCS-2 and a stream cannot be read twice (a whole text at run time lets
/// the UCS-2 split wait while it is GSM: see push_utf8_with).
class tally {
 public:
  /// Logs the splitters' cuts to `logs` when given (see cut_log).
  constexpr explicit tally(const septet::options& opts, cut_logs* logs = nullptr) noexcept
      : m_options(opts),
        m_logs(logs),
        m_gsm{.per_part = capacity_for(septet::encoding::gsm7, opts).per_part},
        m_ucs2{.per_part = capacity_for(septet::encoding::ucs2, opts).per_part} {}

  [[nodiscard]] constexpr auto options() const noexcept -> const septet::options& {
    return m_options;
  }

  constexpr void push(char32_t cp, std::size_t offset) noexcept {
    const bool break_before =
        m_options.boundary == boundary_policy::code_point || m_breaker.push(cp);
    const std::size_t utf16 = utf16_length(cp);
    const std::size_t septets = gsm7::septets(cp, m_options.national);
    if (septets == 0 && m_non_gsm_count++ == 0) {
      m_first_non_gsm = non_gsm_character{offset, m_utf16_units, cp};
    }
    if (m_non_gsm_count == 0) {
      m_gsm.push(septets, break_before, offset, gsm_cuts());
    }
    m_ucs2.push(utf16, break_before, offset, ucs2_cuts());
    m_utf16_units += utf16;
    if (m_options.max_characters != 0 && m_utf16_units > m_options.max_characters &&
        m_cap_offset == no_offset) {
      m_cap_offset = offset;
    }
    ++m_characters;
  }

  /// Run time only: pushes UTF-8 `text` found at `base`, counting runs of plain ASCII in bulk and
  /// letting utfcpp validate and decode the rest. Returns ok, or the first encoding error with its
  /// offset (base included); what comes before the error is pushed. After more_text::none, only
  /// finish() may follow.
  template <utf8_unit Char>
  auto push_utf8(std::basic_string_view<Char> text,
                 std::size_t base,
                 more_text more = more_text::may_follow) noexcept -> result {
    return with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE {
      return push_utf8_with(kernels, text, base, more);
    });
  }

  /// push_utf8 on the vector path of `kernels` (see with_vector_kernels).
  template <class Kernels, utf8_unit Char>
  SEPTET_ALWAYS_INLINE auto push_utf8_with(Kernels kernels,
                                           std::basic_string_view<Char> text,
                                           std::size_t base,
                                           more_text more) noexcept -> result {
    const Char* const p = text.data();
    const std::size_t n = text.size();
    std::size_t pos = 0;
    // Plain ASCII costs one septet each in the default alphabet only: a locking-shift table
    // moves letters, so then every character goes through push().
    const bool bulk = m_options.national.locking == national_language::none;
    // Blocks of mixed text need the default tables' shape (see utf8_block.hpp) and a break
    // allowed before every character.
    const bool blocks =
        m_options.boundary == boundary_policy::code_point && !m_options.national.any();
    // While a whole message is all GSM, its UCS-2 split waits: a text that ends GSM never needs
    // it, and for one that turns UCS-2 it is made then, from the text before the turn
    // (split_as_ucs2). A piece of a stream splits as it goes: its text is gone by the next.
    bool ucs2_waits = blocks && more == more_text::none && m_non_gsm_count == 0;
    const auto catch_up_ucs2 = [&]() SEPTET_ALWAYS_INLINE {
      if (ucs2_waits) {
        ucs2_waits = false;
        split_as_ucs2(kernels, p, pos, base);
      }
    };
    std::size_t slow_until = 0;  // past a block that is not valid UTF-8: one character at a time
    // In mixed text, blocks follow blocks: a scan for plain ASCII only pays after one that was all
    // single bytes.
    bool after_mixed_block = false;
    const auto bounds = kernels.class_bounds();
    while (pos < n) {
      const std::size_t run =
          bulk && !after_mixed_block ? kernels.plain_run(p + pos, n - pos, pos) : 0;
      if (run > 0) {
        std::size_t first = 0;
        if (m_options.boundary == boundary_policy::grapheme) {
          // The breaker decides before the first; between plain characters a break is always
          // allowed (GB999) and leaves the breaker's state as it is.
          push(byte_of(p[pos]), base + pos);
          first = 1;
        }
        if (run > first) {
          push_plain_run(run - first, base + pos + first, !ucs2_waits);
        }
        pos += run;
        continue;
      }
      if (blocks && pos >= slow_until) {
        const block_characters block =
            kernels.scan_block(text_block(p + pos, n - pos, pos), n - pos <= block_size, bounds);
        if (block.size != 0) {
          push_block(kernels, block, p + pos, base + pos);
          if (m_non_gsm_count != 0) {
            catch_up_ucs2();  // this block turned the message UCS-2
          }
          if (!ucs2_waits) {
            m_ucs2.push_block(kernels, block.starts, block.astral, utf16_units_of(kernels, block),
                              base + pos, ucs2_cuts());
          }
          pos += block.size;
          after_mixed_block = block.starts != low_bits(block.size);
          continue;
        }
        slow_until = pos + block_size;  // the loop below finds and names the error
      }
      catch_up_ucs2();  // push() splits both encodings
      after_mixed_block = false;
      const std::uint8_t byte = byte_of(p[pos]);
      if (byte < 0x80U) {
        push(byte, base + pos);
        ++pos;
        continue;
      }
      // A run of non-ASCII bytes holds whole sequences only, unless it is invalid.
      std::size_t stop = pos + 1;
      while (stop < n && byte_of(p[stop]) >= 0x80U) {
        ++stop;
      }
      const std::size_t valid = find_invalid_utf8(p + pos, stop - pos);
      const Char* it = p + pos;
      const Char* const valid_end = it + valid;
      while (it != valid_end) {
        const auto offset = base + static_cast<std::size_t>(it - p);
        push(next_valid_utf8(it), offset);
      }
      if (pos + valid != stop) {
        return {decode_utf8(valid_end, p + n).error, base + pos + valid};
      }
      pos = stop;
    }
    return {errc::ok, base + n};
  }

  /// Run time only: pushes UTF-16 `text`, counting runs of plain ASCII units in bulk (the form
  /// JavaScript strings arrive in through WebAssembly). Returns ok, or the first unpaired
  /// surrogate's offset.
  auto push_utf16(std::u16string_view text) noexcept -> result {
    const char16_t* const p = text.data();
    const std::size_t n = text.size();
    std::size_t pos = 0;
    const bool bulk = m_options.national.locking == national_language::none;
    while (pos < n) {
      std::size_t run = 0;
      while (bulk && pos + run < n && p[pos + run] < 0x80 && tables::plain_ascii[p[pos + run]]) {
        ++run;
      }
      if (run > 0) {
        std::size_t first = 0;
        if (m_options.boundary == boundary_policy::grapheme) {
          push(p[pos], pos);  // the breaker decides before the first, as in push_utf8
          first = 1;
        }
        if (run > first) {
          push_plain_run(run - first, pos + first);
        }
        pos += run;
        continue;
      }
      const char16_t unit = p[pos];
      if (m_non_gsm_count != 0 && m_options.boundary == boundary_policy::code_point) {
        // Already UCS-2: a run of BMP characters is one unit and one offset each, with a break
        // allowed before every one, so it can be counted in bulk too.
        std::size_t bmp = 0;
        std::size_t non_gsm = 0;
        while (pos + bmp < n && (p[pos + bmp] < 0xD800 || p[pos + bmp] > 0xDFFF) &&
               !(p[pos + bmp] < 0x80 && tables::plain_ascii[p[pos + bmp]])) {
          non_gsm += gsm7::septets(p[pos + bmp], m_options.national) != 0 ? std::size_t{0}
                                                                          : std::size_t{1};
          ++bmp;
        }
        if (bmp > 1) {
          push_ucs2_run(bmp, non_gsm, pos);
          pos += bmp;
          continue;
        }
      }
      if (unit < 0xD800 || unit > 0xDFFF) {
        push(unit, pos);
        ++pos;
        continue;
      }
      const bool paired =
          unit <= 0xDBFF && pos + 1 < n && p[pos + 1] >= 0xDC00 && p[pos + 1] <= 0xDFFF;
      if (!paired) {
        return {errc::utf16_unpaired_surrogate, pos};
      }
      push(0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10U) +
               (static_cast<char32_t>(p[pos + 1]) - 0xDC00),
           pos);
      pos += 2;
    }
    return {errc::ok, n};
  }

  /// The analysis of everything pushed, closed with `status`. Built in one piece: GCC cleared a
  /// default-constructed one with `rep stos` before filling it in, a tenth of a short message's
  /// encoding.
  [[nodiscard]] constexpr auto finish(result status) const noexcept -> analysis {
    const bool gsm = m_non_gsm_count == 0;
    const septet::encoding encoding = gsm ? septet::encoding::gsm7 : septet::encoding::ucs2;
    const septet::capacity capacity = capacity_for(encoding, m_options);
    const part_splitter& split = gsm ? m_gsm : m_ucs2;
    const bool single = split.end <= capacity.single_part;
    const std::size_t parts = single ? 1 : split.parts;
    // Of the two limits, report the one crossed first in the text.
    const bool over_parts = m_options.max_parts != 0 && parts > m_options.max_parts;
    const std::size_t parts_offset = gsm ? m_gsm_parts_over_offset : m_ucs2_parts_over_offset;
    result limits;
    if (over_parts && parts_offset < m_cap_offset) {
      limits = {errc::too_many_parts, parts_offset};
    } else if (m_cap_offset != no_offset) {
      limits = {errc::body_too_long, m_cap_offset};
    }
    return analysis{
        .status = status,
        .encoding = encoding,
        .characters = m_characters,
        .units = split.end,
        .parts = parts,
        .units_remaining =
            single ? capacity.single_part - split.end : capacity.per_part - split.fill(),
        .utf16_units = m_utf16_units,
        .non_gsm_count = m_non_gsm_count,
        .first_non_gsm = gsm ? std::nullopt : std::optional{m_first_non_gsm},
        .capacity = capacity,
        .limits = limits,
    };
  }

 private:
  /// Run time only: the characters of a block that scan_block read at `p` (input offset `base`),
  /// in bulk, as push() would take them one by one under code-point boundaries and the default
  /// GSM tables; all but the UCS-2 split, which the caller makes (or lets wait).
  template <class Kernels, utf8_unit Char>
  SEPTET_ALWAYS_INLINE void push_block(Kernels kernels,
                                       const block_characters& block,
                                       const Char* p,
                                       std::size_t base) noexcept {
    const std::uint64_t non_gsm = non_gsm_characters_of(block, p);
    const auto characters = kernels.count_bits(block.starts);
    const std::size_t utf16 = utf16_units_of(kernels, block);
    if (m_options.max_characters != 0 && m_cap_offset == no_offset &&
        m_utf16_units + utf16 > m_options.max_characters) {
      std::size_t units = m_utf16_units;
      for (std::uint64_t m = block.starts; m != 0; m &= m - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(m));
        units += 1 + ((block.astral >> i) & 1U);
        if (units > m_options.max_characters) {
          m_cap_offset = base + i;
          break;
        }
      }
    }
    if (m_non_gsm_count == 0) {
      if (non_gsm == 0) {
        m_gsm.push_block(kernels, block.starts, block.extension,
                         characters + kernels.count_bits(block.extension), base, gsm_cuts());
      } else {
        // The GSM split no longer matters: from here the message is UCS-2.
        const auto i = static_cast<std::size_t>(std::countr_zero(non_gsm));
        const std::uint64_t before = low_bits(i);
        m_first_non_gsm =
            non_gsm_character{base + i,
                              m_utf16_units + kernels.count_bits(block.starts & before) +
                                  kernels.count_bits(block.astral & before),
                              code_point_at(p + i)};
      }
    }
    m_non_gsm_count += kernels.count_bits(non_gsm);
    m_utf16_units += utf16;
    m_characters += characters;
  }

  /// `n` BMP characters of a message already known to be UCS-2 (so the GSM split no longer
  /// matters), `non_gsm` of them outside GSM, one offset each from `base`, breaks allowed.
  constexpr void push_ucs2_run(std::size_t n, std::size_t non_gsm, std::size_t base) noexcept {
    if (m_options.max_characters != 0 && m_cap_offset == no_offset &&
        m_utf16_units + n > m_options.max_characters) {
      m_cap_offset = base + (m_options.max_characters - m_utf16_units);
    }
    m_utf16_units += n;
    m_characters += n;
    m_non_gsm_count += non_gsm;
    m_ucs2.push_unit_run(n, base, ucs2_cuts());
  }

  /// `n` >= 1 plain ASCII characters (tables::plain_ascii) at offsets base.., each with a break
  /// allowed before it, in bulk; the UCS-2 split too unless it waits (`split_ucs2` false).
  constexpr void push_plain_run(std::size_t n, std::size_t base, bool split_ucs2 = true) noexcept {
    if (m_options.max_characters != 0 && m_cap_offset == no_offset &&
        m_utf16_units + n > m_options.max_characters) {
      m_cap_offset = base + (m_options.max_characters - m_utf16_units);
    }
    m_utf16_units += n;
    m_characters += n;
    if (m_non_gsm_count == 0) {
      m_gsm.push_unit_run(n, base, gsm_cuts());
    }
    if (split_ucs2) {
      m_ucs2.push_unit_run(n, base, ucs2_cuts());
    }
  }

  /// The UCS-2 split of the `n` bytes at `p` (input offset `base`), GSM text already counted:
  /// one UTF-16 unit per character, a break allowed before each.
  template <class Kernels, utf8_unit Char>
  SEPTET_ALWAYS_INLINE void split_as_ucs2(Kernels kernels,
                                          const Char* p,
                                          std::size_t n,
                                          std::size_t base) noexcept {
    for (std::size_t at = 0; at < n; at += block_size) {
      const std::uint64_t starts = kernels.mark_units(text_block(p + at, n - at, at), true).starts;
      m_ucs2.push_block(kernels, starts, 0, kernels.count_bits(starts), base + at, ucs2_cuts());
    }
  }

  /// A splitter's on_cut: notes where the part past max_parts starts, and logs the cut.
  struct cut_note {
    const part_splitter& split;
    std::size_t& over_offset;
    std::size_t max_parts;
    cut_log* log;

    constexpr void operator()(std::size_t offset, std::size_t units) const noexcept {
      if (split.parts == max_parts + 1) {
        over_offset = offset;
      }
      if (log != nullptr) {
        log->add(offset, units);
      }
    }
  };

  [[nodiscard]] constexpr auto gsm_cuts() noexcept -> cut_note {
    return {m_gsm, m_gsm_parts_over_offset, m_options.max_parts,
            m_logs != nullptr ? &m_logs->gsm : nullptr};
  }
  [[nodiscard]] constexpr auto ucs2_cuts() noexcept -> cut_note {
    return {m_ucs2, m_ucs2_parts_over_offset, m_options.max_parts,
            m_logs != nullptr ? &m_logs->ucs2 : nullptr};
  }

  septet::options m_options;
  cut_logs* m_logs = nullptr;
  grapheme_breaker m_breaker;
  part_splitter m_gsm;
  part_splitter m_ucs2;
  std::size_t m_characters = 0;
  std::size_t m_utf16_units = 0;
  std::size_t m_non_gsm_count = 0;
  non_gsm_character m_first_non_gsm;  // set with the first non-GSM character (m_non_gsm_count)
  std::size_t m_cap_offset = no_offset;
  std::size_t m_gsm_parts_over_offset = no_offset;
  std::size_t m_ucs2_parts_over_offset = no_offset;
};

/// analyze() one code point at a time: what constant evaluation runs, and the reference that
/// tests and fuzzers hold the run-time fast path to.
template <code_unit Char>
[[nodiscard]] constexpr auto analyze_per_code_point(std::basic_string_view<Char> text,
                                                    const options& opts,
                                                    cut_logs* logs = nullptr) -> analysis {
  tally counts(opts, logs);
  if (!valid(opts)) {
    return counts.finish({errc::invalid_option, 0});
  }
  const result status =
      for_each_code_point(text, [&](char32_t cp, std::size_t offset) { counts.push(cp, offset); });
  return counts.finish(status.ok() ? result{errc::ok, text.size()} : status);
}

/// analyze() at run time through the fast path; `logs`, when given, gets the splitters' cuts.
template <code_unit Char>
[[nodiscard]] constexpr auto analyze_text(std::basic_string_view<Char> text,
                                          const options& opts,
                                          cut_logs* logs = nullptr) -> analysis {
  if (!std::is_constant_evaluated() && valid(opts)) {
    if constexpr (utf8_unit<Char>) {
      tally counts(opts, logs);
      return counts.finish(counts.push_utf8(text, 0, more_text::none));
    } else if constexpr (std::same_as<Char, char16_t>) {
      tally counts(opts, logs);
      return counts.finish(counts.push_utf16(text));
    }
  }
  return analyze_per_code_point(text, opts, logs);
}

template <code_unit Char>
[[nodiscard]] constexpr auto non_gsm_in(std::basic_string_view<Char> text,
                                        std::span<non_gsm_character> out,
                                        const national_tables& tables = {}) -> result {
  std::size_t found = 0;
  std::size_t utf16_offset = 0;
  const result status = for_each_code_point(text, [&](char32_t cp, std::size_t offset) {
    if (gsm7::septets(cp, tables) == 0) {
      if (found < out.size()) {
        out[found] = {offset, utf16_offset, cp};
      }
      ++found;
    }
    utf16_offset += utf16_length(cp);
  });
  if (!status.ok()) {
    return status;
  }
  if (found > out.size()) {
    return {errc::output_too_small, found};
  }
  return {errc::ok, found};
}

template <code_unit Char>
[[nodiscard]] auto non_gsm_in(std::basic_string_view<Char> text, const national_tables& tables = {})
    -> outcome<std::vector<non_gsm_character>> {
  return fill_owning<std::vector<non_gsm_character>>(
      [&](std::span<non_gsm_character> out) { return non_gsm_in(text, out, tables); });
}

}  // namespace detail

/// Analyzes `text` (UTF-8, UTF-16 or UTF-32): encoding, units, parts, room left, and the first
/// character that forced UCS-2. Usable in constant expressions. Limits are reported in
/// `analysis::limits`, never applied by truncating.
template <text Text>
[[nodiscard]] constexpr auto analyze(const Text& text, const options& opts = {}) -> analysis {
  return detail::analyze_text(as_view(text), opts);
}

/// Checks `text` against the encoding rules and the limits in `opts`: ok with the input size, or
/// the first problem (invalid input, invalid option, body_too_long, too_many_parts) and its offset.
template <text Text>
[[nodiscard]] constexpr auto check(const Text& text, const options& opts = {}) -> result {
  const analysis a = analyze(text, opts);
  if (!a.ok()) {
    return a.status;
  }
  return a.limits.ok() ? a.status : a.limits;
}

/// Lists every character GSM 7-bit cannot carry into `out`, in order. Returns ok with the count
/// written; output_too_small with the count needed; or the input's encoding error and offset.
template <text Text>
[[nodiscard]] constexpr auto non_gsm_characters(const Text& text, std::span<non_gsm_character> out)
    -> result {
  return detail::non_gsm_in(as_view(text), out);
}

/// Owning form of non_gsm_characters (may throw std::bad_alloc).
template <text Text>
[[nodiscard]] auto non_gsm_characters(const Text& text) -> outcome<std::vector<non_gsm_character>> {
  return detail::non_gsm_in(as_view(text));
}

/// Every character that GSM 7-bit cannot carry under national `tables` (owning form).
template <text Text>
[[nodiscard]] auto non_gsm_characters(const Text& text, const national_tables& tables)
    -> outcome<std::vector<non_gsm_character>> {
  return detail::non_gsm_in(as_view(text), tables);
}

}  // namespace septet::inline v0

#endif  // SEPTET_ANALYSIS_HPP

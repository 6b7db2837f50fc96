#ifndef SEPTET_SEGMENT_HPP
#define SEPTET_SEGMENT_HPP

#include <cstddef>
#include <septet/analysis.hpp>
#include <span>
#include <vector>

namespace septet::inline v0 {

/// One SMS part: the input range [begin, end), in input code units (bytes for UTF-8), and the
/// units it costs in the message's encoding.
struct part {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t units = 0;

  friend constexpr auto operator==(const part&, const part&) noexcept -> bool = default;
};

namespace detail {

/// Hands the parts between a splitter's cuts to `visit`.
template <class Visitor>
class part_visits {
 public:
  constexpr explicit part_visits(Visitor& visit) noexcept : m_visit(visit) {}

  /// A part ends before input offset `offset`, after `units` units in all: the splitter's on_cut.
  constexpr void operator()(std::size_t offset, std::size_t units) {
    m_visit(part{m_begin, offset, units - m_begin_units});
    m_begin = offset;
    m_begin_units = units;
  }
  /// The last part, up to the end of the input.
  constexpr void finish(std::size_t size, std::size_t units) {
    m_visit(part{m_begin, size, units - m_begin_units});
  }

 private:
  Visitor& m_visit;
  std::size_t m_begin = 0;
  std::size_t m_begin_units = 0;
};

/// for_each_part one code point at a time: what constant evaluation runs, and the reference the
/// run-time fast path is tested against.
template <code_unit Char, class Visitor>
constexpr void for_each_part_per_code_point(std::basic_string_view<Char> text,
                                            const analysis& a,
                                            const options& opts,
                                            Visitor&& visit) {
  if (a.parts == 1) {
    visit(part{0, text.size(), a.units});
    return;
  }
  part_splitter split{.per_part = a.capacity.per_part};
  part_visits<Visitor> parts(visit);
  grapheme_breaker breaker;
  (void)for_each_code_point(text, [&](char32_t cp, std::size_t offset) {
    const bool break_before = opts.boundary == boundary_policy::code_point || breaker.push(cp);
    split.push(units_in(a.encoding, cp, opts.national), break_before, offset, parts);
  });
  parts.finish(text.size(), split.end);
}

/// Calls `visit(part)` for every part of `text`, whose analysis under `opts` is `a` (valid
/// text assumed, as `a.ok()` says).
template <code_unit Char, class Visitor>
constexpr void for_each_part(std::basic_string_view<Char> text,
                             const analysis& a,
                             const options& opts,
                             Visitor&& visit) {
  // Every character one input unit and one unit of the encoding (ASCII without extension
  // characters, say), and a break allowed before each: the parts are per_part units long.
  const std::size_t per_part = a.capacity.per_part;
  if (a.parts > 1 && opts.boundary == boundary_policy::code_point && a.characters == text.size() &&
      a.units == a.characters && per_part != 0) {
    for (std::size_t begin = 0; begin < text.size(); begin += per_part) {
      const std::size_t size = text.size() - begin < per_part ? text.size() - begin : per_part;
      visit(part{begin, begin + size, size});
    }
    return;
  }
  // Run time, UTF-8, more than one part, no grapheme rule and no locking-shift table: runs of
  // plain ASCII cost one unit per byte in either encoding and may break anywhere, so they are
  // split in bulk, and so is mixed text, a block at a time, under the default tables; the text is
  // known valid (a.ok()), so what is left decodes without checking again.
  if constexpr (utf8_unit<Char>) {
    if (!std::is_constant_evaluated() && a.parts > 1 &&
        opts.boundary == boundary_policy::code_point &&
        opts.national.locking == national_language::none) {
      part_splitter split{.per_part = a.capacity.per_part};
      part_visits<Visitor> parts(visit);
      const Char* const p = text.data();
      const std::size_t n = text.size();
      // One loop per vector path, the path read once (see with_vector_kernels).
      with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE {
        std::size_t pos = 0;
        if (!opts.national.any()) {
          // The default tables: a block of 64 bytes at a time (see utf8_block.hpp).
          const bool gsm = a.encoding == septet::encoding::gsm7;
          for (; pos < n; pos += block_size) {
            const unit_marks marks = kernels.mark_units(text_block(p + pos, n - pos, pos), gsm);
            split.push_block(kernels, marks.starts, marks.doubles,
                             kernels.count_bits(marks.starts) + kernels.count_bits(marks.doubles),
                             pos, parts);
          }
        }
        while (pos < n) {
          const std::size_t run = kernels.plain_run(p + pos, n - pos, pos);
          if (run > 0) {
            split.push_unit_run(run, pos, parts);
            pos += run;
            continue;
          }
          const Char* it = p + pos;
          const char32_t cp =
              byte_of(*it) < 0x80U ? static_cast<char32_t>(byte_of(*it++)) : next_valid_utf8(it);
          split.push(units_in(a.encoding, cp, opts.national), true, pos, parts);
          pos = static_cast<std::size_t>(it - p);
        }
      });
      parts.finish(n, split.end);
      return;
    }
  }
  for_each_part_per_code_point(text, a, opts, visit);
}

/// A text, its analysis under some options, and the cuts the analysis made, so that its parts
/// come from one pass over the text (a second one only when the cut log overflowed).
template <code_unit Char>
class analyzed_text {
 public:
  constexpr analyzed_text(std::basic_string_view<Char> text, const septet::options& opts)
      : m_text(text), m_options(opts), m_analysis(analyze_text(text, opts, &m_cuts)) {}

  [[nodiscard]] constexpr auto text() const noexcept -> std::basic_string_view<Char> {
    return m_text;
  }
  [[nodiscard]] constexpr auto options() const noexcept -> const septet::options& {
    return m_options;
  }
  [[nodiscard]] constexpr auto analysis() const noexcept -> const septet::analysis& {
    return m_analysis;
  }

  /// Calls `visit(part)` for every part (valid text assumed, as analysis().ok() says).
  template <class Visitor>
  constexpr void for_each_part(Visitor&& visit) const {
    const cut_log& cuts = m_analysis.encoding == septet::encoding::gsm7 ? m_cuts.gsm : m_cuts.ucs2;
    if (m_analysis.parts == 1 || !cuts.complete() || cuts.count() + 1 != m_analysis.parts) {
      detail::for_each_part(m_text, m_analysis, m_options, visit);
      return;
    }
    std::size_t begin = 0;
    for (std::size_t k = 0; k < cuts.count(); ++k) {
      visit(part{begin, cuts.offset(k), cuts.part_units(k)});
      begin = cuts.offset(k);
    }
    visit(part{begin, m_text.size(), m_analysis.units - cuts.units()});
  }

 private:
  std::basic_string_view<Char> m_text;
  septet::options m_options;
  cut_logs m_cuts;  // before m_analysis, which fills it
  septet::analysis m_analysis;
};

/// Splits an analyzed text into `out`.
template <code_unit Char>
constexpr auto split_analyzed(const analyzed_text<Char>& text, std::span<part> out) -> result {
  const analysis& a = text.analysis();
  if (!a.ok()) {
    return a.status;
  }
  if (!a.limits.ok()) {
    return a.limits;
  }
  if (a.parts > out.size()) {
    return {errc::output_too_small, a.parts};
  }
  std::size_t written = 0;
  // The split makes a.parts parts; the guard keeps a disagreement from ever writing past `out`.
  text.for_each_part([&](const part& p) {
    if (written < out.size()) {
      out[written++] = p;
    }
  });
  return {errc::ok, written};
}

}  // namespace detail

/// Splits `text` into the parts a carrier sends, writing them to `out` (no allocation). One part
/// when the text fits 160 septets / 70 units, else parts of at most capacity_for(...).per_part.
/// Parts are contiguous and cover the input byte for byte. Returns ok with the number of parts;
/// output_too_small with the number needed; or the input error / exceeded limit and its offset.
template <text Text>
[[nodiscard]] constexpr auto segment(const Text& text,
                                     std::span<part> out,
                                     const options& opts = {}) -> result {
  return detail::split_analyzed(detail::analyzed_text(as_view(text), opts), out);
}

/// Owning form of segment (may throw std::bad_alloc).
template <text Text>
[[nodiscard]] auto segment(const Text& text, const options& opts = {})
    -> outcome<std::vector<part>> {
  const detail::analyzed_text analyzed(as_view(text), opts);
  const analysis& a = analyzed.analysis();
  return detail::fill_bounded<std::vector<part>>(
      a.within_limits() ? a.parts : 0,
      [&](std::span<part> out) { return detail::split_analyzed(analyzed, out); });
}

/// The text of part `p` of `text` (a part segment() gave for that text): a view into `text`, in
/// its own code units.
template <text Text>
[[nodiscard]] constexpr auto part_text(const Text& text, const part& p) noexcept {
  const auto view = as_view(text);
  const auto begin = p.begin < view.size() ? p.begin : view.size();
  const auto end = p.end < view.size() ? p.end : view.size();
  return view.substr(begin, end > begin ? end - begin : 0);
}

}  // namespace septet::inline v0

#endif  // SEPTET_SEGMENT_HPP

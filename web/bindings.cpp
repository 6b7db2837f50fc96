// C ABI over the septet core for WebAssembly. Text comes in as UTF-16 code units (a JavaScript
// string's own units), so every offset handed back is a JavaScript string index and a lone
// surrogate typed in JS is a typed error, not a silent replacement.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <septet/septet.hpp>
#include <span>
#include <string_view>

namespace {

auto options_for(std::uint32_t udh_octets, std::uint32_t grapheme) -> septet::options {
  septet::options opts;
  opts.udh_octets = udh_octets;
  opts.boundary =
      grapheme != 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
  return opts;
}

auto to_u32(std::size_t value) -> std::uint32_t {
  return static_cast<std::uint32_t>(value);
}

}  // namespace

extern "C" {

/// Writes the analysis to `out[0..15)`: status code and offset, encoding (0 gsm7, 1 ucs2),
/// characters, units, parts, units remaining, UTF-16 length, non-GSM count, first non-GSM index
/// and code point (or 0xFFFFFFFF), single-part and per-part capacity, limit code and offset.
EMSCRIPTEN_KEEPALIVE void septet_analyze(const char16_t* text,
                                         std::uint32_t size,
                                         std::uint32_t udh_octets,
                                         std::uint32_t grapheme,
                                         std::uint32_t* out) {
  const auto a =
      septet::analyze(std::u16string_view(text, size), options_for(udh_octets, grapheme));
  const std::uint32_t none = 0xFFFFFFFFU;
  const std::uint32_t fields[] = {
      static_cast<std::uint32_t>(a.status.ec),
      to_u32(a.status.count),
      a.encoding == septet::encoding::gsm7 ? 0U : 1U,
      to_u32(a.characters),
      to_u32(a.units),
      to_u32(a.parts),
      to_u32(a.units_remaining),
      to_u32(a.utf16_units),
      to_u32(a.non_gsm_count),
      a.first_non_gsm ? to_u32(a.first_non_gsm->offset) : none,
      a.first_non_gsm ? static_cast<std::uint32_t>(a.first_non_gsm->code_point) : none,
      to_u32(a.capacity.single_part),
      to_u32(a.capacity.per_part),
      static_cast<std::uint32_t>(a.limits.ec),
      to_u32(a.limits.count),
  };
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    out[i] = fields[i];
  }
}

/// Writes (begin, end, units) for each part, at most `capacity` of them, ignoring limits; returns
/// the number of parts (0 for invalid text).
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_segments(const char16_t* text,
                                                   std::uint32_t size,
                                                   std::uint32_t udh_octets,
                                                   std::uint32_t grapheme,
                                                   std::uint32_t* out,
                                                   std::uint32_t capacity) {
  auto opts = options_for(udh_octets, grapheme);
  opts.max_characters = 0;
  opts.max_parts = 0;
  const std::u16string_view view(text, size);
  const auto a = septet::analyze(view, opts);
  if (!a.ok()) {
    return 0;
  }
  std::uint32_t written = 0;
  septet::detail::for_each_part(view, a, opts, [&](const septet::part& p) {
    if (written < capacity) {
      out[3 * written] = to_u32(p.begin);
      out[3 * written + 1] = to_u32(p.end);
      out[3 * written + 2] = to_u32(p.units);
    }
    ++written;
  });
  return written;
}

/// Writes (index, code point) for each character GSM 7-bit cannot carry, at most `capacity`;
/// returns how many there are (0 for invalid text).
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_non_gsm(const char16_t* text,
                                                  std::uint32_t size,
                                                  std::uint32_t* out,
                                                  std::uint32_t capacity) {
  std::uint32_t found = 0;
  const auto status = septet::for_each_code_point(
      std::u16string_view(text, size), [&](char32_t cp, std::size_t at) {
        if (!septet::gsm7::is_gsm7(cp)) {
          if (found < capacity) {
            out[2 * found] = to_u32(at);
            out[2 * found + 1] = static_cast<std::uint32_t>(cp);
          }
          ++found;
        }
      });
  return status.ok() ? found : 0;
}

/// The stable name of an error code, e.g. "utf16_unpaired_surrogate".
EMSCRIPTEN_KEEPALIVE const char* septet_error_name(std::uint32_t code) {
  return septet::name(static_cast<septet::errc>(code)).data();
}

/// Its English description.
EMSCRIPTEN_KEEPALIVE const char* septet_error_message(std::uint32_t code) {
  return septet::to_string(static_cast<septet::errc>(code)).data();
}

}  // extern "C"

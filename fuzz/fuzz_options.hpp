#ifndef SEPTET_FUZZ_OPTIONS_HPP
#define SEPTET_FUZZ_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <septet/options.hpp>

// National tables chosen by one input byte: none most of the time, else one language's tables
// or a mixed pair (each IE carries its own language).
inline auto fuzz_national(std::uint8_t selector) -> septet::national_tables {
  using septet::national_language;
  constexpr septet::national_tables pairs[] = {
      {},
      {},
      {},
      {},
      {national_language::turkish, national_language::none},
      {national_language::turkish, national_language::turkish},
      {national_language::none, national_language::spanish},
      {national_language::hindi, national_language::hindi},
      {national_language::bengali, national_language::gujarati},
      {national_language::turkish, national_language::portuguese},
      {national_language::urdu, national_language::hindi},
  };
  return pairs[(selector * 37U) % std::size(pairs)];
}

// Options chosen by one input byte, so the fuzzer explores them too.
inline auto fuzz_options(std::uint8_t selector) -> septet::options {
  septet::options opts;
  opts.boundary = (selector & 1U) != 0 ? septet::boundary_policy::grapheme
                                       : septet::boundary_policy::code_point;
  opts.udh_octets = (selector & 2U) != 0 ? 7 : 6;
  if ((selector & 4U) != 0) {
    opts.udh_octets = 100 + (selector >> 5U);  // tiny parts: many cuts
  }
  opts.max_characters = (selector & 8U) != 0 ? 0 : 1 + (selector >> 4U) * 13U;
  opts.max_parts = (selector & 16U) != 0 ? 0 : 1 + (selector >> 6U);
  opts.national = fuzz_national(selector);
  return opts;
}

#endif  // SEPTET_FUZZ_OPTIONS_HPP

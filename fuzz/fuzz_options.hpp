#ifndef SEPTET_FUZZ_OPTIONS_HPP
#define SEPTET_FUZZ_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <septet/options.hpp>

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
  // National tables: none most of the time, else a Turkish, Spanish or Hindi pair.
  using septet::national_language;
  constexpr septet::national_tables pairs[] = {
      {},
      {},
      {},
      {national_language::turkish, national_language::none},
      {national_language::turkish, national_language::turkish},
      {national_language::none, national_language::spanish},
      {national_language::hindi, national_language::hindi},
  };
  opts.national = pairs[(selector * 37U) % std::size(pairs)];
  return opts;
}

#endif  // SEPTET_FUZZ_OPTIONS_HPP

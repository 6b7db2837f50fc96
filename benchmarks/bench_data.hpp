#ifndef SEPTET_BENCHMARKS_BENCH_DATA_HPP
#define SEPTET_BENCHMARKS_BENCH_DATA_HPP

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// Inputs made in-process (nothing is downloaded): `size` bytes of text of one class, cut at a
// character boundary.
namespace septet_bench {

enum class text_class { ascii, gsm_extension, latin1, cyrillic, cjk, emoji };

inline auto text_of(text_class kind, std::size_t size) -> std::string {
  std::string_view piece;
  switch (kind) {
    case text_class::ascii:
      piece = "Your verification code is 483920. It expires in 10 minutes. ";
      break;
    case text_class::gsm_extension:
      piece = "Pay {EUR} 12 \xE2\x82\xAC [ref: A|B] ~ ok ^ ";
      break;
    case text_class::latin1:
      piece =
          "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
          "e \xC3\xA0 l'\xC3\xA9picerie ";
      break;
    case text_class::cyrillic:
      piece = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80! ";
      break;
    case text_class::cjk:
      piece = "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\xE3\x80\x82";
      break;
    case text_class::emoji:
      piece = "ok \xF0\x9F\x98\x80\xF0\x9F\x8E\x89 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ";
      break;
  }
  std::string text;
  while (text.size() < size) {
    text += piece;
  }
  // Cut back to a character boundary at or below `size`.
  std::size_t end = size;
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
    --end;
  }
  text.resize(end);
  return text;
}

/// Reports `bytes` per iteration as bytes/s, and one message per iteration as items/s.
inline void set_throughput(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

}  // namespace septet_bench

#endif  // SEPTET_BENCHMARKS_BENCH_DATA_HPP
